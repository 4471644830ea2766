import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A span in a file: 1-based lines and columns, end exclusive as in ESLint. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type YamlPath = ReadonlyArray<string | number>;

export const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** What converts offsets to lines and columns: yaml's LineCounter, or the line scanner's index. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
  readonly lineStarts: ArrayLike<number>;
}

/** Where a text's lines start: offset 0, and after every line feed (as yaml's LineCounter counts lines). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search over line starts (as yaml's LineCounter.linePos gives them). */
export function linePosAt(starts: ArrayLike<number>, offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}

export function rangeFromOffsets(lc: LinePositions, start: number, end: number): Range {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  // A node that ends with its line break (block collections do) ends at the end of its last line, not at the
  // start of the next one, which after a file's final line break would be a line the file does not have.
  if (b.col === 1 && b.line > a.line) {
    const starts = lc.lineStarts;
    return { line: a.line, column: a.col, endLine: b.line - 1, endColumn: starts[b.line - 1]! - starts[b.line - 2]! };
  }
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

export function rangeOfNode(lc: LineCounter, node: Node | null | undefined): Range | undefined {
  if (!node?.range) return undefined;
  const [start, valueEnd] = node.range;
  return rangeFromOffsets(lc, start, valueEnd);
}

/**
 * The node at `path` in a parsed document, or the deepest existing ancestor.
 * With `key: true`, a final string segment resolves to the key node of the
 * pair rather than its value (used to point at an unknown field's name).
 */
export function nodeAt(doc: Document, path: YamlPath, opts: { key?: boolean } = {}): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return found;
      if (last && opts.key && isNode(pair.key)) return pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      return found;
    }
    if (isNode(node)) found = node;
    else return found;
  }
  return found;
}

export function rangeAt(doc: Document, lc: LineCounter, path: YamlPath, opts: { key?: boolean } = {}): Range {
  return rangeOfNode(lc, nodeAt(doc, path, opts)) ?? FILE_START;
}

/** Parse a JSON pointer (`/claims/3/value`) into a YAML path. */
export function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Lengths of a text's lines, without their line feed (a CR of a CRLF ending
 * counts, as the parser's positions count it); a final line break does not
 * start a line.
 */
export function lineLengths(text: string): number[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.length);
}

/**
 * A range moved inside its text: lines 1 to the last line, columns 1 to one
 * past the end of their line, the end not before the start. Parsers' error
 * positions may point past the end of a truncated last line, or at the line
 * after the last.
 */
export function clampRange(r: Range, lengths: readonly number[]): Range {
  const last = Math.max(1, lengths.length);
  const at = (line: number, column: number): [number, number] => {
    const l = Math.min(Math.max(1, Number.isFinite(line) ? line : last), last);
    const max = (lengths[l - 1] ?? 0) + 1;
    const c = line > last ? max : Math.min(Math.max(1, Number.isFinite(column) ? column : 1), max);
    return [l, c];
  };
  const [line, column] = at(r.line, r.column);
  let [endLine, endColumn] = at(r.endLine, r.endColumn);
  if (endLine < line || (endLine === line && endColumn < column)) [endLine, endColumn] = [line, column];
  return { line, column, endLine, endColumn };
}

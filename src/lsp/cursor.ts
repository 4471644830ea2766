/**
 * Where the cursor is in a claim file, read from the lines above it by
 * indentation: the YAML path of the mapping or value being typed. Works on
 * half-typed documents that do not parse (which is when completion is asked).
 */

/** A path segment: a mapping key, or `*` for "an item of this list". */
export type Segment = string;

export interface Cursor {
  /** `key`: typing a field name of the mapping at `path`; `value`: typing the scalar at `path`. */
  mode: 'key' | 'value';
  path: Segment[];
  /** The word typed so far (without an opening quote). */
  prefix: string;
  /** Character where the word starts on the cursor's line. */
  start: number;
}

interface LineShape {
  /** Columns of the `- ` list markers at the start of the line. */
  dashes: number[];
  /** Column where the content after indentation and markers starts. */
  content: number;
  /** The key the content starts with, if any. */
  key?: string;
  /** Whether the line has nothing after `key:` (its value is on the lines below). */
  open: boolean;
  blank: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#:'"[\]{},][^:#]*?)\s*:(?=\s|$)/;

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

export function shapeOf(line: string): LineShape {
  const dashes: number[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  const blank = rest.trim() === '' || rest.startsWith('#');
  const m = KEY.exec(rest);
  const key = m ? unquote(m[1]!.trim()) : undefined;
  const open = m ? rest.slice(m[0].length).replace(/\s+#.*$/, '').trim() === '' : false;
  return { dashes, content: i, ...(key !== undefined ? { key } : {}), open, blank: blank && dashes.length === 0 };
}

/**
 * The path of the mapping that the content at column `col` of line `lineNo`
 * belongs to, from the lines above.
 */
function ancestors(lines: readonly string[], lineNo: number, col: number): Segment[] {
  const path: Segment[] = [];
  let target = col;
  for (let i = lineNo - 1; i >= 0 && target > 0; i--) {
    const s = shapeOf(lines[i]!);
    if (s.blank) continue;
    const lineStart = s.dashes[0] ?? s.content;
    if (lineStart > target) continue; // deeper: inside a sibling
    const items = s.dashes.map(() => '*');
    if (s.content === target) {
      // A sibling; one that opens a list item makes this mapping that item.
      if (items.length) {
        path.unshift(...items);
        target = lineStart;
      }
      continue;
    }
    if (s.content > target || s.key === undefined) continue;
    path.unshift(s.key);
    path.unshift(...items);
    target = lineStart;
  }
  return path;
}

/** The cursor's place in the document (0-based line and character). */
export function cursorAt(text: string, line: number, character: number): Cursor {
  const lines = text.split(/\r?\n/);
  const full = lines[line] ?? '';
  const before = full.slice(0, character);
  const s = shapeOf(before);
  const items = s.dashes.map(() => '*');
  // The mapping the line's content sits in.
  let base: Segment[];
  if (s.dashes.length) {
    // `key:` then `- item` at the key's own column: the list belongs to that key.
    const indentless = indentlessOwner(lines, line, s.dashes[0]!);
    base = indentless ? [...indentless, ...items] : [...ancestors(lines, line, s.dashes[0]!), ...items];
  } else {
    base = ancestors(lines, line, s.content);
  }
  const rest = before.slice(s.content);
  const word = /[^\s[\]{},:'"]*$/.exec(rest)![0];
  const start = character - word.length;
  const m = KEY.exec(rest);
  if (!m) {
    if (s.dashes.length && /^["']?[^\s[\]{},:'"]*$/.test(rest)) {
      // `- item`: a scalar item of a list, or the first key of a mapping item.
      return { mode: 'key', path: base, prefix: word, start };
    }
    if (/^[^\s:'"[\]{},#]*$/.test(rest)) return { mode: 'key', path: base, prefix: word, start };
    return { mode: 'value', path: base, prefix: word, start };
  }
  const key = unquote(m[1]!.trim());
  const value = rest.slice(m[0].length);
  const flow = flowPath(value);
  return { mode: flow.mode, path: [...base, key, ...flow.path], prefix: word, start };
}

/** Inside `[a, b` or `{ k: v, k2` on one line: the path within the flow collection. */
function flowPath(value: string): { mode: 'key' | 'value'; path: Segment[] } {
  const path: Segment[] = [];
  const stack: Array<'[' | '{'> = [];
  let token = '';
  let quote: string | undefined;
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = undefined;
      token += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      token += ch;
    } else if (ch === '[' || ch === '{') {
      stack.push(ch);
      if (ch === '[') path.push('*');
      token = '';
    } else if (ch === ']' || ch === '}') {
      const open = stack.pop();
      if (open === '[') path.pop();
      else if (open === '{' && path.length && !path[path.length - 1]!.startsWith('{')) path.pop();
      token = '';
    } else if (ch === ',') {
      if (stack[stack.length - 1] === '{' && path.length) path.pop();
      token = '';
    } else if (ch === ':' && stack[stack.length - 1] === '{') {
      path.push(unquote(token.trim()));
      token = '';
    } else {
      token += ch;
    }
  }
  const inMapping = stack[stack.length - 1] === '{';
  if (inMapping) {
    // After `{` or `,` with no `:` yet: typing a key.
    const typingKey = !/:\s*\S*$/.test(value) || /[{,]\s*[^:,{]*$/.test(value);
    return { mode: typingKey ? 'key' : 'value', path };
  }
  return { mode: 'value', path };
}

function indentlessOwner(lines: readonly string[], lineNo: number, col: number): Segment[] | undefined {
  for (let i = lineNo - 1; i >= 0; i--) {
    const s = shapeOf(lines[i]!);
    if (s.blank) continue;
    if (s.dashes.length && s.dashes[0] === col) continue; // an earlier item of the same list
    if (s.dashes.length === 0 && s.content === col && s.key !== undefined && s.open) {
      return [...ancestors(lines, i, col), s.key];
    }
    if (s.content <= col || (s.dashes.length && s.dashes[0]! < col)) return undefined;
  }
  return undefined;
}

/** The word (a reference id, a claim id, an enum value) under the cursor, and where it is. */
export function wordAt(text: string, line: number, character: number): { word: string; start: number; end: number } | undefined {
  const l = text.split(/\r?\n/)[line] ?? '';
  const isWord = (ch: string | undefined) => ch !== undefined && /[^\s[\]{},:'"#]/.test(ch);
  let a = character;
  let b = character;
  while (a > 0 && isWord(l[a - 1])) a--;
  while (b < l.length && isWord(l[b])) b++;
  if (a === b) return undefined;
  return { word: l.slice(a, b), start: a, end: b };
}

/**
 * Positions without a second parse: a line scanner for the block YAML that
 * claim files are written in, giving every node's range exactly as the
 * `yaml` package's parser does (its `range[0]` and value end), for a
 * fraction of its time and memory.
 *
 * The data itself is read by js-yaml (loader.ts). This scanner only finds
 * where each node is, and accepts a deliberately small subset of YAML:
 * block mappings with plain keys, block sequences, plain, single- and
 * double-quoted scalars (also over several lines), literal and folded block
 * scalars (clip or strip), and flow sequences and mappings of scalars.
 * Anything else — anchors, aliases, tags, tabs, quoted or complex keys,
 * `|+`, explicit indentation, several documents, directives — makes it
 * return `undefined`, and the caller parses the file with `yaml`. The tree
 * it builds is then checked against the data js-yaml read (same keys, same
 * lengths, scalars where scalars are): a file the scanner misreads is never
 * located by it. test/load/block-positions.test.ts compares it with `yaml`
 * on every node of the bundled register, the fixtures and fuzzed files.
 */
import { lineStarts, linePosAt, rangeFromOffsets, type Range, type YamlPath } from './location.js';

/** Where a scalar's text sits, as the yaml package types it. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'empty';

/** One node of the scanned tree: offsets into the text, end exclusive. */
export interface PositionNode {
  start: number;
  end: number;
  /** Where a collection containing this node as its last item ends (a line break after a scalar counts). */
  tail: number;
  /** The key's span, for a mapping value. */
  keyStart?: number;
  keyEnd?: number;
  map?: Map<string, PositionNode>;
  seq?: PositionNode[];
  style?: ScalarStyle;
}

class Bail extends Error {}
function bail(): never {
  throw new Bail();
}

/** A plain key (the names claim files use), read in place at `lastIndex`, followed by `: ` or the end of its line. */
const PLAIN_KEY_AT = /[A-Za-z0-9_][A-Za-z0-9_./-]*(?=:(?: |\r?\n|\r?$))/y;

/** The plain key at `at` in `text`, if there is one. */
function keyAt(text: string, at: number): string | undefined {
  PLAIN_KEY_AT.lastIndex = at;
  return PLAIN_KEY_AT.exec(text)?.[0];
}
const SPECIAL_START = new Set(['&', '*', '!', '%', '@', '`', '?', ',', ']', '}', '#', '|', '>', '"', "'", '[', '{']);

/** The text's lines, counted as yaml's LineCounter counts them: a line starts after every line feed. */
class Lines {
  readonly starts: number[];
  readonly count: number;
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
    this.count = this.starts.length;
    this.indents = new Int32Array(this.count);
    this.empties = new Uint8Array(this.count);
  }
  /** Offset just past the line's content, before its line feed (a CR counts as content, as yaml counts it). */
  end(line: number): number {
    return line + 1 < this.count ? this.starts[line + 1]! - 1 : this.text.length;
  }
  /** Offset of the next line's start, or the end of the text. */
  after(line: number): number {
    return line + 1 < this.count ? this.starts[line + 1]! : this.text.length;
  }
  /** Per line, computed on first use: its indentation + 1 (0: not yet), and whether it is empty (1 empty, 2 not). */
  private readonly indents: Int32Array;
  private readonly empties: Uint8Array;
  indent(line: number): number {
    const known = this.indents[line]!;
    if (known) return known - 1;
    const s = this.starts[line]!;
    let i = s;
    while (this.text.charCodeAt(i) === 32) i++;
    this.indents[line] = i - s + 1;
    return i - s;
  }
  /** Blank, or nothing but a comment. */
  isEmpty(line: number): boolean {
    const known = this.empties[line]!;
    if (known) return known === 1;
    const s = this.starts[line]! + this.indent(line);
    const e = this.end(line);
    const c = this.text[s];
    const empty = s >= e || c === '#' || (c === '\r' && s + 1 >= e);
    this.empties[line] = empty ? 1 : 2;
    return empty;
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** The rest of a line from `at` is blank or a comment (a `#` after a space). */
function restIsEmpty(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (i >= end || (text[i] === '\r' && i + 1 >= end)) return true;
  return text[i] === '#' && (i === at ? i > 0 && text.charCodeAt(i - 1) === 32 : true);
}

class Scanner {
  readonly L: Lines;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
    this.L = new Lines(text);
  }

  /** The first line at or after `line` with content, or -1. */
  nextContent(line: number): number {
    for (let l = line; l < this.L.count; l++) if (!this.L.isEmpty(l)) return l;
    return -1;
  }

  /** A scalar or flow node ended at `end` on `line`: what a collection ending with it spans (its line break). */
  tailAfter(end: number, line: number): number {
    const le = this.L.end(line);
    if (!restIsEmpty(this.text, end, le)) bail();
    return this.L.after(line);
  }

  root(): PositionNode | undefined {
    let first = this.nextContent(0);
    if (first === -1) return undefined;
    const startText = this.text.slice(this.L.starts[first], this.L.end(first));
    if (/^---\s*$/.test(startText.replace(/\s#.*$/, ''))) {
      first = this.nextContent(first + 1);
      if (first === -1) return undefined;
    }
    if (this.L.indent(first) !== 0) bail();
    const { node, next } = this.block(first, 0);
    const rest = next === -1 ? -1 : this.nextContent(next);
    if (rest !== -1) bail();
    return node;
  }

  /** A block collection starting on `line` at its indentation `indent`. */
  block(line: number, indent: number): { node: PositionNode; next: number } {
    const at = this.L.starts[line]! + indent;
    const c = this.text[at];
    if (c === '-' && this.isDash(at)) return this.sequence(line, indent);
    return this.mapping(line, at, indent);
  }

  isDash(at: number): boolean {
    const n = this.text.charCodeAt(at + 1);
    return Number.isNaN(n) || n === 32 || n === 10 || n === 13;
  }

  /** A block mapping whose first key is at `at` on `line`; later keys on lines indented `indent`. */
  mapping(line: number, at: number, indent: number): { node: PositionNode; next: number } {
    const map = new Map<string, PositionNode>();
    let l = line;
    let at0 = at;
    let last: PositionNode | undefined;
    for (;;) {
      const key = keyAt(this.text, at0);
      if (key === undefined) bail();
      if (map.has(key) || key === '__proto__') bail();
      const { node, next } = this.value(l, at0 + key.length + 1, indent, true);
      node.keyStart = at0;
      node.keyEnd = at0 + key.length;
      map.set(key, node);
      last = node;
      const n = next === -1 ? -1 : this.nextContent(next);
      if (n === -1) return { node: { start: at, end: last.tail, tail: last.tail, map }, next: -1 };
      const ind = this.L.indent(n);
      if (ind < indent) return { node: { start: at, end: last.tail, tail: last.tail, map }, next: n };
      if (ind > indent) bail();
      l = n;
      at0 = this.L.starts[n]! + indent;
      if (this.text[at0] === '-' && this.isDash(at0)) bail();
    }
  }

  /** A block sequence whose dashes are at `indent`. */
  sequence(line: number, indent: number): { node: PositionNode; next: number } {
    const seq: PositionNode[] = [];
    const start = this.L.starts[line]! + indent;
    let l = line;
    for (;;) {
      const dash = this.L.starts[l]! + indent;
      let i = dash + 1;
      while (this.text.charCodeAt(i) === 32) i++;
      const le = this.L.end(l);
      let item: { node: PositionNode; next: number };
      if (i < le && keyAt(this.text, i) !== undefined) {
        // A compact mapping: `- key: value`, later keys at the first key's column.
        if (this.text.charCodeAt(dash + 1) !== 32) bail();
        item = this.mapping(l, i, i - this.L.starts[l]!);
      } else {
        if (i < le && this.text[i] === '-' && this.isDash(i)) bail();
        item = this.value(l, dash + 1, indent, false);
      }
      seq.push(item.node);
      const n = item.next === -1 ? -1 : this.nextContent(item.next);
      const tail = item.node.tail;
      if (n === -1) return { node: { start, end: tail, tail, seq }, next: -1 };
      const ind = this.L.indent(n);
      const at = this.L.starts[n]! + ind;
      if (ind < indent || (ind === indent && !(this.text[at] === '-' && this.isDash(at)))) return { node: { start, end: tail, tail, seq }, next: n };
      if (ind > indent) bail();
      l = n;
    }
  }

  /**
   * The value after `key:` or `- ` (from `from` on `line`), in a collection
   * indented `indent`. `inMap`: a sequence may follow at the same indentation.
   */
  value(line: number, from: number, indent: number, inMap: boolean): { node: PositionNode; next: number } {
    const t = this.text;
    const le = this.L.end(line);
    let i = from;
    while (t.charCodeAt(i) === 32) i++;
    if (i < le && t[i] === '\t') bail();
    if (i >= le || t[i] === '#' || (t[i] === '\r' && i + 1 >= le)) {
      if (i < le && t[i] === '#' && i === from) bail();
      // Nothing on this line: a block collection below, or an empty value here.
      const n = this.nextContent(line + 1);
      if (n !== -1) {
        const ind = this.L.indent(n);
        const at = this.L.starts[n]! + ind;
        if (ind > indent || (inMap && ind === indent && t[at] === '-' && this.isDash(at))) return this.block(n, ind);
      }
      // An empty value followed by a comment: yaml stretches the collection around it over the comment. Leave it to yaml.
      if (i < le && t[i] === '#') bail();
      for (let b = line + 1; b < this.L.count; b++) {
        const s = this.L.starts[b]! + this.L.indent(b);
        if (s >= this.L.end(b) || (t[s] === '\r' && s + 1 >= this.L.end(b))) continue;
        if (t[s] === '#') bail();
        break;
      }
      return { node: { start: i, end: i, tail: i, style: 'empty' }, next: line + 1 < this.L.count ? line + 1 : -1 };
    }
    const c = t[i]!;
    if (c === '|' || c === '>') return this.blockScalar(line, i, indent);
    if (c === '"' || c === "'") return this.quoted(line, i, indent, c);
    if (c === '[' || c === '{') {
      const { node, end } = this.flow(i, indent);
      const endLine = this.L.lineOf(end - 1);
      node.tail = this.tailAfter(end, endLine);
      return { node, next: endLine + 1 < this.L.count ? endLine + 1 : -1 };
    }
    if (SPECIAL_START.has(c) || (c === '-' && this.isDash(i))) bail();
    return this.plain(line, i, indent);
  }

  /** A plain scalar from `at`, continued on more indented lines. */
  plain(line: number, at: number, indent: number): { node: PositionNode; next: number } {
    const t = this.text;
    const endOn = (l: number, from: number): number => {
      const le = this.L.end(l);
      let e = from;
      for (let k = from; k < le; k++) {
        const ch = t.charCodeAt(k);
        if (ch === 35 /* # */ && k > from && t.charCodeAt(k - 1) === 32) break;
        if (ch === 58 /* : */ && (k + 1 >= le || t.charCodeAt(k + 1) === 32)) bail();
        if (ch === 9) bail();
        if (ch !== 32 && !(ch === 13 && k + 1 >= le)) e = k + 1;
      }
      return e;
    };
    let end = endOn(line, at);
    let endLine = line;
    // Continuation lines: more indented than the collection, until a line that is not.
    for (let l = line + 1; l < this.L.count; l++) {
      if (this.L.isEmpty(l)) {
        const s = this.L.starts[l]! + this.L.indent(l);
        if (s < this.L.end(l) && t[s] === '#') break;
        continue;
      }
      const ind = this.L.indent(l);
      if (ind <= indent) break;
      // A comment after the first line ends the scalar: then nothing more indented may follow.
      const lineText = t.slice(this.L.starts[l]! + ind, this.L.end(l));
      if (/^(?:-(?: |$)|[#?:!&*|>'"%@`[\]{},])/.test(lineText)) bail();
      end = endOn(l, this.L.starts[l]! + ind);
      endLine = l;
    }
    // A comment on the first line with a continuation below is an error for yaml.
    const node: PositionNode = { start: at, end, tail: 0, style: 'plain' };
    node.tail = this.tailAfter(end, endLine);
    for (let l = line; l < endLine; l++) {
      const le = this.L.end(l);
      const hash = t.indexOf(' #', this.L.starts[l]!);
      if (hash !== -1 && hash < le) bail();
    }
    return { node, next: endLine + 1 < this.L.count ? endLine + 1 : -1 };
  }

  /** A single- or double-quoted scalar from its opening quote at `at`. */
  quoted(line: number, at: number, indent: number, q: string): { node: PositionNode; next: number } {
    const t = this.text;
    let k = at + 1;
    for (;;) {
      if (k >= t.length) bail();
      const ch = t[k];
      if (q === '"' && ch === '\\') {
        k += 2;
        continue;
      }
      if (ch === q) {
        if (q === "'" && t[k + 1] === "'") {
          k += 2;
          continue;
        }
        break;
      }
      k++;
    }
    const end = k + 1;
    const endLine = this.L.lineOf(end - 1);
    // Continuation lines of a quoted scalar: more indented than the collection, and not a document marker.
    for (let l = line + 1; l <= endLine; l++) {
      if (this.L.isEmpty(l) && this.L.starts[l]! + this.L.indent(l) >= this.L.end(l)) continue;
      if (this.L.indent(l) <= indent) bail();
    }
    if (t.slice(at, end).includes('\t')) bail();
    const node: PositionNode = { start: at, end, tail: 0, style: q === '"' ? 'double' : 'single' };
    node.tail = this.tailAfter(end, endLine);
    return { node, next: endLine + 1 < this.L.count ? endLine + 1 : -1 };
  }

  /** A literal or folded block scalar, clip or strip chomping, indentation detected. */
  blockScalar(line: number, at: number, indent: number): { node: PositionNode; next: number } {
    const t = this.text;
    const header = t.slice(at, this.L.end(line));
    if (!/^[|>]-?(?:\s*|\s+#.*)$/.test(header.replace(/\r$/, ''))) bail();
    let contentIndent = -1;
    let lastContent = -1;
    let l = line + 1;
    for (; l < this.L.count; l++) {
      const s = this.L.starts[l]!;
      const e = this.L.end(l);
      const ind = this.L.indent(l);
      const blank = s + ind >= e || (t[s + ind] === '\r' && s + ind + 1 >= e);
      if (blank) {
        if (contentIndent !== -1 && ind > contentIndent) bail();
        continue;
      }
      if (contentIndent === -1) {
        if (ind <= indent) break;
        contentIndent = ind;
      } else if (ind < contentIndent) {
        if (ind > indent) bail();
        break;
      }
      lastContent = l;
    }
    if (lastContent === -1) bail();
    // Blank lines before the first content line, more indented than it, are an error for yaml: leave them to it.
    for (let b = line + 1; b < lastContent; b++) if (this.L.isEmpty(b) && this.L.indent(b) > contentIndent) bail();
    const end = this.L.after(lastContent);
    return { node: { start: at, end, tail: end, style: 'block' }, next: lastContent + 1 < this.L.count ? lastContent + 1 : -1 };
  }

  /** A flow sequence or mapping from its bracket at `at`: scalars and nested flow collections, no comments. */
  flow(at: number, indent: number): { node: PositionNode; end: number } {
    const t = this.text;
    const open = t[at]!;
    const close = open === '[' ? ']' : '}';
    const seq: PositionNode[] | undefined = open === '[' ? [] : undefined;
    const map = open === '{' ? new Map<string, PositionNode>() : undefined;
    let k = at + 1;
    const skip = () => {
      for (;;) {
        const ch = t[k];
        if (ch === ' ' || ch === '\r') k++;
        else if (ch === '\n') {
          k++;
          // A line inside a flow collection: indented more than the collection it is in.
          let ind = 0;
          while (t[k + ind] === ' ') ind++;
          if (ind <= indent && t[k + ind] !== '\n' && t[k + ind] !== '\r') bail();
        } else if (ch === '#' || ch === '\t') bail();
        else return;
      }
    };
    const item = (): PositionNode => {
      const ch = t[k];
      if (ch === '[' || ch === '{') {
        const { node, end } = this.flow(k, indent);
        k = end;
        return node;
      }
      if (ch === '"' || ch === "'") {
        const s = k;
        k++;
        for (;;) {
          if (k >= t.length) bail();
          if (ch === '"' && t[k] === '\\') k += 2;
          else if (t[k] === ch) {
            if (ch === "'" && t[k + 1] === "'") k += 2;
            else break;
          } else if (t[k] === '\n') bail();
          else k++;
        }
        k++;
        return { start: s, end: k, tail: k, style: ch === '"' ? 'double' : 'single' };
      }
      if (ch === undefined || SPECIAL_START.has(ch) || ch === '-' || ch === ':') bail();
      const s = k;
      let e = k;
      for (;;) {
        const c = t[k];
        if (c === undefined || c === '\n' || c === ',' || c === '[' || c === ']' || c === '{' || c === '}' || c === '\t') break;
        if (c === ':' && ' ,[]{}\r\n'.includes(t[k + 1] ?? '\n')) break;
        if (c === '#' && t[k - 1] === ' ') bail();
        if (c !== ' ' && c !== '\r') e = k + 1;
        k++;
      }
      if (t[k] === '\n' || t[k] === '\r') {
        // A plain scalar running onto the next line: leave it to yaml.
        let j = k;
        while (t[j] === '\r' || t[j] === '\n' || t[j] === ' ') j++;
        if (t[j] !== ',' && t[j] !== close) bail();
      }
      k = e;
      return { start: s, end: e, tail: e, style: 'plain' };
    };
    skip();
    let first = true;
    while (t[k] !== close) {
      if (!first) {
        if (t[k] !== ',') bail();
        k++;
        skip();
        if (t[k] === close) break;
      }
      first = false;
      if (map) {
        const ks = k;
        // A key with no value (`{a:}`, `{a:, b: 1}`) is left to yaml like any other empty flow value.
        const key = keyAt(t, k);
        if (key === undefined || map.has(key) || key === '__proto__') bail();
        k += key.length;
        if (t[k] !== ':') bail();
        k++;
        skip();
        if (t[k] === ',' || t[k] === '}') bail();
        const v = item();
        v.keyStart = ks;
        v.keyEnd = ks + key.length;
        map.set(key, v);
      } else {
        const v = item();
        skip();
        if (t[k] === ':') bail();
        seq!.push(v);
      }
      skip();
    }
    k++;
    const node: PositionNode = { start: at, end: k, tail: k };
    if (seq) node.seq = seq;
    if (map) node.map = map;
    return { node, end: k };
  }
}

/** Whether the scanned tree has the shape of the data js-yaml read (same keys and lengths, scalars where scalars are). */
function sameShape(node: PositionNode, data: unknown): boolean {
  if (node.map) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
    const keys = Object.keys(data);
    if (keys.length !== node.map.size) return false;
    for (const [k, child] of node.map) {
      if (!Object.prototype.hasOwnProperty.call(data, k)) return false;
      if (!sameShape(child, (data as Record<string, unknown>)[k])) return false;
    }
    return true;
  }
  if (node.seq) {
    if (!Array.isArray(data) || data.length !== node.seq.length) return false;
    return node.seq.every((child, i) => sameShape(child, data[i]));
  }
  if (node.style === 'empty') return data === null;
  return typeof data !== 'object' || data === null;
}

/** The scanned positions of a file, or undefined when the file is outside the subset (then parse it with `yaml`). */
export function scanPositions(text: string, data: unknown): PositionIndex | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  try {
    const s = new Scanner(text);
    const root = s.root();
    if (!root || !sameShape(root, data)) return undefined;
    return new PositionIndex(root, s.L, text);
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

const STYLES: ScalarStyle[] = ['plain', 'single', 'double', 'block', 'empty'];
const MAP = 5;
const SEQ = 6;
/**
 * Fields of a node in the arena: start, end, key start, first child (of a
 * sequence: where its items are listed), next sibling, and the kind in the
 * low 3 bits with the key's length above them.
 */
const F = 6;
const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;

/**
 * A scanned file: ranges by YAML path, as `rangeAt` computes them from a
 * parsed document. Kept compact (typed arrays for the nodes and sequence
 * items; keys are compared with the text at their offsets): the whole
 * register's positions stay in memory.
 */
export class PositionIndex {
  private readonly nodes: Int32Array;
  /** Per sequence (its first-child field points here): the length, then the item nodes, for lookups by index. */
  private readonly items: Int32Array;
  readonly lineStarts: Uint32Array;

  /** `text` is the file's: keys are read from it at their offsets (the scanner's keys are plain, so as written). */
  constructor(root: PositionNode, lines: Lines, private readonly text: string) {
    let n = 0;
    let m = 0;
    const count = (x: PositionNode): void => {
      n++;
      if (x.map) for (const c of x.map.values()) count(c);
      if (x.seq) {
        m += 1 + x.seq.length;
        for (const c of x.seq) count(c);
      }
    };
    count(root);
    this.nodes = new Int32Array(n * F);
    this.items = new Int32Array(m);
    let nextItem = 0;
    this.lineStarts = Uint32Array.from(lines.starts);
    let next = 0;
    const put = (x: PositionNode): number => {
      const i = next++;
      const o = i * F;
      const a = this.nodes;
      a[o] = x.start;
      a[o + 1] = x.end;
      a[o + 2] = x.keyStart ?? -1;
      a[o + 3] = -1;
      a[o + 4] = -1;
      const kind = x.map ? MAP : x.seq ? SEQ : STYLES.indexOf(x.style ?? 'plain');
      a[o + 5] = kind | (((x.keyEnd ?? 0) - (x.keyStart ?? 0)) << KIND_BITS);
      let prev = -1;
      const child = (c: PositionNode) => {
        const j = put(c);
        if (prev === -1) a[o + 3] = j;
        else a[prev * F + 4] = j;
        prev = j;
      };
      if (x.map) for (const c of x.map.values()) child(c);
      if (x.seq) {
        const at = nextItem;
        nextItem += 1 + x.seq.length;
        this.items[at] = x.seq.length;
        x.seq.forEach((c, k) => (this.items[at + 1 + k] = put(c)));
        a[o + 3] = at;
      }
      return i;
    };
    put(root);
  }

  /** The node at `path` (or its deepest existing ancestor): its offsets, and its key's with `key` on a final string segment. */
  nodeAt(path: YamlPath, opts: { key?: boolean } = {}): { start: number; end: number; style: ScalarStyle | undefined; isKey: boolean } {
    const a = this.nodes;
    let node = 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const kind = a[node * F + 5]! & KIND_MASK;
      let c = a[node * F + 3]!;
      if (kind === MAP) {
        const want = String(seg);
        while (c !== -1 && !(a[c * F + 5]! >>> KIND_BITS === want.length && this.text.startsWith(want, a[c * F + 2]!))) c = a[c * F + 4]!;
      } else if (kind === SEQ && typeof seg === 'number') {
        c = seg >= 0 && seg < this.items[c]! ? this.items[c + 1 + seg]! : -1;
      } else c = -1;
      if (c === -1) break;
      if (i === path.length - 1 && opts.key && kind === MAP) {
        return { start: a[c * F + 2]!, end: a[c * F + 2]! + (a[c * F + 5]! >>> KIND_BITS), style: undefined, isKey: true };
      }
      node = c;
    }
    const kind = a[node * F + 5]! & KIND_MASK;
    return { start: a[node * F]!, end: a[node * F + 1]!, style: kind < MAP ? STYLES[kind] : undefined, isKey: false };
  }

  rangeAt(path: YamlPath, opts: { key?: boolean } = {}): Range {
    const { start, end } = this.nodeAt(path, opts);
    return this.range(start, end);
  }

  /** 1-based line and column of an offset, as yaml's LineCounter.linePos gives them. */
  linePos(offset: number): { line: number; col: number } {
    return linePosAt(this.lineStarts, offset);
  }

  /** A range from offsets, as from a parsed document. */
  range(start: number, end: number): Range {
    return rangeFromOffsets(this, start, end);
  }
}

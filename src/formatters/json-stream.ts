/**
 * JSON text in chunks, the same characters as `JSON.stringify(value, null,
 * 2)`: objects and arrays are opened level by level, and every element of
 * an array is a chunk of its own, so a report with a million findings is
 * written piece by piece instead of being built as one string (V8 caps a
 * string at about 512 MB: "Invalid string length").
 */

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function isContainer(v: unknown): v is object {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * `JSON.stringify(v, null, 2)` as it reads nested `level` deep: the value is
 * wrapped in `level` arrays, stringified once, and cut out (cheaper than
 * re-indenting every line of the text).
 */
function indented(v: unknown, level: number): string {
  if (level === 0) return JSON.stringify(v, null, 2);
  let wrapped: unknown = v;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each level opens with "[\n" and its indentation, and closes with "\n", the outer indentation and "]".
  let head = 0;
  let tail = 0;
  for (let i = 0; i < level; i++) {
    head += 2 + 2 * (i + 1);
    tail += 2 + 2 * i;
  }
  return text.slice(head, text.length - tail);
}

/**
 * An array written as if each item were `map(item)`: mapped as it is
 * written, so a report of 300,000 findings never holds a mapped copy of
 * them all (see json.ts).
 */
export class MappedArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T, index: number) => unknown,
  ) {}
  toJSON(): unknown[] {
    return this.items.map((x, i) => this.map(x, i));
  }
}

/** An object written as if each key's value were `map(key)` (never undefined): mapped as it is written, as MappedArray. */
export class MappedRecord {
  constructor(
    readonly keys: readonly string[],
    readonly map: (key: string) => unknown,
  ) {}
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const k of this.keys) out[k] = this.map(k);
    return out;
  }
}

/**
 * An open container: an array's items (with the mapping of a MappedArray)
 * or an object's keys and values; the next entry, its level.
 */
interface Frame {
  items: readonly unknown[];
  map: ((item: unknown, index: number) => unknown) | undefined;
  keys: readonly string[] | undefined;
  next: number;
  level: number;
  close: string;
}

/**
 * Chunks of `JSON.stringify(value, null, 2)` (of `JSON.stringify(value)`
 * with `compact`); containers at `depth` and below are written whole. One
 * generator with an explicit stack (nested generators cost a resumption per
 * level for every chunk). The pieces come out as they are made, small (an
 * item, a separator): they are not joined here, since joining strings
 * copies them once more; the sink writes them into buffers of bytes
 * (`bytesOf` in sink.ts), which a report of 100 MB made three times
 * faster.
 */
export function* jsonChunks(value: unknown, depth = 3, { compact = false }: { compact?: boolean } = {}): Generator<string> {
  const buf: string[] = [];
  const emit = (s: string) => {
    buf.push(s);
  };
  const stack: Frame[] = [];
  const pads: string[] = [];
  const pad = (level: number) => (compact ? '' : (pads[level] ??= '  '.repeat(level)));
  /** Write a value at `level`: a leaf whole, a container opened (its entries come next). */
  const open = (v: unknown, level: number) => {
    if (v instanceof MappedArray && level < depth) {
      openContainer(v.items, v.map as (item: unknown, index: number) => unknown, undefined, level);
      return;
    }
    if (v instanceof MappedRecord && level < depth) {
      openContainer(v.keys, v.map as (item: unknown) => unknown, v.keys, level);
      return;
    }
    if (!isContainer(v) || level >= depth) {
      const leaf = skipped(v) ? null : v;
      emit(compact ? JSON.stringify(leaf) : indented(leaf, level));
      return;
    }
    if (Array.isArray(v)) {
      openContainer(v, undefined, undefined, level);
      return;
    }
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => !skipped(o[k]));
    openContainer(
      keys.map((k) => o[k]),
      undefined,
      keys,
      level,
    );
  };
  const openContainer = (items: readonly unknown[], map: Frame['map'], keys: readonly string[] | undefined, level: number) => {
    const isArray = keys === undefined;
    if (items.length === 0) {
      emit(isArray ? '[]' : '{}');
      return;
    }
    emit(compact ? (isArray ? '[' : '{') : isArray ? '[\n' : '{\n');
    stack.push({ items, map, keys, next: 0, level, close: `${pad(level)}${isArray ? ']' : '}'}` });
  };
  open(value, 0);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const n = top.items.length;
    if (top.next > 0 && top.next < n) emit(compact ? ',' : ',\n');
    else if (top.next > 0 && !compact) emit('\n');
    if (top.next >= n) {
      emit(top.close);
      stack.pop();
      // The parent's separator is written when it resumes.
      continue;
    }
    const i = top.next++;
    const item = top.map ? top.map(top.items[i], i) : top.items[i];
    const inner = pad(top.level + 1);
    emit(top.keys === undefined ? inner : `${inner}${JSON.stringify(top.keys[i])}:${compact ? '' : ' '}`);
    // An array's undefined, function or symbol item is written null, as JSON.stringify writes it.
    open(top.keys === undefined && skipped(item) ? null : item, top.level + 1);
    for (let i = 0; i < buf.length; i++) yield buf[i]!;
    buf.length = 0;
  }
  for (let i = 0; i < buf.length; i++) yield buf[i]!;
}

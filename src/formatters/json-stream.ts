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

/** Chunks of `JSON.stringify(value, null, 2)`; containers below `depth` are written whole. */
export function* jsonChunks(value: unknown, depth = 3, level = 0): Generator<string> {
  const inner = '  '.repeat(level + 1);
  const outer = '  '.repeat(level);
  if (!isContainer(value) || level >= depth) {
    const text = JSON.stringify(skipped(value) ? null : value, null, 2);
    yield level === 0 ? text : text.replace(/\n/g, `\n${outer}`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      yield* jsonChunks(skipped(value[i]) ? null : value[i], depth, level + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${outer}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !skipped(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, depth, level + 1);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${outer}}`;
}

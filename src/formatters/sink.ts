/**
 * Formatters return their output as one string or as chunks (an iterable of
 * strings, usually a generator): chunks are written as they are made, so a
 * report of a large register is never held as one string.
 */
import { writeFileAtomic } from '../output/write.js';

export type FormatterOutput = string | Iterable<string>;

export function chunksOf(out: FormatterOutput): Iterable<string> {
  return typeof out === 'string' ? [out] : batched(out);
}

/** The whole output as one string (tests, small reports). */
export function outputText(out: FormatterOutput): string {
  return typeof out === 'string' ? out : [...out].join('');
}

/**
 * Write a report atomically, chunk by chunk (see output/write.ts: a
 * temporary file beside the target, removed on failure or signal, then a
 * rename); `shownPath` is the path as the user gave it, for messages.
 */
export function writeReportAtomic(path: string, out: FormatterOutput, shownPath: string = path): void {
  writeFileAtomic(path, typeof out === 'string' ? out : bytesOf(out), shownPath);
}

/**
 * Chunks encoded as UTF-8 straight into buffers of about `size` bytes, each
 * buffer new (a stream may still hold the last one). Cheaper than joining
 * the strings and encoding the result: the 120 MB JSON report of 100,000
 * claims is written in about a third of the time. A chunk too large for a
 * buffer goes out on its own.
 */
export function* bytesOf(chunks: Iterable<string>, size = 1 << 18): Generator<Uint8Array> {
  let buf = Buffer.allocUnsafe(size);
  let used = 0;
  for (const c of chunks) {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (used + c.length * 3 > size) {
      if (used > 0) {
        yield buf.subarray(0, used);
        buf = Buffer.allocUnsafe(size);
        used = 0;
      }
      if (c.length * 3 > size) {
        yield Buffer.from(c, 'utf8');
        continue;
      }
    }
    used += buf.write(c, used, 'utf8');
  }
  if (used > 0) yield buf.subarray(0, used);
}

/** Chunks joined into pieces of about `size` characters: fewer, larger writes. */
export function* batched(chunks: Iterable<string>, size = 1 << 16): Generator<string> {
  let buf: string[] = [];
  let length = 0;
  for (const c of chunks) {
    buf.push(c);
    length += c.length;
    if (length >= size) {
      yield buf.join('');
      buf = [];
      length = 0;
    }
  }
  if (length) yield buf.join('');
}

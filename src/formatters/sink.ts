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
  writeFileAtomic(path, chunksOf(out), shownPath);
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

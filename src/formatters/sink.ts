/**
 * Formatters return their output as one string or as chunks (an iterable of
 * strings, usually a generator): chunks are written as they are made, so a
 * report of a large register is never held as one string.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type FormatterOutput = string | Iterable<string>;

export function chunksOf(out: FormatterOutput): Iterable<string> {
  return typeof out === 'string' ? [out] : batched(out);
}

/** The whole output as one string (tests, small reports). */
export function outputText(out: FormatterOutput): string {
  return typeof out === 'string' ? out : [...out].join('');
}

/** Write a report atomically: chunk by chunk into a temporary file in the same folder, then rename. */
export function writeReportAtomic(path: string, out: FormatterOutput): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const chunk of chunksOf(out)) writeSync(fd, chunk);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
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

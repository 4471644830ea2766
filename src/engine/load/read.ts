/**
 * Finding and reading the register's files from disk. Every file a glob
 * matched is either read once (by its real path) or reported as a located
 * problem saying why it cannot be: a folder named like a claim file, a FIFO,
 * a dangling symbolic link or a link loop, a file without read permission,
 * a file deleted while claimlint ran, text that is not UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import fg from 'fast-glob';
import { FILE_START, type Range } from './location.js';

/** Why a file cannot be read or decoded, located in it (1:1 when the file itself is the problem). */
export interface ReadProblem {
  range: Range;
  message: string;
  /** `unreadable` (the file system refused) or `encoding` (bytes that are not UTF-8 text). */
  messageId: 'unreadable' | 'encoding';
}

export type ReadResult = { text: string; stat?: string } | { problem: ReadProblem };

/**
 * What tells, without reading a file, that it is as it was: its size,
 * modification and change times (nanoseconds) and inode. The change time
 * moves on every write, even one that puts the modification time back.
 */
export function statFingerprint(s: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint }): string {
  return `${s.size}/${s.mtimeNs}/${s.ctimeNs}/${s.ino}`;
}

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'it no longer exists (deleted or moved while claimlint ran, or a symbolic link to a missing file): run again, or remove the link',
  ELOOP: 'it is a symbolic link that leads back to itself (a link loop): point the link at a file',
  EACCES: 'permission denied: give the user running claimlint read access to it',
  EPERM: 'the operation is not permitted: give the user running claimlint read access to it',
  EISDIR: 'it is a folder, not a file: rename the folder so the register globs do not match it, or add it to "ignores"',
  EMFILE: 'too many files are open: raise the limit of open files (ulimit -n) and run again',
  EIO: 'the disk reported an input/output error',
};

/** The reason an errno error gives, in words, with what to do. */
export function readErrorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  return ERRNO_REASONS[code] ?? `${code ? `${code}: ` : ''}${err?.message ?? String(e)}`;
}

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const unreadable = (message: string): { problem: ReadProblem } => ({ problem: { range: FILE_START, message, messageId: 'unreadable' } });

/**
 * Read a claim file as UTF-8 text. Never throws: a file that cannot be read
 * or is not UTF-8 gives a problem instead. A FIFO or a device is never
 * opened (a read could block for ever).
 */
export async function readRegisterFile(path: string): Promise<ReadResult> {
  let bytes: Buffer;
  let fingerprint: string;
  try {
    // Taken before the read: a write after it changes what the next run sees.
    const s = await stat(path, { bigint: true });
    if (!s.isFile()) {
      return unreadable(`it is ${kindOf(s)}, not a file: rename it so the register globs do not match it, or add it to "ignores"`);
    }
    fingerprint = statFingerprint(s);
    bytes = await readFile(path);
  } catch (e) {
    return unreadable(readErrorReason(e));
  }
  const decoded = decodeRegisterBytes(bytes);
  return 'text' in decoded ? { text: decoded.text, stat: fingerprint } : decoded;
}

/** {@link readRegisterFile}, synchronously, for a file known to be a readable file (a text read on demand). */
export function readRegisterFileSync(path: string): ReadResult {
  try {
    return decodeRegisterBytes(readFileSync(path));
  } catch (e) {
    return unreadable(readErrorReason(e));
  }
}

/**
 * Bytes to text: UTF-8 with or without a byte-order mark. UTF-16 and UTF-32
 * (recognised by their byte-order mark) are reported, as is the first byte
 * sequence that is not UTF-8, at its line and column.
 */
export function decodeRegisterBytes(bytes: Buffer): ReadResult {
  const bom = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  const other = bom(0xff, 0xfe, 0, 0) || bom(0, 0, 0xfe, 0xff) ? 'UTF-32' : bom(0xff, 0xfe) || bom(0xfe, 0xff) ? 'UTF-16' : undefined;
  if (other) {
    return { problem: { range: FILE_START, messageId: 'encoding', message: `the file is saved as ${other}: save it as UTF-8` } };
  }
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  const bad = firstInvalidUtf8(bytes);
  const before = bytes.subarray(0, bad).toString('utf8');
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  const column = before.length - lineStart + 1;
  const hex = [...bytes.subarray(bad, Math.min(bad + 4, bytes.length))].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return {
    problem: {
      range: { line, column, endLine: line, endColumn: column + 1 },
      messageId: 'encoding',
      message: `bytes that are not UTF-8 (${hex}…; the file may be saved as Latin-1 or Windows-1252): save it as UTF-8`,
    },
  };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15, table 3-7). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/**
 * The first lone carriage return (a CR not followed by LF): files saved with
 * classic Mac OS (CR-only) line endings, which YAML parsers read as one long
 * line. Returns its range, or undefined.
 */
export function loneCarriageReturn(text: string): Range | undefined {
  const i = text.search(/\r(?!\n)/);
  if (i < 0) return undefined;
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  const column = i - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}

/**
 * The files the register's globs match, each once by its real path (the
 * file's own path stands for its links, or the first link when the globs
 * match only links). Entries that are
 * not regular files — folders named like claim files, FIFOs, dangling links
 * and link loops — are kept, so the loader can report them. Symbolic links
 * to files are followed; links to folders are not descended, so a link loop
 * (`claims/sub -> ..`) cannot make a file be read twice.
 */
export async function globRegisterFiles(globs: string[], opts: { cwd: string; ignore: string[] }): Promise<string[]> {
  const entries = await fg(globs, {
    cwd: opts.cwd,
    absolute: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: opts.ignore,
    dot: false,
  });
  // One path per real file: the file's own path when the globs matched it, else the first link to it.
  const byReal = new Map<string, string>();
  const out: string[] = [];
  for (const path of entries.sort()) {
    let real: string;
    try {
      // Synchronous: a thousand awaited calls cost a thread-pool round trip each (50 ms at 1,000 files).
      real = realpathSync.native(path);
    } catch {
      out.push(path); // dangling link, loop or gone: reported when it is read
      continue;
    }
    const kept = byReal.get(real);
    if (kept === undefined || (path === real && kept !== real)) byReal.set(real, path);
  }
  return [...out, ...byReal.values()].sort();
}

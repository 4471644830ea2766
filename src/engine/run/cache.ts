/**
 * `--cache`: a lint session saved to disk, so that the next run parses and
 * lints only what changed — correct for rules that cross files.
 *
 * What is stored: for every claim file, the hash of its content and the keys
 * of the groups its claims belong to (source id, subject, subject and
 * property); for every rule, its findings by group (see session.ts). On the
 * next run each file is read and hashed (never trusted by modification time,
 * which git resets on checkout); an unchanged file is not parsed; a changed,
 * added or deleted file re-runs each rule over the groups its old and new
 * claims belong to, so a group's findings are reused only when the content
 * of every file feeding it is unchanged.
 *
 * The cache is one file read part by part: a head (the key, each file's
 * hash, where the parts are), the findings (one JSON array, with the byte
 * offset of each), the findings by rule and group, and per file the
 * findings shown in it. A run that is given files (the pre-commit hook) of a
 * register that has not changed reads the head and those files' findings
 * only; given files of a register that changed, it lints as without the
 * cache and leaves it as it is. Any other run reads it all.
 *
 * The whole cache is dropped when claimlint's version, the configuration
 * (rules, options, overrides, vocabulary, files), a rule definition, the
 * retraction list, the working directory or the date (age checks) differs.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../output/write.js';
import { packageInfo } from '../../paths.js';
import type { Finding } from '../report/finding.js';
import type { DisagreementGroup } from '../report/disagreements.js';
import { lint, resolveSetup, type LintOptions, type LintResult, type Resolved } from './linter.js';
import { LintSession, type CachedFile, type CachedFileHead, type SessionSnapshot, type SessionState, type StoredFinding, type StoredState } from './session.js';

export interface CacheOptions {
  /** The cache file, or the folder to keep it in. */
  location: string;
  /** Whether `location` names a folder (given with a trailing slash); an existing folder is one too. */
  folder?: boolean;
}

export const CACHE_FILE = 'claimlint.cache';
/** The name the cache had before it was read by parts (a JSON file): removed when the new one is written beside it. */
const OLD_CACHE_FILE = 'claimlint-cache.json';
/**
 * The first line's start: the format's name and version, then the head's
 * length in bytes. Version 3: every part is ASCII (see {@link ascii}).
 * Version 4: a file's `subject` keys are those of its dated claims (see
 * session.ts `inSubjectScope`), and a file's source is kept (`works`).
 * Version 5: the register's disagreements by group (`disagreements`).
 */
const MAGIC = 'claimlint-cache 5 ';

/**
 * JSON in ASCII: every character past U+007F written as a \u escape (JSON.parse
 * reads them back). The cache's bytes are then decoded as Latin-1, about
 * twice as fast as UTF-8 for a file of 100 MB, into one-byte strings that
 * JSON.parse also reads faster; claim text puts few such characters in it.
 */
function ascii(json: string): string {
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const NON_ASCII = /[\u0080-\uffff]/g;

/** Digits of each finding's offset in the table (up to 10 GB of findings). */
const OFFSET_DIGITS = 10;

/** [offset from the end of the head, length], in bytes. */
type Part = [number, number];

/** The cache file's head: what every run reads. */
interface Head {
  key: string;
  files: Record<string, CachedFileHead>;
  globalRules: string[];
  documents: string;
  /** How many findings the table holds. */
  count: number;
  parts: {
    /** Each file's keys, positions, claim layout and source: Record<path, Pick<CachedFile, 'keys' | 'ranges' | 'layout' | 'sourceRecord'>>. */
    files: Part;
    /** Findings by rule, then unit, as indexes into the table: Record<rule, Record<unit, number[]>>. */
    units: Part;
    /** Every finding once, as one JSON array (with `about` where it has one); files' shown findings first, in order. */
    table: Part;
    /** The byte offset of each finding in the table, and the table's length: count + 1 numbers of ten decimal digits each. */
    offsets: Part;
    /** The register's disagreements by subject/property key (absent when the session did not know them): Record<key, DisagreementGroup[]>. */
    disagreements?: Part;
  };
  /** Per file (as shown in findings): a part holding [the findings shown in it, those shown elsewhere that point into it], as table indexes. */
  shown: Record<string, Part>;
}

/** The cache file's path for a location. */
export function cachePath(cache: CacheOptions): string {
  const isFolder = cache.folder || (existsSync(cache.location) && statSync(cache.location).isDirectory());
  return isFolder ? join(cache.location, CACHE_FILE) : cache.location;
}

/** Everything a cached finding depends on besides the claim files, as one hash. */
export function setupKey(setup: Resolved, cwd: string, now: Date): string {
  const rules = [...setup.rules]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, r]) => [id, r.kind.name, r.definition, r.options, r.messages, r.kind.phase ?? null]);
  const retractions = setup.external.retractions ? [...setup.external.retractions].sort((a, b) => (a[0] < b[0] ? -1 : 1)) : null;
  const data = {
    version: packageInfo().version,
    cwd,
    root: setup.config.root,
    config: setup.config.config,
    rules,
    severities: [...setup.severities],
    options: [...setup.options],
    overrides: setup.overrides.map((o) => [...o.severities]),
    day: now.toISOString().slice(0, 10),
    retractions,
  };
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

/** A cache file that turned out damaged while it was read: the run starts again without it. */
class DamagedCache extends Error {}

/** The cache file, open: its head read, its parts read when asked. */
class Store implements StoredState {
  constructor(
    private readonly fd: number,
    private readonly head: Head,
    /** Where the parts begin: the end of the head. */
    private readonly base: number,
  ) {}

  get files(): Record<string, CachedFileHead> {
    return this.head.files;
  }

  get documents(): string {
    return this.head.documents;
  }

  private bytes(part: Part): Buffer {
    const [offset, length] = part;
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, this.base + offset + done);
      if (n === 0) throw new DamagedCache('the cache file ends early');
      done += n;
    }
    return out;
  }

  private json<T>(part: Part): T {
    try {
      return JSON.parse(this.bytes(part).toString('latin1')) as T;
    } catch (e) {
      throw e instanceof DamagedCache ? e : new DamagedCache('a part of the cache file is not JSON');
    }
  }

  /** The table's finding `i`, read alone. */
  private finding(i: number): StoredFinding {
    if (!Number.isInteger(i) || i < 0 || i >= this.head.count) throw new DamagedCache('a finding index is out of range');
    const [at] = this.head.parts.offsets;
    const digits = this.bytes([at + OFFSET_DIGITS * i, 2 * OFFSET_DIGITS]).toString('latin1');
    const start = Number(digits.slice(0, OFFSET_DIGITS));
    // Each finding ends before the comma (or the closing bracket) at the next one's start.
    const end = Number(digits.slice(OFFSET_DIGITS)) - 1;
    if (!(end > start)) throw new DamagedCache('a finding offset is wrong');
    const { about: _about, ...finding } = this.json<Finding & { about?: unknown }>([this.head.parts.table[0] + start, end - start]);
    return { index: i, finding };
  }

  shown(display: string): { own: StoredFinding[]; into: StoredFinding[] } {
    const part = this.head.shown[display];
    if (!part) return { own: [], into: [] };
    const [own, into] = this.json<[number[], number[]]>(part);
    return { own: own.map((i) => this.finding(i)), into: into.map((i) => this.finding(i)) };
  }

  full(): SessionState {
    const heavy = this.json<Record<string, Pick<CachedFile, 'keys' | 'ranges' | 'layout' | 'sourceRecord'>>>(this.head.parts.files);
    const tableBytes = this.bytes(this.head.parts.table);
    let table: Array<Finding & { about?: readonly string[] }>;
    try {
      table = JSON.parse(tableBytes.toString('latin1')) as typeof table;
    } catch {
      throw new DamagedCache('the findings part of the cache file is not JSON');
    }
    if (!Array.isArray(table) || table.length !== this.head.count) throw new DamagedCache('the cache holds another number of findings');
    // Each finding's bytes, kept beside it: a finding the run leaves as it is is written back by copying them.
    const encoded = new WeakMap<object, Buffer>();
    const offsets = this.bytes(this.head.parts.offsets).toString('latin1');
    if (offsets.length !== OFFSET_DIGITS * (table.length + 1)) throw new DamagedCache('the offsets part is not as written');
    let start = Number(offsets.slice(0, OFFSET_DIGITS));
    for (let i = 0; i < table.length; i++) {
      const next = Number(offsets.slice(OFFSET_DIGITS * (i + 1), OFFSET_DIGITS * (i + 2)));
      // Each finding ends before the comma (or the closing bracket) at the next one's start.
      if (!(next - 1 > start) || next > tableBytes.length || !isObject(table[i])) throw new DamagedCache('a finding offset is wrong');
      encoded.set(table[i]!, tableBytes.subarray(start, next - 1));
      start = next;
    }
    const byIndex = this.json<Record<string, Record<string, number[]>>>(this.head.parts.units);
    const files: Record<string, CachedFile> = {};
    for (const [p, f] of Object.entries(this.head.files)) {
      const h = heavy[p];
      if (!h) throw new DamagedCache(`the cache has no keys for ${p}`);
      files[p] = { ...f, ...h };
    }
    const units: SessionState['units'] = {};
    for (const [rule, byKey] of Object.entries(byIndex)) {
      const out: Record<string, Array<Finding & { about?: readonly string[] }>> = (units[rule] = {});
      for (const [key, indexes] of Object.entries(byKey)) {
        out[key] = indexes.map((i) => {
          const f = table[i];
          if (!f) throw new DamagedCache('a finding index is out of range');
          return f;
        });
      }
    }
    const part = this.head.parts.disagreements;
    const disagreements = part && this.json<Record<string, DisagreementGroup[]>>(part);
    if (disagreements !== undefined && (!isObject(disagreements) || !Object.values(disagreements).every((d) => Array.isArray(d) && d.every(isObject)))) {
      throw new DamagedCache('the disagreements part is not as written');
    }
    return { files, units, globalRules: this.head.globalRules, documents: this.head.documents, encoded, ...(disagreements ? { disagreements } : {}) };
  }

  close(): void {
    closeSync(this.fd);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPart = (v: unknown): v is Part => Array.isArray(v) && v.length === 2 && v.every((n) => Number.isSafeInteger(n) && n >= 0);

/** The head's shape, checked before anything is read through it (a damaged head is a missing cache, never a crash). */
function isHead(h: Head): boolean {
  return (
    Number.isSafeInteger(h.count) &&
    typeof h.documents === 'string' &&
    Array.isArray(h.globalRules) &&
    isObject(h.files) &&
    Object.values(h.files).every((f) => isObject(f) && typeof f['hash'] === 'string' && typeof f['claims'] === 'number') &&
    isObject(h.parts) &&
    [h.parts.files, h.parts.units, h.parts.table, h.parts.offsets].every(isPart) &&
    (h.parts.disagreements === undefined || isPart(h.parts.disagreements)) &&
    isObject(h.shown) &&
    Object.values(h.shown).every(isPart)
  );
}

/** Open the cache file and read its head; undefined when it is missing, of another format or setup, or damaged. */
function openStore(path: string, key: string): Store | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const first = Buffer.alloc(64);
    const n = readSync(fd, first, 0, 64, 0);
    const line = first.subarray(0, n).toString('latin1');
    const eol = line.indexOf('\n');
    if (!line.startsWith(MAGIC) || eol < 0) throw new DamagedCache('not a claimlint cache of this version');
    const length = Number(line.slice(MAGIC.length, eol));
    if (!Number.isSafeInteger(length) || length <= 0) throw new DamagedCache('no head length');
    const headBytes = Buffer.allocUnsafe(length);
    if (readSync(fd, headBytes, 0, length, eol + 1) !== length) throw new DamagedCache('the head is cut short');
    const head = JSON.parse(headBytes.toString('latin1')) as Head;
    if (head.key !== key) throw new DamagedCache('another setup');
    if (!isHead(head)) throw new DamagedCache('the head is not as written');
    return new Store(fd, head, eol + 1 + length);
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined; // missing, unreadable, stale or corrupt: lint from scratch and write a new one
  }
}

/** Bytes of findings encoded into one buffer and written at once. */
const WRITE_SIZE = 16 << 20;

/**
 * Bytes for the cache file, gathered into few large chunks: text and single
 * bytes are written into buffers of about WRITE_SIZE bytes, bytes already
 * held (a slice of the cache read) are passed on as they are.
 */
class Chunks {
  private free: Buffer | undefined;
  private used = 0;

  constructor(private readonly body: Array<string | Uint8Array>) {}

  private room(n: number): Buffer {
    if (!this.free || this.free.length - this.used < n) {
      this.flush();
      this.free = Buffer.allocUnsafe(Math.max(WRITE_SIZE, n));
    }
    return this.free;
  }

  text(s: string): void {
    const b = this.room(Buffer.byteLength(s));
    this.used += b.write(s, this.used);
  }

  byte(x: number): void {
    this.room(1)[this.used++] = x;
  }

  bytes(b: Buffer): void {
    this.flush();
    this.body.push(b);
  }

  /** Pass on what is written so far; the rest of the buffer is used for what comes next. */
  flush(): void {
    if (!this.free || this.used === 0) return;
    this.body.push(this.free.subarray(0, this.used));
    this.free = this.free.subarray(this.used);
    this.used = 0;
  }
}

/** The cache file's content for a session: the head line, then the parts. */
function serialize(key: string, snap: SessionSnapshot): Array<string | Uint8Array> {
  const body: Array<string | Uint8Array> = [];
  let at = 0;
  const put = (text: string): Part => {
    const length = Buffer.byteLength(text);
    body.push(text);
    const part: Part = [at, length];
    at += length;
    return part;
  };
  // The table: each finding once (a finding is one object in its unit and where it is shown), shown ones first,
  // file by file; each encoded as it is added, so that its length in bytes is known.
  const index = new Map<Finding, number>();
  // A finding restored unchanged from the cache read is its stored bytes, copied; any other is encoded here.
  const elements: Array<string | Buffer> = [];
  const add = (f: Finding): number => {
    let i = index.get(f);
    if (i === undefined) {
      index.set(f, (i = elements.length));
      const about = snap.about(f);
      elements.push(snap.encoded(f) ?? ascii(JSON.stringify(about ? { ...f, about } : f)));
    }
    return i;
  };
  const displays = [...snap.shown.keys()].sort();
  const own = new Map(displays.map((d) => [d, snap.shown.get(d)!.map(add)]));
  const into = new Map<string, Set<number>>();
  for (const [d, indexes] of own) {
    const list = snap.shown.get(d)!;
    indexes.forEach((i, n) => {
      for (const r of list[n]!.related) {
        if (r.file === d) continue;
        let set = into.get(r.file);
        if (!set) into.set(r.file, (set = new Set()));
        set.add(i);
      }
    });
  }
  const units: Record<string, Record<string, number[]>> = {};
  for (const [rule, byKey] of snap.units) {
    const out: Record<string, number[]> = (units[rule] = {});
    for (const [k, list] of byKey) out[k] = list.map(add);
  }
  const heavy: Record<string, Pick<CachedFile, 'keys' | 'ranges' | 'layout' | 'sourceRecord'>> = {};
  const files: Record<string, CachedFileHead> = {};
  for (const [p, { keys, ranges, layout, sourceRecord, ...rest }] of Object.entries(snap.files)) {
    files[p] = rest;
    heavy[p] = { keys, ...(ranges ? { ranges } : {}), ...(layout ? { layout } : {}), ...(sourceRecord ? { sourceRecord } : {}) };
  }
  // The table. A finding encoded here goes straight into a buffer of about WRITE_SIZE bytes; stored ones that follow
  // each other in the cache read (most of an unchanged register) go out as one slice of it, not copied. Offsets noted as it goes.
  const offsets: string[] = [];
  const digits = (n: number) => String(n).padStart(OFFSET_DIGITS, '0');
  const tableStart = at;
  const out = new Chunks(body);
  out.text('[');
  at += 1;
  /** Stored findings, consecutive in the cache read: one view of its bytes, the commas between them included. */
  let run: Buffer | undefined;
  const endRun = (separator: number) => {
    if (!run) return;
    out.bytes(run);
    out.byte(separator);
    run = undefined;
  };
  const last = elements.length - 1;
  elements.forEach((e, k) => {
    offsets.push(digits(at - tableStart));
    if (typeof e === 'string') {
      endRun(0x2c);
      out.text(e);
      out.byte(k === last ? 0x5d : 0x2c); // ] after the last, else a comma
      at += Buffer.byteLength(e) + 1;
      return;
    }
    if (run && run.buffer === e.buffer && run.byteOffset + run.length + 1 === e.byteOffset) run = Buffer.from(run.buffer, run.byteOffset, run.length + 1 + e.length);
    else {
      endRun(0x2c);
      run = e;
    }
    at += e.length + 1;
  });
  endRun(0x5d);
  if (elements.length === 0) {
    out.text(']');
    at += 1;
  }
  out.flush();
  // The table's length: the last finding ends before its closing bracket.
  offsets.push(digits(at - tableStart));
  const table: Part = [tableStart, at - tableStart];
  const offsetsPart = put(offsets.join(''));
  const shown: Record<string, Part> = {};
  for (const d of [...new Set([...displays, ...into.keys()])].sort()) {
    shown[d] = put(ascii(JSON.stringify([own.get(d) ?? [], [...(into.get(d) ?? [])].sort((a, b) => a - b)])));
  }
  const parts: Head['parts'] = { files: put(ascii(JSON.stringify(heavy))), units: put(ascii(JSON.stringify(units))), table, offsets: offsetsPart };
  if (snap.disagreements) parts.disagreements = put(ascii(JSON.stringify(Object.fromEntries(snap.disagreements))));
  const head = ascii(JSON.stringify({ key, files, globalRules: snap.globalRules, documents: snap.documents, count: elements.length, parts, shown } satisfies Head));
  return [`${MAGIC}${Buffer.byteLength(head)}\n`, head, ...body];
}

/**
 * A run given files restores the saved session when at most this share of
 * the register's files (or one file) changed since the cache was written;
 * beyond, it lints as without the cache. At 100,000 claims in 1,000 files,
 * with the given file among the changed ones: 1 file changed 5.0 s against
 * 6.5 s, 5 files 7.8 s against 7.1 s, 20 files 9.3 s against 6.4 s, 100
 * files 11.7 s against 5.5 s (the session's cost grows with the groups the
 * changes touch, and it reads and writes the whole cache).
 */
const MAX_CHANGED_SHARE = 0.005;

/** Lint through the cache: restore the saved session, lint what changed, save it again. */
export async function lintWithCache(opts: LintOptions, cache: CacheOptions): Promise<LintResult> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const now = opts.now ?? new Date();
  const setup = await resolveSetup({ ...opts, now });
  const key = setupKey(setup, cwd, now);
  const path = cachePath(cache);
  const store = openStore(path, key);
  const given = (opts.patterns?.length ?? 0) > 0;
  let session: LintSession | undefined;
  let restored = false;
  try {
    // Files given (the pre-commit hook): their findings straight from the cache when nothing changed since it was
    // written (reading only their part of it).
    if (given && store) {
      const { session: shown, files, changed } = await LintSession.openShown({ ...opts, now, setup, stored: store });
      if (shown) return await shown.result();
      // Many files changed (a branch switched): restoring the session and checking again every group they touch would
      // cost more than a lint of the given files, which the cache cannot help. With --changed-since or --baseline,
      // which place findings by the files changed, the session's result is a full lint of its files: the same.
      if (changed > Math.max(1, files * MAX_CHANGED_SHARE) || opts.changedSince || opts.baselineFile) return lint({ ...opts, now });
    }
    // Otherwise the saved session, restored: the changed files are parsed, and those holding claims of the groups
    // they touch; those groups are checked again.
    if (store) {
      session = await LintSession.open({ ...opts, now, setup, stored: store });
      restored = true;
    }
  } catch (e) {
    if (!(e instanceof DamagedCache)) throw e;
  } finally {
    store?.close();
  }
  // No cache, or a damaged one. Files given: a lint as without the cache, which locates only what the given files
  // show (the cache is left as it is: the next run of the whole register writes it). Else a full session, saved.
  if (!session && given) return lint({ ...opts, now });
  session ??= await LintSession.open({ ...opts, now, setup });
  const result = await session.result();
  if (!restored || session.changedSinceOpen) {
    // The one atomic writer (output/write.ts): a temporary file beside it, removed on failure or signal, then a rename.
    writeFileAtomic(path, serialize(key, session.snapshot()));
    const old = join(dirname(path), OLD_CACHE_FILE);
    if (path.endsWith(CACHE_FILE) && existsSync(old)) rmSync(old, { force: true });
  }
  return result;
}

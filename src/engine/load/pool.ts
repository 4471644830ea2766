/**
 * Loading the register's files: read, then parse and schema-check — in
 * worker threads (`--concurrency`, a tinypool pool) when the register is
 * large enough to pay for starting them, else in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../paths.js';
import { parseClaimFile, type Preparsed, type RegisterFile } from './loader.js';
import { readRegisterFile, type ReadProblem } from './read.js';

/** A file to parse: its decoded text, or why it could not be read (then loaded empty with that problem). */
export interface FileText {
  path: string;
  text: string;
  readProblem?: ReadProblem;
  /** The file's {@link statFingerprint} as it was read, and when (ms since the epoch, taken before the read). */
  stat?: string;
  seen?: number;
  /** The content hash, when known without reading the file (the cache: see session.ts `unchangedByStat`). */
  hash?: string;
}

/** Read a claim file as the loader does (read.ts: encoding checks, unreadable files as located problems); `contents` stands in for the disk. */
export async function readFileText(path: string, contents?: ReadonlyMap<string, string>): Promise<FileText> {
  const given = contents?.get(path);
  if (given !== undefined) return { path, text: given };
  const seen = Date.now();
  const read = await readRegisterFile(path);
  return 'problem' in read ? { path, text: '', readProblem: read.problem } : { path, text: read.text, ...(read.stat ? { stat: read.stat, seen } : {}) };
}

/** Below this much YAML, starting workers costs more than it saves (about 5,000 claims). */
export const MIN_PARALLEL_BYTES = 2_000_000;
/** Files per task sent to a worker. */
const BATCH = 40;

export interface LoadOptions {
  /** Worker threads: a number, or `auto` (the CPUs less one, if the register is large enough); default none. */
  concurrency?: number | 'auto';
  /** Files read fast (positions parsed only if a finding needs them): those outside the reported scope. */
  fast?: (path: string) => boolean;
  /** Texts that replace files on disk. */
  contents?: ReadonlyMap<string, string>;
}

/**
 * Below this many CPUs, `auto` starts no worker: reading a file with js-yaml
 * is about a twentieth of a run, and on 2 CPUs handing the workers' data
 * back to the main thread cost more than it saved (100,000 claims: 20.7 s
 * without workers, 22.6 s with one, 26.9 s with two).
 */
export const MIN_PARALLEL_CPUS = 4;

/** How many worker threads to use for this much text (`cpus`: the machine's, by default). */
export function workerCount(concurrency: LoadOptions['concurrency'], bytes: number, cpus = availableParallelism()): number {
  if (concurrency === undefined) return 0;
  if (concurrency === 'auto') return bytes >= MIN_PARALLEL_BYTES && cpus >= MIN_PARALLEL_CPUS ? cpus - 1 : 0;
  return concurrency > 1 ? concurrency : 0;
}

function workerUrl(): string {
  // Built: parse-worker.js beside this file (tsc's output), or where tsc put it when this runs from the bundled
  // command line (dist/cli.js, scripts/bundle.mjs); from the sources (tests, tsx): parse-worker.ts.
  const candidates = [new URL('./parse-worker.js', import.meta.url), pathToFileURL(join(PACKAGE_ROOT, 'dist/engine/load/parse-worker.js'))];
  const built = candidates.find((u) => existsSync(fileURLToPath(u)));
  return built ? built.href : new URL('./parse-worker.ts', import.meta.url).href;
}

/** Read and parse the given files (sorted paths), in workers if asked and worth it. */
export async function loadFiles(paths: string[], opts: LoadOptions = {}): Promise<RegisterFile[]> {
  return parseFiles(await Promise.all(paths.map((p) => readFileText(p, opts.contents))), opts);
}

/** Parse read files (in workers if asked and worth it); a file that could not be read is loaded empty with its problem. */
export async function parseFiles(all: FileText[], opts: LoadOptions = {}): Promise<RegisterFile[]> {
  const problem = (i: FileText) => (i.readProblem ? { readProblem: i.readProblem } : {});
  const items = all.filter((i) => !i.readProblem);
  const bytes = items.reduce((n, i) => n + i.text.length, 0);
  const workers = Math.min(workerCount(opts.concurrency, bytes), Math.ceil(items.length / BATCH));
  if (workers < 1) return all.map((i) => parseClaimFile(i.path, i.text, { fast: opts.fast?.(i.path) ?? false, ...problem(i) }));
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: workerUrl(), minThreads: workers, maxThreads: workers });
  try {
    const batches: FileText[][] = [];
    for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
    const parsed = (await Promise.all(batches.map((b) => pool.run(b.map(({ path, text }) => ({ path, text }))) as Promise<Preparsed[]>))).flat();
    const byPath = new Map(items.map((i, n) => [i.path, parsed[n]!]));
    return all.map((i) => (i.readProblem ? parseClaimFile(i.path, '', problem(i)) : parseClaimFile(i.path, i.text, { preparsed: byPath.get(i.path)! })));
  } finally {
    await pool.destroy();
  }
}

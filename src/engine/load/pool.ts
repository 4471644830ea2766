/**
 * Loading the register's files: read, then parse and schema-check — in
 * worker threads (`--concurrency`, a tinypool pool) when the register is
 * large enough to pay for starting them, else in this thread.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseClaimFile, type Preparsed, type RegisterFile } from './loader.js';

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

/** How many worker threads to use for this much text. */
export function workerCount(concurrency: LoadOptions['concurrency'], bytes: number): number {
  if (concurrency === undefined) return 0;
  if (concurrency === 'auto') return bytes >= MIN_PARALLEL_BYTES ? Math.max(0, availableParallelism() - 1) || (availableParallelism() > 1 ? 1 : 0) : 0;
  return concurrency > 1 ? concurrency : 0;
}

function workerUrl(): string {
  // Built: parse-worker.js beside this file; from the sources (tests, tsx): parse-worker.ts.
  const js = new URL('./parse-worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js.href : new URL('./parse-worker.ts', import.meta.url).href;
}

/** Read and parse the given files (sorted paths), in workers if asked and worth it. */
export async function loadFiles(paths: string[], opts: LoadOptions = {}): Promise<RegisterFile[]> {
  const texts = await Promise.all(paths.map((p) => opts.contents?.get(p) ?? readFile(p, 'utf8')));
  return parseFiles(paths.map((path, i) => ({ path, text: texts[i]! })), opts);
}

export async function parseFiles(items: Array<{ path: string; text: string }>, opts: LoadOptions = {}): Promise<RegisterFile[]> {
  const bytes = items.reduce((n, i) => n + i.text.length, 0);
  const workers = Math.min(workerCount(opts.concurrency, bytes), Math.ceil(items.length / BATCH));
  if (workers < 1) return items.map((i) => parseClaimFile(i.path, i.text, { fast: opts.fast?.(i.path) ?? false }));
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: workerUrl(), minThreads: workers, maxThreads: workers });
  try {
    const batches: Array<Array<{ path: string; text: string }>> = [];
    for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
    const parsed = (await Promise.all(batches.map((b) => pool.run(b) as Promise<Preparsed[]>))).flat();
    return items.map((i, n) => parseClaimFile(i.path, i.text, { preparsed: parsed[n]! }));
  } finally {
    await pool.destroy();
  }
}

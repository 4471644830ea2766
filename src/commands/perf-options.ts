/** The command-line options about speed: `--cache`, `--cache-location`, `--concurrency`. */
import { resolve } from 'node:path';
import { UsageError } from './types.js';
import type { CacheOptions } from '../engine/run/cache.js';

/** Where the cache lives by default, as ESLint and other tools keep theirs. */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/claimlint/';

export function cacheOf(values: { cache?: boolean; 'cache-location'?: string }, cwd: string): CacheOptions | undefined {
  if (!values.cache) {
    if (values['cache-location'] !== undefined) throw new UsageError('--cache-location needs --cache');
    return undefined;
  }
  const location = values['cache-location'] ?? DEFAULT_CACHE_LOCATION;
  return { location: resolve(cwd, location), folder: /[\\/]$/.test(location) };
}

export function concurrencyOf(values: { concurrency?: string }): { concurrency?: number | 'auto' } {
  const c = values.concurrency;
  if (c === undefined) return {};
  if (c === 'auto') return { concurrency: 'auto' };
  if (!/^[1-9]\d*$/.test(c)) throw new UsageError(`--concurrency expects a number of workers (1 or more) or "auto", got "${c}"`);
  return { concurrency: Number(c) };
}

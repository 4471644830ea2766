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
 * The whole cache is dropped when claimlint's version, the configuration
 * (rules, options, overrides, vocabulary, files), a rule definition, the
 * retraction list, the working directory or the date (age checks) differs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../output/write.js';
import { packageInfo } from '../../paths.js';
import { resolveSetup, type LintOptions, type LintResult, type Resolved } from './linter.js';
import { LintSession, type SessionState } from './session.js';

export interface CacheOptions {
  /** The cache file, or the folder to keep it in. */
  location: string;
  /** Whether `location` names a folder (given with a trailing slash); an existing folder is one too. */
  folder?: boolean;
}

export const CACHE_FILE = 'claimlint-cache.json';

interface CacheFile {
  key: string;
  state: SessionState;
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

function readCache(path: string, key: string): SessionState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
    return parsed.key === key && parsed.state ? parsed.state : undefined;
  } catch {
    return undefined; // missing, unreadable or corrupt: lint from scratch and write a new one
  }
}

/** Lint through the cache: restore the saved session, lint what changed, save it again. */
export async function lintWithCache(opts: LintOptions, cache: CacheOptions): Promise<LintResult> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const now = opts.now ?? new Date();
  const setup = await resolveSetup({ ...opts, now });
  const key = setupKey(setup, cwd, now);
  const path = cachePath(cache);
  const state = readCache(path, key);
  const session = await LintSession.open({ ...opts, now, setup, ...(state ? { state } : {}) });
  if (!state || session.changedSinceOpen) {
    // The one atomic writer (output/write.ts): a temporary file beside it, removed on failure or signal, then a rename.
    writeFileAtomic(path, JSON.stringify({ key, state: session.state() } satisfies CacheFile));
  }
  return session.result();
}

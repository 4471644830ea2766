/**
 * Baselines, after ESLint's bulk suppressions: record today's findings by
 * their stable fingerprints, then report (and fail on) only findings that
 * are not in the record. Entries that no longer occur are reported as fixed,
 * so the baseline can be pruned.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../run/errors.js';
import type { Finding } from './finding.js';

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
  claim: string | null;
  message: string;
}

export interface BaselineFile {
  version: 1;
  tool: { name: string; version: string };
  findings: BaselineEntry[];
  /**
   * A digest of each claim file's text when the baseline was written, by
   * path relative to the configuration's folder: with `--baseline`, a
   * finding that involves a changed file and another sits in the changed one.
   */
  files?: Record<string, string>;
}

export function makeBaseline(findings: readonly Finding[], tool: { name: string; version: string }, files?: Record<string, string>): BaselineFile {
  return {
    version: 1,
    tool,
    findings: findings.map((f) => ({ fingerprint: f.fingerprint, rule: f.rule, file: f.file, claim: f.claim, message: f.message })),
    ...(files ? { files } : {}),
  };
}

export async function readBaseline(path: string, shown: string): Promise<BaselineFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError(`--baseline: cannot read ${shown}; create it with --write-baseline ${shown}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`--baseline: ${shown} is not valid JSON (${(e as Error).message})`);
  }
  const b = data as Partial<BaselineFile>;
  const files = b.files as unknown;
  const filesOk = files === undefined || (typeof files === 'object' && files !== null && !Array.isArray(files) && Object.values(files).every((d) => typeof d === 'string'));
  if (b.version !== 1 || !Array.isArray(b.findings) || !b.findings.every((f) => typeof f?.fingerprint === 'string') || !filesOk) {
    throw new ConfigError(`--baseline: ${shown} is not a claimlint baseline (version 1); recreate it with --write-baseline`);
  }
  return b as BaselineFile;
}

export interface Split {
  /** Findings not in the reference set: the ones to report and fail on. */
  fresh: Finding[];
  /** How many findings matched the reference set and were left out. */
  known: number;
  /** Reference entries that no longer occur. */
  gone: BaselineEntry[];
}

/** Split findings against a reference multiset of fingerprints (a baseline, or the findings at a git ref). */
export function splitByFingerprint(findings: readonly Finding[], reference: readonly BaselineEntry[]): Split {
  const counts = new Map<string, number>();
  for (const r of reference) counts.set(r.fingerprint, (counts.get(r.fingerprint) ?? 0) + 1);
  const fresh: Finding[] = [];
  let known = 0;
  for (const f of findings) {
    const n = counts.get(f.fingerprint) ?? 0;
    if (n > 0) {
      counts.set(f.fingerprint, n - 1);
      known++;
    } else fresh.push(f);
  }
  const gone: BaselineEntry[] = [];
  for (const r of reference) {
    const n = counts.get(r.fingerprint) ?? 0;
    if (n > 0) {
      gone.push(r);
      counts.set(r.fingerprint, n - 1);
    }
  }
  return { fresh, known, gone };
}

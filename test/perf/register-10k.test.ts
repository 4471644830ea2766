/**
 * A pre-commit hook on a large register: a synthetic register of 10,000
 * claims in 100 files (scripts/generate-register.ts) is written to a
 * temporary folder, then one file is linted as a hook would. Linting one
 * file reads the other 99 by a faster path (positions parsed only where a
 * finding needs them); this test checks that the fast path reports exactly
 * what the full path reports for that file.
 *
 * No timing is asserted here: how long a run takes depends on the machine
 * and its load. Timings belong to the benchmark (`npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateRegister, type GeneratedRegister } from '../../scripts/generate-register.js';
import { lint, type LintResult } from '../../src/engine/run/linter.js';
import { BIN } from '../helpers/cli.js';

const CLAIMS = 10_000;
const FILES = 100;
const STAGED = 'claims/source-000.yaml';
const TIMEOUT = 180_000;

let dir = '';
let generated: GeneratedRegister;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimlint-perf-'));
  generated = generateRegister(dir, { claims: CLAIMS, files: FILES, seed: 1 });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every reported finding is in the staged file or has a related claim in it. */
function touchesStaged(f: LintResult['findings'][number]): boolean {
  return f.file === STAGED || f.related.some((r) => r.file === STAGED);
}

it('generates the register', () => {
  expect(generated.claims).toBe(CLAIMS);
  expect(generated.files).toHaveLength(FILES);
  expect(generated.planted.valueConflicts).toBeGreaterThan(0);
  expect(generated.planted.directionConflicts).toBeGreaterThan(0);
});

it(
  'spawned: node dist/cli.js <one file> --format json reads the whole register and reports only what the file touches',
  () => {
    const r = spawnSync(process.execPath, [BIN, STAGED, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the register has errors, as a real one would
    const report = JSON.parse(r.stdout) as { summary: LintResult['summary']; findings: LintResult['findings'] };
    expect(report.summary.claims).toBe(CLAIMS);
    expect(report.summary.files).toBe(FILES);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every(touchesStaged)).toBe(true);
  },
  TIMEOUT,
);

it(
  'in process: the fast path (one file given) finds exactly what the full lint finds for that file',
  async () => {
    const fast = await lint({ cwd: dir, patterns: [STAGED] });
    const full = await lint({ cwd: dir });
    expect(fast.summary.claims).toBe(CLAIMS);
    expect(fast.findings.some((f) => f.rule.startsWith('conflict/'))).toBe(true);
    expect(fast.findings.every(touchesStaged)).toBe(true);
    // The same problems. A conflict between the staged file and another sits on the staged file's
    // claim in the fast run (the other claim related) and possibly on the other claim in the full
    // run, so problems are compared by what they involve (a multiset: one claim can have several
    // findings of a rule); findings that involve one file only must be identical, positions included.
    const identities = (findings: LintResult['findings']) =>
      findings
        .map((f) => [f.rule, f.severity, ...[`${f.file}#${f.claim}`, ...f.related.map((r) => `${r.file}#${r.claim}`)].sort()].join(' '))
        .sort();
    const fullInScope = full.findings.filter(touchesStaged);
    expect(identities(fast.findings)).toEqual(identities(fullInScope));
    const local = (findings: LintResult['findings']) => findings.filter((f) => f.related.every((r) => r.file === f.file));
    expect(local(fast.findings).length).toBeGreaterThan(0);
    expect(local(fast.findings)).toEqual(local(fullInScope));
  },
  TIMEOUT,
);

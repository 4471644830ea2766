/**
 * Benchmark: what a pre-commit hook costs on a large register. A synthetic
 * register of 10,000 claims in 100 files (scripts/generate-register.ts) is
 * written to a temporary folder, then one file is linted as a hook would:
 *
 * - spawned: `node dist/cli.js claims/source-000.yaml --format json` (wall
 *   time, Node.js start-up included);
 * - in process: `lint({ cwd, patterns: ['claims/source-000.yaml'] })`.
 *
 * Each is run 3 times; the minimum counts. The in-process lint must finish
 * within CLAIMLINT_PERF_BUDGET_MS (default 1000 ms, on a 2-core machine).
 * The figures are printed at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateRegister, type GeneratedRegister } from '../../scripts/generate-register.js';
import { lint, type LintResult } from '../../src/engine/run/linter.js';
import { BIN } from '../helpers/cli.js';

const CLAIMS = 10_000;
const FILES = 100;
const RUNS = 3;
const BUDGET_MS = Number(process.env['CLAIMLINT_PERF_BUDGET_MS'] ?? 1000);
const STAGED = 'claims/source-000.yaml';
const TIMEOUT = 180_000;

let dir = '';
let generated: GeneratedRegister;
const figures: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimlint-perf-'));
  const t = performance.now();
  generated = generateRegister(dir, { claims: CLAIMS, files: FILES, seed: 1 });
  figures['generate the register'] = `${ms(performance.now() - t)}`;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  console.log(`claimlint on ${CLAIMS} claims in ${FILES} files, one staged file (min of ${RUNS} runs):\n${lines.join('\n')}`);
});

function ms(t: number): string {
  return `${Math.round(t)} ms`;
}

/** Every reported finding is in the staged file or has a related claim in it. */
function inScope(findings: LintResult['findings']): boolean {
  return findings.every((f) => f.file === STAGED || f.related.some((r) => r.file === STAGED));
}

it('generates the register', () => {
  expect(generated.claims).toBe(CLAIMS);
  expect(generated.files).toHaveLength(FILES);
  expect(generated.planted.valueConflicts).toBeGreaterThan(0);
  expect(generated.planted.directionConflicts).toBeGreaterThan(0);
});

it(
  'spawned: node dist/cli.js <one file> --format json',
  () => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [BIN, STAGED, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
      times.push(performance.now() - t);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1); // the register has errors, as a real one would
      const report = JSON.parse(r.stdout) as { summary: LintResult['summary']; findings: LintResult['findings'] };
      expect(report.summary.claims).toBe(CLAIMS);
      expect(report.summary.files).toBe(FILES);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(inScope(report.findings)).toBe(true);
    }
    figures['spawned CLI, wall time'] = `${ms(Math.min(...times))} (runs: ${times.map(ms).join(', ')})`;
  },
  TIMEOUT,
);

it(
  `in process: lint({ patterns: [one file] }) within ${BUDGET_MS} ms`,
  async () => {
    const times: number[] = [];
    let result: LintResult | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      result = await lint({ cwd: dir, patterns: [STAGED] });
      times.push(performance.now() - t);
    }
    const best = Math.min(...times);
    figures['in-process lint()'] = `${ms(best)} (runs: ${times.map(ms).join(', ')}; budget ${BUDGET_MS} ms)`;
    expect(result!.summary.claims).toBe(CLAIMS);
    expect(result!.findings.some((f) => f.rule.startsWith('conflict/'))).toBe(true);
    expect(inScope(result!.findings)).toBe(true);
    expect(best, `in-process lint of one file took ${ms(best)}`).toBeLessThan(BUDGET_MS);
  },
  TIMEOUT,
);

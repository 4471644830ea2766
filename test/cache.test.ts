/**
 * `--cache`: for random sequences of edits (claims and files added, changed
 * and deleted, the configuration changed), a cached run's output equals a
 * cold run's, byte for byte.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWithCache } from '../src/engine/run/cache.js';
import { lint } from '../src/engine/run/linter.js';
import { generateRegister } from '../scripts/generate-register.js';
import { claimlint } from './helpers/cli.js';
import { copyRegister, randomEdit, rng } from './helpers/edits.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const root = join(import.meta.dirname, '..');

/** Configuration edits: a rule turned off or on, an override, a vocabulary alias. */
const CONFIG_EDITS: Array<[string, string]> = [
  ['rules: {}', 'rules:\n  evidence/none: "off"\n  conflict/value: info'],
  ['vocabulary:\n  subjects:\n', 'vocabulary:\n  subjects:\n    lithium: [mdma, ketamine-like]\n'],
  ['ignores: []', 'ignores: []\noverrides:\n  - files: ["claims/*-0*.yaml", "claims/ketam-*.yaml"]\n    rules:\n      evidence/unsourced-statistic: "off"\n'],
];

function editConfig(dir: string, rand: () => number): string {
  const path = join(dir, 'claimlint.config.yaml');
  const text = readFileSync(path, 'utf8');
  const [from, to] = CONFIG_EDITS[Math.floor(rand() * CONFIG_EDITS.length)]!;
  const next = text.includes(to) ? text.replace(to, from) : text.replace(from, to);
  writeFileSync(path, next);
  return `config: ${from.split('\n')[0]}`;
}

const out = (r: Awaited<ReturnType<typeof lint>>) => JSON.stringify({ summary: r.summary, findings: r.findings }, null, 2);

async function cachedEqualsCold(dir: string, seed: number, steps: number): Promise<void> {
  const cache = { location: join(dir, 'cache-folder'), folder: true };
  const rand = rng(seed);
  let reused = 0;
  for (let i = 0; i <= steps; i++) {
    const what = i === 0 ? 'first run' : rand() < 0.15 ? editConfig(dir, rand) : randomEdit(dir, rand).what;
    const cold = out(await lint({ cwd: dir, now: NOW }));
    const hadCache = existsSync(join(cache.location, 'claimlint-cache.json'));
    const cached = out(await lintWithCache({ cwd: dir, now: NOW }, cache));
    if (hadCache) reused++;
    expect(cached === cold, `step ${i}: ${what}`).toBe(true);
    // And again, with nothing changed: straight from the cache, which is then not rewritten.
    if (rand() < 0.2) {
      const file = join(cache.location, 'claimlint-cache.json');
      const before = statSync(file).mtimeMs;
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache)) === cold, `step ${i}: unchanged`).toBe(true);
      expect(statSync(file).mtimeMs).toBe(before);
    }
  }
  expect(reused).toBeGreaterThan(0);
}

describe('--cache', () => {
  it('gives a cold run\'s findings after random edits to the bundled register', { timeout: 180_000 }, async () => {
    const dir = copyRegister(root);
    try {
      await cachedEqualsCold(dir, 5, 25);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a cold run\'s findings after random edits to a generated register', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-'));
    try {
      generateRegister(dir, { claims: 500, files: 10, seed: 9 });
      writeFileSync(join(dir, 'claimlint.config.yaml'), `${readFileSync(join(dir, 'claimlint.config.yaml'), 'utf8')}ignores: []\nrules: {}\n`);
      await cachedEqualsCold(dir, 13, 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is written under node_modules/.cache/claimlint/ or at --cache-location, and the CLI output is the same byte for byte', { timeout: 120_000 }, () => {
    const dir = copyRegister(root);
    try {
      const cold = claimlint(['--format', 'json'], { cwd: dir });
      const first = claimlint(['--cache', '--format', 'json'], { cwd: dir });
      expect(existsSync(join(dir, 'node_modules/.cache/claimlint/claimlint-cache.json'))).toBe(true);
      const warm = claimlint(['--cache', '--format', 'json'], { cwd: dir });
      expect([first.code, warm.code]).toEqual([cold.code, cold.code]);
      expect(first.stdout).toBe(cold.stdout);
      expect(warm.stdout).toBe(cold.stdout);
      // A corrupt cache is ignored and rewritten.
      writeFileSync(join(dir, 'node_modules/.cache/claimlint/claimlint-cache.json'), '{ not json');
      expect(claimlint(['--cache', '--format', 'json'], { cwd: dir }).stdout).toBe(cold.stdout);
      const custom = claimlint(['--cache', '--cache-location', 'my.cache', '--format', 'json'], { cwd: dir });
      expect(custom.stdout).toBe(cold.stdout);
      expect(existsSync(join(dir, 'my.cache'))).toBe(true);
      const bad = claimlint(['--cache-location', 'x'], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--cache-location needs --cache');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

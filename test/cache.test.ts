/**
 * `--cache`: for random sequences of edits (claims and files added, changed
 * and deleted, the configuration changed), a cached run's output equals a
 * cold run's, byte for byte — whole, and given one file (as the pre-commit
 * hook runs it, which reads only that file's findings from the cache).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import fg from 'fast-glob';
import { lintWithCache } from '../src/engine/run/cache.js';
import { lint } from '../src/engine/run/linter.js';
import { makeBaseline } from '../src/engine/report/baseline.js';
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

/** What a run reports: its summary, findings and notes, and the register's citations and disagreements (json, html). */
const out = (r: Awaited<ReturnType<typeof lint>>) =>
  JSON.stringify({ summary: r.summary, findings: r.findings, notes: r.notes, citations: r.citations, disagreements: r.disagreements }, null, 2);

function claimFilesOf(dir: string): string[] {
  return fg.sync('claims/**/*.{yaml,yml}', { cwd: dir }).sort();
}

/** The cache file's head (see cache.ts): its first line says how long it is. */
function headOf(file: string): { parts: Record<string, [number, number]>; shown: Record<string, [number, number]>; base: number } {
  const bytes = readFileSync(file);
  const eol = bytes.indexOf(10);
  const length = Number(bytes.subarray(0, eol).toString('latin1').split(' ').at(-1));
  const head = JSON.parse(bytes.subarray(eol + 1, eol + 1 + length).toString('utf8'));
  return { ...head, base: eol + 1 + length };
}

/** A copy of the bundled register with a cache folder in it, removed afterwards. */
async function withCachedCopy(run: (dir: string, cache: { location: string; folder: boolean }, file: string) => Promise<void>): Promise<void> {
  const dir = copyRegister(root);
  try {
    const cache = { location: join(dir, 'cache-folder'), folder: true };
    await run(dir, cache, join(cache.location, 'claimlint.cache'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rewrite the cache file's head (its first line gives the head's new length). */
function rewriteHead(file: string, edit: (head: Record<string, unknown>) => void): void {
  const bytes = readFileSync(file);
  const eol = bytes.indexOf(10);
  const words = bytes.subarray(0, eol).toString('latin1').split(' ');
  const length = Number(words.at(-1));
  const head = JSON.parse(bytes.subarray(eol + 1, eol + 1 + length).toString('utf8')) as Record<string, unknown>;
  edit(head);
  const text = Buffer.from(JSON.stringify(head));
  writeFileSync(file, Buffer.concat([Buffer.from(`${words.slice(0, -1).join(' ')} ${text.length}\n`), text, bytes.subarray(eol + 1 + length)]));
}

/** Overwrite a part of the cache file with spaces (same length): a damaged part. */
function damage(file: string, part: [number, number], base: number): void {
  const bytes = readFileSync(file);
  bytes.fill(0x20, base + part[0], base + part[0] + part[1]);
  writeFileSync(file, bytes);
}

async function cachedEqualsCold(dir: string, seed: number, steps: number): Promise<void> {
  const cache = { location: join(dir, 'cache-folder'), folder: true };
  const rand = rng(seed);
  let reused = 0;
  let givenRuns = 0;
  let givenAfterEdit = 0;
  for (let i = 0; i <= steps; i++) {
    let paths: string[] = [];
    let what = 'first run';
    if (i > 0 && rand() < 0.15) what = editConfig(dir, rand);
    else if (i > 0) ({ what, paths } = randomEdit(dir, rand));
    const cold = out(await lint({ cwd: dir, now: NOW }));
    // Given the file just edited (or another), as the pre-commit hook runs after a change: the saved session is
    // restored and updated, and the cache saved for the whole run below to read.
    const edited = paths.map((p) => relative(dir, p)).filter((p) => p.startsWith('claims/') && existsSync(join(dir, p)));
    if (i > 0 && rand() < 0.5) {
      const files = claimFilesOf(dir);
      const file = edited[0] && rand() < 0.7 ? edited[0] : files[Math.floor(rand() * files.length)]!;
      const want = out(await lint({ cwd: dir, now: NOW, patterns: [file] }));
      expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [file] }, cache)) === want, `step ${i}: ${what}, given ${file} after the edit`).toBe(true);
      givenAfterEdit++;
    }
    const hadCache = existsSync(join(cache.location, 'claimlint.cache'));
    const cached = out(await lintWithCache({ cwd: dir, now: NOW }, cache));
    if (hadCache) reused++;
    expect(cached === cold, `step ${i}: ${what}`).toBe(true);
    // Given one file, nothing changed since: that file's findings, read alone from the cache.
    if (rand() < 0.5) {
      const files = claimFilesOf(dir);
      const file = files[Math.floor(rand() * files.length)]!;
      const given = out(await lint({ cwd: dir, now: NOW, patterns: [file] }));
      expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [file] }, cache)) === given, `step ${i}: ${what}, given ${file}`).toBe(true);
      givenRuns++;
    }
    // And again, with nothing changed: straight from the cache, which is then not rewritten.
    if (rand() < 0.2) {
      const file = join(cache.location, 'claimlint.cache');
      const before = statSync(file).mtimeMs;
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache)) === cold, `step ${i}: unchanged`).toBe(true);
      expect(statSync(file).mtimeMs).toBe(before);
    }
  }
  expect(reused).toBeGreaterThan(0);
  expect(givenRuns).toBeGreaterThan(0);
  expect(givenAfterEdit).toBeGreaterThan(0);
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

  it('given a file changed since it was written, restores the session, checks the groups the edit touched, and saves the cache', { timeout: 120_000 }, async () => {
    await withCachedCopy(async (dir, cache, file) => {
      await lintWithCache({ cwd: dir, now: NOW }, cache);
      const [first, second] = claimFilesOf(dir);
      const text = readFileSync(join(dir, first!), 'utf8');
      // A claim's text changed (one group checked again), then a claim's value (its groups' findings change).
      for (const edited of [text.replace(/(\n\s+text: ")/, '$1Edited: '), text.replace('value: {effect: benefit}', 'value: {effect: no-benefit}')]) {
        expect(edited).not.toBe(text);
        writeFileSync(join(dir, first!), edited);
        const before = readFileSync(file);
        expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [first!] }, cache))).toBe(out(await lint({ cwd: dir, now: NOW, patterns: [first!] })));
        expect(readFileSync(file).equals(before), 'the cache is saved').toBe(false);
        // The saved cache is the register as it is now: a whole run and a run given another file read it as it is.
        const saved = statSync(file).mtimeMs;
        expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(out(await lint({ cwd: dir, now: NOW })));
        expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [second!] }, cache))).toBe(out(await lint({ cwd: dir, now: NOW, patterns: [second!] })));
        expect(statSync(file).mtimeMs).toBe(saved);
      }
      // With a baseline (which places findings by the files changed), a lint as without the cache, which is left as it is.
      const baseline = join(dir, 'baseline.json');
      const before = await lint({ cwd: dir, now: NOW });
      writeFileSync(baseline, JSON.stringify(makeBaseline(before.findings, { name: 'claimlint', version: '0' }, before.fileDigests)));
      writeFileSync(join(dir, first!), text.replace(/(\n\s+text: ")/, '$1Edited again: '));
      const kept = readFileSync(file);
      expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [first!], baselineFile: baseline }, cache))).toBe(
        out(await lint({ cwd: dir, now: NOW, patterns: [first!], baselineFile: baseline })),
      );
      expect(readFileSync(file).equals(kept), 'with a baseline, the cache is left as it is').toBe(true);
      // Two files changed (more than one, and more than half a percent of the register's files): a lint as without the
      // cache, which is left as it is.
      for (const f of [first!, second!]) writeFileSync(join(dir, f), `${readFileSync(join(dir, f), 'utf8')}\n# changed\n`);
      const cached = readFileSync(file);
      expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [first!] }, cache))).toBe(out(await lint({ cwd: dir, now: NOW, patterns: [first!] })));
      expect(readFileSync(file).equals(cached), 'the cache is left as it is').toBe(true);
    });
  });

  it('after an edit, the works of files it does not parse stand in with the source the cache kept', { timeout: 60_000 }, async () => {
    // The guidelines' claims are on another subject: an edit to the blog checks the blog's groups again, with the
    // guidelines' files in the citation graph by their sources only (what the cache recorded of them).
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-works-'));
    try {
      mkdirSync(join(dir, 'claims'));
      const claim = (subject: string, value: string, evidence = '') =>
        `    subject: ${subject}\n    aspect: dosing\n    property: primary-prevention-start\n    value: { category: ${value} }\n    context: { population: adults aged 60 or older }\n${evidence}`;
      const guideline = (year: number, value: string, extra = '') =>
        `source:\n  id: uspstf-${year}\n  title: Aspirin for the prevention of cardiovascular disease, ${year}\n  kind: guideline\n  published: ${year}\n  doi: 10.1001/uspstf-${year}\n${extra}claims:\n  - id: start-60\n    text: "Recommendation on starting statins at 60 or older"\n${claim('statins', value)}`;
      writeFileSync(join(dir, 'claims/new.yaml'), guideline(2022, 'not-recommended'));
      writeFileSync(join(dir, 'claims/old.yaml'), guideline(2009, 'recommended', '  superseded_by: uspstf-2022\n'));
      const blog = (text: string) =>
        [
          'source:\n  id: blog\n  title: Aspirin facts\n  kind: blog\n  published: 2023\n  references:',
          '    - { id: "1", title: "USPSTF 2009", doi: 10.1001/uspstf-2009 }',
          '    - { id: "2", title: "USPSTF 2022", doi: 10.1001/uspstf-2022 }',
          'claims:',
          `  - id: cites-old\n    text: "${text}"`,
          claim('aspirin', 'recommended', '    evidence:\n      - cites: ["1"]'),
        ].join('\n');
      writeFileSync(join(dir, 'claims/blog.yaml'), blog('The 2009 advice on aspirin'));
      const cache = { location: join(dir, 'cache-folder'), folder: true };
      const cold = await lint({ cwd: dir, now: NOW });
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(out(cold));
      // The citation of a superseded work: found through old.yaml's DOI and superseded_by, naming new.yaml's source.
      expect(cold.findings.filter((f) => f.rule === 'currency/superseded').map((f) => `${f.claim} ${f.related.map((r) => `${r.file}:${r.line}`).join(' ')}`)).toEqual([
        'blog/cites-old claims/blog.yaml:7 claims/new.yaml:2',
      ]);
      for (const [i, text] of ['The advice of 2009 on aspirin', 'Aspirin advice, 2009'].entries()) {
        writeFileSync(join(dir, 'claims/blog.yaml'), blog(text));
        const patterns = i === 0 ? ['claims/blog.yaml'] : [];
        expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns }, cache)), text).toBe(out(await lint({ cwd: dir, now: NOW, patterns })));
        expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache)), text).toBe(out(await lint({ cwd: dir, now: NOW })));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads only the given files\' findings when nothing changed, and starts again from scratch when a part it reads is damaged', { timeout: 120_000 }, async () => {
    await withCachedCopy(async (dir, cache, file) => {
      const whole = out(await lint({ cwd: dir, now: NOW }));
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(whole);
      // Every part is ASCII (read as Latin-1): the findings' curly quotes and other characters past U+007F are escaped.
      expect(whole).toMatch(/[^\x00-\x7f]/);
      expect(readFileSync(file).every((b) => b < 0x80)).toBe(true);
      expect(readFileSync(file, 'latin1')).toMatch(/\\u201[cd]/);
      // The findings by rule and the whole table are not read for a file given: damaged, the run does not notice.
      const head = headOf(file);
      damage(file, head.parts['units']!, head.base);
      const damaged = readFileSync(file);
      let checked = 0;
      for (const given of claimFilesOf(dir)) {
        const want = out(await lint({ cwd: dir, now: NOW, patterns: [given] }));
        expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [given] }, cache)), given).toBe(want);
        expect(readFileSync(file).equals(damaged), `${given}: the cache was not rewritten`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(3);
      // A file changed since, and a part the restored session reads is damaged: a run given files lints as without the
      // cache, and leaves the cache as it is.
      const [first] = claimFilesOf(dir);
      writeFileSync(join(dir, first!), `${readFileSync(join(dir, first!), 'utf8')}\n# changed\n`);
      expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [first!] }, cache))).toBe(out(await lint({ cwd: dir, now: NOW, patterns: [first!] })));
      expect(readFileSync(file).equals(damaged), 'a run given files does not rewrite the cache').toBe(true);
      // A run that reads the damaged part lints from scratch (the same findings) and writes the cache again.
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(out(await lint({ cwd: dir, now: NOW })));
      expect(readFileSync(file).equals(damaged)).toBe(false);
      // A damaged finding read for a file given: the same.
      const again = headOf(file);
      const shownFile = Object.keys(again.shown).find((d) => d.startsWith('claims/'))!;
      damage(file, again.parts['table']!, again.base);
      const want = out(await lint({ cwd: dir, now: NOW, patterns: [shownFile] }));
      expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [shownFile] }, cache))).toBe(want);
      expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [shownFile] }, cache))).toBe(want);
      // A head of the right version and setup but the wrong shape: a missing cache too, never a crash.
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(out(await lint({ cwd: dir, now: NOW })));
      for (const edit of [(h: Record<string, unknown>) => (h['files'] = null), (h: Record<string, unknown>) => (h['shown'] = { [shownFile]: 'x' })]) {
        rewriteHead(file, edit);
        expect(out(await lintWithCache({ cwd: dir, now: NOW, patterns: [shownFile] }, cache))).toBe(want);
        expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(out(await lint({ cwd: dir, now: NOW })));
      }
    });
  });

  it('takes a file whose size, times and inode are as when it was read as unchanged without reading it, and sees any write', { timeout: 120_000 }, async () => {
    await withCachedCopy(async (dir, cache, file) => {
      const claims = claimFilesOf(dir).map((f) => join(dir, f));
      // Written an hour ago: a file written within 2 s of being read is always read again (racily clean, as git says).
      const past = new Date(Date.now() - 3_600_000);
      for (const f of claims) utimesSync(f, past, past);
      await lintWithCache({ cwd: dir, now: NOW }, cache);
      const seen = (p: string) => (headOf(file) as unknown as { files: Record<string, { seen: number }> }).files[p]!.seen;
      const before = new Map(claims.map((p) => [p, seen(p)]));
      // One file changed: read and hashed again; the others keep the time they were last read (not read again).
      const [a, b] = claims;
      writeFileSync(a!, `${readFileSync(a!, 'utf8')}\n# an edit\n`);
      utimesSync(a!, past, past);
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(out(await lint({ cwd: dir, now: NOW })));
      expect(seen(a!)).toBeGreaterThan(before.get(a!)!);
      for (const p of claims.slice(1)) expect(seen(p), p).toBe(before.get(p));
      // The same size and modification time, other bytes: the change time gives it away.
      const text = readFileSync(b!, 'utf8');
      const i = text.indexOf('claims:');
      writeFileSync(b!, `${text.slice(0, i)}claimz:${text.slice(i + 7)}`);
      utimesSync(b!, past, past);
      const cold = out(await lint({ cwd: dir, now: NOW }));
      expect(cold).toContain('claimz');
      expect(out(await lintWithCache({ cwd: dir, now: NOW }, cache))).toBe(cold);
      expect(seen(b!)).toBeGreaterThan(before.get(b!)!);
    });
  });

  it('is written under node_modules/.cache/claimlint/ or at --cache-location, and the CLI output is the same byte for byte', { timeout: 120_000 }, () => {
    const dir = copyRegister(root);
    try {
      const cold = claimlint(['--format', 'json'], { cwd: dir });
      const first = claimlint(['--cache', '--format', 'json'], { cwd: dir });
      expect(existsSync(join(dir, 'node_modules/.cache/claimlint/claimlint.cache'))).toBe(true);
      const warm = claimlint(['--cache', '--format', 'json'], { cwd: dir });
      expect([first.code, warm.code]).toEqual([cold.code, cold.code]);
      expect(first.stdout).toBe(cold.stdout);
      expect(warm.stdout).toBe(cold.stdout);
      // A corrupt cache is ignored and rewritten.
      writeFileSync(join(dir, 'node_modules/.cache/claimlint/claimlint.cache'), '{ not json');
      expect(claimlint(['--cache', '--format', 'json'], { cwd: dir }).stdout).toBe(cold.stdout);
      const custom = claimlint(['--cache', '--cache-location', 'my.cache', '--format', 'json'], { cwd: dir });
      expect(custom.stdout).toBe(cold.stdout);
      expect(existsSync(join(dir, 'my.cache'))).toBe(true);
      const bad = claimlint(['--cache-location', 'x'], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--cache-location needs --cache');
      // A cache that cannot be written is a configuration error (exit 2) that says why, never a stack trace or a hang.
      writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
      const unwritable = claimlint(['--cache', '--cache-location', 'blocker/cache/'], { cwd: dir });
      expect(unwritable.code).toBe(2);
      expect(unwritable.stderr).toMatch(/^claimlint: cannot write \S*blocker\/cache\/claimlint\.cache: a part of the path is not a folder\n$/);
      if (existsSync('/proc/self')) {
        // Under /proc, Node's recursive mkdir never returns (Linux only).
        const proc = claimlint(['--cache', '--cache-location', '/proc/claimlint-nope/'], { cwd: dir });
        expect(proc.code).toBe(2);
        expect(proc.stderr).toBe('claimlint: cannot write /proc/claimlint-nope/claimlint.cache: a file cannot be created there\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

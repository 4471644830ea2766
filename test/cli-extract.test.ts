/** claimlint extract end to end: the built binary, on a temporary project. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';

const article = [
  '# Ketamine for migraine',
  '',
  'April 2, 2025',
  '',
  'Ketamine has been used since the 1960s in anaesthesia¹.',
  'A randomized trial of 34 patients (17 ketamine, 17 placebo) found no benefit².',
  '',
  'References:',
  '',
  '1. https://example.org/history',
  '2. Etchison AR, Bos L. Low-dose ketamine does not improve migraine: a randomized placebo-controlled trial. *West J Emerg Med*. 2018;19(6):952-960.',
  '',
].join('\n');

const files = { 'claimlint.config.yaml': 'files: [claims/**/*.yaml]\n', 'sources/migraine.txt': article };

describe('claimlint extract', () => {
  it('prints a draft claim file that lints with only draft findings', () => {
    const dir = project(files);
    const r = claimlint(['extract', 'sources/migraine.txt'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Draft claim file written by "claimlint extract" from sources/migraine.txt.');
    expect(r.stdout).toContain('document: sources/migraine.txt');
    expect(r.stdout).toContain('value: { total: 34, parts: [ 17, 17 ] }');
    expect(r.stderr).toContain('2 draft claims and 2 references');
    const w = claimlint(['extract', 'sources/migraine.txt', '-o', 'claims/migraine.yaml'], { cwd: dir });
    expect(w.code, w.stderr).toBe(0);
    expect(readFileSync(join(dir, 'claims/migraine.yaml'), 'utf8')).toBe(r.stdout);
    const lint = claimlint(['--format', 'json', '--rule', 'source/metadata:off'], { cwd: dir });
    const { findings } = JSON.parse(lint.stdout) as { findings: Array<{ rule: string; severity: string; message: string }> };
    expect(findings.filter((f) => f.rule === 'claim/draft').map((f) => f.severity)).toEqual(['info', 'info']);
    expect(findings.filter((f) => f.rule === 'claim/quote-mismatch' || f.rule === 'register/schema')).toEqual([]);
    expect(findings.find((f) => f.rule === 'claim/draft')!.message).toMatch(/^Draft claim ".*": review subject, property and context/);
  });

  it('adds to an existing claim file only the claims whose quote is new, keeping the file as it was; --dry-run writes nothing', () => {
    const existing = [
      '# Our register of the migraine article: hand-checked.',
      'source:',
      '  id: migraine',
      '  title: Ketamine for migraine',
      '  kind: blog',
      '  document: sources/migraine.txt',
      'claims:',
      '  # checked against the trial',
      '  - id: history',
      '    text: "Ketamine has been used since the 1960s in anaesthesia"',
      '    subject: ketamine',
      '    aspect: history',
      '    property: use',
      '',
    ].join('\n');
    const dir = project({ ...files, 'claims/migraine.yaml': existing });
    const dry = claimlint(['extract', 'sources/migraine.txt', '-o', 'claims/migraine.yaml', '--dry-run'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^\+  - id: randomized-trial/m);
    expect(dry.stdout).not.toMatch(/^\+.*1960s/m);
    expect(dry.stderr).toContain('would add 1 draft claim to claims/migraine.yaml (dry run: nothing written)');
    expect(readFileSync(join(dir, 'claims/migraine.yaml'), 'utf8')).toBe(existing);

    const add = claimlint(['extract', 'sources/migraine.txt', '-o', 'claims/migraine.yaml'], { cwd: dir });
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toBe(dry.stdout); // the diff is shown before the write
    const after = readFileSync(join(dir, 'claims/migraine.yaml'), 'utf8');
    expect(after.startsWith(existing.trimEnd())).toBe(true);
    expect(after).toContain('A randomized trial of 34 patients (17 ketamine, 17 placebo) found no benefit.');

    const again = claimlint(['extract', 'sources/migraine.txt', '-o', 'claims/migraine.yaml'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to add');
    expect(readFileSync(join(dir, 'claims/migraine.yaml'), 'utf8')).toBe(after);
    expect(existsSync(join(dir, 'claims'))).toBe(true);
  });

  it('usage errors exit 2 with one line', () => {
    const dir = project(files);
    const missing = claimlint(['extract', 'sources/nope.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('claimlint: sources/nope.md: no such document\n');
    const dry = claimlint(['extract', 'sources/migraine.txt', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain('--dry-run shows the change to a claim file: give it with -o');
  });
});

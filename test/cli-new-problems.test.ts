/**
 * "Fail only on new problems": --changed-since <git ref> and baselines,
 * end to end through the built binary in temporary git repositories.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';
import { yaml } from './helpers/rule-tester.js';
import { git } from './helpers/git.js';

const source = (id: string, claims: string) => yaml`
  source:
    id: ${id}
    title: Source ${id}
    kind: blog
    authors: [A Writer]
    published: 2024-01-01
    url: https://example.org/${id}
  claims:
${claims}`;

const claim = (id: string, decade: number, evidence = '') => `
  - id: ${id}
    text: "Ketamine dates from the ${decade}s."
    subject: ketamine
    aspect: history
    property: origin
    value: { decade: ${decade} }
${evidence}`;

const named = '    evidence:\n      - kind: named-source\n        name: somebody\n';


function repo(files: Record<string, string>): string {
  const cwd = project(files);
  git(cwd, 'init', '-q', '-b', 'main');
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', 'base');
  return cwd;
}

type Json = { findings: Array<{ rule: string; claim: string | null }>; summary: { errors: number; warnings: number }; notes: string[]; fixed: Array<{ rule: string }> };

describe('--changed-since', () => {
  it('reports and fails only on findings that are new since the ref, saying how many were left out', () => {
    // An existing problem (a claim with no evidence) at the base commit.
    const cwd = repo({ 'claims/a.yaml': source('a', claim('origin', 1950)) });
    expect(claimlint(['--changed-since', 'HEAD'], { cwd }).code).toBe(0);
    // A new file contradicting the old one: a new error.
    writeFileSync(join(cwd, 'claims/b.yaml'), source('b', claim('origin', 1960, named)));
    const statusBefore = git(cwd, 'status', '--porcelain');
    const r = claimlint(['--changed-since', 'HEAD', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.findings.map((f) => `${f.rule} ${f.claim}`)).toEqual(['conflict/value b/origin']);
    expect(out.notes).toEqual(['1 finding already present at HEAD left out; 1 new']);
    // the working tree and the index are untouched
    expect(git(cwd, 'status', '--porcelain')).toBe(statusBefore);
    // stylish says it too
    expect(claimlint(['--changed-since', 'HEAD', '--no-color'], { cwd }).stdout).toContain('ℹ 1 finding already present at HEAD left out; 1 new');
  });

  it('keeps an old finding old when unrelated lines move', () => {
    const cwd = repo({ 'claims/a.yaml': source('a', claim('origin', 1950)) });
    const moved = readFileSync(join(cwd, 'claims/a.yaml'), 'utf8').replace('claims:\n', '# a new comment\n# and another\nclaims:\n');
    writeFileSync(join(cwd, 'claims/a.yaml'), moved);
    const out = JSON.parse(claimlint(['--changed-since', 'HEAD', '--format', 'json'], { cwd }).stdout) as Json;
    expect(out.findings).toEqual([]);
  });

  it('exits 2 with one line for an unknown revision or outside a git repository', () => {
    const cwd = repo({ 'claims/a.yaml': source('a', claim('origin', 1950)) });
    const bad = claimlint(['--changed-since', 'no-such-branch'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('claimlint: --changed-since: unknown git revision "no-such-branch"\n');
    const plain = claimlint(['--changed-since', 'HEAD'], { cwd: project({ 'claims/a.yaml': source('a', claim('origin', 1950)) }) });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^claimlint: --changed-since: git rev-parse --show-toplevel failed: .*not a git repository/);
  });
});

describe('baselines', () => {
  it('adopts a register with known problems, then blocks only new ones and reports fixed ones', () => {
    const cwd = project({ 'claims/a.yaml': source('a', claim('origin', 1950) + claim('other', 1950).replace('subject: ketamine', 'subject: lidocaine')) });
    expect(claimlint([], { cwd }).code).toBe(0); // two warnings (no evidence)
    const write = claimlint(['--write-baseline', 'claimlint-baseline.json'], { cwd });
    expect(write.code).toBe(0);
    expect(write.stderr).toBe('claimlint: wrote 2 findings to the baseline claimlint-baseline.json\n');
    const baseline = JSON.parse(readFileSync(join(cwd, 'claimlint-baseline.json'), 'utf8')) as { version: number; findings: unknown[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings).toHaveLength(2);

    const clean = JSON.parse(claimlint(['--baseline', 'claimlint-baseline.json', '--format', 'json'], { cwd }).stdout) as Json;
    expect(clean.findings).toEqual([]);
    expect(clean.notes).toEqual(['2 findings in the baseline claimlint-baseline.json left out']);

    // a new conflicting file: only the new problem counts
    writeFileSync(join(cwd, 'claims/b.yaml'), source('b', claim('origin', 1960, named)));
    const r = claimlint(['--baseline', 'claimlint-baseline.json', '--format', 'json', '--max-warnings', '0'], { cwd });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Json).findings.map((f) => f.rule)).toEqual(['conflict/value']);

    // fixing a baselined problem is reported, so the baseline can be pruned
    writeFileSync(join(cwd, 'claims/a.yaml'), source('a', claim('origin', 1950, named) + claim('other', 1950).replace('subject: ketamine', 'subject: lidocaine')));
    const fixed = JSON.parse(claimlint(['--baseline', 'claimlint-baseline.json', '--format', 'json', '--rule', 'conflict/value:off'], { cwd }).stdout) as Json;
    expect(fixed.fixed.map((f) => f.rule)).toEqual(['evidence/none']);
    expect(fixed.notes).toContain('1 baseline finding is fixed: prune the baseline with --write-baseline claimlint-baseline.json');
  });

  it('puts a new conflict on the file changed since the baseline, the other claim related', () => {
    const cwd = project({ 'claims/a.yaml': source('a', claim('origin', 1950, named)), 'claims/b.yaml': source('b', claim('origin', 1950, named)) });
    expect(claimlint(['--write-baseline', 'base.json'], { cwd }).code).toBe(0);
    const recorded = JSON.parse(readFileSync(join(cwd, 'base.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(recorded.files)).toEqual(['claims/a.yaml', 'claims/b.yaml']);
    // The edit is in a.yaml, which sorts first: a full run puts the conflict on b.yaml's claim.
    writeFileSync(join(cwd, 'claims/a.yaml'), source('a', claim('origin', 1970, named)));
    const full = JSON.parse(claimlint(['--format', 'json'], { cwd }).stdout) as Json;
    expect(full.findings.map((f) => f.claim)).toEqual(['b/origin']);
    const r = JSON.parse(claimlint(['--baseline', 'base.json', '--format', 'json'], { cwd }).stdout) as {
      findings: Array<{ rule: string; claim: string | null; related: Array<{ claim: string }> }>;
    };
    expect(r.findings.map((f) => `${f.rule} ${f.claim} <- ${f.related.map((x) => x.claim).join()}`)).toEqual(['conflict/value a/origin <- b/origin']);
  });

  it('exits 2 for a missing or malformed baseline', () => {
    const cwd = project({ 'claims/a.yaml': source('a', claim('origin', 1950)), 'bad.json': '{"version": 2}' });
    expect(claimlint(['--baseline', 'nope.json'], { cwd }).stderr).toBe(
      'claimlint: --baseline: cannot read nope.json; create it with --write-baseline nope.json\n',
    );
    const bad = claimlint(['--baseline', 'bad.json'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a claimlint baseline/);
  });
});

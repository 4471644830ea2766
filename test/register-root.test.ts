/**
 * The register is found wherever claimlint runs, as ESLint finds its
 * configuration: upward for claimlint.config.yaml, else the nearest folder
 * upward that holds a claims/ folder. The summary says how many files the
 * register holds, and a run whose register is only the given files says so.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';
import { yaml } from './helpers/rule-tester.js';

const origin = (id: string, decade: number) => yaml`
  source:
    id: ${id}
    title: Source ${id}
    kind: blog
  claims:
    - id: origin
      text: "Ketamine dates from the ${decade}s."
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: ${decade} }
      evidence:
        - kind: named-source
          name: somebody
`;

interface Json {
  summary: { files: number; claims: number; given?: number };
  findings: Array<{ rule: string; file: string; related: Array<{ file: string }> }>;
  notes: string[];
}

describe('register root', () => {
  const files = { 'claims/a.yaml': origin('a', 1950), 'claims/b.yaml': origin('b', 1960), 'claims/c.yaml': origin('c', 1970) };

  it('from inside claims/ with no configuration, one file is checked against the whole register', () => {
    const root = project(files);
    const r = claimlint(['a.yaml', '--format', 'json'], { cwd: join(root, 'claims') });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Json;
    expect(out.summary).toMatchObject({ files: 3, claims: 3, given: 1 });
    // The conflicts of a.yaml with b.yaml and c.yaml are found (a.yaml's 1950s prevail, as the earliest claim: b.yaml's
    // and c.yaml's findings each name the two other clusters), paths relative to where claimlint runs.
    expect(
      out.findings.filter((f) => f.rule === 'conflict/value').map((f) => [f.file, ...f.related.map((x) => x.file)].sort().join(' ')),
    ).toEqual(['a.yaml b.yaml c.yaml', 'a.yaml b.yaml c.yaml']);
    expect(out.notes).toEqual([]);
    const text = claimlint(['a.yaml', '--no-color'], { cwd: join(root, 'claims') });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?, 0 infos\) in 1 file given; register: 3 files, 3 claims$/m);
  });

  it('from a subfolder of the project too', () => {
    const root = project({ ...files, 'docs/readme.md': 'x' });
    const out = JSON.parse(claimlint(['../claims/a.yaml', '--format', 'json'], { cwd: join(root, 'docs') }).stdout) as Json;
    expect(out.summary.files).toBe(3);
    expect(out.findings.filter((f) => f.rule === 'conflict/value' && f.related.some((x) => x.file === '../claims/a.yaml')).length).toBeGreaterThan(0);
  });

  it('a configuration file found upward wins over a claims/ folder', () => {
    const root = project({ ...files, 'claimlint.config.yaml': 'files: ["claims/a.yaml", "claims/b.yaml"]\n' });
    const out = JSON.parse(claimlint(['a.yaml', '--format', 'json'], { cwd: join(root, 'claims') }).stdout) as Json;
    expect(out.summary).toMatchObject({ files: 2, given: 1 });
  });

  it('says so when the register is only the files given', () => {
    const root = project({ 'drafts/x.yaml': origin('x', 1950), 'drafts/y.yaml': origin('y', 1960) });
    const r = claimlint(['x.yaml', '--format', 'json'], { cwd: join(root, 'drafts') });
    const out = JSON.parse(r.stdout) as Json;
    expect(out.summary).toMatchObject({ files: 1, given: 1 });
    expect(out.notes).toEqual([
      'The register is only the 1 file given: no claimlint.config.yaml was found, and no folder from here upward holds a claims/ folder; conflicts with other claim files cannot be found',
    ]);
    expect(claimlint(['x.yaml', '--no-color'], { cwd: join(root, 'drafts') }).stdout).toContain('ℹ The register is only the 1 file given');
  });
});

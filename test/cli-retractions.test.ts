/**
 * End-to-end tests of `--retractions FILE`: each spawns dist/cli.js (built
 * by `npm test` before vitest runs) in a temporary project.
 */
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';
import { yaml } from './helpers/rule-tester.js';

const BLOG = yaml`
  source:
    id: blog
    title: The Evolving Science of Ketamine
    kind: blog
    authors: [Kerry Earlywine]
    published: 2026-04-29
    url: https://www.fagronacademy.us
    references:
      - id: "25"
        authors: [Berman RM, Cappiello A, Anand A]
        title: Antidepressant effects of ketamine in depressed patients
        year: 2000
        doi: 10.1016/S0006-3223(99)00230-9
  claims:
    - id: trd
      text: "a single dose of ketamine vs placebo provided significant improvement within 72 hours"
      subject: ketamine
      aspect: efficacy
      property: treatment-resistant-depression
      value: { effect: benefit }
      evidence:
        - cites: ["25"]
`;

const LIST = [
  'Record ID,Title,OriginalPaperDOI,RetractionDOI,RetractionNature,Reason,RetractionDate',
  '1,"Antidepressant effects, retracted",10.1016/s0006-3223(99)00230-9,10.1016/j.biopsych.2024.01.001,Retraction,+Error in Data;,4/27/2023 0:00',
  '2,Another paper,10.1000/182,unavailable,Retraction,,1/1/2020 0:00',
].join('\n');

interface JsonReport {
  findings: Array<{ rule: string; severity: string; file: string; line: number; column: number; message: string; related: Array<{ claim: string }> }>;
}

const retracted = (stdout: string) => (JSON.parse(stdout) as JsonReport).findings.filter((f) => f.rule === 'source/retracted');
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);

describe('--retractions FILE', () => {
  it('flags a reference whose DOI is in the list, with the claims citing it (exit 1)', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG, 'data/retractions.csv': LIST });
    const r = claimlint(['--retractions', 'data/retractions.csv', '--format', 'json'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const found = retracted(r.stdout);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'claims/blog.yaml', line: 13, column: 12 });
    expect(found[0]!.message).toBe(
      'Reference "25" of blog (DOI 10.1016/s0006-3223(99)00230-9) is in the retraction list (on 4/27/2023, notice 10.1016/j.biopsych.2024.01.001) and is cited by 1 claim: remove the citation, or support those claims with another source',
    );
    expect(found[0]!.related.map((x) => x.claim)).toEqual(['blog/trd']);
  });

  it('shows the finding in the stylish report too', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG, 'retractions.csv': LIST });
    const r = claimlint(['--retractions', 'retractions.csv', '--no-color', '--rule', 'source/retracted:warning'], { cwd });
    expect(r.stdout).toMatch(/13:12 {2}warning {2}Reference "25" of blog \(DOI 10\.1016\/s0006-3223\(99\)00230-9\) is in the retraction list/);
  });

  it('reports nothing without a list: claimlint never looks DOIs up online', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG });
    const r = claimlint(['--format', 'json'], { cwd });
    expect(retracted(r.stdout)).toEqual([]);
  });

  it('reports nothing for a list without the register\'s DOIs', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG, 'retractions.csv': LIST.split('\n').filter((l) => !l.startsWith('1,')).join('\n') });
    const r = claimlint(['--retractions', 'retractions.csv', '--format', 'json'], { cwd });
    expect(r.stderr).toBe('');
    expect(retracted(r.stdout)).toEqual([]);
  });

  it('exit 2 with a one-line message when the file is missing', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG });
    const r = claimlint(['--retractions', 'nope.csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^claimlint: .*nope\.csv/);
    noStack(r.stderr);
  });

  it('exit 2 with a one-line message when the file is not a Retraction Watch CSV', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG, 'list.csv': 'DOI,Title\n10.1000/182,Something\n' });
    const r = claimlint(['--retractions', 'list.csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^claimlint: list\.csv: not a Retraction Watch CSV: no "OriginalPaperDOI" column in the first line/);
    noStack(r.stderr);
  });

  it('exit 2 naming the line of a malformed CSV: a quote that never closes', () => {
    const bad = `${LIST}\n3,"An unterminated title,10.1000/1,,Retraction,,\n4,Next,10.1000/2,,Retraction,,\n`;
    const cwd = project({ 'claims/blog.yaml': BLOG, 'list.csv': bad });
    const r = claimlint(['--retractions', 'list.csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('claimlint: list.csv:4: a quoted field opened on this line is never closed: add the closing " (write "" for a quote inside a quoted field)\n');
  });

  it('exit 2 for an empty file, and for a folder given as the file', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG, 'empty.csv': '' });
    const empty = claimlint(['--retractions', 'empty.csv'], { cwd });
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toMatch(/empty\.csv: not a Retraction Watch CSV/);
    const folder = claimlint(['--retractions', 'claims'], { cwd });
    expect(folder.code).toBe(2);
    expect(folder.stderr.trim().split('\n')).toHaveLength(1);
    noStack(folder.stderr);
  });
});

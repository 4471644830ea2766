/**
 * The bundled register of the five source documents: linting it must
 * surface the known problems of those documents (issue #2, section 6).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/report/finding.js';
import { lint } from '../src/engine/run/linter.js';
import { claimlint } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');
const result = await lint({ cwd: root });
const find = (rule: string, claim: string | null, related?: string): Finding[] =>
  result.findings.filter(
    (f) => f.rule === rule && (claim === null || f.claim === claim) && (related === undefined || f.related.some((r) => r.claim === related)),
  );

const PAIR_RULES = new Set(['conflict/value', 'conflict/direction', 'conflict/context', 'conflict/magnitude']);
/** A finding's identity, independent of which side of a pair carries it. */
const identity = (f: Finding) =>
  PAIR_RULES.has(f.rule)
    ? `${f.rule} ${[f.claim, ...f.related.map((r) => r.claim)].sort().join(' ~ ')}`
    : `${f.rule} ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message} ${f.related.map((r) => `${r.file}:${r.line}:${r.column}`).join(',')}`;

describe('the bundled register', () => {
  it('linted one file at a time (other files loaded fast, positions on demand) finds what the full run finds for that file', async () => {
    for (const file of new Set(result.findings.map((f) => f.file))) {
      const scoped = await lint({ cwd: root, patterns: [file] });
      const expected = result.findings.filter((f) => f.file === file || f.related.some((r) => r.file === file)).map(identity).sort();
      expect(scoped.findings.map(identity).sort(), file).toEqual(expected);
      // every finding reported involves the given file
      for (const f of scoped.findings) expect(f.file === file || f.related.some((r) => r.file === file)).toBe(true);
    }
  });

  it('holds one valid file per source document and at least 100 claims', () => {
    expect(result.summary.files).toBe(5);
    expect(result.summary.sources).toBe(5);
    expect(result.summary.claims).toBeGreaterThanOrEqual(100);
    expect(result.findings.filter((f) => f.rule.startsWith('register/'))).toEqual([]);
  });

  it('flags the 1950s against the 1960s origin as a conflict', () => {
    const [f] = find('conflict/value', 'ketam-guide/origin-decade', 'earlywine-2026/origin-decade');
    expect(f).toMatchObject({ severity: 'error', file: 'claims/ketam-guide.yaml' });
    expect(f!.message).toBe('Conflicting origin for ketamine: the 1960s here, the 1950s in earlywine-2026/origin-decade');
    expect(f!.related[0]).toMatchObject({ file: 'claims/earlywine-2026.yaml', text: "While Ketamine has been around since the 1950's" });
  });

  it('flags esketamine as an isomer in one source and a derivative in another', () => {
    expect(find('conflict/value', 'ketam-guide/esketamine-derivative', 'earlywine-2026/esketamine-isomer')).toHaveLength(1);
  });

  it('does not pair the migraine trials of one review as a cross-source conflict (one source; conflict/within-source judges it)', () => {
    // earlywine-2026 reports an intranasal trial that helped and an intravenous one that did not.
    expect(find('conflict/context', 'earlywine-2026/migraine-iv-etchison', 'earlywine-2026/migraine-intranasal-afridi')).toEqual([]);
    expect(find('conflict/context', null).filter((f) => f.related.some((r) => r.claim.split('/')[0] === f.claim!.split('/')[0]))).toEqual([]);
  });

  it('flags "in the past 80 years" (from 2026) against "since the 1950\'s" as a timeline error', () => {
    const [f] = find('conflict/timeline', 'earlywine-2026/investigated-past-80-years', 'earlywine-2026/origin-decade');
    expect(f!.severity).toBe('error');
    expect(f!.message).toMatch(/dated 80 years ago \(1946, from 2026\), before its origin/);
  });

  it("flags the null trial against the guide's unqualified \"used effectively ... migraine\", as a warning", () => {
    // Benefit prevails (two sources); the null result carries the finding, naming the guide's claim.
    const [f] = find('conflict/direction', 'earlywine-2026/migraine-iv-etchison', 'ketam-guide/pain-migraine-effective');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toMatch(/^Possibly conflicting effect of ketamine on migraine: no-benefit here, benefit \(3 claims from 2 sources\) in ketam-guide\/pain-migraine-effective \(stated by only one claim: /);
    expect(find('conflict/direction', 'ketam-guide/pain-migraine-effective')).toEqual([]);
  });

  it('flags the testimonials presented as evidence', () => {
    for (const id of ['testimonial-depression', 'testimonial-crps', 'testimonial-ptsd', 'testimonials-life-changing']) {
      expect(find('evidence/testimonial', `ketam-guide/${id}`), id).toHaveLength(1);
    }
  });

  it('flags "success rates exceeding 60%" as an unsourced statistic and as stories presented as data', () => {
    expect(find('evidence/unsourced-statistic', 'ketam-guide/success-rates-60')[0]!.message).toBe(
      'Claim "success-rates-60" states more than 60% with no citable source: cite the study it comes from, or remove the figure',
    );
    expect(find('evidence/testimonial', 'ketam-guide/success-rates-60')[0]!.message).toMatch(/presenting testimonials as data/);
  });

  it('flags references listed but never cited, and a reference listed twice', () => {
    const unused = find('refs/unused', null).filter((f) => f.file === 'claims/earlywine-2026.yaml');
    expect(unused.map((f) => f.message.match(/Reference "(\d+)"/)![1])).toEqual(['17', '26']);
    expect(find('refs/unused', null).filter((f) => f.file === 'claims/schwenk-2021.yaml')).toHaveLength(5);
    const [dup] = find('refs/duplicate', null);
    expect(dup!.message).toBe('Reference "5" repeats reference "2" (same URL): list the work once and cite that entry');
  });

  it('flags claims with no evidence at all, in every unsourced document', () => {
    const none = find('evidence/none', null);
    expect(none.filter((f) => f.file === 'claims/bradford-blog.yaml').length).toBe(14);
    expect(none.filter((f) => f.file === 'claims/ketam-guide.yaml').length).toBeGreaterThan(20);
  });

  it('exits 1 from the command line (the register holds known problems), as `npm start` does', () => {
    const r = claimlint(['--no-color'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ infos\) in \d+ claims in 5 files/);
  });
});

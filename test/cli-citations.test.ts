/** `--format json` gives the register's citation graph as a top-level `citations` array (end to end, through the binary). */
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';

const REPORT = `source:
  id: hennekens-1989
  title: Final report on the aspirin component of the ongoing Physicians' Health Study
  kind: rct
  published: 1989
  doi: 10.1056/NEJM198907203210301
claims:
  - id: mi
    text: "a 44 percent reduction in the risk of myocardial infarction"
    subject: aspirin
    aspect: efficacy
    property: myocardial-infarction
    value: { effect: benefit, size: { number: 44, unit: "%" } }
`;

const BLOG = `source:
  id: blog
  title: Aspirin, the wonder drug
  kind: blog
  published: 2024
  references:
    - { id: "1", url: "https://doi.org/10.1056/NEJM198907203210301" }
    - { id: "2", url: "https://example.org/elsewhere" }
claims:
  - id: cut
    text: "The Physicians' Health Study cut heart attacks by 76%"
    subject: aspirin
    aspect: efficacy
    property: myocardial-infarction
    value: { effect: benefit, size: { number: 76, unit: "%" } }
    evidence:
      - cites: ["1", "2"]
`;

describe('citations in the JSON report', () => {
  it('lists each reference that is a source of the register, with the citing claims\' verdicts', () => {
    const cwd = project({ 'claims/blog.yaml': BLOG, 'claims/report.yaml': REPORT });
    const r = claimlint(['--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { citations: unknown[]; findings: Array<{ rule: string; message: string }> };
    expect(out.citations).toEqual([
      {
        from: 'blog',
        file: 'claims/blog.yaml',
        reference: '1',
        to: 'hennekens-1989',
        toFile: 'claims/report.yaml',
        matchedBy: 'doi',
        claims: [{ claim: 'blog/cut', verdict: 'contradicts', cited: ['hennekens-1989/mi'] }],
      },
    ]);
    expect(out.findings.filter((f) => f.rule === 'evidence/misrepresents-cited').map((f) => f.message)).toEqual([
      'Cites hennekens-1989 (reference 1), which says 44% (benefit) (hennekens-1989/mi), not 76% (benefit)',
    ]);
  });

  it('is an empty array when no reference is a source of the register', () => {
    const cwd = project({ 'claims/report.yaml': REPORT });
    const out = JSON.parse(claimlint(['--format', 'json'], { cwd }).stdout) as { citations: unknown[] };
    expect(out.citations).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { newestContradicting } from '../../../src/checks/superseded-guidance.js';
import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const guideline = (id: string, year: number, value: string, extra = '') => yaml`
  source:
    id: ${id}
    title: Aspirin for the prevention of cardiovascular disease, ${year} recommendation
    kind: guideline
    published: ${year}
    doi: 10.1001/${id}${extra}
  claims:
    - id: start-60
      text: "Recommendation on starting aspirin at 60 or older"
      subject: aspirin
      aspect: dosing
      property: primary-prevention-start
      value: ${value}
      context: { population: adults aged 60 or older }
`;

const page = (reference: string, value: string, published = '2024', context = '\n      context: { population: adults aged 60 or older }') => yaml`
  source:
    id: page
    title: Should you take a daily aspirin?
    kind: clinic-page
    published: ${published}
    references:
      - id: "1"
        ${reference}
  claims:
    - id: daily
      text: "Adults aged 60 or older should start a daily low-dose aspirin"
      subject: aspirin
      aspect: dosing
      property: primary-prevention-start
      value: ${value}${context}
      evidence:
        - cites: ["1"]
`;

const OLD = guideline('uspstf-2009', 2009, '{ category: recommended }', '\n    superseded_by: uspstf-2022');
const NEW = guideline('uspstf-2022', 2022, '{ category: not-recommended }');
const CITES_2009 = 'title: "USPSTF aspirin recommendation"\n        year: 2009\n        design: guideline';

RuleTester.run('currency/superseded', {
  valid: [
    {
      name: 'a page citing the current guideline and agreeing with it',
      files: { 'claims/page.yaml': page('doi: 10.1001/uspstf-2022', '{ category: not-recommended }'), 'claims/new.yaml': NEW },
    },
    {
      name: 'a page resting on old guidance that the newer guideline does not contradict',
      files: { 'claims/page.yaml': page(CITES_2009, '{ category: not-recommended }'), 'claims/new.yaml': NEW },
    },
    {
      name: 'the old guideline\'s own claims are what it said at the time',
      files: { 'claims/old.yaml': OLD, 'claims/new.yaml': NEW },
    },
    {
      name: 'guidance newer than the guideline that disagrees is not outdated by it (a conflict rule\'s business)',
      files: {
        'claims/page.yaml': page('title: "A later guideline"\n        year: 2023\n        design: guideline', '{ category: recommended }'),
        'claims/new.yaml': NEW,
      },
    },
    {
      name: 'a guideline for another population does not outdate the claim',
      files: {
        'claims/page.yaml': page(CITES_2009, '{ category: recommended }', '2015', '\n      context: { population: men aged 45 to 59 }'),
        'claims/new.yaml': NEW,
      },
    },
  ],
  invalid: [
    {
      name: 'citing a register source marked superseded_by (matched by DOI): at the citation, the newer source related',
      files: { 'claims/page.yaml': page('doi: 10.1001/uspstf-2009', '{ category: not-recommended }'), 'claims/old.yaml': OLD, 'claims/new.yaml': NEW },
      findings: [
        {
          rule: 'currency/superseded',
          severity: 'warning',
          file: 'claims/page.yaml',
          line: 18,
          column: 17,
          related: ['page#1', 'uspstf-2022'],
          message: 'Rests on uspstf-2009 (reference 1), superseded by uspstf-2022 (2022): check the claim against the newer work and cite it',
        },
      ],
    },
    {
      name: 'a reference marked superseded_by a DOI outside the register',
      yaml: page('title: "Old advice"\n        superseded_by: 10.1001/jama.2022.4983', '{ category: recommended }'),
      findings: [
        {
          rule: 'currency/superseded',
          severity: 'warning',
          line: 19,
          column: 17,
          related: ['page#1'],
          message: 'Rests on Old advice (reference 1), superseded by 10.1001/jama.2022.4983: check the claim against the newer work and cite it',
        },
      ],
    },
    {
      name: 'the 2009 advice presented as current: contradicted by the 2022 guideline of the register',
      files: { 'claims/page.yaml': page(CITES_2009, '{ category: recommended }'), 'claims/new.yaml': NEW },
      findings: [
        {
          rule: 'currency/superseded',
          severity: 'warning',
          file: 'claims/page.yaml',
          line: 17,
          column: 12,
          related: ['uspstf-2022/start-60'],
          message:
            'States "recommended", resting on guidance from 2009 (reference 1); the newer uspstf-2022 (2022) says "not-recommended" (uspstf-2022/start-60): bring the claim up to date with the current guidance',
        },
      ],
    },
    {
      name: 'an uncited page older than the guideline, its population unstated: one step lower',
      files: {
        'claims/page.yaml': page('title: "Something else"', '{ category: recommended }', '2015', '').replace(/\n\s+evidence:\n\s+- cites: \["1"\]/, ''),
        'claims/new.yaml': NEW,
      },
      findings: [
        {
          rule: 'currency/superseded',
          severity: 'info',
          line: 15,
          column: 12,
          message: /^May state outdated guidance: "recommended", resting on guidance from 2015 \(the source's date\); .*\(stated by only one claim: population\)/,
        },
      ],
    },
  ],
});

// The rule compares a claim with each distinct guideline statement once, not with every guideline: the same answer as a
// scan of every guideline, newest first (the first whose context matches, else the first that may), on random groups.
describe('newestContradicting', () => {
  it('picks what a scan of every guideline picks', () => {
    // mulberry32: a small seeded generator, so that a failure can be replayed.
    let seed = 7;
    const random = (n: number) => {
      let t = (seed = (seed + 0x6d2b79f5) | 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
    let found = 0;
    for (let round = 0; round < 2000; round++) {
      const count = 1 + random(12);
      const years = Array.from({ length: count }, () => 2000 + random(8)).sort((a, b) => b - a);
      const statementOf = years.map(() => random(4));
      const guidance = years.map((year) => ({ year, claim: { file: `f${random(3)}` } }));
      const statements: number[][] = [];
      statementOf.forEach((s, i) => (statements[s] ??= []).push(i));
      const verdicts = [0, 1, 2, 3].map(() => [null, { match: false }, { match: true }][random(3)]!);
      const file = `f${random(3)}`;
      const after = 2000 + random(8);
      let scan: number | undefined;
      for (let i = 0; i < guidance.length; i++) {
        if (guidance[i]!.year <= after) break;
        const v = verdicts[statementOf[i]!];
        if (guidance[i]!.claim.file === file || !v) continue;
        if (scan === undefined || (v.match && !verdicts[statementOf[scan]!]!.match)) scan = i;
        if (v.match) break;
      }
      // As statementsOf gives them: in the order of their newest guideline.
      const dense = statements.filter((p) => p !== undefined).sort((a, b) => a[0]! - b[0]!);
      const picked = newestContradicting(guidance, dense, file, after, (s) => verdicts[statementOf[dense[s]![0]!]!]!);
      expect(picked?.at, `round ${round}`).toBe(scan);
      if (scan !== undefined) found++;
    }
    expect(found).toBeGreaterThan(200);
  });
});

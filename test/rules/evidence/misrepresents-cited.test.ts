import { describe, expect, it } from 'vitest';
import { RuleTester, yaml } from '../../helpers/rule-tester.js';
import { lintTexts } from '../../../src/engine/run/linter.js';
import { parseClaimFile } from '../../../src/engine/load/loader.js';
import { Register } from '../../../src/engine/register/register.js';
import { Vocabulary } from '../../../src/engine/register/vocabulary.js';

const report = (extra = '', claims = '') => yaml`
  source:
    id: hennekens-1989
    title: Final report on the aspirin component of the ongoing Physicians' Health Study
    kind: rct
    published: 1989
    doi: 10.1056/NEJM198907203210301
    pmid: "2664509"${extra}
  claims:
    - id: mi
      text: "a 44 percent reduction in the risk of myocardial infarction"
      subject: aspirin
      aspect: efficacy
      property: myocardial-infarction
      value: { effect: benefit, size: { number: 44, unit: "%" } }
      context: { population: male physicians }
${claims}`;

const blog = (reference: string, value: string, context = 'male physicians', property = 'myocardial-infarction') => yaml`
  source:
    id: blog
    title: Aspirin, the wonder drug
    kind: blog
    published: 2024
    references:
      - id: "1"
        ${reference}
  claims:
    - id: cut
      text: "The Physicians' Health Study cut heart attacks by 76%"
      subject: aspirin
      aspect: efficacy
      property: ${property}
      value: ${value}
      context: { population: ${context} }
      evidence:
        - cites: ["1"]
`;

const files = (blogText: string, reportText = report()) => ({ 'claims/a-blog.yaml': blogText, 'claims/hennekens.yaml': reportText });

RuleTester.run('evidence/misrepresents-cited', {
  valid: [
    {
      name: 'the cited work says the same, within rounding (44% and 44.2%)',
      files: files(blog('doi: "https://doi.org/10.1056/nejm198907203210301"', '{ effect: benefit, size: { number: 44.2, unit: "%" } }')),
    },
    {
      name: 'a reference that is no source of the register is not judged',
      files: files(blog('doi: 10.1000/other', '{ effect: benefit, size: { number: 76, unit: "%" } }')),
    },
    {
      name: 'a result for another population is not compared',
      files: files(blog('doi: 10.1056/NEJM198907203210301', '{ effect: benefit, size: { number: 76, unit: "%" } }', 'women over 65')),
    },
    {
      name: 'one claim of the cited work that supports the claim is enough',
      files: files(
        blog('pmid: "2664509"', '{ effect: benefit, size: { number: 76, unit: "%" } }'),
        report(
          '',
          `    - { id: first-mi, text: "x", subject: aspirin, aspect: efficacy, property: myocardial-infarction, value: { effect: benefit, size: { number: 76, unit: "%" } }, context: { population: male physicians } }\n`,
        ),
      ),
    },
  ],
  invalid: [
    {
      name: '76% against the cited report\'s own 44%, matched by DOI: error naming both',
      files: files(blog('doi: 10.1056/NEJM198907203210301', '{ effect: benefit, size: { number: 76, unit: "%" } }')),
      findings: [
        {
          rule: 'evidence/misrepresents-cited',
          severity: 'error',
          file: 'claims/a-blog.yaml',
          line: 15,
          column: 12,
          claim: 'blog/cut',
          related: ['hennekens-1989/mi', 'blog#1'],
          message: 'Cites hennekens-1989 (reference 1), which says 44% (benefit) (hennekens-1989/mi), not 76% (benefit)',
        },
      ],
    },
    {
      name: 'the opposite direction, matched by a PubMed URL',
      files: files(blog('url: https://pubmed.ncbi.nlm.nih.gov/2664509/', '{ effect: no-benefit }')),
      findings: [
        { rule: 'evidence/misrepresents-cited', severity: 'error', line: 15, column: 12, message: /which says 44% \(benefit\) \(hennekens-1989\/mi\), not no-benefit$/ },
      ],
    },
    {
      name: 'a context facet stated on one side only: one step lower, naming it',
      files: files(
        blog('title: "Final report on the aspirin component of the ongoing Physicians\' Health Study"\n        year: 1989', '{ effect: benefit, size: { number: 76, unit: "%" } }').replace(
          /\n\s+context: \{ population: male physicians \}/,
          '',
        ),
      ),
      findings: [
        { rule: 'evidence/misrepresents-cited', severity: 'warning', line: 16, column: 12, message: /not 76% \(benefit\) \(stated by only one claim: population\); state the context/ },
      ],
    },
    {
      name: 'the cited work says nothing on the property in the register: info at the citation',
      files: files(blog('url: "https://www.nejm.org/doi/full/10.1056/NEJM198907203210301"', '{ effect: benefit }', 'male physicians', 'stroke')),
      findings: [
        {
          rule: 'evidence/misrepresents-cited',
          severity: 'info',
          line: 18,
          column: 17,
          related: ['hennekens-1989'],
          message:
            'Cites hennekens-1989 (reference 1), whose claims in the register say nothing on stroke of aspirin: check that the work supports this claim, or record what it says',
        },
      ],
    },
  ],
});

describe('citation graph', () => {
  const vocab = new Vocabulary({});
  const load = (path: string, text: string) => parseClaimFile(`/virtual/${path}`, text);

  it('matches references by DOI, PMID, URL and title with year, never a source to itself', () => {
    const register = new Register(
      [
        load('claims/hennekens.yaml', report('\n    url: https://example.org/phs-final-report')),
        load(
          'claims/blog.yaml',
          yaml`
            source:
              id: blog
              title: A blog
              kind: blog
              references:
                - { id: doi, doi: "doi:10.1056/nejm198907203210301" }
                - { id: pmid, url: "https://www.ncbi.nlm.nih.gov/pubmed/2664509" }
                - { id: url, url: "http://www.example.org/phs-final-report/" }
                - { id: title, title: "FINAL REPORT on the aspirin component of the ongoing Physicians Health Study", year: 1989 }
                - { id: wrong-year, title: "Final report on the aspirin component of the ongoing Physicians' Health Study", year: 1990 }
                - { id: other, doi: 10.1000/x }
          `,
        ),
      ],
      vocab,
    );
    expect(register.citations.citations.map((c) => [c.reference.reference.id, c.to.source?.id, c.matchedBy])).toEqual([
      ['doi', 'hennekens-1989', 'doi'],
      ['pmid', 'hennekens-1989', 'pmid'],
      ['url', 'hennekens-1989', 'url'],
      ['title', 'hennekens-1989', 'title-year'],
    ]);
    expect(register.citations).toBe(register.citations); // built once
  });

  it('is given in the lint result as plain data, with each citing claim\'s verdict', async () => {
    const result = await lintTexts(
      Object.entries(files(blog('doi: 10.1056/NEJM198907203210301', '{ effect: benefit, size: { number: 76, unit: "%" } }'))).map(([path, text]) => ({ path, text })),
      { cwd: '/virtual', only: ['evidence/misrepresents-cited'] },
    );
    expect(JSON.parse(JSON.stringify(result.citations))).toEqual([
      {
        from: 'blog',
        file: 'claims/a-blog.yaml',
        reference: '1',
        to: 'hennekens-1989',
        toFile: 'claims/hennekens.yaml',
        matchedBy: 'doi',
        claims: [{ claim: 'blog/cut', verdict: 'contradicts', cited: ['hennekens-1989/mi'] }],
      },
    ]);
  });
});

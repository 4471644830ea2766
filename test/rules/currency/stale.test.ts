import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'currency/stale';

/** References "21" (2002), "22" (2007), "24" (2017) and "3" (no year). Tests run on 2026-11-23. */
const source = (extra = '') => yaml`
  source:
    id: blog
    title: The Evolving Science of Ketamine
    kind: blog
${extra}    references:
      - id: "21"
        year: 2002
      - id: "22"
        year: 2007
      - id: "24"
        year: 2017
      - id: "3"
        url: https://pubmed.ncbi.nlm.nih.gov/35822534/
`;

/** A claim with the given text and evidence; its `text` value is at line 16 (column 11) with the default source. */
const claim = (text: string, evidence: string, aspect = 'efficacy') => `claims:
  - id: c
    text: "${text}"
    subject: ketamine
    aspect: ${aspect}
    property: substance-use-disorder
    evidence:
${evidence}`;

const cites = (...ids: string[]) => `      - cites: [${ids.map((i) => `"${i}"`).join(', ')}]\n`;

RuleTester.run('currency/stale', {
  valid: [
    { name: 'current wording, evidence within 10 years', yaml: source() + claim('More recent studies have fortified these arguments', cites('21', '24')) },
    { name: 'exactly 10 years is not more than 10', now: '2027-01-01', yaml: source() + claim('More recent studies', cites('24')) },
    { name: 'old evidence without current wording', yaml: source() + claim('Studies from 2002 and 2007 reported robust results', cites('21', '22')) },
    { name: 'a term inside another word does not count ("renewed", "currents")', yaml: source() + claim('renewed interest in currents of research', cites('21')) },
    { name: 'an undated reference might be the recent one', yaml: source() + claim('More recently, it is being studied to treat depression', cites('3', '21')) },
    { name: 'no dated evidence at all', yaml: source() + claim('Emerging evidence shows it works', '      - kind: anecdote\n') },
    { name: 'no evidence', yaml: source() + 'claims:\n  - id: c\n    text: "the latest treatment"\n    subject: ketamine\n    aspect: efficacy\n    property: depression\n' },
    { name: 'own study of a recent source', yaml: source('    published: 2025-07-01\n') + claim('emerging evidence supports its potential use', '      - kind: own-study\n') },
    { name: 'own study of an undated source', yaml: source() + claim('emerging evidence supports its potential use', '      - kind: own-study\n') },
    { name: 'a larger maxAge', options: { maxAge: 25 }, yaml: source() + claim('More recent studies', cites('21', '22')) },
    { name: 'an aspect left out by the option', options: { aspects: ['harm'] }, yaml: source() + claim('More recent studies', cites('21', '22')) },
  ],
  invalid: [
    {
      name: '"More recent studies" resting on 2002 and 2007',
      yaml: source() + claim('More recent studies have fortified these arguments with more robust results.', cites('21', '22')),
      findings: [
        {
          rule,
          severity: 'info',
          line: 16,
          column: 11,
          claim: 'blog/c',
          message:
            'Claim "c" presents its evidence as current ("recent"), but the newest of it is from 2007, 19 years ago (more than 10): cite recent evidence, or drop the wording that presents it as new',
        },
      ],
    },
    {
      name: '"More recently"',
      yaml: source() + claim('More recently, it is being studied to treat depression', cites('22')),
      findings: [{ rule, severity: 'info', line: 16, column: 11, message: /\("recently"\), but the newest of it is from 2007/ }],
    },
    {
      name: '11 years is more than 10',
      now: '2028-06-01',
      yaml: source() + claim('the latest research', cites('24')),
      findings: [{ rule, severity: 'info', line: 16, column: 11, message: /\("latest"\), but the newest of it is from 2017, 11 years ago/ }],
    },
    {
      name: 'own study of an old source',
      yaml: source('    published: 2009\n') + claim('Emerging evidence supports its use', '      - kind: own-study\n'),
      findings: [{ rule, severity: 'info', line: 17, column: 11, message: /\("emerging"\), but the newest of it is from 2009, 17 years ago/ }],
    },
    {
      name: 'undated kinds of evidence beside dated citations are left out of the age',
      yaml: source() + claim('new evidence shows it works', cites('21') + '      - kind: testimonial\n        quote: "It changed my life"\n'),
      findings: [{ rule, severity: 'info', line: 16, column: 11, message: /\("new"\), but the newest of it is from 2002/ }],
    },
    {
      name: 'terms and maxAge from the options',
      options: { terms: ['state of the art'], maxAge: 5 },
      yaml: source() + claim('the State of the Art in addiction care', cites('24')),
      findings: [{ rule, severity: 'info', line: 16, column: 11, message: /\("state of the art"\), but the newest of it is from 2017, 9 years ago \(more than 5\)/ }],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const page = (claims: string) => yaml`
  source:
    id: page
    title: The story of aspirin
    kind: blog
    published: 2024
  claims:
${claims}`;

const dated = (id: string, value: string, extra = '') => `
  - id: ${id}
    text: "Bayer was granted the patent."
    subject: aspirin
    aspect: history
    property: us-patent
    value: ${value}${extra}
`;

RuleTester.run('conflict/within-source', {
  valid: [
    { name: 'the same date twice', yaml: page(dated('a', '{ year: 1900 }') + dated('b', '{ decade: 1900 }')) },
    {
      name: 'different properties are not compared',
      yaml: page(dated('a', '{ year: 1899 }') + dated('b', '{ year: 1900 }').replace('us-patent', 'trademark')),
    },
    {
      name: 'claims whose contexts differ are left to the context rules',
      yaml: page(
        dated('a', '{ effect: benefit }', '\n    context: { population: adults with prior heart attack }') +
          dated('b', '{ effect: no-benefit }', '\n    context: { population: healthy adults over 70 }'),
      ),
    },
    {
      name: 'two sources that disagree are a cross-source conflict, not this rule',
      files: {
        'claims/a.yaml': page(dated('a', '{ year: 1899 }')),
        'claims/b.yaml': page(dated('b', '{ year: 1900 }')).replace('id: page', 'id: other'),
      },
    },
  ],
  invalid: [
    {
      name: 'the trademark date given as the patent date, then the real one: one finding, all others related',
      yaml: page(dated('first', '{ year: 1899 }') + dated('again', '{ year: 1899 }') + dated('real', '{ year: 1900 }')),
      findings: [
        {
          rule: 'conflict/within-source',
          severity: 'error',
          line: 27,
          column: 10,
          claim: 'page/real',
          related: ['page/first', 'page/again'],
          message: 'The source contradicts itself on us-patent of aspirin: 1900 here, 1899 in page/first, page/again',
        },
      ],
    },
    {
      name: 'opposite effects, a facet stated by only one claim: one step lower, naming it',
      yaml: page(
        dated('a', '{ effect: benefit }', '\n    context: { population: men aged 45-79 }') + dated('b', '{ effect: no-benefit }'),
      ),
      findings: [
        {
          rule: 'conflict/within-source',
          severity: 'warning',
          line: 21,
          column: 10,
          related: ['page/a'],
          message: /^The source may contradict itself on us-patent of aspirin: no-benefit here, benefit in page\/a \(stated by only one claim: population\)/,
        },
      ],
    },
    {
      name: 'a full match wins over an uncertain pair for the severity and the location',
      yaml: page(
        dated('a', '{ year: 1899 }', '\n    context: { setting: United States }') + dated('b', '{ year: 1900 }') + dated('c', '{ year: 1899 }'),
      ),
      findings: [{ rule: 'conflict/within-source', severity: 'error', line: 28, column: 10, claim: 'page/c', related: ['page/b', 'page/a'] }],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const file = (comment: string) => `${comment}\n${yaml`
  source:
    id: s
    title: A source
    kind: blog
  claims: []
`}`;

RuleTester.run('suppress/missing-reason', {
  valid: [
    file('# claimlint-disable refs/unused -- the list is reproduced as published'),
    file('# an ordinary comment'),
  ],
  invalid: [
    {
      name: 'no reason',
      yaml: file('# claimlint-disable refs/unused'),
      findings: [
        {
          rule: 'suppress/missing-reason',
          severity: 'error',
          line: 1,
          column: 1,
          message: 'claimlint-disable gives no reason: add one after "--" (e.g. "-- quoted as the source says it")',
        },
      ],
    },
    {
      name: 'an empty reason',
      yaml: file('# claimlint-disable-next-line evidence/none --   '),
      findings: [{ rule: 'suppress/missing-reason', severity: 'error', line: 1, column: 1 }],
    },
  ],
});

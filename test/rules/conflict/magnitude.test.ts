import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const file = (id: string, value: string, context = '{ population: adults with cocaine use disorder, comparator: midazolam }') => yaml`
  source:
    id: ${id}
    title: A source
    kind: rct
  claims:
    - id: c
      text: "A result."
      subject: ketamine
      aspect: efficacy
      property: cocaine-use-disorder
      value: ${value}
      context: ${context}
`;

RuleTester.run('conflict/magnitude', {
  valid: [
    {
      name: 'overlapping sizes',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit, size: { number: 67, unit: "%" } }'),
        'claims/b.yaml': file('b', '{ effect: benefit, size: { range: [50, 70], unit: "%" } }'),
      },
    },
    {
      name: 'different units are not compared',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit, size: { number: 67, unit: "%" } }'),
        'claims/b.yaml': file('b', '{ effect: benefit, size: { number: 2, unit: days } }'),
      },
    },
    {
      name: 'opposite directions are conflict/direction, not this rule',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit, size: { number: 67, unit: "%" } }'),
        'claims/b.yaml': file('b', '{ effect: harm, size: { number: 10, unit: "%" } }'),
      },
    },
    {
      name: 'different contexts are left to conflict/context',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit, size: { number: 67, unit: "%" } }', '{ population: adults }'),
        'claims/b.yaml': file('b', '{ effect: benefit, size: { number: 10, unit: "%" } }', '{ population: children }'),
      },
    },
  ],
  invalid: [
    {
      name: 'a 67% reduction against a 10% one in the same context',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit, size: { number: 67, unit: "%" } }'),
        'claims/b.yaml': file('b', '{ effect: benefit, size: { range: [5, 15], unit: "%" } }'),
      },
      findings: [
        {
          rule: 'conflict/magnitude',
          severity: 'warning',
          file: 'claims/b.yaml',
          line: 11,
          column: 12,
          related: ['a/c'],
          message: 'Effect sizes disagree for ketamine on cocaine-use-disorder: 5–15% here, 67% in a/c, and the intervals do not overlap',
        },
      ],
    },
    {
      name: 'a facet stated by one claim only lowers the severity',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit, size: { number: 67, unit: "%" } }'),
        'claims/b.yaml': file('b', '{ effect: benefit, size: { number: 10, unit: "%", bound: about } }', '{ population: adults with cocaine use disorder }'),
      },
      findings: [{ rule: 'conflict/magnitude', severity: 'info', line: 11, column: 12, message: /stated by only one claim: comparator/ }],
    },
  ],
});

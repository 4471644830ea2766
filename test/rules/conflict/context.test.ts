import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** One claim file with one claim on ketamine / migraine; the value line is line 11. */
const file = (id: string, value: string, context: string) => yaml`
  source:
    id: ${id}
    title: A source
    kind: rct
  claims:
    - id: c
      text: "A result."
      subject: ketamine
      aspect: efficacy
      property: migraine
      value: ${value}
      context: ${context}
`;

RuleTester.run('conflict/context', {
  valid: [
    {
      name: 'agreeing results in different contexts',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit }', '{ intervention: { route: intranasal } }'),
        'claims/b.yaml': file('b', '{ effect: benefit }', '{ intervention: { route: intravenous } }'),
      },
    },
    {
      name: 'disagreeing results in the same context are conflict/direction, not this rule',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit }', '{ population: adults }'),
        'claims/b.yaml': file('b', '{ effect: no-benefit }', '{ population: adults }'),
      },
    },
    {
      name: 'a facet stated by one claim only is unknown, not different',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit }', '{ population: adults }'),
        'claims/b.yaml': file('b', '{ effect: no-benefit }', '{ outcome: pain }'),
      },
    },
    {
      name: 'aliases make a facet the same (IV = intravenous)',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit }', '{ intervention: IV ketamine }'),
        'claims/b.yaml': file('b', '{ effect: no-benefit }', '{ intervention: { agent: ketamine, route: intravenous } }'),
      },
    },
  ],
  invalid: [
    {
      name: 'benefit intranasal against no benefit intravenous: names the facet',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit }', '{ intervention: { route: intranasal, dose: 25 mg } }'),
        'claims/b.yaml': file('b', '{ effect: no-benefit }', '{ intervention: { route: intravenous, dose: 25 mg } }'),
      },
      findings: [
        {
          rule: 'conflict/context',
          severity: 'info',
          file: 'claims/b.yaml',
          line: 12,
          column: 14,
          related: ['a/c'],
          message:
            'Results differ for ketamine on migraine: no-benefit here, benefit in a/c, in different contexts (intervention (route)); say which context each result holds for',
        },
      ],
    },
    {
      name: 'several facets differ, values of another family',
      files: {
        'claims/a.yaml': file('a', '{ number: 10, unit: mg }', '{ population: adults, setting: clinic }'),
        'claims/b.yaml': file('b', '{ number: 20, unit: mg }', '{ population: children, setting: hospital }'),
      },
      findings: [{ rule: 'conflict/context', severity: 'info', line: 12, column: 14, message: /in different contexts \(population, setting\)/ }],
    },
  ],
});

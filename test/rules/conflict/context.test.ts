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
      name: 'two claims of one source are not a cross-source conflict (conflict/within-source judges those)',
      files: {
        'claims/a.yaml': yaml`
          source:
            id: a
            title: A review
            kind: narrative-review
          claims:
            - id: intranasal
              text: "Intranasal ketamine helped."
              subject: ketamine
              aspect: efficacy
              property: migraine
              value: { effect: benefit }
              context: { intervention: { route: intranasal } }
            - id: intravenous
              text: "Intravenous ketamine did not."
              subject: ketamine
              aspect: efficacy
              property: migraine
              value: { effect: no-benefit }
              context: { intervention: { route: intravenous } }
        `,
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
    {
      // Issue 8 point 5: conflict/magnitude leaves these to this rule, which must not drop them.
      name: 'effect sizes that do not overlap (76% against 44%) in different contexts, naming the facet',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit, size: { number: 44, unit: "%" } }', '{ population: adults }'),
        'claims/b.yaml': file('b', '{ effect: benefit, size: { number: 76, unit: "%" } }', '{ population: men }'),
      },
      findings: [
        {
          rule: 'conflict/context',
          severity: 'info',
          file: 'claims/b.yaml',
          line: 12,
          column: 14,
          related: ['a/c'],
          message: 'Results differ for ketamine on migraine: 76% here, 44% in a/c, in different contexts (population); say which context each result holds for',
        },
      ],
    },
    {
      name: 'one finding per claim: the minority result names the claims of the prevailing one',
      files: {
        'claims/a.yaml': file('a', '{ effect: benefit }', '{ population: adults }'),
        'claims/b.yaml': file('b', '{ effect: benefit }', '{ population: adults }'),
        'claims/c.yaml': file('c', '{ effect: no-benefit }', '{ population: children }'),
      },
      findings: [
        {
          rule: 'conflict/context',
          severity: 'info',
          file: 'claims/c.yaml',
          line: 12,
          column: 14,
          related: ['a/c', 'b/c'],
          message:
            'Results differ for ketamine on migraine: no-benefit here, benefit (2 claims from 2 sources) in a/c, b/c, in different contexts (population); say which context each result holds for',
        },
      ],
    },
  ],
});

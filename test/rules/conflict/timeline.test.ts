import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const file = (id: string, published: string, claims: string) => yaml`
  source:
    id: ${id}
    title: A source
    kind: blog
    published: ${published}
  claims:
${claims}`;

const claim = (id: string, property: string, value: string) => `
  - id: ${id}
    text: "A dated claim."
    subject: ketamine
    aspect: history
    property: ${property}
    value: ${value}
`;

RuleTester.run('conflict/timeline', {
  valid: [
    {
      name: 'an event after the origin',
      yaml: file('a', '2026-04-29', claim('o', 'origin', '{ decade: 1950 }') + claim('d', 'first-depression-trial', '{ year: 2000 }')),
    },
    {
      name: 'an event within the origin decade',
      yaml: file('a', '2026', claim('o', 'origin', '{ decade: 1960 }') + claim('d', 'first-anesthesia-use', '{ year: 1962 }')),
    },
    {
      name: 'a relative date in an undated source that the lint date allows after the origin',
      now: '2026-11-23',
      yaml: yaml`
        source:
          id: a
          title: Undated
          kind: blog
        claims:
          - { id: o, text: "x", subject: ketamine, aspect: history, property: origin, value: { decade: 1950 } }
          - { id: e, text: "y", subject: ketamine, aspect: history, property: studied, value: { years_ago: 60 } }
      `,
    },
    {
      name: 'the same undated claim linted in 2041: at the latest 1961, after the 1950s began',
      now: '2041-01-01',
      yaml: yaml`
        source:
          id: a
          title: Undated
          kind: blog
        claims:
          - { id: o, text: "x", subject: ketamine, aspect: history, property: origin, value: { decade: 1950 } }
          - { id: e, text: "y", subject: ketamine, aspect: history, property: studied, value: { years_ago: 80 } }
      `,
    },
    {
      name: 'an undated "within the last N years" is open downward, so never placed before the origin',
      yaml: yaml`
        source:
          id: a
          title: Undated
          kind: blog
        claims:
          - { id: o, text: "x", subject: aspirin, aspect: history, property: origin, value: { year: 1897 } }
          - { id: e, text: "y", subject: aspirin, aspect: history, property: studied, value: { years_ago: 200, bound: less-than } }
      `,
    },
    {
      name: 'an undated relative origin constrains nothing (it could be any time earlier)',
      yaml: yaml`
        source:
          id: a
          title: Undated
          kind: blog
        claims:
          - { id: o, text: "x", subject: aspirin, aspect: history, property: origin, value: { years_ago: 120 } }
          - { id: e, text: "y", subject: aspirin, aspect: history, property: first-trial, value: { year: 1800 } }
      `,
    },
    {
      name: 'different subjects do not constrain each other',
      files: {
        'claims/a.yaml': file('a', '2026', claim('o', 'origin', '{ decade: 1960 }')),
        'claims/b.yaml': file('b', '2026', claim('e', 'first-use', '{ year: 1900 }').replace('subject: ketamine', 'subject: morphine')),
      },
    },
  ],
  invalid: [
    {
      name: '"in the past 80 years" from 2026 against "since the 1950s"',
      yaml: file('a', '2026-04-29', claim('o', 'origin', '{ decade: 1950 }') + claim('e', 'investigated-for-other-uses', '{ years_ago: 80 }')),
      findings: [
        {
          rule: 'conflict/timeline',
          severity: 'error',
          line: 20,
          column: 10,
          related: ['a/o'],
          message:
            'investigated-for-other-uses of ketamine is dated 80 years ago (1946, from 2026), before its origin (the 1950s in a/o): the dates cannot all be true',
        },
      ],
    },
    {
      name: 'across sources, against every origin claim it precedes',
      files: {
        'claims/a.yaml': file('a', '2026', claim('o', 'origin', '{ decade: 1960 }')),
        'claims/b.yaml': file('b', '2026', claim('o', 'origin', '{ year: 1962 }') + claim('e', 'veterinary-use', '{ period: [1940, 1955] }')),
      },
      findings: [{ rule: 'conflict/timeline', severity: 'error', file: 'claims/b.yaml', line: 20, column: 10, related: ['a/o', 'b/o'] }],
    },
    {
      name: 'an undated source: "the 2,000-year-old drug" resolves against the lint date, at warning',
      now: '2026-11-23',
      files: {
        'claims/a.yaml': file('a', '2024', claim('o', 'origin', '{ year: 1897 }').replace('subject: ketamine', 'subject: aspirin')),
        'claims/b.yaml': yaml`
          source:
            id: b
            title: Undated marketing page
            kind: marketing
          claims:
            - id: age
              text: "The 2,000-year-old wonder drug"
              subject: aspirin
              aspect: history
              property: in-use
              value: { years_ago: 2000 }
        `,
      },
      findings: [
        {
          rule: 'conflict/timeline',
          severity: 'warning',
          file: 'claims/b.yaml',
          line: 11,
          column: 12,
          related: ['a/o'],
          message:
            'in-use of aspirin is dated 2000 years ago (26 at the latest: the source is undated, so from 2026 or earlier), before its origin (1897 in a/o): the dates cannot all be true',
        },
      ],
    },
    {
      name: 'an undated "in the past 80 years" linted in 2026 is 1946 at the latest, before the 1950s',
      now: '2026-11-23',
      yaml: yaml`
        source:
          id: a
          title: Undated
          kind: blog
        claims:
          - { id: o, text: "x", subject: ketamine, aspect: history, property: origin, value: { decade: 1950 } }
          - { id: e, text: "y", subject: ketamine, aspect: history, property: studied, value: { years_ago: 80 } }
      `,
      findings: [{ rule: 'conflict/timeline', severity: 'warning', line: 7, column: 87, message: /80 years ago \(1946 at the latest/ }],
    },
    {
      name: 'a sequence from the options: approval cannot precede the first trial',
      options: { sequences: [['first-trial', 'approval']] },
      yaml: file('a', '2026', claim('t', 'first-trial', '{ year: 2000 }') + claim('p', 'approval', '{ year: 1990 }')),
      findings: [{ rule: 'conflict/timeline', severity: 'error', line: 20, column: 10, message: /approval of ketamine is dated 1990, before first-trial \(2000 in a\/t\)/ }],
    },
  ],
});

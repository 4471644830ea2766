import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = (id: string, published = '2026-04-29') => yaml`
  source:
    id: ${id}
    title: A source
    kind: blog
    published: ${published}
`;

const claim = (id: string, value: string, extra = '') => yaml`
  claims:
    - id: ${id}
      text: "a claim"
      subject: ketamine
      aspect: history
      property: origin
      value: ${value}
${extra}`;

RuleTester.run('conflict/value', {
  valid: [
    { name: 'overlapping decade and year', files: { 'claims/a.yaml': source('a') + claim('o', '{ decade: 1960 }'), 'claims/b.yaml': source('b') + claim('o', '{ year: 1962 }') } },
    { name: 'different properties are not compared', files: { 'claims/a.yaml': source('a') + claim('o', '{ decade: 1950 }'), 'claims/b.yaml': source('b') + claim('o', '{ decade: 1960 }').replace('property: origin', 'property: first-use') } },
    {
      name: 'categories that agree through the vocabulary (enantiomer is an isomer)',
      files: {
        'claims/a.yaml': source('a') + claim('r', '{ category: isomer }'),
        'claims/b.yaml': source('b') + claim('r', '{ category: enantiomer }'),
      },
    },
    {
      name: 'different populations are left to conflict/context',
      files: {
        'claims/a.yaml': source('a') + claim('o', '{ number: 10, unit: mg }', '      context: { population: adults }'),
        'claims/b.yaml': source('b') + claim('o', '{ number: 20, unit: mg }', '      context: { population: children }'),
      },
    },
    {
      name: 'quantities in different units are not compared',
      files: { 'claims/a.yaml': source('a') + claim('o', '{ number: 10, unit: mg }'), 'claims/b.yaml': source('b') + claim('o', '{ number: 20, unit: ml }') },
    },
    {
      name: 'two claims of one source are not a cross-source conflict',
      files: {
        'claims/a.yaml': source('a') + claim('o', '{ decade: 1950 }') + yaml`
          - id: p
            text: "another claim"
            subject: ketamine
            aspect: history
            property: origin
            value: { decade: 1960 }
        `.replace(/^/gm, '  '),
      },
    },
    {
      name: 'subject aliases from the vocabulary',
      vocabulary: { subjects: { esketamine: ['spravato'] } },
      files: {
        'claims/a.yaml': source('a') + claim('o', '{ holds: true }').replace('ketamine', 'esketamine'),
        'claims/b.yaml': source('b') + claim('o', '{ holds: true }').replace('ketamine', 'Spravato'),
      },
    },
  ],
  invalid: [
    {
      name: 'one finding on the claim outside the prevailing cluster, naming the cluster and its size',
      files: {
        'claims/a.yaml': source('a') + claim('o', '{ year: 1962 }'),
        'claims/b.yaml': source('b') + claim('o', '{ year: 1962 }'),
        'claims/c.yaml': source('c') + claim('o', '{ decade: 1960 }'),
        'claims/d.yaml': source('d') + claim('o', '{ decade: 1950 }'),
      },
      findings: [
        {
          rule: 'conflict/value',
          severity: 'error',
          file: 'claims/d.yaml',
          line: 12,
          column: 12,
          claim: 'd/o',
          related: ['a/o', 'b/o', 'c/o'],
          message: 'Conflicting origin for ketamine: the 1950s here, 1962 (3 claims from 3 sources) in a/o, b/o, c/o',
        },
      ],
    },
    {
      name: 'more than five claims in the prevailing cluster: five named, the cluster counted',
      files: {
        ...Object.fromEntries(['a', 'b', 'c', 'e', 'f', 'g', 'h'].map((id) => [`claims/${id}.yaml`, source(id) + claim('o', '{ decade: 1960 }')])),
        'claims/d.yaml': source('d') + claim('o', '{ decade: 1950 }'),
      },
      findings: [
        {
          rule: 'conflict/value',
          severity: 'error',
          file: 'claims/d.yaml',
          line: 12,
          column: 12,
          related: ['a/o', 'b/o', 'c/o', 'e/o', 'f/o'],
          message: 'Conflicting origin for ketamine: the 1950s here, the 1960s (7 claims from 7 sources) in a/o, b/o, c/o, e/o, f/o',
        },
      ],
    },
    {
      name: 'a tie in sources goes to the better evidence: the finding sits on the weaker claim',
      files: {
        'claims/a.yaml': source('a') + claim('o', '{ decade: 1950 }', '      evidence: [{ kind: testimonial }]'),
        'claims/b.yaml':
          source('b').replace('kind: blog', 'kind: rct') + claim('o', '{ decade: 1960 }', '      evidence: [{ kind: own-study }]'),
      },
      findings: [{ rule: 'conflict/value', severity: 'error', file: 'claims/a.yaml', line: 12, column: 12, claim: 'a/o', related: ['b/o'] }],
    },
    {
      name: 'the 1950s against the 1960s',
      files: { 'claims/a.yaml': source('a') + claim('o', '{ decade: 1950 }'), 'claims/b.yaml': source('b') + claim('o', '{ decade: 1960 }') },
      findings: [
        {
          rule: 'conflict/value',
          severity: 'error',
          file: 'claims/b.yaml',
          line: 12,
          column: 12,
          claim: 'b/o',
          related: ['a/o'],
          message: 'Conflicting origin for ketamine: the 1960s here, the 1950s in a/o',
        },
      ],
    },
    {
      name: 'categories that do not agree (derivative is not an isomer)',
      files: {
        'claims/a.yaml': source('a') + claim('r', '{ category: isomer }'),
        'claims/b.yaml': source('b') + claim('r', '{ category: derivative }'),
      },
      findings: [{ rule: 'conflict/value', severity: 'error', file: 'claims/b.yaml', line: 12, column: 12 }],
    },
    {
      name: 'a facet stated by one claim only lowers the severity and names it',
      files: {
        'claims/a.yaml': source('a') + claim('o', '{ holds: true }', '      context: { population: adults }'),
        'claims/b.yaml': source('b') + claim('o', '{ holds: false }'),
      },
      findings: [{ rule: 'conflict/value', severity: 'warning', file: 'claims/b.yaml', line: 12, column: 12, message: /stated by only one claim: population/ }],
    },
    {
      name: 'relative time resolved against the publication date',
      files: {
        'claims/a.yaml': source('a', '2026-01-01') + claim('o', '{ years_ago: 80 }'),
        'claims/b.yaml': source('b') + claim('o', '{ decade: 1960 }'),
      },
      findings: [{ rule: 'conflict/value', severity: 'error', file: 'claims/b.yaml', line: 12, column: 12, message: /80 years ago \(1946, from 2026\)/ }],
    },
  ],
});

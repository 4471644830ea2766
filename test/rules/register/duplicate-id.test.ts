import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = (id: string, refs = '') =>
  yaml`
    source:
      id: ${id}
      title: A source
      kind: blog
  ` + refs;

const claim = (id: string, property = 'origin') => `  - id: ${id}
    text: "Ketamine was first made in 1962"
    subject: ketamine
    aspect: history
    property: ${property}
`;

const rule = 'register/duplicate-id';

RuleTester.run('register/duplicate-id', {
  valid: [
    { name: 'distinct claim ids', yaml: source('a') + 'claims:\n' + claim('origin') + claim('first-use', 'first-use') },
    { name: 'the same claim id in two sources', files: { 'claims/a.yaml': source('a') + 'claims:\n' + claim('origin'), 'claims/b.yaml': source('b') + 'claims:\n' + claim('origin') } },
    {
      name: 'the same reference id in two sources',
      files: { 'claims/a.yaml': source('a', '  references:\n    - id: "1"\n'), 'claims/b.yaml': source('b', '  references:\n    - id: "1"\n') },
    },
    { name: 'a reference and a claim may share an id', yaml: source('a', '  references:\n    - id: origin\n') + 'claims:\n' + claim('origin') },
    { name: 'reference ids "1" and "10" are different', yaml: source('a', '  references:\n    - id: "1"\n    - id: "10"\n') },
    { name: 'a file with a syntax error does not take part', files: { 'claims/a.yaml': source('a'), 'claims/b.yaml': source('a') + '  title: "unclosed\n' } },
  ],
  invalid: [
    {
      name: 'two claims of one source with one id',
      yaml: source('a') + 'claims:\n' + claim('origin') + claim('origin', 'first-use'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 11,
          column: 9,
          claim: 'a/origin',
          related: ['a/origin'],
          message: /^Duplicate claim id "origin"/,
        },
      ],
    },
    {
      name: 'three claims with one id: each repeat is reported against the first',
      yaml: source('a') + 'claims:\n' + claim('origin') + claim('origin') + claim('origin'),
      findings: [
        { rule, severity: 'error', line: 11, column: 9, related: ['a/origin'] },
        { rule, severity: 'error', line: 16, column: 9, related: ['a/origin'] },
      ],
    },
    {
      name: 'two files whose sources share an id: reported on the later file',
      files: { 'claims/a.yaml': source('ketamine-guide'), 'claims/b.yaml': source('ketamine-guide') },
      findings: [
        {
          rule,
          severity: 'error',
          file: 'claims/b.yaml',
          line: 2,
          column: 7,
          claim: null,
          related: ['ketamine-guide'],
          message: /^Duplicate source id "ketamine-guide": another file of the register uses it too/,
        },
      ],
    },
    {
      name: 'two references with one id',
      yaml: source('a', '  references:\n    - id: "12"\n      title: A trial\n    - id: "13"\n    - id: "12"\n      title: Another trial\n'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 9,
          column: 11,
          claim: null,
          related: ['a#12'],
          message: /^Duplicate reference id "12"/,
        },
      ],
    },
  ],
});

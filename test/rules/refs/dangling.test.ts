import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** A source with references "12" and "13" (lines 5-9). */
const source = (refs = '  references:\n    - id: "12"\n      title: Intranasal ketamine in migraine with aura\n    - id: "13"\n      title: IV ketamine for migraine\n') =>
  yaml`
    source:
      id: earlywine-2026
      title: The Evolving Science of Ketamine
      kind: blog
  ` + refs;

/** A claim citing `cites` (a YAML flow list) in its first evidence item. */
const claim = (cites: string, id = 'migraine') => `  - id: ${id}
    text: "Ketamine decreased the severity of migraines"
    subject: ketamine
    aspect: efficacy
    property: migraine
    evidence:
      - cites: ${cites}
`;

const rule = 'refs/dangling';

RuleTester.run('refs/dangling', {
  valid: [
    { name: 'citations of defined references', yaml: source() + 'claims:\n' + claim('["12", "13"]') },
    { name: 'evidence of another kind cites nothing', yaml: source('') + 'claims:\n' + claim('["12"]').replace('- cites: ["12"]', '- kind: testimonial') },
    { name: 'a claim with no evidence', yaml: source('') + 'claims:\n' + claim('["12"]').replace(/    evidence:\n.*\n/, '') },
    {
      name: 'a reference id defined by another source does not count, but its own does',
      files: {
        'claims/a.yaml': source() + 'claims:\n' + claim('["12"]'),
        'claims/b.yaml': source('  references:\n    - id: "1"\n').replace('earlywine-2026', 'other') + 'claims:\n' + claim('["1"]'),
      },
    },
    {
      name: 'a reference that fails the schema still defines its id',
      yaml: source('  references:\n    - id: "12"\n      year: 13\n') + 'claims:\n' + claim('["12"]'),
    },
  ],
  invalid: [
    {
      name: 'a citation of an undefined number: no guess at which number was meant',
      yaml: source() + 'claims:\n' + claim('["14"]'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 17,
          column: 17,
          claim: 'earlywine-2026/migraine',
          message: 'Claim "migraine" cites reference "14", which earlywine-2026 does not define',
        },
      ],
    },
    {
      name: 'a misspelt named id, with the id meant',
      yaml: source('  references:\n    - id: afridi-2013\n      title: Intranasal ketamine in migraine with aura\n') + 'claims:\n' + claim('["afridi-2031"]'),
      findings: [{ rule, severity: 'error', line: 15, column: 17, message: 'Claim "migraine" cites reference "afridi-2031", which earlywine-2026 does not define (did you mean "afridi-2013"?)' }],
    },
    {
      name: 'one finding per undefined id, at the id in the list',
      yaml: source() + 'claims:\n' + claim('["12", "Nushama", "99"]'),
      findings: [
        { rule, severity: 'error', line: 17, column: 23, message: 'Claim "migraine" cites reference "Nushama", which earlywine-2026 does not define' },
        { rule, severity: 'error', line: 17, column: 34, message: /cites reference "99"/ },
      ],
    },
    {
      name: 'a source with no reference list',
      yaml: source('') + 'claims:\n' + claim('["1"]'),
      findings: [{ rule, severity: 'error', line: 12, column: 17, message: 'Claim "migraine" cites reference "1", which earlywine-2026 does not define (it has no reference list)' }],
    },
    {
      name: 'ids of another source are not this source\'s',
      files: {
        'claims/a.yaml': source() + 'claims:\n' + claim('["12"]'),
        'claims/b.yaml': source('').replace('earlywine-2026', 'other') + 'claims:\n' + claim('["12"]'),
      },
      findings: [{ rule, severity: 'error', file: 'claims/b.yaml', line: 12, column: 17, claim: 'other/migraine', message: /which other does not define \(it has no reference list\)/ }],
    },
    {
      name: 'in a later evidence item',
      yaml: source() + 'claims:\n' + claim('["12"]') + '      - kind: testimonial\n      - cites: ["Smith"]\n',
      findings: [{ rule, severity: 'error', line: 19, column: 17, message: /cites reference "Smith"/ }],
    },
  ],
});

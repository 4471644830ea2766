import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: earlywine-2026
    title: The Evolving Science of Ketamine
    kind: blog
    published: 2026-04-29
`;

/** A claim whose lines 6-11 are fixed; `extra` adds fields after `property`. */
const claim = (extra = '') => yaml`
  claims:
    - id: origin
      text: "While ketamine has been around since the 1950's"
      subject: ketamine
      aspect: history
      property: origin
${extra}`;

const rule = 'register/schema';

RuleTester.run('register/schema', {
  valid: [
    { name: 'a source with no claims', yaml: source },
    { name: 'an empty claims list', yaml: source + 'claims: []\n' },
    { name: 'a year as an integer', yaml: source.replace('2026-04-29', '2021') },
    { name: 'a year-month', yaml: source.replace('2026-04-29', '2025-07') },
    { name: 'a decade', yaml: source + claim('      value: { decade: 1950 }') },
    { name: 'a period with a bound-free pair', yaml: source + claim('      value: { period: [1950, 1969] }') },
    { name: 'years ago with a bound', yaml: source + claim('      value: { years_ago: 80, bound: more-than }') },
    { name: 'a quantity range with unit', yaml: source + claim('      value: { range: [0.25, 0.5], unit: mg/kg/h }') },
    { name: 'a percentage with both counts', yaml: source + claim('      value: { percent: 71.4, numerator: 55, denominator: 77 }') },
    { name: 'an effect with a size', yaml: source + claim('      value: { effect: benefit, size: { number: 2, unit: points } }') },
    {
      name: 'a structured intervention and a citation with a design',
      yaml:
        source +
        '  references:\n    - id: "12"\n      title: A trial\n      design: rct\n      n: 48\n' +
        claim('      context:\n        intervention: { agent: ketamine, route: intranasal, dose: 25 mg }\n      evidence:\n        - cites: ["12"]\n          design: rct\n          n: 48'),
    },
    { name: 'evidence of another kind with a name', yaml: source + claim('      evidence:\n        - kind: named-source\n          name: Harvard Medical School') },
  ],
  invalid: [
    {
      name: 'an unknown field, with the field meant',
      yaml: source + '  publisehd: 2026\n',
      findings: [{ rule, severity: 'error', line: 6, column: 3, claim: null, message: 'source has an unknown field "publisehd": did you mean "published"?' }],
    },
    {
      name: 'an unknown field in a claim, naming the claim',
      yaml: source + claim('      txet: oops'),
      findings: [{ rule, severity: 'error', line: 12, column: 5, claim: 'earlywine-2026/origin', message: 'claims[0] has an unknown field "txet": did you mean "text"?' }],
    },
    {
      name: 'an unknown field far from any allowed one lists the allowed fields',
      yaml: source + claim('      value: { effect: benefit }\n      context: { patients: adults }'),
      findings: [{ rule, severity: 'error', line: 13, column: 16, message: /claims\[0\]\.context has an unknown field "patients"; allowed: population, intervention, comparator, outcome, setting/ }],
    },
    {
      name: 'a wrong enum value, with the value meant',
      yaml: source + claim().replace('aspect: history', 'aspect: histroy'),
      findings: [{ rule, severity: 'error', line: 10, column: 13, message: /^claims\[0\]\.aspect must be one of: efficacy, .* \(got "histroy"\): did you mean "history"\?$/ }],
    },
    {
      name: 'a wrong type',
      yaml: source + '  peer_reviewed: "no"\n',
      findings: [{ rule, severity: 'error', line: 6, column: 18, message: 'source.peer_reviewed must be true or false (got "no")' }],
    },
    {
      name: 'an unquoted reference number is an integer, not a string',
      yaml: source + '  references:\n    - id: 12\n',
      findings: [{ rule, severity: 'error', line: 7, column: 11, message: 'source.references[0].id must be a string (got number 12)' }],
    },
    {
      name: 'a missing required field, at the mapping that lacks it',
      yaml: source + claim().replace('    subject: ketamine\n', ''),
      findings: [{ rule, severity: 'error', line: 7, column: 5, message: 'claims[0] is missing the required field "subject"' }],
    },
    {
      name: 'an id that is not kebab-case',
      yaml: source.replace('earlywine-2026', 'Earlywine_2026'),
      findings: [{ rule, severity: 'error', line: 2, column: 7, message: /^source\.id must be kebab-case: .* \(got "Earlywine_2026"\)$/ }],
    },
    {
      name: 'a value object that matches no typed form',
      yaml: source + claim('      value: { colour: red }'),
      findings: [{ rule, severity: 'error', line: 12, column: 12, message: /^claims\[0\]\.value must be exactly one typed value: time/ }],
    },
    {
      name: 'a decade that is not a multiple of ten',
      yaml: source + claim('      value: { decade: 1955 }'),
      findings: [{ rule, severity: 'error', line: 12, column: 22, message: 'claims[0].value.decade must be a multiple of 10 (got number 1955)' }],
    },
    {
      name: 'an evidence item with both cites and kind',
      yaml: source + '  references:\n    - id: "1"\n' + claim('      evidence:\n        - cites: ["1"]\n          kind: testimonial'),
      findings: [{ rule, severity: 'error', line: 15, column: 9, message: /^claims\[0\]\.evidence\[0\] matches more than one form: must give cites .* exactly one of the two$/ }],
    },
    {
      // The unknown field is a mistake of its own, beside the missing cites or kind (it was folded into that one); its
      // name is a value of `kind`.
      name: 'an evidence item with neither cites nor kind, and an unknown field',
      yaml: source + claim('      evidence:\n        - testimonial: "My gran"'),
      findings: [
        { rule, severity: 'error', line: 13, column: 9, message: 'claims[0].evidence[0] has an unknown field "testimonial": it is a value of "kind" (write "kind: testimonial")' },
        { rule, severity: 'error', line: 13, column: 9, message: /^claims\[0\]\.evidence\[0\] must give cites .* exactly one of the two$/ },
      ],
    },
    {
      name: 'a date that is not ISO',
      yaml: source.replace('2026-04-29', '29/04/2026'),
      findings: [{ rule, severity: 'error', line: 5, column: 14, message: /^source\.published must be an ISO date/ }],
    },
    {
      name: 'one bad claim is reported; the good one beside it is not',
      yaml: source + claim('    - id: second\n      text: "t"\n      subject: ketamine\n      aspect: harm\n      property: bladder\n      value: { holds: maybe }'),
      findings: [{ rule, severity: 'error', line: 17, column: 21, claim: 'earlywine-2026/second', message: 'claims[1].value.holds must be true or false (got "maybe")' }],
    },
    {
      name: 'an empty file',
      yaml: '',
      findings: [{ rule, severity: 'error', line: 1, column: 1, message: /^The file holds no claim data/ }],
    },
    {
      name: 'a file with only comments',
      yaml: '# TODO: add the claims of this source\n# (nothing yet)\n',
      findings: [{ rule, severity: 'error', line: 1, column: 1, message: /^The file holds no claim data/ }],
    },
    {
      name: 'a top-level list instead of a mapping',
      yaml: '- source:\n    id: a\n    title: T\n    kind: blog\n',
      findings: [{ rule, severity: 'error', line: 1, column: 1, message: 'A claim file must be a mapping with "source" and "claims" at the top level' }],
    },
    {
      name: 'a file without a source',
      yaml: claim(),
      findings: [{ rule, severity: 'error', line: 1, column: 1, message: '(root) is missing the required field "source"' }],
    },
  ],
});

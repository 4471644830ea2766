import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: ketam-guide
    title: The Ultimate Ketamine Guide
    kind: clinic-page
    references:
      - id: "1"
        title: Ketamine for migraine
`;

/** A claim whose text is at line 10, column 11. */
const claim = (aspect: string, evidence = '') => yaml`
  claims:
    - id: claim
      text: "Ketamine can ease migraine"
      subject: ketamine
      aspect: ${aspect}
      property: migraine
${evidence}`;

const rule = 'evidence/none';

RuleTester.run('evidence/none', {
  valid: [
    { name: 'a citation', yaml: source + claim('efficacy', '      evidence:\n        - cites: ["1"]') },
    { name: 'a named source counts as evidence given', yaml: source + claim('efficacy', '      evidence:\n        - kind: named-source\n          name: Harvard Medical School') },
    { name: 'a testimonial counts as evidence given (evidence/testimonial judges it)', yaml: source + claim('efficacy', '      evidence:\n        - kind: testimonial') },
    { name: 'a citation of an undefined reference counts (refs/dangling reports it)', yaml: source + claim('efficacy', '      evidence:\n        - cites: ["99"]') },
    { name: 'an aspect left out by the aspects option', options: { aspects: ['efficacy', 'harm'] }, yaml: source + claim('history') },
    { name: 'no aspects at all', options: { aspects: [] }, yaml: source + claim('efficacy') },
    { name: 'a source with no claims', yaml: source },
  ],
  invalid: [
    {
      name: 'no evidence field',
      yaml: source + claim('efficacy'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 10,
          column: 11,
          claim: 'ketam-guide/claim',
          message: 'Claim "claim" (efficacy) gives no evidence: cite a reference or record where it comes from',
        },
      ],
    },
    {
      name: 'an empty evidence list',
      yaml: source + claim('harm', '      evidence: []'),
      findings: [{ rule, severity: 'warning', line: 10, column: 11, message: /^Claim "claim" \(harm\) gives no evidence/ }],
    },
    {
      name: 'every aspect is checked by default',
      yaml: source + claim('history'),
      findings: [{ rule, severity: 'warning', line: 10, column: 11, message: /\(history\)/ }],
    },
    {
      name: 'an aspect named by the aspects option',
      options: { aspects: ['dosing'] },
      yaml: source + claim('dosing'),
      findings: [{ rule, severity: 'warning', line: 10, column: 11, message: /\(dosing\)/ }],
    },
    {
      name: 'each claim without evidence, in file order',
      yaml: source + claim('efficacy') + '  - id: second\n    text: "Ketamine was first made in 1962"\n    subject: ketamine\n    aspect: history\n    property: origin\n',
      findings: [
        { rule, severity: 'warning', line: 10, column: 11, claim: 'ketam-guide/claim' },
        { rule, severity: 'warning', line: 15, column: 11, claim: 'ketam-guide/second' },
      ],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: schwenk-2021
    title: Ketamine for migraine in the emergency department
    kind: cohort
`;

/** A claim with a count value (flow mapping); the value is at line 11, column 12. */
const claim = (value: string) => yaml`
  claims:
    - id: responders
      text: "a claim"
      subject: ketamine
      aspect: efficacy
      property: migraine
      value: ${value}
`;

const rule = 'numbers/inconsistent';
const at = { rule, severity: 'error', line: 11, column: 12, claim: 'schwenk-2021/responders' } as const;

RuleTester.run('numbers/inconsistent', {
  valid: [
    { name: 'parts that add up', yaml: source + claim('{ total: 34, parts: [17, 17] }') },
    { name: 'three parts that add up', yaml: source + claim('{ total: 77, parts: [55, 20, 2] }') },
    { name: '71.4% of 77 is 55', yaml: source + claim('{ percent: 71.4, denominator: 77 }') },
    { name: 'a whole percentage rounded from 55 of 77', yaml: source + claim('{ percent: 71, denominator: 77 }') },
    { name: 'a percentage matching its counts to the decimals written', yaml: source + claim('{ percent: 80.9, numerator: 55, denominator: 68 }') },
    { name: 'a whole percentage matching its counts', yaml: source + claim('{ percent: 81, numerator: 55, denominator: 68 }') },
    { name: 'a numerator equal to its denominator', yaml: source + claim('{ numerator: 68, denominator: 68 }') },
    { name: 'zero of a denominator', yaml: source + claim('{ percent: 0, numerator: 0, denominator: 68 }') },
    { name: 'values of other kinds are not checked', yaml: source + claim('{ number: 120, unit: "%" }') },
    { name: 'tolerance: 72.4% of 77 within 1 point', options: { tolerance: 1 }, yaml: source + claim('{ percent: 72.4, denominator: 77 }') },
    { name: 'tolerance: 75% against 55 of 68 within 6 points', options: { tolerance: 6 }, yaml: source + claim('{ percent: 75, numerator: 55, denominator: 68 }') },
  ],
  invalid: [
    {
      name: 'parts that do not add up to the total',
      yaml: source + claim('{ total: 34, parts: [17, 16] }'),
      findings: [{ ...at, message: 'Parts 17 + 16 add up to 33, not the stated total 34' }],
    },
    {
      name: 'parts that exceed the total',
      yaml: source + claim('{ total: 77, parts: [55, 20, 5] }'),
      findings: [{ ...at, message: 'Parts 55 + 20 + 5 add up to 80, not the stated total 77' }],
    },
    {
      name: 'a percentage that no whole count of the denominator gives: 72.4% of 77',
      yaml: source + claim('{ percent: 72.4, denominator: 77 }'),
      findings: [{ ...at, message: '72.4% of 77 is not a whole count (55.75): check the percentage or the denominator' }],
    },
    {
      name: 'a whole percentage no count gives: 72% of 77',
      yaml: source + claim('{ percent: 72, denominator: 77 }'),
      findings: [{ ...at, message: /^72% of 77 is not a whole count/ }],
    },
    {
      name: 'a percentage that does not match its numerator and denominator',
      yaml: source + claim('{ percent: 75, numerator: 55, denominator: 68 }'),
      findings: [{ ...at, message: '75% of 68 is 51; the stated counts give 55 (80.88%)' }],
    },
    {
      name: 'a percentage off by more than its rounding',
      yaml: source + claim('{ percent: 80.7, numerator: 55, denominator: 68 }'),
      findings: [{ ...at, message: /^80\.7% of 68 is 54\.88; the stated counts give 55 \(80\.88%\)$/ }],
    },
    {
      name: 'a numerator larger than its denominator',
      yaml: source + claim('{ numerator: 80, denominator: 77 }'),
      findings: [{ ...at, message: 'Numerator 80 is larger than its denominator 77' }],
    },
    {
      name: 'a numerator larger than its denominator is not also checked against the percentage',
      yaml: source + claim('{ percent: 50, numerator: 80, denominator: 77 }'),
      findings: [{ ...at, message: /^Numerator 80 is larger/ }],
    },
    {
      name: 'tolerance: a difference beyond it is still reported',
      options: { tolerance: 1 },
      yaml: source + claim('{ percent: 75, numerator: 55, denominator: 68 }'),
      findings: [{ ...at, message: /^75% of 68 is 51/ }],
    },
    {
      name: 'tolerance does not apply to parts and totals',
      options: { tolerance: 5 },
      yaml: source + claim('{ total: 34, parts: [17, 16] }'),
      findings: [{ ...at, message: /^Parts 17 \+ 16 add up to 33/ }],
    },
  ],
});

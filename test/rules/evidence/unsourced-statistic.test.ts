import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: ketam-guide
    title: The Ultimate Ketamine Guide
    kind: clinic-page
    references:
      - id: "1"
        title: Ketamine for treatment-resistant depression
`;

/**
 * A claim: its text is at line 10, column 11; a value (when given) at line
 * 14, column 12. `evidence` items are separated by ";".
 */
const claim = (text: string, value = '', evidence = '') =>
  yaml`
    claims:
      - id: claim
        text: "${text}"
        subject: ketamine
        aspect: efficacy
        property: response
  ` +
  (value ? `    value: ${value}\n` : '') +
  (evidence
    ? '    evidence:\n' +
      evidence
        .split(';')
        .map((e) => `      - ${e.trim()}\n`)
        .join('')
    : '');

const rule = 'evidence/unsourced-statistic';
const pct = '{ number: 60, unit: "%", bound: more-than }';

RuleTester.run('evidence/unsourced-statistic', {
  valid: [
    { name: 'a percentage citing a defined reference', yaml: source + claim('Success rates exceed 60%', pct, 'cites: ["1"]') },
    { name: 'a defined and an undefined reference: the defined one suffices', yaml: source + claim('Success rates exceed 60%', pct, 'cites: ["1", "7"]') },
    { name: 'the source\'s own study', yaml: source + claim('In our clinic 55 of 77 patients improved', '{ numerator: 55, denominator: 77 }', 'kind: own-study') },
    { name: 'no figure at all', yaml: source + claim('Ketamine can ease depression') },
    { name: 'a year is not a statistic', yaml: source + claim('Ketamine was first made in 1962', '{ year: 1962 }') },
    { name: 'a category value is not a statistic', yaml: source + claim('Esketamine is an enantiomer of ketamine', '{ category: enantiomer }') },
    { name: 'an effect without a size', yaml: source + claim('Ketamine eases depression', '{ effect: benefit }', 'kind: testimonial') },
    { name: 'a vague quantifier is not matched by default', yaml: source + claim('Most patients respond within hours') },
    { name: 'the pattern option adds to the built-in one, it does not replace it', options: { pattern: '\\bmost\\b' }, yaml: source + claim('Success rates exceed 60%', pct, 'cites: ["1"]') },
    { name: 'a rate that is not a statistic: "heart rate rose within 5 minutes"', yaml: source + claim('Heart rate rose within 5 minutes of the infusion', '', 'kind: expert-opinion') },
  ],
  invalid: [
    {
      name: 'a percentage value with only a named source',
      yaml: source + claim('These stories align with data from Harvard Medical School, showing success rates exceeding 60%', pct, 'kind: named-source'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 14,
          column: 12,
          claim: 'ketam-guide/claim',
          message: 'Claim "claim" states more than 60% with no citable source: cite the study it comes from, or remove the figure',
        },
      ],
    },
    {
      name: 'a citation of an undefined reference only',
      yaml: source + claim('Success rates exceed 60%', '{ number: 60, unit: "%" }', 'cites: ["7"]'),
      findings: [{ rule, severity: 'error', line: 14, column: 12, message: /states 60% with no citable source/ }],
    },
    {
      name: 'counts with only testimonials',
      yaml: source + claim('55 of 77 patients improved', '{ numerator: 55, denominator: 77 }', 'kind: testimonial; kind: anecdote'),
      findings: [{ rule, severity: 'error', line: 14, column: 12, message: /states 55 of 77 with no citable source/ }],
    },
    {
      name: 'a typed test statistic (numbers/statistic-inconsistent\'s forms) with no evidence',
      yaml: source + claim('The difference was significant', '{ test: t, df: 28, statistic: 2.2, p: 0.036 }'),
      findings: [{ rule, severity: 'error', line: 14, column: 12, message: /states a test statistic with no citable source/ }],
    },
    {
      name: 'a quantity with no evidence',
      yaml: source + claim('Infusions run at 0.5 mg/kg/h', '{ number: 0.5, unit: mg/kg/h }'),
      findings: [{ rule, severity: 'error', line: 14, column: 12, message: /states 0.5 mg\/kg\/h/ }],
    },
    {
      name: 'a percentage in the text and no value: reported at the text',
      yaml: source + claim('About 60% of patients feel better after one session'),
      findings: [{ rule, severity: 'error', line: 10, column: 11, message: 'Claim "claim" states a figure with no citable source: cite the study it comes from, or remove the figure' }],
    },
    {
      name: '"N in M" in the text',
      yaml: source + claim('One session helps 2 in 3 patients', '', 'kind: named-source'),
      findings: [{ rule, severity: 'error', line: 10, column: 11 }],
    },
    {
      name: 'a rate in the text',
      yaml: source + claim('The response rate was about 70', '', 'kind: expert-opinion'),
      findings: [{ rule, severity: 'error', line: 10, column: 11 }],
    },
    {
      name: 'an effect with a size',
      yaml: source + claim('Ketamine lowers pain scores', '{ effect: benefit, size: { number: 2, unit: points } }', 'kind: marketing'),
      findings: [{ rule, severity: 'error', line: 10, column: 11, message: /states a figure/ }],
    },
    {
      name: 'the pattern option: extra wording counts as a statistic',
      options: { pattern: '\\bmost\\b|\\bmajority\\b' },
      yaml: source + claim('Most patients respond within hours', '', 'kind: named-source'),
      findings: [{ rule, severity: 'error', line: 10, column: 11, message: /states a figure/ }],
    },
  ],
});

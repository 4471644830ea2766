import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: blog
    title: A blog
    kind: blog
`;

/** One claim; `context` is a flow mapping (line 12) or '' (none); the text is on line 7. */
const claim = (context: string, aspect = 'efficacy', value = '{ effect: benefit }') =>
  yaml`
    claims:
      - id: c
        text: "Ketamine relieves migraine"
        subject: ketamine
        aspect: ${aspect}
        property: migraine
  ` +
  (value ? `    value: ${value}\n` : '') +
  (context ? `    context: ${context}\n` : '');

const rule = 'claim/context-incomplete';
const full = '{ population: adults with migraine, intervention: { agent: ketamine, route: intranasal }, outcome: migraine severity }';

RuleTester.run('claim/context-incomplete', {
  valid: [
    { name: 'population, intervention and outcome stated', yaml: source + claim(full) },
    { name: 'an intervention given as a string', yaml: source + claim('{ population: adults, intervention: IV ketamine 0.2 mg/kg, outcome: pain }') },
    { name: 'an intervention given by its regimen only', yaml: source + claim('{ population: adults, intervention: { regimen: infusions }, outcome: pain }') },
    { name: 'a harm claim is not checked by default', yaml: source + claim('', 'harm', '{ effect: harm }') },
    { name: 'no value: "being studied" asserts no result', yaml: source + claim('', 'efficacy', '') },
    { name: 'facets option: population only', options: { facets: ['population'] }, yaml: source + claim('{ population: adults }') },
    { name: 'aspects option: harm only', options: { aspects: ['harm'] }, yaml: source + claim('') },
  ],
  invalid: [
    {
      name: 'no context at all: reported at the text',
      yaml: source + claim(''),
      findings: [
        {
          rule,
          severity: 'info',
          line: 7,
          column: 11,
          claim: 'blog/c',
          message:
            'Claim "c" (efficacy) has no context: state the population, intervention and outcome the result applies to, and record them in context',
        },
      ],
    },
    {
      name: 'outcome missing: reported at the context, naming it',
      yaml: source + claim('{ population: adults, intervention: { agent: ketamine, route: intranasal } }'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 12,
          column: 14,
          message: 'Claim "c" (efficacy) does not state its outcome: say who and what the result applies to, and record it in context',
        },
      ],
    },
    {
      name: 'two facets missing',
      yaml: source + claim('{ comparator: placebo, outcome: pain }'),
      findings: [{ rule, severity: 'info', line: 12, column: 14, message: /does not state its population and intervention:/ }],
    },
    {
      name: 'facets option: comparator and setting too',
      options: { facets: ['population', 'intervention', 'comparator', 'outcome', 'setting'] },
      yaml: source + claim(full),
      findings: [{ rule, severity: 'info', line: 12, column: 14, message: /does not state its comparator and setting:/ }],
    },
    {
      name: 'aspects option: harm',
      options: { aspects: ['harm'] },
      yaml: source + claim('{ population: adults }', 'harm', '{ effect: harm }'),
      findings: [{ rule, severity: 'info', line: 12, column: 14, message: /^Claim "c" \(harm\) does not state its intervention and outcome:/ }],
    },
  ],
});

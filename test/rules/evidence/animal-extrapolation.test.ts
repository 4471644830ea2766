import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** References 1 (animal), 2 (in vitro), 3 (RCT), 4 (no design). */
const source = yaml`
  source:
    id: review
    title: A review
    kind: narrative-review
    references:
      - { id: "1", design: animal }
      - { id: "2", design: in-vitro }
      - { id: "3", design: rct }
      - { id: "4" }
`;

/** One claim; `context` (a flow mapping or '') goes before the evidence, which starts at line 18 (19 with a context). */
const claim = (evidence: string, context = '', aspect = 'harm') =>
  yaml`
    claims:
      - id: c
        text: "Ketamine is neurotoxic"
        subject: ketamine
        aspect: ${aspect}
        property: neurotoxicity
        value: { effect: harm }
  ` +
  (context ? `    context: ${context}\n` : '') +
  '    evidence:\n' +
  evidence
    .split(';')
    .map((e) => `      - { ${e.trim()} }\n`)
    .join('');

const rule = 'evidence/animal-extrapolation';

RuleTester.run('evidence/animal-extrapolation', {
  valid: [
    { name: 'the population is stated as animals', yaml: source + claim('cites: ["1"]', '{ population: rats }') },
    { name: 'the population is stated as in vitro', yaml: source + claim('cites: ["2"]', '{ population: cortical neurons in vitro }') },
    { name: 'the population is stated as preclinical', yaml: source + claim('cites: ["1"]', '{ population: preclinical models }') },
    { name: 'an animal study beside a human trial', yaml: source + claim('cites: ["1", "3"]') },
    { name: 'an animal study beside a reference of unstated design', yaml: source + claim('cites: ["1", "4"]') },
    { name: 'an animal study beside a named source', yaml: source + claim('cites: ["1"]; kind: named-source, name: Nature') },
    { name: 'a mechanism claim is not checked by default', yaml: source + claim('cites: ["1"]', '', 'mechanism') },
    { name: 'a dangling citation alone is not animal evidence', yaml: source + claim('cites: ["9"]') },
    { name: 'testimonials are not this rule\'s business', yaml: source + claim('kind: testimonial') },
    { name: 'exceptPopulations option: "zebrafish"', options: { exceptPopulations: ['zebrafish'] }, yaml: source + claim('cites: ["1"]', '{ population: zebrafish larvae }') },
  ],
  invalid: [
    {
      name: 'a harm claim about people resting on an animal study',
      yaml: source + claim('cites: ["1"]'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 18,
          column: 7,
          claim: 'review/c',
          message:
            'Claim "c" (harm) is about people but rests only on animal studies: say that the finding is from animal or laboratory studies (and set context.population), or cite studies in humans',
        },
      ],
    },
    {
      name: 'animal and in-vitro studies, population stated as adults',
      yaml: source + claim('cites: ["1", "2"]', '{ population: adults }'),
      findings: [{ rule, severity: 'error', line: 19, column: 7, message: /rests only on animal studies and in-vitro studies:/ }],
    },
    {
      name: 'the design stated on the item (efficacy)',
      yaml: source + claim('cites: ["4"], design: animal', '', 'efficacy'),
      findings: [{ rule, severity: 'error', line: 18, column: 7, message: /^Claim "c" \(efficacy\) is about people/ }],
    },
    {
      name: 'an own study of the source, with the design given',
      yaml: source + claim('kind: own-study, design: animal'),
      findings: [{ rule, severity: 'error', line: 18, column: 7 }],
    },
    {
      name: 'namedSources option: a named source mapped to animal studies',
      options: { namedSources: { 'rodent lab': 'animal' } },
      yaml: source + claim('kind: named-source, name: the rodent lab'),
      findings: [{ rule, severity: 'error', line: 18, column: 7, message: /animal studies/ }],
    },
    {
      name: 'exceptPopulations option emptied: a claim about rats is flagged too',
      options: { exceptPopulations: [] },
      yaml: source + claim('cites: ["1"]', '{ population: rats }'),
      findings: [{ rule, severity: 'error', line: 19, column: 7 }],
    },
  ],
});

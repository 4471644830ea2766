import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** References 1 (RCT, 7), 2 (RCT, 300), 3 (case series, 77), 4 (no design), 5 (meta-analysis), 6 (cohort, 20), 7 (no design, 12). */
const source = (kind = 'blog') => yaml`
  source:
    id: blog
    title: A blog
    kind: ${kind}
    references:
      - { id: "1", design: rct, n: 7 }
      - { id: "2", design: rct, n: 300 }
      - { id: "3", design: case-series, n: 77 }
      - { id: "4" }
      - { id: "5", design: meta-analysis }
      - { id: "6", design: cohort, n: 20 }
      - { id: "7", n: 12 }
`;

/** One claim; its evidence list starts at line 21 (20 without a value). */
const claim = (evidence: string, value = '{ effect: benefit }', aspect = 'efficacy') =>
  yaml`
    claims:
      - id: c
        text: "Ketamine improved depression"
        subject: ketamine
        aspect: ${aspect}
        property: treatment-resistant-depression
  ` +
  (value ? `    value: ${value}\n` : '') +
  '    evidence:\n' +
  evidence
    .split(';')
    .map((e) => `      - { ${e.trim()} }\n`)
    .join('');

const rule = 'evidence/imprecise';

RuleTester.run('evidence/imprecise', {
  valid: [
    { name: 'two large trials', yaml: source() + claim('cites: ["2", "3"]') },
    { name: 'a meta-analysis (one review pools several studies)', yaml: source() + claim('cites: ["5"]') },
    { name: 'an own study of a systematic review', yaml: source('systematic-review') + claim('kind: own-study') },
    { name: 'one reference of unstated design and size (may be a review)', yaml: source() + claim('cites: ["4"]') },
    { name: 'a small trial beside a reference of unknown size', yaml: source() + claim('cites: ["1", "4"]') },
    { name: 'no value: "being studied" asserts no result', yaml: source() + claim('cites: ["1"]', '') },
    { name: 'a harm claim is not checked by default', yaml: source() + claim('cites: ["1"]', '{ effect: harm }', 'harm') },
    { name: 'testimonials and names are not studies', yaml: source() + claim('kind: testimonial; kind: named-source, name: Alkhachroum et al., n: 68') },
    { name: 'minSample 0 and singleStudy off', options: { minSample: 0, singleStudy: false }, yaml: source() + claim('cites: ["1"]') },
    { name: 'singleStudy off: one large trial', options: { singleStudy: false }, yaml: source() + claim('cites: ["2"]') },
  ],
  invalid: [
    {
      name: 'a single randomized trial of 7 patients',
      yaml: source() + claim('cites: ["1"]'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 21,
          column: 7,
          claim: 'blog/c',
          message:
            'Claim "c" (efficacy) rests on a single randomized trial with 7 participants in all, fewer than 50: present the result as preliminary, or cite larger studies',
        },
      ],
    },
    {
      name: 'two small studies, 27 participants in all',
      yaml: source() + claim('cites: ["1", "6"]'),
      findings: [{ rule, severity: 'info', line: 21, column: 7, message: /rests on 2 studies with 27 participants in all, fewer than 50:/ }],
    },
    {
      name: 'the n of an item counts once for the item, however many references it cites',
      yaml: source() + claim('cites: ["4", "5"], n: 8'),
      findings: [{ rule, severity: 'info', line: 21, column: 7, message: /rests on 2 studies with 8 participants in all/ }],
    },
    {
      name: 'a single large trial',
      yaml: source() + claim('cites: ["2"]'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 21,
          column: 7,
          message: 'Claim "c" (efficacy) rests on a single randomized trial: present it as one study\'s finding, or cite studies that confirm it',
        },
      ],
    },
    {
      name: 'a single case series, a count value',
      yaml: source() + claim('cites: ["3"]', '{ percent: 71.4, denominator: 77 }'),
      findings: [{ rule, severity: 'info', line: 21, column: 7, message: /rests on a single case series:/ }],
    },
    {
      name: 'a single reference of unstated design with a stated size',
      yaml: source() + claim('cites: ["7"]'),
      findings: [{ rule, severity: 'info', line: 21, column: 7, message: /rests on a single study with 12 participants/ }],
    },
    {
      name: 'minSample option: 500',
      options: { minSample: 500 },
      yaml: source() + claim('cites: ["2", "3"]'),
      findings: [{ rule, severity: 'info', line: 21, column: 7, message: /2 studies with 377 participants in all, fewer than 500/ }],
    },
    {
      name: 'studyDesigns and aspects options: a single meta-analysis on harm',
      options: { studyDesigns: ['meta-analysis'], aspects: ['harm'] },
      yaml: source() + claim('cites: ["5"]', '{ effect: harm }', 'harm'),
      findings: [{ rule, severity: 'info', line: 21, column: 7, message: /^Claim "c" \(harm\) rests on a single meta-analysis:/ }],
    },
  ],
});

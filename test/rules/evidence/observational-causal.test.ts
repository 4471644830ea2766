import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** References 1 (cohort), 2 (case series), 3 (RCT), 4 (no design), 5 (case-control), 6 (animal). */
const source = yaml`
  source:
    id: blog
    title: A blog
    kind: blog
    references:
      - { id: "1", design: cohort }
      - { id: "2", design: case-series }
      - { id: "3", design: rct }
      - { id: "4" }
      - { id: "5", design: case-control }
      - { id: "6", design: animal }
`;

/** One claim; its text is on line 14 and a word at offset k of the text is at column 12 + k. */
const claim = (text: string, evidence: string, aspect = 'efficacy') =>
  yaml`
    claims:
      - id: c
        text: "${text}"
        subject: ketamine
        aspect: ${aspect}
        property: depression
        value: { effect: benefit }
  ` +
  (evidence
    ? '    evidence:\n' +
      evidence
        .split(';')
        .map((e) => `      - { ${e.trim()} }\n`)
        .join('')
    : '');

const rule = 'evidence/observational-causal';
const col = (text: string, word: string) => 12 + text.indexOf(word);

const reduces = 'Ketamine use reduces suicide attempts in adults';
const leadsTo = 'Long-term use of ketamine leads to bladder damage';

RuleTester.run('evidence/observational-causal', {
  valid: [
    { name: 'causal wording on a randomized trial', yaml: source + claim(reduces, 'cites: ["3"]') },
    { name: 'a cohort study beside a randomized trial', yaml: source + claim(reduces, 'cites: ["1", "3"]') },
    { name: 'a cohort study beside a reference of unstated design', yaml: source + claim(reduces, 'cites: ["1", "4"]') },
    { name: 'associative wording on a cohort study', yaml: source + claim('Ketamine use was associated with fewer suicide attempts', 'cites: ["1"]') },
    {
      name: 'a causal verb next to "associated with" is read as associative',
      yaml: source + claim('Ketamine use is associated with and reduces attempts', 'cites: ["1"]'),
    },
    { name: 'a noun, not a causal verb ("a decrease")', yaml: source + claim('Patients reported a decrease of 6 points after ketamine', 'cites: ["2"]') },
    { name: 'animal studies are not observational designs here (evidence/animal-extrapolation)', yaml: source + claim(reduces, 'cites: ["6"]') },
    { name: 'a mechanism claim is not checked by default', yaml: source + claim('Ketamine increases BDNF', 'cites: ["1"]', 'mechanism') },
    { name: 'testimonials only', yaml: source + claim(reduces, 'kind: testimonial') },
    { name: 'aspects option: harm only', options: { aspects: ['harm'] }, yaml: source + claim(reduces, 'cites: ["1"]') },
  ],
  invalid: [
    {
      name: '"reduces" on a cohort study, at the word',
      yaml: source + claim(reduces, 'cites: ["1"]'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 14,
          column: col(reduces, 'reduces'),
          endColumn: col(reduces, 'reduces') + 'reduces'.length,
          claim: 'blog/c',
          message:
            'Claim "c" uses causal wording ("reduces") but rests only on observational studies (cohort studies): write "was associated with", or cite a randomized trial',
        },
      ],
    },
    {
      name: 'a phrase ("leads to") on a case series and a case-control study (harm)',
      yaml: source + claim(leadsTo, 'cites: ["2", "5"]', 'harm'),
      findings: [
        { rule, severity: 'warning', line: 14, column: col(leadsTo, 'leads to'), endColumn: col(leadsTo, 'leads to') + 8, message: /\("leads to"\) but rests only on observational studies \(case series and case-control studies\)/ },
      ],
    },
    {
      name: 'the design stated on the evidence item',
      yaml: source + claim('Ketamine prevented relapse', 'cites: ["4"], design: cohort, n: 120'),
      findings: [{ rule, severity: 'warning', line: 14, column: 21, message: /\("prevented"\)/ }],
    },
    {
      name: 'an own study of an observational source',
      yaml: source.replace('kind: blog', 'kind: cohort') + claim('Ketamine improved mood', 'kind: own-study'),
      findings: [{ rule, severity: 'warning', line: 14, column: 21, message: /\(cohort studies\)/ }],
    },
    {
      name: 'terms and designs options',
      options: { terms: ['boosts'], designs: ['cross-sectional'] },
      yaml: source + claim('Ketamine boosts mood', 'cites: ["4"], design: cross-sectional'),
      findings: [{ rule, severity: 'warning', line: 14, column: 21, message: /\("boosts"\) but rests only on observational studies \(cross-sectional studies\)/ }],
    },
    {
      name: 'except option emptied: "associated with" no longer excuses the causal verb',
      options: { except: [] },
      yaml: source + claim('Ketamine use is associated with and reduces attempts', 'cites: ["1"]'),
      findings: [{ rule, severity: 'warning', line: 14, column: col('Ketamine use is associated with and reduces attempts', 'reduces') }],
    },
  ],
});

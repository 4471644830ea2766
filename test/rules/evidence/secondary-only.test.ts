import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** References 1 (narrative review), 2 (news), 3 (RCT), 4 (press release), 5 (guideline). */
const source = (kind = 'blog') => yaml`
  source:
    id: blog
    title: A blog
    kind: ${kind}
    references:
      - { id: "1", design: narrative-review }
      - { id: "2", design: news }
      - { id: "3", design: rct }
      - { id: "4", design: press-release }
      - { id: "5", design: guideline }
`;

/** One claim with a value; its evidence list starts at line 19. */
const claim = (value: string, evidence: string, aspect = 'efficacy') =>
  yaml`
    claims:
      - id: c
        text: "Ketamine decreased seizure burden in 55 of 68 patients"
        subject: ketamine
        aspect: ${aspect}
        property: refractory-status-epilepticus
        value: ${value}
  ` +
  '    evidence:\n' +
  evidence
    .split(';')
    .map((e) => `      - { ${e.trim()} }\n`)
    .join('');

const rule = 'evidence/secondary-only';
const count = '{ numerator: 55, denominator: 68 }';
const benefit = '{ effect: benefit }';

RuleTester.run('evidence/secondary-only', {
  valid: [
    { name: 'a count cited to the trial itself', yaml: source() + claim(count, 'cites: ["3"]') },
    { name: 'a synthesis (no count, size, n or authors) cited to a narrative review', yaml: source() + claim(benefit, 'cites: ["1"]') },
    { name: 'a count cited to a review and to the trial', yaml: source() + claim(count, 'cites: ["1", "3"]') },
    { name: 'a count cited to a review and to a reference of unstated design', yaml: source() + claim(count, 'cites: ["1"]; cites: ["9"]') },
    { name: 'the authors named with no reference (unsourced, not secondary)', yaml: source() + claim(count, 'kind: named-source, name: Alkhachroum et al.') },
    { name: 'an assertion, not a finding', yaml: source() + claim('{ holds: true }', 'cites: ["1"], n: 68') },
    { name: 'a count on a mechanism claim', yaml: source() + claim(count, 'cites: ["1"]', 'mechanism') },
    { name: 'a named source that is not a known outlet', yaml: source() + claim(count, 'kind: named-source, name: Harvard Medical School') },
    { name: 'a guideline is not a secondary outlet by default', yaml: source() + claim(count, 'cites: ["5"]') },
  ],
  invalid: [
    {
      name: 'a count cited only to a narrative review',
      yaml: source() + claim(count, 'cites: ["1"]'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 19,
          column: 7,
          claim: 'blog/c',
          message:
            'Claim "c" reports a specific study result (it gives a count) but its only evidence is narrative reviews: cite the original study, so readers can check the finding',
        },
      ],
    },
    {
      name: 'a sample size on a citation of a news story',
      yaml: source() + claim(benefit, 'cites: ["2"], n: 68'),
      findings: [{ rule, severity: 'info', line: 19, column: 7, message: /\(it gives a sample size\) but its only evidence is news reports:/ }],
    },
    {
      name: 'the authors named on a citation of a press release (harm)',
      yaml: source() + claim('{ effect: harm }', 'cites: ["4"], name: Smith and Jones', 'harm'),
      findings: [{ rule, severity: 'info', line: 19, column: 7, message: /\(it gives the study's authors\) but its only evidence is press releases:/ }],
    },
    {
      name: 'an effect size from a review and a news story',
      yaml: source() + claim('{ effect: benefit, size: { number: 67, unit: "%" } }', 'cites: ["1", "2"]'),
      findings: [{ rule, severity: 'info', line: 19, column: 7, message: /\(it gives an effect size\) but its only evidence is narrative reviews and news reports:/ }],
    },
    {
      name: 'a narrative review reporting a trial\'s count as its own finding',
      yaml: source('narrative-review') + claim(count, 'kind: own-study'),
      findings: [{ rule, severity: 'info', line: 19, column: 7, message: /narrative reviews/ }],
    },
    {
      name: 'a named news outlet (WSJ) with a sample size',
      yaml: source() + claim(benefit, 'kind: named-source, name: WSJ, n: 68'),
      findings: [{ rule, severity: 'info', line: 19, column: 7, message: /news reports/ }],
    },
    {
      name: 'a quantity value with an author-named marketing item',
      yaml: source() + claim('{ number: 60, unit: "%" }', 'kind: marketing, name: Lee et al.'),
      findings: [{ rule, severity: 'info', line: 19, column: 7, message: /\(it gives the study's authors\) but its only evidence is marketing claims:/ }],
    },
    {
      name: 'designs option: guidelines count as secondary',
      options: { designs: ['guideline'] },
      yaml: source() + claim(count, 'cites: ["5"]'),
      findings: [{ rule, severity: 'info', line: 19, column: 7, message: /guidelines/ }],
    },
    {
      name: 'namedSources option: a health site',
      options: { namedSources: { 'health.example': 'news' } },
      yaml: source() + claim(count, 'kind: named-source, name: health.example'),
      findings: [{ rule, severity: 'info', line: 19, column: 7 }],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** 17 lines: references 1 (case series, 77), 2 (RCT, 7), 3 (RCT, 300), 4 (no design), 5 (narrative review), 6 (cohort). */
const source = yaml`
  source:
    id: blog
    title: A blog
    kind: blog
    references:
      - { id: "1", design: case-series, n: 77 }
      - { id: "2", design: rct, n: 7 }
      - { id: "3", design: rct, n: 300 }
      - { id: "4" }
      - { id: "5", design: narrative-review }
      - { id: "6", design: cohort, n: 900 }
`;

/**
 * One claim; its text line is line 14, and a word at offset k of a
 * double-quoted text is at column 12 + k. `evidence` is one flow item per
 * `;`-separated entry; `text` is written as given (quotes included).
 */
const claim = (text: string, evidence: string, aspect = 'efficacy') =>
  yaml`
    claims:
      - id: c
        text: ${text}
        subject: ketamine
        aspect: ${aspect}
        property: migraine
        value: { effect: benefit }
  ` +
  (evidence
    ? '    evidence:\n' +
      evidence
        .split(';')
        .map((e) => `      - { ${e.trim()} }\n`)
        .join('')
    : '');

const rule = 'evidence/level-mismatch';
const col = (text: string, word: string) => 12 + text.indexOf(word);

const effective = 'IV ketamine was effective in pediatric patients';
const berman = 'They demonstrated in 7 patients that a single dose provided significant improvement';

RuleTester.run('evidence/level-mismatch', {
  valid: [
    { name: 'strong wording on a large randomized trial (level 2)', yaml: source + claim('"Ketamine demonstrated a significant benefit"', 'cites: ["3"]') },
    { name: 'strong wording on a systematic review of the source itself (level 1)', yaml: source.replace('kind: blog', 'kind: systematic-review') + claim('"Ketamine has demonstrated significant efficacy"', 'kind: own-study') },
    { name: 'a case series beside a reference of unstated design (could be a trial)', yaml: source + claim(`"${effective}"`, 'cites: ["1", "4"]') },
    { name: 'hedged wording ("may be effective") on a case series', yaml: source + claim('"IV ketamine may be effective in pediatric patients"', 'cites: ["1"]') },
    { name: 'no strong word on a case series', yaml: source + claim('"IV ketamine was followed by fewer seizures"', 'cites: ["1"]') },
    { name: 'a word that only contains a term ("ineffective") is not the term', yaml: source + claim('"IV ketamine was ineffective in adults"', 'cites: ["1"]') },
    { name: 'only testimonials: not evidence, left to evidence/testimonial', yaml: source + claim('"Ketamine cures depression"', 'kind: testimonial') },
    { name: 'only a named source: left to evidence/unsourced-statistic and others', yaml: source + claim('"Ketamine has demonstrated efficacy"', 'kind: named-source, name: PMC') },
    { name: 'no evidence: left to evidence/none', yaml: source + claim('"Ketamine is proven to work"', '') },
    { name: 'a mechanism claim is not checked by default', yaml: source + claim('"Ketamine resets pain circuits"', 'kind: mechanism', 'mechanism') },
    { name: 'two trials, one of them small: not a single study', yaml: source + claim(`"${berman}"`, 'cites: ["2", "3"]') },
    { name: 'a single small study with smallStudy 0', options: { smallStudy: 0 }, yaml: source + claim(`"${berman}"`, 'cites: ["2"]') },
    { name: 'levels option: level 4 no longer too weak', options: { levels: [5] }, yaml: source + claim(`"${effective}"`, 'cites: ["1"]') },
    { name: 'a cohort study (level 3) with the default levels', yaml: source + claim(`"${effective}"`, 'cites: ["6"]') },
  ],
  invalid: [
    {
      name: '"effective" on a case series (level 4), at the word',
      yaml: source + claim(`"${effective}"`, 'cites: ["1"]'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 14,
          column: col(effective, 'effective'),
          endLine: 14,
          endColumn: col(effective, 'effective') + 'effective'.length,
          claim: 'blog/c',
          message:
            'Claim "c" says "effective", but its best evidence is level 4 (case series): soften the wording (e.g. "suggests", "in a case series") or cite stronger evidence',
        },
      ],
    },
    {
      name: '"demonstrated" on a narrative review (level 5)',
      yaml: source + claim('"Ketamine demonstrated benefit"', 'cites: ["5"]'),
      findings: [{ rule, severity: 'warning', line: 14, column: 21, message: /best evidence is level 5 \(narrative reviews\)/ }],
    },
    {
      name: 'the best level counts: a case series beside a testimonial is still level 4',
      yaml: source + claim(`"${effective}"`, 'cites: ["1"]; kind: testimonial'),
      findings: [{ rule, severity: 'warning', line: 14, column: col(effective, 'effective'), message: /level 4 \(case series\)/ }],
    },
    {
      name: 'a single randomized trial of 7 patients: reported at the first strong word',
      yaml: source + claim(`"${berman}"`, 'cites: ["2"]'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 14,
          column: col(berman, 'demonstrated'),
          message: 'Claim "c" says "demonstrated" on a single randomized trial of 7 participants: present it as one small study\'s finding, or cite larger studies',
        },
      ],
    },
    {
      name: 'smallStudy option: 100 participants is small',
      options: { smallStudy: 1000 },
      yaml: source + claim('"Ketamine significantly reduced pain"', 'cites: ["3"]'),
      findings: [{ rule, severity: 'warning', line: 14, column: 21, message: /single randomized trial of 300 participants/ }],
    },
    {
      name: 'terms and levels options: a cohort study (level 3) with "robust"',
      options: { terms: ['robust'], levels: [3, 4, 5] },
      yaml: source + claim('"Robust results for ketamine"', 'cites: ["6"]'),
      findings: [{ rule, severity: 'warning', line: 14, column: 12, message: /says "robust", but its best evidence is level 3 \(cohort studies\)/ }],
    },
    {
      name: 'a harm claim on an own study of a case series',
      yaml: source.replace('kind: blog', 'kind: case-series') + claim('"Ketamine has proven harms"', 'kind: own-study', 'harm'),
      findings: [{ rule, severity: 'warning', line: 14, column: 25, message: /says "proven", but its best evidence is level 4 \(case series\)/ }],
    },
    {
      name: 'escapes before the word: the column is that of the word in the file',
      yaml: source + claim('"A \\"miracle\\" \\u2014 proven"', 'cites: ["1"]'),
      findings: [{ rule, severity: 'warning', line: 14, column: 33, endColumn: 39 }],
    },
    {
      name: 'a single-quoted text with a doubled quote',
      yaml: source + claim("'It''s effective'", 'cites: ["1"]'),
      findings: [{ rule, severity: 'warning', line: 14, column: 18, endColumn: 27 }],
    },
    {
      name: 'a plain text folded over two lines: the word on the second line',
      yaml: source + claim('Ketamine was shown\n          to be effective in a case series', 'cites: ["1"]'),
      findings: [{ rule, severity: 'warning', line: 15, column: 13, endLine: 15, endColumn: 22 }],
    },
    {
      name: 'a block scalar: reported at the whole text',
      yaml: source + claim('>-\n          Ketamine was effective', 'cites: ["1"]'),
      findings: [{ rule, severity: 'warning', line: 14, column: 11 }],
    },
  ],
});

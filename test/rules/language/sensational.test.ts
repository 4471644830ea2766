import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: page
    title: A page
    kind: clinic-page
`;

/** One claim; its text is on line 7 and a word at offset k of a double-quoted text is at column 12 + k. */
const claim = (text: string, aspect = 'efficacy') => yaml`
  claims:
    - id: c
      text: ${text}
      subject: ketamine
      aspect: ${aspect}
      property: depression
`;

const rule = 'language/sensational';
const col = (text: string, word: string) => 12 + text.indexOf(word);

const switchText = 'After my second session, the darkness lifted. It was like flipping a switch.';
const twoTerms = 'A breakthrough: ketamine is a miracle cure';

RuleTester.run('language/sensational', {
  valid: [
    { name: 'plain wording', yaml: source + claim('"Ketamine relieved depressive symptoms within hours in a trial of 18 patients"') },
    { name: 'a word that contains a term ("procured", "securely")', yaml: source + claim('"The clinic procured ketamine securely"') },
    { name: '"switch" alone is not the phrase', yaml: source + claim('"Patients may switch from SSRIs to ketamine"') },
    { name: 'terms option replaces the list', options: { terms: ['wonder'] }, yaml: source + claim('"A miracle cure"') },
    { name: 'aspects option: history only (the claim is on efficacy)', options: { aspects: ['history'] }, yaml: source + claim('"A breakthrough"') },
  ],
  invalid: [
    {
      name: 'a phrase at the end of a testimonial',
      yaml: source + claim(`"${switchText}"`),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 7,
          column: col(switchText, 'flipping'),
          endLine: 7,
          endColumn: col(switchText, 'flipping') + 'flipping a switch'.length,
          claim: 'page/c',
          message: 'Claim "c" uses the sensational term "flipping a switch": describe the result and the evidence for it in plain words',
        },
      ],
    },
    {
      name: 'every term, each at its own column, in text order',
      yaml: source + claim(`"${twoTerms}"`),
      findings: [
        { rule, severity: 'warning', line: 7, column: col(twoTerms, 'breakthrough'), message: /"breakthrough"/ },
        { rule, severity: 'warning', line: 7, column: col(twoTerms, 'miracle'), message: /"miracle"/ },
        { rule, severity: 'warning', line: 7, column: col(twoTerms, 'cure'), message: /"cure"/ },
      ],
    },
    {
      name: 'case-insensitive, hyphenated, in a history claim',
      yaml: source + claim('"A Life-Changing discovery"', 'history'),
      findings: [{ rule, severity: 'warning', line: 7, column: 14, endColumn: 27, message: /"life-changing"/ }],
    },
    {
      name: 'the same term twice',
      yaml: source + claim('"Cure after cure"'),
      findings: [
        { rule, severity: 'warning', line: 7, column: 12 },
        { rule, severity: 'warning', line: 7, column: 23 },
      ],
    },
    {
      name: 'a phrase across a folded line break',
      yaml: source + claim('It was like flipping\n        a switch'),
      findings: [{ rule, severity: 'warning', line: 7, column: 23, endLine: 8, endColumn: 15 }],
    },
    {
      name: 'a curly apostrophe before the term (columns count characters, not bytes)',
      yaml: source + claim('"Ketamine’s miracle"'),
      findings: [{ rule, severity: 'warning', line: 7, column: 23, endColumn: 30 }],
    },
    {
      name: 'terms option',
      options: { terms: ['wonder drug', 'game-changer'] },
      yaml: source + claim('"A game-changer and a wonder   drug"'),
      findings: [
        { rule, severity: 'warning', line: 7, column: 14, message: /"game-changer"/ },
        { rule, severity: 'warning', line: 7, column: 33, message: /"wonder drug"/ },
      ],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** A source with references "12" (line 6) and "13" (line 8). */
const source = yaml`
  source:
    id: earlywine-2026
    title: The Evolving Science of Ketamine
    kind: blog
    references:
      - id: "12"
        title: Intranasal ketamine in migraine with prolonged aura
      - id: "13"
        url: https://example.org/iv-ketamine-migraine
`;

/** A claim whose evidence items are separated by ";". */
const claim = (evidence: string, id = 'migraine') =>
  `  - id: ${id}
    text: "Ketamine decreased the severity of migraines"
    subject: ketamine
    aspect: efficacy
    property: migraine
    evidence:
` +
  evidence
    .split(';')
    .map((e) => `      - ${e.trim()}\n`)
    .join('');

const rule = 'refs/unused';

RuleTester.run('refs/unused', {
  valid: [
    { name: 'every reference cited by one claim', yaml: source + 'claims:\n' + claim('cites: ["12", "13"]') },
    { name: 'references cited by different claims and items', yaml: source + 'claims:\n' + claim('cites: ["12"]') + claim('kind: testimonial; cites: ["13"]', 'second') },
    {
      name: 'a citation by a claim that fails the schema still counts (register/schema reports the claim)',
      yaml: source + 'claims:\n' + claim('cites: ["12", "13"]').replace('aspect: efficacy', 'aspect: efficacyy'),
    },
    { name: 'a source without references', yaml: source.replace(/  references:[\s\S]*$/, '') + 'claims:\n' + claim('kind: anecdote') },
    { name: 'an empty reference list', yaml: source.replace(/  references:[\s\S]*$/, '  references: []\n') },
  ],
  invalid: [
    {
      name: 'a reference no claim cites, with its title',
      yaml: source + 'claims:\n' + claim('cites: ["13"]'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 6,
          column: 11,
          claim: null,
          message: 'Reference "12" of earlywine-2026 is not cited by any claim (Intranasal ketamine in migraine with prolonged aura)',
        },
      ],
    },
    {
      name: 'a reference with only a URL is shown by its URL',
      yaml: source + 'claims:\n' + claim('cites: ["12"]'),
      findings: [{ rule, severity: 'info', line: 8, column: 11, message: 'Reference "13" of earlywine-2026 is not cited by any claim (https://example.org/iv-ketamine-migraine)' }],
    },
    {
      name: 'a source with no claims: every reference',
      yaml: source,
      findings: [
        { rule, severity: 'info', line: 6, column: 11, message: /Reference "12"/ },
        { rule, severity: 'info', line: 8, column: 11, message: /Reference "13"/ },
      ],
    },
    {
      name: 'a long title is shortened',
      yaml: source.replace('Intranasal ketamine in migraine with prolonged aura', 'A randomized controlled trial of intranasal ketamine in migraine with prolonged aura') + 'claims:\n' + claim('cites: ["13"]'),
      findings: [{ rule, severity: 'info', line: 6, column: 11, message: /\(A randomized controlled trial of intranasal ketamine in m\.\.\.\)$/ }],
    },
    {
      name: 'a reference without title or URL',
      yaml: source.replace('      title: Intranasal ketamine in migraine with prolonged aura\n', '') + 'claims:\n' + claim('cites: ["13"]'),
      findings: [{ rule, severity: 'info', line: 6, column: 11, message: 'Reference "12" of earlywine-2026 is not cited by any claim' }],
    },
    {
      name: 'a citation by another source does not count',
      files: {
        'claims/a.yaml': source + 'claims:\n' + claim('cites: ["12"]'),
        'claims/b.yaml': source.replace('earlywine-2026', 'other') + 'claims:\n' + claim('cites: ["12", "13"]'),
      },
      findings: [{ rule, severity: 'info', file: 'claims/a.yaml', line: 8, column: 11, message: /Reference "13" of earlywine-2026/ }],
    },
  ],
});

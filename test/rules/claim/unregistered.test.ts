import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'claim/unregistered';

const article = [
  '---', // 1
  'title: Ketamine for pain', // 2
  '---', // 3
  '# Ketamine for pain', // 4
  '', // 5
  'Ketamine has been used since the 1960s in anaesthesia.', // 6
  'Success rates exceed 60% for certain disorders.', // 7
  '', // 8
  '<!-- claimlint-disable-next-line claim/unregistered -- a patient quoted, not our claim -->', // 9
  'Patients say it works every time and changed their lives.', // 10
  '', // 11
  'We are open on Mondays and Fridays.', // 12
  '',
].join('\n');

/** A claim file for the article; `own` marks it as own content. */
const register = (own: boolean, ...texts: string[]) =>
  yaml`
    source:
      id: article
      title: Ketamine for pain
      kind: blog
      document: content/article.md
  ` +
  (own ? '  own: true\n' : '') +
  'claims:\n' +
  texts.map((t, i) => `  - { id: c${i}, text: ${JSON.stringify(t)}, subject: ketamine, aspect: history, property: p${i} }\n`).join('');

const used = 'Ketamine has been used since the 1960s in anaesthesia';
const success = 'Success rates exceed 60% for certain disorders';

RuleTester.run('claim/unregistered', {
  valid: [
    { name: 'every check-worthy sentence is quoted', yaml: register(true, used, success), documents: { 'content/article.md': article } },
    { name: 'a document that is not own content is not checked', yaml: register(false, used), documents: { 'content/article.md': article } },
    {
      name: 'a quote that covers part of a sentence covers it',
      yaml: register(true, 'has been used since the 1960s', 'Success rates exceed 60%'),
      documents: { 'content/article.md': article },
    },
  ],
  invalid: [
    {
      name: 'source.own: a sentence no claim quotes, at its line in the document; a suppressed one left out',
      yaml: register(true, used),
      documents: { 'content/article.md': article },
      findings: [
        {
          rule,
          severity: 'info',
          file: 'content/article.md',
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 48,
          claim: null,
          message:
            'Statement not in the register: “Success rates exceed 60% for certain disorders.” (a percentage): add a claim that quotes it ("claimlint extract content/article.md" drafts one)',
        },
      ],
    },
    {
      name: 'content glob: own content that no claim file names',
      yaml: register(false, used).replace('content/article.md', 'content/other.md'),
      content: ['content/**/*.md'],
      documents: { 'content/article.md': article, 'content/other.md': 'Ketamine has been used since the 1960s in anaesthesia.\n' },
      findings: [
        { rule, severity: 'info', file: 'content/article.md', line: 6, column: 1, message: /“Ketamine has been used since the 1960s in anaesthesia\.”/ },
        { rule, severity: 'info', file: 'content/article.md', line: 7, column: 1, message: /“Success rates exceed 60%/ },
      ],
    },
    {
      name: 'HTML own content, with an HTML comment suppression',
      yaml: register(true).replace('content/article.md', 'content/page.html'),
      documents: {
        'content/page.html': [
          '<html><body>',
          '<h1>Ketamine</h1>',
          '<p>Our clinic has treated 500 patients since 2019.</p>',
          '<!-- claimlint-disable-next-line claim/unregistered -- the founder\'s story -->',
          '<p>It has been shown to work for 70% of them.</p>',
          '</body></html>',
        ].join('\n'),
      },
      findings: [{ rule, severity: 'info', file: 'content/page.html', line: 3, column: 4, endColumn: 51, message: /“Our clinic has treated 500 patients since 2019\.”/ }],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'source/metadata';

/** A source with the given extra fields; its `id` value is at line 2, column 7. */
const source = (extra: string) => yaml`
  source:
    id: guide
    title: "Ketamine: A Comprehensive Guide"
    kind: marketing
${extra}`;

const COMPLETE = '    authors: [Kerry Earlywine]\n    published: 2026-04-29\n    url: https://www.fagronacademy.us\n';

RuleTester.run('source/metadata', {
  valid: [
    { name: 'date, author and URL', yaml: source(COMPLETE) },
    { name: 'a publisher instead of authors, a DOI instead of a URL', yaml: source('    publisher: IMR Press\n    published: 2025-07\n    doi: 10.31083/JIN26766\n') },
    { name: 'a year as a number', yaml: source('    authors: [Eric S Schwenk]\n    published: 2021\n    doi: 10.1007/s11916-021-00977-w\n') },
    { name: 'items not required by the option', options: { require: ['author'] }, yaml: source('    publisher: Fagron Academy\n') },
    { name: 'nothing required', options: { require: [] }, yaml: source('') },
  ],
  invalid: [
    {
      name: 'an undated, anonymous page with no address: three findings at the id',
      yaml: source('    note: No author and no date on the page.\n'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 2,
          column: 7,
          claim: null,
          message: 'Source "guide" has no URL or DOI: add `url` or `doi` so that readers can find the document',
        },
        {
          rule,
          severity: 'warning',
          line: 2,
          column: 7,
          message: 'Source "guide" has no publication date: add `published` if the document gives one; if it gives none, readers cannot judge how current it is',
        },
        {
          rule,
          severity: 'warning',
          line: 2,
          column: 7,
          message: 'Source "guide" names no author or publisher: add `authors` or `publisher` if the document names them; if it names none, no one answers for its claims',
        },
      ],
    },
    {
      name: 'a blog dated "May 27" with no year: no date',
      yaml: source(COMPLETE.replace('    published: 2026-04-29\n', '')),
      findings: [{ rule, severity: 'warning', line: 2, column: 7, message: /has no publication date/ }],
    },
    {
      name: 'empty authors and a blank publisher count as missing',
      yaml: source(COMPLETE.replace('[Kerry Earlywine]', '[]') + '    publisher: "  "\n'),
      findings: [{ rule, severity: 'warning', line: 2, column: 7, message: /names no author or publisher/ }],
    },
    {
      name: 'an empty URL counts as missing',
      yaml: source(COMPLETE.replace('https://www.fagronacademy.us', '""')),
      findings: [{ rule, severity: 'warning', line: 2, column: 7, message: /has no URL or DOI/ }],
    },
    {
      name: 'only the items the option requires',
      options: { require: ['date'] },
      yaml: source(''),
      findings: [{ rule, severity: 'warning', line: 2, column: 7, message: /has no publication date/ }],
    },
    {
      name: 'each source in its own file',
      files: { 'claims/a.yaml': source(COMPLETE), 'claims/b.yaml': source(COMPLETE.replace('    url: https://www.fagronacademy.us\n', '')).replace('id: guide', 'id: other') },
      findings: [{ rule, severity: 'warning', file: 'claims/b.yaml', line: 2, column: 7, message: /^Source "other" has no URL or DOI/ }],
    },
  ],
});

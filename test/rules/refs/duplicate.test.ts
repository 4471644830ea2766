import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: earlywine-2026
    title: The Evolving Science of Ketamine
    kind: blog
    references:
`;

/** Reference entries, each given as its fields in flow style: `id: "1", doi: ...`. Entry i is at line 6 + i. */
const refs = (...entries: string[]) => source + entries.map((e) => `    - { ${e} }\n`).join('');

const rule = 'refs/duplicate';

RuleTester.run('refs/duplicate', {
  valid: [
    { name: 'different DOIs', yaml: refs('id: "1", doi: 10.1212/WNL.0b013e3182a1aa0a', 'id: "2", doi: 10.1212/WNL.0b013e3182a1aa0b') },
    { name: 'two "#" placeholder URLs name no work', yaml: refs('id: "1", url: "#"', 'id: "2", url: "#"') },
    { name: 'anchors are placeholders too', yaml: refs('id: "1", url: "#ref-1"', 'id: "2", url: "#ref-2"') },
    { name: 'different paths on one site', yaml: refs('id: "1", url: https://example.org/ketamine-migraine', 'id: "2", url: https://example.org/ketamine-depression') },
    { name: 'short titles are too generic to compare', yaml: refs('id: "1", title: Ketamine', 'id: "2", title: Ketamine') },
    {
      name: 'the same work in two sources is fine',
      files: {
        'claims/a.yaml': refs('id: "1", doi: 10.1/abc'),
        'claims/b.yaml': refs('id: "1", doi: 10.1/abc').replace('earlywine-2026', 'other'),
      },
    },
  ],
  invalid: [
    {
      name: 'the same DOI written differently',
      yaml: refs('id: "12", doi: "https://doi.org/10.1/ABC"', 'id: "13", doi: "10.1/abc"'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 7,
          column: 24,
          claim: null,
          related: ['earlywine-2026#12'],
          message: 'Reference "13" repeats reference "12" (same DOI): list the work once and cite that entry',
        },
      ],
    },
    {
      name: 'a doi: prefix and a dx.doi.org resolver',
      yaml: refs('id: "1", doi: "doi:10.1212/WNL.0b013e3182a1aa0a"', 'id: "2", doi: "http://dx.doi.org/10.1212/wnl.0b013e3182a1aa0a"'),
      findings: [{ rule, severity: 'warning', line: 7, column: 23, message: /same DOI/ }],
    },
    {
      name: 'the same URL in angle brackets and with a trailing slash',
      yaml: refs('id: "1", url: "<https://www.Example.org/paper/>"', 'id: "2", url: "http://example.org/paper"'),
      findings: [{ rule, severity: 'warning', line: 7, column: 23, related: ['earlywine-2026#1'], message: 'Reference "2" repeats reference "1" (same URL): list the work once and cite that entry' }],
    },
    {
      name: 'the same URL with a query string or fragment',
      yaml: refs('id: "1", url: https://example.org/paper', 'id: "2", url: "https://example.org/paper?utm_source=x#results"'),
      findings: [{ rule, severity: 'warning', line: 7, column: 23, message: /same URL/ }],
    },
    {
      name: 'the same title, whatever the case and punctuation',
      yaml: refs(
        'id: "1", title: "A randomized controlled trial of intranasal ketamine in migraine"',
        'id: "2", title: "A Randomized Controlled Trial of Intranasal Ketamine in Migraine."',
      ),
      findings: [{ rule, severity: 'warning', line: 7, column: 25, message: /same title/ }],
    },
    {
      name: 'one finding per duplicate entry, by the first key that matches',
      yaml: refs('id: "1", doi: 10.1/abc, title: Intranasal ketamine in migraine', 'id: "2", doi: 10.1/ABC, title: Intranasal ketamine in migraine'),
      findings: [{ rule, severity: 'warning', line: 7, column: 23, message: /same DOI/ }],
    },
    {
      name: 'a third copy is reported against the first',
      yaml: refs('id: "1", doi: 10.1/abc', 'id: "2", doi: 10.1/abc', 'id: "3", doi: 10.1/abc'),
      findings: [
        { rule, severity: 'warning', line: 7, column: 23, related: ['earlywine-2026#1'] },
        { rule, severity: 'warning', line: 8, column: 23, related: ['earlywine-2026#1'] },
      ],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'refs/broken-link';

/** One reference "9" with the given fields; its first field is at line 7, the value at column 12. */
const ref = (fields: string) => yaml`
  source:
    id: blog
    title: The Evolving Science of Ketamine
    kind: blog
    references:
      - id: "9"
${fields}`;

RuleTester.run('refs/broken-link', {
  valid: [
    { name: 'an https URL', yaml: ref('        url: https://pmc.ncbi.nlm.nih.gov/articles/PMC11117434/\n') },
    { name: 'an http URL with a query', yaml: ref('        url: http://example.org/paper?id=12#section\n') },
    { name: 'a bare DOI', yaml: ref('        doi: 10.1000/182\n') },
    { name: 'a DOI with a resolver prefix', yaml: ref('        doi: https://doi.org/10.1212/WNL.0B013E318281CBD2\n') },
    { name: 'a DOI with "doi:"', yaml: ref('        doi: "doi:10.31083/JIN26766"\n') },
    { name: 'a full citation with no link at all', yaml: ref('        authors: [Afridi SK]\n        title: A randomized controlled trial\n        year: 2013\n') },
    { name: 'a source without references', yaml: 'source:\n  id: blog\n  title: T\n  kind: blog\n' },
    { name: 'another scheme allowed by the option', options: { schemes: ['https', 'ftp'] }, yaml: ref('        url: ftp://example.org/paper.pdf\n') },
  ],
  invalid: [
    {
      name: 'a "#" placeholder',
      yaml: ref('        title: "Ketamine in seizure management | The Pharmacogenomics Journal"\n        url: "#"\n'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 8,
          column: 12,
          claim: null,
          message: 'Reference "9" of blog: its URL is a placeholder ("#"), so it leads nowhere: give the address of the work, or its DOI',
        },
      ],
    },
    {
      name: 'an empty URL',
      yaml: ref('        url: ""\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /its URL is empty, so it leads nowhere/ }],
    },
    {
      name: 'an anchor-only URL',
      yaml: ref('        url: "#refs"\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /placeholder/ }],
    },
    {
      name: 'leftover angle brackets',
      yaml: ref('        url: "<https://pubmed.ncbi.nlm.nih.gov/35822534/>"\n'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 7,
          column: 12,
          message: 'Reference "9" of blog: its URL still has the angle brackets <...> of the citation around it: give the full http(s) address of the work',
        },
      ],
    },
    {
      name: 'spaces in a URL',
      yaml: ref('        url: https://example.org/a paper.pdf\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /its URL contains spaces/ }],
    },
    {
      name: 'no scheme',
      yaml: ref('        url: www.fagronacademy.us/blog\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /its URL is not a complete address/ }],
    },
    {
      name: 'a scheme other than http(s)',
      yaml: ref('        url: "javascript:alert(1)"\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /uses the scheme "javascript", not http or https/ }],
    },
    {
      name: 'no real host name',
      yaml: ref('        url: https://pubmed/35822534\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /has no valid host name/ }],
    },
    {
      name: 'a malformed DOI',
      yaml: ref('        doi: 10.10/abc\n'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 7,
          column: 12,
          message: 'Reference "9" of blog: its DOI does not have the form 10.<registrant>/<suffix>: copy the DOI from the work (e.g. 10.1000/182)',
        },
      ],
    },
    {
      name: 'a DOI with spaces',
      yaml: ref('        doi: "10.1038/ s41397-021"\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /its DOI contains spaces/ }],
    },
    {
      name: 'an empty DOI',
      yaml: ref('        doi: ""\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /its DOI is empty/ }],
    },
    {
      name: 'a bad URL and a bad DOI on one reference: two findings',
      yaml: ref('        url: "#"\n        doi: "10.1155"\n'),
      findings: [
        { rule, severity: 'warning', line: 7, column: 12, message: /URL is a placeholder/ },
        { rule, severity: 'warning', line: 8, column: 12, message: /DOI does not have the form/ },
      ],
    },
    {
      name: 'http is not allowed when the option says https only',
      options: { schemes: ['https'] },
      yaml: ref('        url: http://example.org/paper\n'),
      findings: [{ rule, severity: 'warning', line: 7, column: 12, message: /uses the scheme "http", not https/ }],
    },
  ],
});

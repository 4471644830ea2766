import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'refs/attribution';

/** Earlywine-style references: "6" and "8" with authors (lines 6-7 and 9-10), "9" with only a URL (line 12). */
const source = (refs = REFS) => yaml`
  source:
    id: blog
    title: The Evolving Science of Ketamine
    kind: blog
    references:
${refs}`;

const REFS = `    - id: "6"
      authors: [Hocking G, Cousins MJ]
    - id: "8"
      authors: [Blonk MI, Koder BG, van den Bemt PM]
    - id: "9"
      url: "#"
    - id: "25"
      authors: [Berman RM, Cappiello A, Anand A]
    - id: "30"
      authors: [aan het Rot M, Collins KA, Murrough JW]
    - id: "40"
      authors: [Kerry Earlywine]
    - id: "41"
      authors: [Gómez-Ruiz A, Smith B]
`;

/** A claim naming `name` and citing `cites`; its `name` sits at line +10 from the claim's start. */
const claim = (id: string, name: string, cites: string) => `  - id: ${id}
    text: "a claim naming its authors"
    subject: ketamine
    aspect: efficacy
    property: chronic-pain
    evidence:
      - cites: ${cites}
        name: ${name}
`;

const file = (...claims: string[]) => source() + 'claims:\n' + claims.join('');

// source() with REFS is 19 lines; "claims:" is line 20; the first claim starts at line 21, its `name` value at line 28, column 15.

RuleTester.run('refs/attribution', {
  valid: [
    { name: 'both named authors among the cited reference', yaml: file(claim('a', 'Hocking and Cousins', '["6"]')) },
    { name: 'one named author matches one of two cited references', yaml: file(claim('a', 'Hocking and Cousins', '["6", "8"]')) },
    { name: '"et al" with surname-first authors', yaml: file(claim('a', 'Berman et al', '["25"]')) },
    { name: '"et al." and the team of', yaml: file(claim('a', 'the team of Berman et al.', '["25"]')) },
    { name: 'a year in the name ("Hocking & Cousins (2003)")', yaml: file(claim('a', '"Hocking & Cousins (2003)"', '["6"]')) },
    { name: 'initials before the surname ("R. M. Berman")', yaml: file(claim('a', 'R. M. Berman', '["25"]')) },
    { name: 'case-insensitive', yaml: file(claim('a', 'BLONK ET AL', '["8"]')) },
    { name: 'accent-insensitive, hyphenated surname', yaml: file(claim('a', 'Gomez-Ruiz and Smith', '["41"]')) },
    { name: 'given name first ("Kerry Earlywine")', yaml: file(claim('a', 'Earlywine', '["40"]')) },
    { name: 'full name written out in the text', yaml: file(claim('a', 'Kerry Earlywine', '["40"]')) },
    { name: 'a surname of several words', yaml: file(claim('a', 'aan het Rot et al', '["30"]')) },
    { name: 'unlisted authors with unlisted: ignore', options: { unlisted: 'ignore' }, yaml: file(claim('a', 'Borsato et al.', '["9"]')) },
    {
      name: 'a named source with no citation is not checked',
      yaml: file(`  - id: a
    text: "Alkhachroum et al. further demonstrated"
    subject: ketamine
    aspect: efficacy
    property: refractory-status-epilepticus
    evidence:
      - kind: named-source
        name: Alkhachroum et al.
`),
    },
    { name: 'a dangling citation is left to refs/dangling', yaml: file(claim('a', 'Borsato et al.', '["99"]')) },
    { name: 'a citation without a name', yaml: file(claim('a', '""', '["8"]')) },
  ],
  invalid: [
    {
      name: 'named authors who wrote none of the cited references',
      yaml: file(claim('lagged', 'Hocking and Cousins', '["8"]')),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 28,
          column: 15,
          claim: 'blog/lagged',
          message:
            'Claim "lagged" attributes its finding to Hocking and Cousins, but no author of reference 8, which it cites, has that name: cite the work of the named authors, or correct the names',
        },
      ],
    },
    {
      name: 'a surname that only partly matches an author is no match',
      yaml: file(claim('a', 'Berma et al', '["25"]')),
      findings: [{ rule, severity: 'warning', line: 28, column: 15, message: /Berma et al, but no author of reference 25, which it cites, has that name/ }],
    },
    {
      name: 'cited references that list no authors: cannot be checked, one step lower',
      yaml: file(claim('borsato', 'Borsato et al.', '["9"]')),
      findings: [
        {
          rule,
          severity: 'info',
          line: 28,
          column: 15,
          claim: 'blog/borsato',
          message:
            'Claim "borsato" attributes its finding to Borsato et al., but reference 9 lists no authors, so the attribution cannot be checked: add the authors to the reference list',
        },
      ],
    },
    {
      name: 'no match among the references with authors, and one without: cannot be checked',
      yaml: file(claim('a', 'Jacobwitz et al.', '["8", "9"]')),
      findings: [{ rule, severity: 'info', line: 28, column: 15, message: /but reference 9 lists no authors/ }],
    },
    {
      name: 'one finding for an attribution repeated over several claims, the others related',
      yaml: file(claim('first', 'Hocking and Cousins', '["8"]'), claim('second', 'Hocking and Cousins', '["8"]'), claim('third', 'Blonk et al', '["8"]')),
      findings: [{ rule, severity: 'warning', line: 28, column: 15, claim: 'blog/first', related: ['blog/second'] }],
    },
    {
      name: 'the same name citing other references is another finding',
      yaml: file(claim('first', 'Hocking and Cousins', '["8"]'), claim('second', 'Hocking and Cousins', '["25"]')),
      findings: [
        { rule, severity: 'warning', line: 28, column: 15, claim: 'blog/first', related: [] },
        { rule, severity: 'warning', line: 36, column: 15, claim: 'blog/second', message: /of reference 25, which it cites/ },
      ],
    },
    {
      name: 'each source on its own',
      files: {
        'claims/a.yaml': file(claim('x', 'Hocking and Cousins', '["8"]')),
        'claims/b.yaml': file(claim('x', 'Hocking and Cousins', '["8"]')).replace('id: blog', 'id: other'),
      },
      findings: [
        { rule, severity: 'warning', file: 'claims/a.yaml', line: 28, column: 15, claim: 'blog/x' },
        { rule, severity: 'warning', file: 'claims/b.yaml', line: 28, column: 15, claim: 'other/x' },
      ],
    },
  ],
});

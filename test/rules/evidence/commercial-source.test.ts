import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** A blog with references 1 (a news story), 2 (a press release), 3 (an RCT), 4 (no design). */
const source = (kind = 'blog') => yaml`
  source:
    id: page
    title: A page
    kind: ${kind}
    references:
      - { id: "1", design: news }
      - { id: "2", design: press-release }
      - { id: "3", design: rct }
      - { id: "4" }
`;

/** One claim; its evidence list starts at line 18. */
const claim = (evidence: string, aspect = 'efficacy', value = '{ effect: benefit }') =>
  yaml`
    claims:
      - id: c
        text: "Ketamine relieves depression within hours"
        subject: ketamine
        aspect: ${aspect}
        property: depression
        value: ${value}
  ` +
  '    evidence:\n' +
  evidence
    .split(';')
    .map((e) => `      - { ${e.trim()} }\n`)
    .join('');

const rule = 'evidence/commercial-source';

RuleTester.run('evidence/commercial-source', {
  valid: [
    { name: 'a randomized trial', yaml: source() + claim('cites: ["3"]') },
    { name: 'a news story beside a randomized trial', yaml: source() + claim('cites: ["1", "3"]') },
    { name: 'a news story beside a reference of unstated design', yaml: source() + claim('cites: ["1"]; cites: ["4"]') },
    { name: 'a named source not on the list', yaml: source() + claim('kind: named-source, name: Nushama') },
    { name: 'a history claim backed by a press release', yaml: source() + claim('cites: ["2"]', 'history', '{ decade: 1960 }') },
    { name: 'testimonials are evidence/testimonial\'s business', yaml: source() + claim('kind: testimonial') },
    { name: 'an own study of a randomized trial', yaml: source('rct') + claim('kind: own-study') },
    { name: 'aspects option: harm only', options: { aspects: ['harm'] }, yaml: source() + claim('cites: ["1"]') },
  ],
  invalid: [
    {
      name: 'only a news story',
      yaml: source() + claim('cites: ["1"]'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 18,
          column: 7,
          claim: 'page/c',
          message:
            'Claim "c" (efficacy) is backed only by news reports: these speak for whoever sells or reports the treatment; cite the study behind the claim, or remove it',
        },
      ],
    },
    {
      name: 'a press release and a marketing claim (harm)',
      yaml: source() + claim('cites: ["2"]; kind: marketing', 'harm', '{ effect: harm }'),
      findings: [{ rule, severity: 'warning', line: 18, column: 7, message: /^Claim "c" \(harm\) is backed only by press releases and marketing claims:/ }],
    },
    {
      name: 'named news outlets (WSJ) from the default list',
      yaml: source() + claim('kind: named-source, name: WSJ; kind: named-source, name: The Wall Street Journal', 'harm', '{ effect: harm }'),
      findings: [{ rule, severity: 'warning', line: 18, column: 7, message: /backed only by news reports:/ }],
    },
    {
      name: 'a clinic page\'s own data',
      yaml: source('clinic-page') + claim('kind: own-study'),
      findings: [{ rule, severity: 'warning', line: 18, column: 7, message: /backed only by marketing claims:/ }],
    },
    {
      name: 'namedSources option: a clinic named in the text',
      options: { namedSources: { Nushama: 'marketing' } },
      yaml: source() + claim('kind: named-source, name: Nushama'),
      findings: [{ rule, severity: 'warning', line: 18, column: 7, message: /backed only by marketing claims:/ }],
    },
    {
      name: 'designs option: expert opinion counts too',
      options: { designs: ['news', 'expert-opinion'] },
      yaml: source() + claim('cites: ["4"], design: expert-opinion'),
      findings: [{ rule, severity: 'warning', line: 18, column: 7, message: /backed only by expert opinions:/ }],
    },
  ],
});

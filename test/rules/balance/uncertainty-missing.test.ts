import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'balance/uncertainty-missing';

/** A source whose `id` value is at line 2, column 7. */
const source = (id = 'clinic') => yaml`
  source:
    id: ${id}
    title: "Ketamine: A Comprehensive Guide"
    kind: marketing
  claims:
`;

const claim = (id: string, aspect: string, value: string, text = 'Ketamine works', subject = 'ketamine') => `  - id: ${id}
    text: "${text}"
    subject: ${subject}
    aspect: ${aspect}
    property: ${id}
${value ? `    value: ${value}\n` : ''}`;

const benefit = (id: string, text = 'Ketamine offers relief', subject = 'ketamine') => claim(id, 'efficacy', '{ effect: benefit }', text, subject);

RuleTester.run('balance/uncertainty-missing', {
  valid: [
    { name: 'a hedged benefit claim ("might")', yaml: source() + benefit('nociplastic', 'Ketamine might work best in nociplastic pain') },
    { name: 'a claim of no benefit', yaml: source() + benefit('short-term') + claim('long-term', 'efficacy', '{ effect: no-benefit }') },
    { name: 'a claim of mixed effect', yaml: source() + benefit('a') + claim('b', 'efficacy', '{ effect: mixed }') },
    { name: 'a harm claim, on any subject', yaml: source() + benefit('a') + claim('b', 'harm', '{ effect: harm }', 'Side effects', 'esketamine') },
    { name: 'a limitation in any claim\'s text ("lack of")', yaml: source() + benefit('a') + claim('b', 'other', '', 'research has lagged due to the lack of robust results') },
    { name: 'a multi-word term ("further research")', yaml: source() + benefit('a') + claim('b', 'other', '', 'Further   research is needed') },
    { name: '"bias"', yaml: source() + benefit('a') + claim('b', 'other', '{ holds: true }', 'the authors noting bias in most of the studies') },
    { name: 'no efficacy claims', yaml: source() + claim('origin', 'history', '{ decade: 1960 }') },
    { name: 'efficacy claims without a direction do not state efficacy', yaml: source() + claim('studied', 'efficacy', '', 'it is being studied to treat depression') },
  ],
  invalid: [
    {
      name: 'efficacy stated with no limitation: one finding per source',
      yaml: source() + benefit('depression', 'Ketamine has emerged as a promising treatment') + benefit('pain') + benefit('trd', 'Spravato works', 'esketamine'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 2,
          column: 7,
          claim: null,
          related: ['clinic/depression', 'clinic/pain', 'clinic/trd'],
          message:
            'Source "clinic" states efficacy (3 claims, e.g. "depression") without any limitation or uncertainty: say how strong the evidence is, what is not known, or where results disagree',
        },
      ],
    },
    {
      name: 'a term inside another word is no hedge ("mayor", "biased" is not "bias")',
      yaml: source() + benefit('a', 'the mayor says it works; unbiased reports agree'),
      findings: [{ rule, severity: 'info', line: 2, column: 7, message: /states efficacy \(1 claim,/ }],
    },
    {
      name: 'a limitation in another source does not count',
      files: { 'claims/a.yaml': source('a') + benefit('x'), 'claims/b.yaml': source('b') + claim('y', 'efficacy', '{ effect: no-benefit }') },
      findings: [{ rule, severity: 'info', file: 'claims/a.yaml', line: 2, column: 7, message: /^Source "a"/ }],
    },
    {
      name: 'terms from the options replace the default list',
      options: { balancingTerms: ['not yet known'] },
      yaml: source() + benefit('a', 'Ketamine might work'),
      findings: [{ rule, severity: 'info', line: 2, column: 7 }],
    },
    {
      name: 'per subject from the options',
      options: { per: 'subject' },
      yaml: source() + benefit('a') + benefit('b', 'Spravato works', 'esketamine') + claim('c', 'harm', '{ effect: harm }'),
      findings: [{ rule, severity: 'info', line: 2, column: 7, related: ['clinic/b'] }],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'balance/harms-missing';

/** A source whose `id` value is at line 2, column 7. */
const source = (id = 'clinic') => yaml`
  source:
    id: ${id}
    title: "Ketamine: A Comprehensive Guide"
    kind: marketing
  claims:
`;

const claim = (id: string, aspect: string, value: string, subject = 'ketamine', text = 'a claim') => `  - id: ${id}
    text: "${text}"
    subject: ${subject}
    aspect: ${aspect}
    property: ${id}
${value ? `    value: ${value}\n` : ''}`;

const benefit = (id: string, subject = 'ketamine') => claim(id, 'efficacy', '{ effect: benefit }', subject);

RuleTester.run('balance/harms-missing', {
  valid: [
    { name: 'benefits and a harm claim', yaml: source() + benefit('depression') + claim('dissociation', 'harm', '{ effect: harm }') },
    { name: 'a harm claim with another value ("few adverse events")', yaml: source() + benefit('depression') + claim('adverse-effects', 'harm', '{ category: few-adverse-events }') },
    { name: 'a harm claim with no value', yaml: source() + benefit('depression') + claim('abuse', 'harm', '') },
    { name: 'an efficacy claim of harm', yaml: source() + benefit('depression') + claim('migraine', 'efficacy', '{ effect: harm }') },
    { name: 'no benefit claims', yaml: source() + claim('migraine', 'efficacy', '{ effect: no-benefit }') + claim('studied', 'efficacy', '') },
    { name: 'benefit values on other aspects do not count', yaml: source() + claim('anesthesia', 'history', '{ effect: benefit }') },
    {
      name: 'a subject alias shares the harms (spravato = esketamine)',
      vocabulary: { subjects: { esketamine: ['spravato'] } },
      yaml: source() + benefit('trd', 'Spravato') + claim('dissociation', 'harm', '{ effect: harm }', 'esketamine'),
    },
    { name: 'an empty source', yaml: source() },
  ],
  invalid: [
    {
      name: 'benefits only: one finding at the source, the benefit claims related',
      yaml: source() + benefit('depression') + benefit('chronic-pain') + claim('origin', 'history', '{ decade: 1960 }'),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 2,
          column: 7,
          claim: null,
          related: ['clinic/depression', 'clinic/chronic-pain'],
          message:
            'Source "clinic" claims benefits of ketamine (2 claims, e.g. "depression") but states no harm or risk of it: a balanced account gives the harms and side effects alongside the benefits',
        },
      ],
    },
    {
      name: 'harms of one subject do not balance benefits of another',
      yaml: source() + benefit('trd', 'esketamine') + benefit('depression') + claim('dissociation', 'harm', '{ effect: harm }'),
      findings: [{ rule, severity: 'warning', line: 2, column: 7, related: ['clinic/trd'], message: /claims benefits of esketamine \(1 claim, e\.g\. "trd"\)/ }],
    },
    {
      name: 'one finding per subject',
      yaml: source() + benefit('trd', 'esketamine') + benefit('depression'),
      findings: [
        { rule, severity: 'warning', line: 2, column: 7, message: /claims benefits of esketamine/ },
        { rule, severity: 'warning', line: 2, column: 7, message: /claims benefits of ketamine/ },
      ],
    },
    {
      name: 'harms in another source do not count',
      files: { 'claims/a.yaml': source('a') + benefit('depression'), 'claims/b.yaml': source('b') + claim('dissociation', 'harm', '{ effect: harm }') },
      findings: [{ rule, severity: 'warning', file: 'claims/a.yaml', line: 2, column: 7, message: /^Source "a"/ }],
    },
    {
      name: 'at most maxRelated claims related',
      options: { maxRelated: 2 },
      yaml: source() + benefit('a') + benefit('b') + benefit('c'),
      findings: [{ rule, severity: 'warning', line: 2, column: 7, related: ['clinic/a', 'clinic/b'], message: /\(3 claims, e\.g\. "a"\)/ }],
    },
    {
      name: 'balancing terms from the options',
      options: { balancingTerms: ['side effects'] },
      yaml: source() + benefit('depression') + claim('note', 'other', '', 'esketamine', 'Side effects are rare'),
      findings: [{ rule, severity: 'warning', line: 2, column: 7, message: /claims benefits of ketamine/ }],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = yaml`
  source:
    id: ketam-guide
    title: The Ultimate Ketamine Guide
    kind: clinic-page
    references:
      - id: "1"
        title: Ketamine for treatment-resistant depression
`;

/**
 * A claim with its evidence; `value` (a flow mapping or '') goes before the
 * evidence. Without a value the evidence list is at line 15, column 7; with
 * one, at line 16, column 7.
 */
const claim = (aspect: string, evidence: string, value = '') =>
  yaml`
    claims:
      - id: claim
        text: "After my second ketamine session, the darkness lifted"
        subject: ketamine
        aspect: ${aspect}
        property: depression
  ` +
  (value ? `    value: ${value}\n` : '') +
  '    evidence:\n' +
  evidence
    .split(';')
    .map((e) => `      - ${e.trim()}\n`)
    .join('');

const rule = 'evidence/testimonial';

RuleTester.run('evidence/testimonial', {
  valid: [
    { name: 'a citation', yaml: source + claim('efficacy', 'cites: ["1"]') },
    { name: 'a testimonial beside a citation, no figure', yaml: source + claim('efficacy', 'kind: testimonial; cites: ["1"]') },
    { name: 'a mechanism claim resting on a testimonial (aspect not checked)', yaml: source + claim('mechanism', 'kind: testimonial') },
    { name: 'a history claim resting on an anecdote', yaml: source + claim('history', 'kind: anecdote') },
    { name: 'a named source alone is not a kind this rule checks by default', yaml: source + claim('efficacy', 'kind: named-source') },
    { name: 'expert opinion alone', yaml: source + claim('harm', 'kind: expert-opinion') },
    {
      name: 'a testimonial beside a named source, with a figure, and asData off',
      options: { asData: false },
      yaml: source + claim('efficacy', 'kind: testimonial; kind: named-source', '{ number: 60, unit: "%", bound: more-than }'),
    },
    {
      name: 'a testimonial beside a cited study, with a figure: the study carries the figure',
      yaml: source + claim('efficacy', 'kind: testimonial; cites: ["1"]', '{ number: 60, unit: "%", bound: more-than }'),
    },
    { name: 'aspects option: efficacy no longer checked', options: { aspects: ['harm'] }, yaml: source + claim('efficacy', 'kind: testimonial') },
    { name: 'kinds option: testimonials no longer checked', options: { kinds: ['named-source'] }, yaml: source + claim('efficacy', 'kind: testimonial') },
    {
      name: 'exceptPopulations option: a claim about mice is left out',
      options: { exceptPopulations: ['mice'] },
      yaml: (source + claim('efficacy', 'kind: anecdote')).replace('    evidence:\n', '    context: { population: stressed mice }\n    evidence:\n'),
    },
    { name: 'designs option: a citation of a design not listed', options: { designs: ['animal'] }, yaml: source + claim('efficacy', 'cites: ["1"]') },
  ],
  invalid: [
    {
      name: 'only testimonials',
      yaml: source + claim('efficacy', 'kind: testimonial; kind: testimonial'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 15,
          column: 7,
          claim: 'ketam-guide/claim',
          message:
            'Claim "claim" (efficacy) rests only on testimonials: these are not evidence of efficacy; cite a study or reword as a personal account',
        },
      ],
    },
    {
      name: 'only an anecdote (harm)',
      yaml: source + claim('harm', 'kind: anecdote'),
      findings: [{ rule, severity: 'error', line: 15, column: 7, message: /^Claim "claim" \(harm\) rests only on anecdotes: these are not evidence of harm;/ }],
    },
    {
      name: 'testimonials and anecdotes together',
      yaml: source + claim('prevalence', 'kind: testimonial; kind: anecdote'),
      findings: [{ rule, severity: 'error', line: 15, column: 7, message: /rests only on testimonials and anecdotes/ }],
    },
    {
      name: 'a testimonial beside a named source, on a claim with a figure: stories as data',
      yaml: source + claim('efficacy', 'kind: named-source; kind: testimonial', '{ number: 60, unit: "%", bound: more-than }'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 16,
          column: 7,
          message: 'Claim "claim" states a figure while presenting testimonials as data: cite the study behind the figure, or drop it',
        },
      ],
    },
    {
      name: 'stories as data, with the figure only in the text',
      yaml: (source + claim('efficacy', 'kind: named-source; kind: testimonial')).replace(
        'After my second ketamine session, the darkness lifted',
        'These stories align with data showing success rates exceeding 60%',
      ),
      findings: [{ rule, severity: 'error', line: 15, column: 7, message: /presenting testimonials as data/ }],
    },
    {
      name: 'aspects option: mechanism checked',
      options: { aspects: ['mechanism'] },
      yaml: source + claim('mechanism', 'kind: testimonial'),
      findings: [{ rule, severity: 'error', line: 15, column: 7, message: /\(mechanism\) rests only on testimonials/ }],
    },
    {
      name: 'kinds option: a named source alone',
      options: { kinds: ['named-source'] },
      yaml: source + claim('efficacy', 'kind: named-source'),
      findings: [{ rule, severity: 'error', line: 15, column: 7, message: /^Claim "claim" \(efficacy\) rests only on named sources:/ }],
    },
    {
      name: 'designs option: a citation whose only reference is an animal study',
      options: { designs: ['animal'] },
      yaml: source.replace('      title: Ketamine for treatment-resistant depression\n', '      title: Ketamine in a rat model of depression\n      design: animal\n') + claim('efficacy', 'cites: ["1"]'),
      findings: [{ rule, severity: 'error', line: 16, column: 7, message: /^Claim "claim" \(efficacy\) rests only on animal studies/ }],
    },
    {
      name: 'namedSources option: a name given a design, with designs',
      options: { kinds: ['testimonial'], designs: ['news'], namedSources: { WSJ: 'news' } },
      yaml: source + claim('efficacy', '{ kind: named-source, name: the WSJ }'),
      findings: [{ rule, severity: 'error', line: 15, column: 7, message: /rests only on news/ }],
    },
    {
      name: 'kinds option: a named source presented as data',
      options: { kinds: ['named-source'] },
      yaml: source + claim('efficacy', 'kind: testimonial; kind: named-source', '{ number: 60, unit: "%" }'),
      findings: [{ rule, severity: 'error', line: 16, column: 7, message: /presenting named sources as data/ }],
    },
  ],
});

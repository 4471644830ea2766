import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const source = (id: string) => yaml`
  source:
    id: ${id}
    title: A source
    kind: blog
`;

/** A migraine efficacy claim; its value is at line 11, column 12 of the file. */
const claim = (effect: string, context = '', property = 'migraine') => yaml`
  claims:
    - id: migraine
      text: "a claim"
      subject: ketamine
      aspect: efficacy
      property: ${property}
      value: { effect: ${effect} }
${context ? `      context: ${context}\n` : ''}`;

const pair = (a: string, b: string) => ({ 'claims/a.yaml': source('a') + a, 'claims/b.yaml': source('b') + b });

const rule = 'conflict/direction';
const at = { rule, file: 'claims/b.yaml', line: 11, column: 12, claim: 'b/migraine', related: ['a/migraine'] } as const;

RuleTester.run('conflict/direction', {
  valid: [
    { name: 'the same direction', files: pair(claim('benefit'), claim('benefit')) },
    { name: 'mixed against benefit', files: pair(claim('benefit'), claim('mixed')) },
    { name: 'mixed against harm', files: pair(claim('mixed'), claim('harm')) },
    { name: 'no benefit against harm', files: pair(claim('no-benefit'), claim('harm')) },
    { name: 'different properties (conditions) are not compared', files: pair(claim('benefit'), claim('no-benefit', '', 'depression')) },
    {
      name: 'values of other kinds are left to conflict/value',
      files: pair(claim('benefit'), claim('benefit').replace('{ effect: benefit }', '{ holds: false }')),
    },
    {
      name: 'a facet that differs (intranasal vs intravenous) is left to conflict/context by default',
      files: pair(claim('benefit', '{ intervention: { agent: ketamine, route: intranasal } }'), claim('no-benefit', '{ intervention: { agent: ketamine, route: intravenous } }')),
    },
  ],
  invalid: [
    {
      name: 'benefit against no benefit with every facet equal',
      files: pair(
        claim('benefit', '{ population: migraine with aura, comparator: placebo, outcome: migraine severity }'),
        claim('no-benefit', '{ population: migraine with aura, comparator: placebo, outcome: migraine severity }'),
      ),
      findings: [{ ...at, severity: 'error', message: 'Conflicting effect of ketamine on migraine: no-benefit here, benefit in a/migraine' }],
    },
    {
      // Subjects and properties are one whatever separates their words: spaces, hyphens or underscores.
      name: 'the same subject and property written with other separators ("Vitamin D" and "vitamin-d", "chronic pain" and "chronic_pain")',
      files: pair(
        claim('benefit', '', 'chronic pain').replace('subject: ketamine', 'subject: Vitamin D'),
        claim('no-benefit', '', 'chronic_pain').replace('subject: ketamine', 'subject: vitamin-d'),
      ),
      findings: [{ ...at, severity: 'error', message: 'Conflicting effect of vitamin-d on chronic_pain: no-benefit here, benefit in a/migraine' }],
    },
    {
      name: 'benefit against no benefit, neither stating a context',
      files: pair(claim('benefit'), claim('no-benefit')),
      findings: [{ ...at, severity: 'error' }],
    },
    {
      name: 'benefit against harm',
      files: pair(claim('benefit'), claim('harm')),
      findings: [{ ...at, severity: 'error', message: 'Conflicting effect of ketamine on migraine: harm here, benefit in a/migraine' }],
    },
    {
      name: 'reported on the later claim whichever side is the benefit',
      files: pair(claim('no-benefit'), claim('benefit')),
      findings: [{ ...at, severity: 'error', message: /benefit here, no-benefit in a\/migraine/ }],
    },
    {
      name: 'a nested population counts as the same',
      files: pair(claim('benefit', '{ population: migraine }'), claim('no-benefit', '{ population: migraine with prolonged aura }')),
      findings: [{ ...at, severity: 'error' }],
    },
    {
      name: 'IV and intravenous are the same route (built-in vocabulary)',
      files: pair(claim('benefit', '{ intervention: { agent: ketamine, route: intravenous } }'), claim('no-benefit', '{ intervention: IV ketamine }')),
      findings: [{ ...at, severity: 'error', message: /^Conflicting effect/ }],
    },
    {
      name: 'a facet only one side states: a warning naming it',
      files: pair(claim('benefit', '{ outcome: migraine severity }'), claim('no-benefit', '{ outcome: migraine severity, population: adults with chronic migraine }')),
      findings: [
        {
          ...at,
          severity: 'warning',
          message:
            'Possibly conflicting effect of ketamine on migraine: no-benefit here, benefit in a/migraine (stated by only one claim: population); state the context so readers can tell whether the results disagree',
        },
      ],
    },
    {
      name: 'a facet that differs, with differentContext: demote: a warning naming it',
      options: { differentContext: 'demote' },
      files: pair(claim('benefit', '{ intervention: { agent: ketamine, route: intranasal } }'), claim('no-benefit', '{ intervention: { agent: ketamine, route: intravenous } }')),
      findings: [
        {
          ...at,
          severity: 'warning',
          message:
            'Opposite effects of ketamine on migraine in different contexts: no-benefit here, benefit in a/migraine (context differs in intervention (route)); say which context each result holds for',
        },
      ],
    },
    {
      name: 'a different and an unknown facet are both named (differentContext: demote)',
      options: { differentContext: 'demote' },
      files: pair(claim('benefit', '{ intervention: intranasal ketamine, setting: emergency department }'), claim('no-benefit', '{ intervention: intravenous ketamine }')),
      findings: [{ ...at, severity: 'warning', message: /\(context differs in intervention \(route\); stated by only one claim: setting\)/ }],
    },
    {
      name: 'one benefit against two opposite claims: one finding per pair',
      files: { ...pair(claim('benefit'), claim('no-benefit')), 'claims/c.yaml': source('c') + claim('harm') },
      findings: [
        { ...at, severity: 'error' },
        { rule, severity: 'error', file: 'claims/c.yaml', line: 11, column: 12, claim: 'c/migraine', related: ['a/migraine'] },
      ],
    },
    {
      name: 'subject aliases from the vocabulary',
      vocabulary: { subjects: { esketamine: ['spravato'] } },
      files: pair(claim('benefit').replace('ketamine', 'esketamine'), claim('no-benefit').replace('ketamine', 'Spravato')),
      findings: [{ ...at, severity: 'error', message: /^Conflicting effect of Spravato on migraine/ }],
    },
  ],
});

import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'source/notice';

/** A source with the given source-level lines (after `kind`, from line 5) and references. */
const source = (extra = '', refs = '') => yaml`
  source:
    id: review
    title: Ketamine in the past, present and future
    kind: narrative-review
${extra}${refs ? `    references:\n${refs}` : ''}`;

const claim = (id: string, cites?: string) => `  - id: ${id}
    text: "Ketamine might work best in nociplastic pain"
    subject: ketamine
    aspect: efficacy
    property: nociplastic-pain
    value: { effect: benefit }
${cites ? `    evidence:\n      - cites: ${cites}\n` : ''}`;

const notice = (type: string, indent = '    ', date = '') => `${indent}notices:\n${indent}  - type: ${type}\n${date ? `${indent}    date: ${date}\n` : ''}`;

/** Reference "1" with a notice of the given type; "2" without. */
const refs = (type: string, date = '') => `      - id: "1"\n        title: A retracted trial\n${notice(type, '        ', date)}      - id: "2"\n        title: A sound trial\n`;

RuleTester.run('source/notice', {
  valid: [
    { name: 'no notices', yaml: source('', refs('erratum').replace(/        notices:[\s\S]*?(?=      - id: "2")/, '')) + 'claims:\n' + claim('a', '["1"]') },
    { name: 'an empty notices list', yaml: source('    notices: []\n') + 'claims:\n' + claim('a') },
    {
      name: 'a type switched off, on a cited and an uncited reference',
      options: { severities: { retraction: 'off' } },
      yaml: source('', refs('retraction') + '      - id: "3"\n' + notice('retraction', '        ')) + 'claims:\n' + claim('a', '["1", "2"]'),
    },
    { name: 'a type switched off', options: { severities: { erratum: 'off' } }, yaml: source(notice('erratum')) + 'claims:\n' + claim('a') },
    {
      name: 'a notice in another source does not concern this one',
      files: { 'claims/a.yaml': source('', refs('retraction')) + 'claims:\n' + claim('a', '["1"]'), 'claims/b.yaml': source('', refs('retraction')).replace('id: review', 'id: other') + 'claims:\n' + claim('a', '["2"]') },
      options: { severities: { retraction: 'off' } },
    },
  ],
  invalid: [
    {
      name: 'an erratum on the source: info, once, at the notice, with its claims related',
      yaml: source(notice('erratum')) + 'claims:\n' + claim('a') + claim('b'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 6,
          column: 13,
          claim: null,
          related: ['review/a', 'review/b'],
          message: 'Source "review" carries an erratum: check the claims that rest on it against the corrected version (2 claims drawn from it)',
        },
      ],
    },
    {
      name: 'a retraction on the source: error, with its date',
      yaml: source(notice('retraction', '    ', '2022-03-01')) + 'claims:\n' + claim('a'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 6,
          column: 13,
          message:
            'Source "review" carries a retraction notice (2022-03-01): do not rely on it; remove the claims that rest on it, or support them with another source (1 claim drawn from it)',
        },
      ],
    },
    {
      name: 'an expression of concern on the source: warning',
      yaml: source(notice('expression-of-concern')) + 'claims:\n' + claim('a'),
      findings: [{ rule, severity: 'warning', line: 6, column: 13, message: /carries an expression of concern: treat it with caution/ }],
    },
    {
      name: 'a correction on the source: info',
      yaml: source(notice('correction')),
      findings: [{ rule, severity: 'info', line: 6, column: 13, message: /carries a correction: .*\(0 claims drawn from it\)/ }],
    },
    {
      name: 'two notices on the source: one finding each',
      yaml: source('    notices:\n      - type: erratum\n      - type: retraction\n') + 'claims:\n' + claim('a'),
      findings: [
        { rule, severity: 'info', line: 6, column: 13 },
        { rule, severity: 'error', line: 7, column: 13 },
      ],
    },
    {
      name: 'a retracted reference: one finding per citing claim, at the citation, the reference related',
      yaml: source('', refs('retraction')) + 'claims:\n' + claim('a', '["1"]') + claim('b', '["2", "1"]'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 20,
          column: 17,
          claim: 'review/a',
          related: ['review#1'],
          message: 'Claim "a" cites reference "1", which carries a retraction notice: do not rely on it; remove the claims that rest on it, or support them with another source',
        },
        { rule, severity: 'error', line: 28, column: 22, claim: 'review/b', related: ['review#1'] },
      ],
    },
    {
      name: 'a reference cited twice by one claim: one finding',
      yaml: source('', refs('expression-of-concern')) + 'claims:\n' + claim('a', '["1"]') + '      - cites: ["1"]\n',
      findings: [{ rule, severity: 'warning', line: 20, column: 17, claim: 'review/a', message: /cites reference "1", which carries an expression of concern/ }],
    },
    {
      name: 'a reference with several notices: its most severe',
      yaml:
        source('', '      - id: "1"\n        notices:\n          - type: erratum\n          - type: retraction\n          - type: correction\n') + 'claims:\n' + claim('a', '["1"]'),
      findings: [{ rule, severity: 'error', line: 19, column: 17, message: /retraction notice/ }],
    },
    {
      name: 'a reference with a notice that no claim cites: at the notice',
      yaml: source('', refs('correction', '2020-05')) + 'claims:\n' + claim('a', '["2"]'),
      findings: [
        {
          rule,
          severity: 'info',
          line: 9,
          column: 17,
          claim: null,
          message: 'Reference "1" of review carries a correction (2020-05): check the claims that rest on it against the corrected version',
        },
      ],
    },
    {
      name: 'severities from the options',
      options: { severities: { erratum: 'warning' } },
      yaml: source(notice('erratum'), refs('retraction')) + 'claims:\n' + claim('a', '["1"]'),
      findings: [
        { rule, severity: 'warning', line: 6, column: 13, message: /carries an erratum/ },
        { rule, severity: 'error', line: 22, column: 17, message: /retraction notice/ },
      ],
    },
  ],
});

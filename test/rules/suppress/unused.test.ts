import { RuleTester, yaml } from '../../helpers/rule-tester.js';

/** A claim with no evidence (evidence/none fires at line 11, the text). */
const withComment = (comment: string, where: 'above-text' | 'on-text' | 'top') => {
  const top = where === 'top' ? `${comment}\n` : '';
  const above = where === 'above-text' ? `    ${comment}\n` : '';
  const on = where === 'on-text' ? `  ${comment}` : '';
  return (
    top +
    yaml`
      source:
        id: s
        title: A source
        kind: blog
      claims:
        - id: bare
          subject: ketamine
          aspect: history
          property: age
    ` +
    above +
    `    text: "Ketamine is one of the oldest medications around."${on}\n`
  );
};

RuleTester.run('suppress/unused', {
  valid: [
    { name: 'next-line directive that suppresses a finding', alsoEnable: ['evidence/none'], yaml: withComment('# claimlint-disable-next-line evidence/none -- quoted as the source says it', 'above-text') },
    { name: 'same-line directive', alsoEnable: ['evidence/none'], yaml: withComment('# claimlint-disable-line evidence/none -- quoted', 'on-text') },
    { name: 'file-wide directive', alsoEnable: ['evidence/none'], yaml: withComment('# claimlint-disable evidence/none -- a marketing page', 'top') },
    { name: 'directive for all rules', alsoEnable: ['evidence/none'], yaml: withComment('# claimlint-disable-next-line -- whole claim under review', 'above-text') },
    { name: 'text that merely mentions a directive inside quotes is not one', yaml: withComment('', 'top').replace('the oldest medications around.', 'the oldest # claimlint-disable medications') },
  ],
  invalid: [
    {
      name: 'a directive for a rule that reports nothing there',
      alsoEnable: ['evidence/none'],
      yaml: withComment('# claimlint-disable-next-line refs/unused -- wrong rule', 'above-text'),
      findings: [{ rule: 'suppress/unused', severity: 'warning', line: 10, column: 5, message: 'claimlint-disable-next-line refs/unused suppresses nothing: remove it' }],
    },
    {
      name: 'a directive on the wrong line',
      alsoEnable: ['evidence/none'],
      yaml: withComment('# claimlint-disable-line evidence/none -- wrong line', 'top'),
      findings: [{ rule: 'suppress/unused', severity: 'warning', line: 1, column: 1 }],
    },
    {
      name: 'one of two rules unused',
      alsoEnable: ['evidence/none'],
      yaml: withComment('# claimlint-disable-next-line evidence/none, refs/unused -- two', 'above-text'),
      findings: [{ rule: 'suppress/unused', severity: 'warning', line: 10, column: 5, message: /names refs\/unused, which reported nothing here: remove it/ }],
    },
  ],
});

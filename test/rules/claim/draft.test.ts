import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'claim/draft';
const register = (draft: string) => yaml`
  source:
    id: post
    title: A post
    kind: blog
  claims:
    - id: c
      text: Ketamine relieves pain
      subject: ketamine
      aspect: efficacy
      property: pain
` + draft;

RuleTester.run('claim/draft', {
  valid: [{ name: 'reviewed: no mark', yaml: register('') }, { name: 'draft: false', yaml: register('    draft: false\n') }],
  invalid: [
    {
      name: 'draft: true, at the mark',
      yaml: register('    draft: true\n'),
      findings: [{ rule, severity: 'info', line: 11, column: 5, claim: 'post/c', message: 'Draft claim "c": review subject, property and context, then remove "draft: true"' }],
    },
  ],
});

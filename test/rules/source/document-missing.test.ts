import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'source/document-missing';
const register = (document: string) => yaml`
  source:
    id: post
    title: A post
    kind: blog
    document: ${document}
`;

RuleTester.run('source/document-missing', {
  valid: [
    { name: 'the document exists', yaml: register('sources/post.md'), documents: { 'sources/post.md': '# Post\n' } },
    { name: 'no document named', yaml: register('x').replace(/ {2}document: .*\n/, '') },
  ],
  invalid: [
    {
      name: 'a path that does not exist: at document',
      yaml: register('sources/psot.md'),
      documents: { 'sources/post.md': '# Post\n' },
      findings: [
        {
          rule,
          severity: 'error',
          line: 5,
          column: 13,
          message:
            'Source "post" names the document sources/psot.md, which does not exist or cannot be read (document paths are relative to the folder of claimlint.config.yaml): correct the path, or add the document',
        },
      ],
    },
  ],
});

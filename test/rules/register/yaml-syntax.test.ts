import { expect, it } from 'vitest';
import { RuleTester, runCase, yaml } from '../../helpers/rule-tester.js';

const good = yaml`
  source:
    id: good
    title: A good source
    kind: blog
  claims:
    - id: origin
      text: "Ketamine was first made in 1962"
      subject: ketamine
      aspect: history
      property: origin
      value: { year: 1962 }
`;

const unclosedQuote = yaml`
  source:
    id: bad
    title: A bad source
    kind: blog
  claims:
    - id: origin
      text: "Ketamine was first made in 1962
`;

RuleTester.run('register/yaml-syntax', {
  valid: [
    good,
    { name: 'an empty file is valid YAML (register/schema reports it)', yaml: '' },
    { name: 'a file with only comments is valid YAML', yaml: '# nothing here yet\n' },
    { name: 'a top-level list is valid YAML (register/schema reports it)', yaml: '- source: a\n- source: b\n' },
    { name: 'flow style and quoted keys', yaml: '{ "source": { id: a, title: "T: with a colon", kind: blog }, claims: [] }\n' },
    { name: 'a schema error is not a syntax error', yaml: good.replace('aspect: history', 'aspect: histroy') },
    {
      name: 'the same key in different mappings is not a duplicate',
      yaml: good + '  - id: other\n    text: "t"\n    subject: ketamine\n    aspect: history\n    property: origin\n',
    },
  ],
  invalid: [
    {
      // The parser gives up at the end of input; the finding is clamped onto the file's last line, inside the file.
      name: 'an unclosed quote, reported where the parser gives up (the end of the last line)',
      yaml: unclosedQuote,
      findings: [
        {
          rule: 'register/yaml-syntax',
          severity: 'error',
          line: 7,
          column: 43,
          claim: null,
          message: 'Invalid YAML: Missing closing "quote. Fix the syntax; the file is skipped until then',
        },
      ],
    },
    {
      name: 'bad indentation',
      yaml: 'source:\n  id: a\n  title: T\n   kind: blog\n',
      findings: [{ rule: 'register/yaml-syntax', severity: 'error', line: 3, column: 10, message: /^Invalid YAML: Nested mappings are not allowed/ }],
    },
    {
      name: 'tabs as indentation',
      yaml: 'source:\n\tid: a\n',
      findings: [{ rule: 'register/yaml-syntax', severity: 'error', line: 2, column: 1, message: /Tabs are not allowed as indentation/ }],
    },
    {
      name: 'an unclosed flow mapping',
      yaml: 'source: { id: a, title: T, kind: blog\nclaims: []\n',
      findings: [{ rule: 'register/yaml-syntax', severity: 'error', line: 2, column: 1, message: /Flow map .* end with a \}/ }],
    },
    {
      name: 'an unclosed flow sequence',
      yaml: 'source:\n  id: a\n  title: T\n  kind: blog\nclaims:\n  - id: x\n    text: [a, b\n',
      findings: [{ rule: 'register/yaml-syntax', severity: 'error', line: 7, column: 16, message: /Flow sequence .* end with a \]/ }],
    },
    {
      name: 'a duplicate key, at the second occurrence',
      yaml: 'source:\n  id: a\n  title: T\n  kind: blog\n  id: b\n',
      findings: [{ rule: 'register/yaml-syntax', severity: 'error', line: 5, column: 3, message: /Map keys must be unique/ }],
    },
    {
      name: 'only the first error of a file is reported',
      yaml: 'source:\n  id: a\n  id: b\n  title: "T\n',
      findings: [{ rule: 'register/yaml-syntax', severity: 'error', line: 3, column: 3, message: /Map keys must be unique/ }],
    },
    {
      name: 'one bad file among good ones: only the bad one is reported',
      files: { 'claims/bad.yaml': unclosedQuote, 'claims/good.yaml': good },
      findings: [{ rule: 'register/yaml-syntax', severity: 'error', file: 'claims/bad.yaml', line: 7, column: 43 }],
    },
  ],
});

it('register/yaml-syntax: the claims of the good file are still loaded and checked', async () => {
  const findings = await runCase('evidence/none', { files: { 'claims/bad.yaml': unclosedQuote, 'claims/good.yaml': good } });
  expect(findings.map((f) => `${f.file} ${f.claim}`)).toEqual(['claims/good.yaml good/origin']);
});

/**
 * Every rule has all its parts (ESLint's checkRuleFiles): a YAML definition
 * in rules/, a check kind in src/checks/, a docs page, a RuleTester test and
 * a row in the README's rule table with its default severity.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../src/checks/index.js';
import { resolveSetup } from '../src/engine/run/linter.js';
import { loadRuleFile } from '../src/engine/run/rules.js';

const root = join(import.meta.dirname, '..');
const setup = await resolveSetup({ cwd: root, config: {} });
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe.each([...setup.rules.values()].map((r) => [r.definition.id, r] as const))('%s', (id, rule) => {
  it('has its YAML definition at rules/<id>.yaml', () => {
    expect(rule.file).toBe(join(root, 'rules', `${id}.yaml`));
  });

  it('passes the full checks of a user rule file (built-in rules are not validated again at start)', async () => {
    // loadRuleFile skips the schema checks for built-in rule files: this test is what keeps them valid.
    const checked = await loadRuleFile(rule.file, true, root, { validate: true });
    expect(checked.options).toEqual(rule.options);
    expect(checked.messages).toEqual(rule.messages);
    expect(checked.definition).toEqual(rule.definition);
  });

  it('extends a check kind implemented in src/checks/<kind>.ts', () => {
    expect(CHECK_KINDS[rule.definition.extends]).toBeDefined();
    expect(existsSync(join(root, 'src', 'checks', `${rule.definition.extends}.ts`))).toBe(true);
  });

  it('has its docs page at docs/rules/<id>.md, linked from the definition', () => {
    expect(rule.definition.docs).toBe(`docs/rules/${id}.md`);
    const page = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
    expect(page.split('\n')[0]).toBe(`# ${id}`);
    for (const heading of ['## What it flags', '## Why', '## Options', '## Examples']) expect(page).toContain(heading);
    expect(page).toContain('```yaml incorrect');
    expect(page).toContain('```yaml correct');
  });

  it('has its RuleTester test at test/rules/<id>.test.ts', () => {
    const test = readFileSync(join(root, 'test', 'rules', `${id}.test.ts`), 'utf8');
    expect(test).toContain(`RuleTester.run('${id}'`);
  });

  it('names the standard it is grounded in', () => {
    expect(rule.definition.standard).toMatch(/\S/);
  });

  it('has a row in the README rule table with its default severity', () => {
    const row = readme.split('\n').find((l) => l.startsWith(`| [\`${id}\`](docs/rules/${id}.md) |`));
    expect(row, `README row for ${id}`).toBeDefined();
    expect(row!.split('|')[2]!.trim()).toBe(rule.definition.severity);
  });
});

it('every check kind is used by at least one built-in rule', () => {
  const used = new Set([...setup.rules.values()].map((r) => r.definition.extends));
  expect(Object.keys(CHECK_KINDS).filter((k) => !used.has(k))).toEqual([]);
});

/**
 * Every claim file shown in the docs (a ```yaml block that starts with
 * `source:`, in README.md and docs/*.md; the rule pages are run by
 * docs-examples.test.ts) is a valid claim file: no YAML or schema finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { expect, it } from 'vitest';
import { lintTexts } from '../src/engine/run/linter.js';

const ROOT = join(import.meta.dirname, '..');
const PAGES = ['README.md', ...fg.sync('docs/*.md', { cwd: ROOT }).sort()];
const EXAMPLES = PAGES.flatMap((page) => {
  const markdown = readFileSync(join(ROOT, page), 'utf8');
  return [...markdown.matchAll(/^```yaml\n(source:\n[\s\S]*?)^```$/gm)].map((m) => ({ page, line: markdown.slice(0, m.index).split('\n').length, text: m[1]! }));
});

it('finds the claim file examples', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
});

it.each(EXAMPLES.map((e) => [`${e.page} line ${e.line}`, e] as const))('%s is a valid claim file', async (_name, example) => {
  const { findings } = await lintTexts([{ path: 'claims/example.yaml', text: example.text }], { cwd: '/virtual', only: ['register/yaml-syntax', 'register/schema'] });
  expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
});

/**
 * The examples in docs/rules/*.md are executed: every ```yaml incorrect
 * block must produce a finding of its rule (with only that rule enabled),
 * every ```yaml correct block none. A block is one claim file, or several:
 * a line `# file: <path>` starts each. A part whose path is a source
 * document (`.md`, `.html`, `.txt`) is given as that document, not parsed as
 * a claim file; `# content: <glob>` sets the configuration's `content:`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '../src/engine/run/linter.js';
import { isDocumentPath } from '../src/engine/document/document.js';

const docsDir = join(import.meta.dirname, '..', 'docs', 'rules');
const pages = fg.sync('**/*.md', { cwd: docsDir }).sort();

interface Example {
  kind: 'correct' | 'incorrect';
  line: number;
  files: Array<{ path: string; text: string }>;
  /** A `# file: <name>.csv` part: the retraction list, as `--retractions <name>.csv` gives it. */
  retractions?: string;
}

function examplesOf(markdown: string): Example[] {
  const out: Example[] = [];
  const re = /^```yaml (correct|incorrect)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(re)) {
    const body = m[2]!;
    const line = markdown.slice(0, m.index).split('\n').length;
    const parts = body.split(/^# file: (.+)\n/m);
    const files: Example['files'] = [];
    if (parts[0]!.trim() !== '' || parts.length === 1) files.push({ path: 'claims/example.yaml', text: parts[0]! });
    let retractions: string | undefined;
    for (let i = 1; i < parts.length; i += 2) {
      if (parts[i]!.trim().endsWith('.csv')) retractions = parts[i + 1]!;
      else files.push({ path: parts[i]!.trim(), text: parts[i + 1]! });
    }
    out.push({ kind: m[1] as Example['kind'], line, files, ...(retractions !== undefined ? { retractions } : {}) });
  }
  return out;
}

it('finds the rule docs pages', () => {
  expect(pages.length).toBeGreaterThanOrEqual(12);
});

describe.each(pages)('docs/rules/%s', (page) => {
  const id = page.replace(/\.md$/, '');
  const examples = examplesOf(readFileSync(join(docsDir, page), 'utf8'));

  it('has at least one incorrect and one correct example', () => {
    expect(examples.filter((e) => e.kind === 'incorrect').length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.kind === 'correct').length).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [`${e.kind} example at line ${e.line}`, e] as const))('%s', async (_name, example) => {
    const documents = example.files.filter((f) => isDocumentPath(f.path));
    const content = [...example.files.flatMap((f) => [...f.text.matchAll(/^# content: (.+)$/gm)].map((m) => m[1]!.trim()))];
    const result = await lintTexts(
      example.files.filter((f) => !isDocumentPath(f.path)),
      {
      cwd: '/virtual',
      only: [id],
      contents: new Map(documents.map((d) => [`/virtual/${d.path}`, d.text])),
      ...(content.length ? { config: { content } } : {}),
      ...(example.retractions !== undefined ? { retractionsCsv: example.retractions } : {}),
      },
    );
    const mine = result.findings.filter((f) => f.rule === id);
    if (example.kind === 'incorrect') expect(mine.length).toBeGreaterThan(0);
    else expect(mine.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });
});

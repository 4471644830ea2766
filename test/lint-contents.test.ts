/**
 * `lint({ contents })`: texts that stand in for register files (an editor's
 * unsaved buffer, `--stdin`), checked within the whole register on disk.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run/linter.js';
import { LintSession } from '../src/engine/run/session.js';

const root = join(import.meta.dirname, '..');

describe('lint({ contents })', () => {
  it('lints a file that is not on disk within the register, and reports it against the register', async () => {
    const path = join(root, 'claims', 'unsaved.yaml');
    const text = 'source:\n  id: zaki-2025\n  title: A second source with a taken id\n  kind: blog\nclaims: []\n';
    const result = await lint({ cwd: root, patterns: ['claims/unsaved.yaml'], contents: new Map([[path, text]]) });
    const dup = result.findings.filter((f) => f.rule === 'register/duplicate-id');
    expect(dup).toHaveLength(1);
    // The later file in path order carries it; the other is related.
    expect(dup[0]).toMatchObject({ file: 'claims/zaki-2025.yaml', line: 3, column: 7, severity: 'error' });
    expect(dup[0]!.related.map((r) => r.file)).toEqual(['claims/unsaved.yaml']);
  });

  it('uses the given text in place of the file on disk', async () => {
    const path = join(root, 'claims', 'zaki-2025.yaml');
    const onDisk = readFileSync(path, 'utf8');
    const edited = onDisk.replace('  id: zaki-2025\n', '  id: zaki-2025\n  bogus_field: 1\n');
    expect(edited).not.toBe(onDisk);
    const result = await lint({ cwd: root, patterns: ['claims/zaki-2025.yaml'], contents: new Map([[path, edited]]) });
    const schema = result.findings.filter((f) => f.rule === 'register/schema' && f.file === 'claims/zaki-2025.yaml');
    expect(schema.map((f) => [f.line, f.column])).toEqual([[4, 3]]);
  });

  it('counts a given text as own content when its path matches the content globs, though no file is there yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-contents-'));
    try {
      mkdirSync(join(dir, 'claims'));
      writeFileSync(join(dir, 'claimlint.config.yaml'), 'files: ["claims/*.yaml"]\ncontent: ["content/**/*.md"]\n');
      writeFileSync(join(dir, 'claims/a.yaml'), 'source:\n  id: a\n  title: A\n  kind: blog\nclaims: []\n');
      // A new article open in an editor, not saved yet.
      const article = join(dir, 'content/new.md');
      const contents = new Map([[article, '# New\n\nKetamine was first synthesized in 1962.\n']]);
      const where = (fs: Array<{ rule: string; file: string; line: number }>) => fs.filter((f) => f.rule === 'claim/unregistered').map((f) => `${f.file}:${f.line}`);
      expect(where((await lint({ cwd: dir, contents })).findings)).toEqual(['content/new.md:3']);
      // The language server's session reads documents the same way.
      expect(where((await LintSession.open({ cwd: dir, contents })).findings())).toEqual(['content/new.md:3']);
      // Without the text, nothing is there.
      expect(where((await lint({ cwd: dir })).findings)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

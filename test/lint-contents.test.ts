/**
 * `lint({ contents })`: texts that stand in for register files (an editor's
 * unsaved buffer, `--stdin`), checked within the whole register on disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run/linter.js';

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
});

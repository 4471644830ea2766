/**
 * A run given files (a pre-commit hook) reports exactly the findings of a
 * full run that those files touch: located in one of them, or naming one of
 * their claims or references. The checks skip work whose findings would be
 * out of scope (groups without a given claim, conflict findings naming no
 * given claim); this proves the skipping changes nothing, file by file.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run/linter.js';
import { generateRegister } from '../scripts/generate-register.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('a run given files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimlint-given-'));
    generateRegister(dir, { claims: 800, files: 16, seed: 5 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports what a full run reports in or about those files, for every file of a generated register', async () => {
    const full = await lint({ cwd: dir, now: NOW });
    const files = readdirSync(join(dir, 'claims')).filter((n) => n.endsWith('.yaml')).sort().map((n) => `claims/${n}`);
    expect(files.length).toBe(16);
    let conflicts = 0;
    for (const file of files) {
      const given = await lint({ cwd: dir, now: NOW, patterns: [file] });
      const want = full.findings.filter((f) => f.file === file || f.related.some((r) => r.file === file));
      expect(given.findings.map((f) => JSON.stringify(f)), file).toEqual(want.map((f) => JSON.stringify(f)));
      conflicts += want.filter((f) => f.rule.startsWith('conflict/') && f.file !== file).length;
    }
    // Findings located in other files but naming a given file's claims are among those compared.
    expect(conflicts).toBeGreaterThan(0);
  });
});

/**
 * The language server's engine adapter: debounced runs that never pile up
 * while someone types faster than the register can be checked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspEngine } from '../../src/lsp/engine.js';
import { project } from '../helpers/cli.js';

const FILE = `source:\n  id: alpha\n  title: Alpha\n  kind: blog\nclaims: []\n`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LspEngine', () => {
  it('runs once for every change made while a run waits for the one in progress, with the latest text', async () => {
    const dir = project({ 'claims/alpha.yaml': FILE });
    const path = join(dir, 'claims', 'alpha.yaml');
    const engine = new LspEngine(dir, { debounceMs: 1 });
    engine.setText(path, FILE, 1);
    const first = engine.relint(path);
    await sleep(5); // the first run has started (it loads the rules: far longer than these waits)
    engine.setText(path, FILE.replace('kind: blog', 'kind: blgo'), 2);
    const second = engine.relint(path);
    await sleep(5); // queued behind the first run
    engine.setText(path, FILE.replace('kind: blog', 'kind: news'), 3);
    const third = engine.relint(path);
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    const outcome = await third;
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.snapshot.versions.get(path)).toBe(3);
    expect(outcome.snapshot.findingsIn(path).map((f) => f.rule)).not.toContain('register/schema');
  });

  it('reports a broken configuration as a located problem, and recovers when it is fixed', async () => {
    const dir = project({ 'claims/alpha.yaml': FILE, 'claimlint.config.yaml': 'rules:\n  nosuch/rule: off\n' });
    const engine = new LspEngine(dir, { debounceMs: 1 });
    const bad = await engine.relint();
    expect(bad).toMatchObject({ ok: false, problem: { file: join(dir, 'claimlint.config.yaml'), line: 2, column: 3 } });
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'rules: {}\n');
    engine.fileChanged(join(dir, 'claimlint.config.yaml'));
    expect((await engine.relint()).ok).toBe(true);
  });
});

/**
 * The language server's engine adapter: debounced runs that never pile up
 * while someone types faster than the register can be checked.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspEngine, type EngineSnapshot } from '../../src/lsp/engine.js';
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

  it('updates the files that changed only and says whose findings changed; a configuration change reopens', async () => {
    const claim = (source: string, year: number) =>
      `source:\n  id: ${source}\n  title: ${source}\n  kind: blog\n  published: 2021\nclaims:\n  - id: made\n    text: "Ketamine was made in ${year}."\n    subject: ketamine\n    aspect: history\n    property: first-synthesis\n    value: {year: ${year}}\n`;
    const dir = project({ 'claims/a.yaml': claim('a', 1962), 'claims/b.yaml': claim('b', 1962), 'claims/c.yaml': FILE });
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(dir, 'claims', `${n}.yaml`)) as [string, string, string];
    const engine = new LspEngine(dir, { debounceMs: 1 });
    const run = async () => {
      const o = await engine.relint();
      if (!o.ok) throw new Error(o.problem.message);
      return o.snapshot;
    };
    expect((await run()).changed).toBe('all');

    // A conflict made in a: b holds the finding; c, unrelated, is not among the files whose findings changed.
    const changed = (s: EngineSnapshot) => (s.changed === 'all' ? ['all'] : [...s.changed]);
    engine.setText(a, claim('a', 1990), 2);
    let s = await run();
    expect(changed(s)).toContain(b);
    expect(changed(s)).not.toContain(c);
    expect(s.findingsIn(b).map((f) => f.rule)).toContain('conflict/value');
    expect(s.claims()['a/made']?.value).toContain('1990');

    // Closed unsaved: the disk counts again, the conflict goes.
    engine.setText(a, undefined);
    s = await run();
    expect(changed(s)).toContain(b);
    expect(changed(s)).not.toContain(c);
    expect(s.findingsIn(b).map((f) => f.rule)).not.toContain('conflict/value');
    expect(s.claims()['a/made']?.value).toContain('1962');

    // A file deleted on disk, and one created.
    rmSync(b);
    engine.fileChanged(b);
    s = await run();
    expect(changed(s)).toContain(b);
    expect(changed(s)).not.toContain(c);
    expect(s.claims()['b/made']).toBeUndefined();
    writeFileSync(join(dir, 'claims', 'd.yaml'), claim('d', 1990));
    engine.fileChanged(join(dir, 'claims', 'd.yaml'));
    s = await run();
    expect(s.findingsIn(join(dir, 'claims', 'd.yaml')).map((f) => f.rule)).toContain('conflict/value');

    // The configuration changed: reopened with it.
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'rules:\n  conflict/value: off\n');
    engine.fileChanged(join(dir, 'claimlint.config.yaml'));
    s = await run();
    expect(s.changed).toBe('all');
    expect(s.findingsIn(join(dir, 'claims', 'd.yaml')).map((f) => f.rule)).not.toContain('conflict/value');
    expect(s.rules.get('conflict/value')?.severity).toBe('off');
  });

  it('treats a folder without claim files as an empty register, and lints a claim file that appears', async () => {
    const dir = project({ 'claimlint.config.yaml': 'rules: {}\n' });
    const engine = new LspEngine(dir, { debounceMs: 1 });
    const empty = await engine.relint();
    expect(empty.ok && empty.snapshot.byFile().size).toBe(0);
    const path = join(dir, 'claims', 'alpha.yaml');
    mkdirSync(join(dir, 'claims'));
    writeFileSync(path, FILE.replace('kind: blog', 'kind: blgo'));
    engine.fileChanged(path);
    const outcome = await engine.relint();
    expect(outcome.ok && outcome.snapshot.findingsIn(path).map((f) => f.rule)).toContain('register/schema');
  });
});

/**
 * The incremental engine: after any sequence of edits, a session's findings
 * equal a cold lint of the register as it then is on disk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../src/checks/index.js';
import { lint, resolveSetup } from '../src/engine/run/linter.js';
import { CHECK_SCOPES, LintSession, type SessionState } from '../src/engine/run/session.js';
import { generateRegister } from '../scripts/generate-register.js';
import { copyRegister, randomEdit, rng } from './helpers/edits.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const root = join(import.meta.dirname, '..');

/** A result line by line: the summary, each finding, then the register's citations and disagreements (json, html). */
function lines(r: Awaited<ReturnType<typeof lint>>): string[] {
  return [JSON.stringify(r.summary), ...r.findings.map((f) => JSON.stringify(f)), JSON.stringify(r.citations), JSON.stringify(r.disagreements)];
}

async function coldJson(cwd: string): Promise<string[]> {
  return lines(await lint({ cwd, now: NOW }));
}

async function sessionJson(s: LintSession): Promise<string[]> {
  return lines(await s.result());
}

/** The first lines that differ (short, so that a failure is readable); [] when equal line for line. */
function difference(got: string[], want: string[]): string[] {
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    if (got[i] !== want[i]) return [`at ${i} of ${got.length}/${want.length}`, `got:  ${got[i]?.slice(0, 300)}`, `want: ${want[i]?.slice(0, 300)}`];
  }
  return [];
}

async function editAndCompare(dir: string, seed: number, steps: number): Promise<void> {
  const session = await LintSession.open({ cwd: dir, now: NOW });
  expect(difference(await sessionJson(session), await coldJson(dir))).toEqual([]);
  const rand = rng(seed);
  for (let i = 0; i < steps; i++) {
    const edit = randomEdit(dir, rand);
    const before = session.findings();
    const changed = await session.updateMany(edit.paths.map((path) => ({ path })));
    const got = await sessionJson(session);
    expect(difference(got, await coldJson(dir)), `step ${i}: ${edit.what}`).toEqual([]);
    // The files reported as changed are exactly those whose findings differ.
    const files = new Set([...before, ...session.findings()].map((f) => f.file));
    const differ = [...files].filter(
      (f) => JSON.stringify(before.filter((x) => x.file === f)) !== JSON.stringify(session.findings().filter((x) => x.file === f)),
    );
    expect(changed.filter((f) => files.has(f)).sort(), `step ${i}: changed files`).toEqual(differ.sort());
  }
}

/** A claim dating its subject to a decade, and a claim file holding claims (for the tests of which groups run). */
const claim = (id: string, decade: number, subject = 'ketamine') =>
  `  - id: ${id}\n    text: "It dates from the ${decade}s."\n    subject: ${subject}\n    aspect: history\n    property: origin\n    value: { decade: ${decade} }\n`;
const file = (id: string, claims: string) => `source:\n  id: ${id}\n  title: ${id}\n  kind: blog\nclaims:\n${claims}`;

/** A session running conflict/value only, recording the claims of every register the rule is run over. */
async function recordingSession(dir: string, state?: SessionState): Promise<{ session: LintSession; seen: string[][] }> {
  writeFileSync(join(dir, 'claimlint.config.yaml'), 'files: ["*.yaml"]\nignores: ["claimlint.config.yaml"]\n');
  const setup = await resolveSetup({ cwd: dir, now: NOW, only: ['conflict/value'] });
  const rule = setup.rules.get('conflict/value')!;
  const seen: string[][] = [];
  const kind = rule.kind;
  rule.kind = { ...kind, run: (ctx) => (seen.push(ctx.register.claims.map((c) => c.fullId)), kind.run(ctx)) };
  const session = await LintSession.open({ cwd: dir, now: NOW, only: ['conflict/value'], setup, ...(state ? { state } : {}) });
  return { session, seen };
}

describe('LintSession', () => {
  it('classifies every built-in check kind', () => {
    expect(Object.keys(CHECK_SCOPES).sort()).toEqual(Object.keys(CHECK_KINDS).sort());
  });

  it('equals a cold lint after random edits to the bundled register', { timeout: 120_000 }, async () => {
    const dir = copyRegister(root);
    try {
      await editAndCompare(dir, 7, 30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('equals a cold lint after random edits to a generated register', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-session-'));
    try {
      generateRegister(dir, { claims: 600, files: 12, seed: 3 });
      await editAndCompare(dir, 11, 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-runs a rule over the touched groups only, and reports which files changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-session-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), file('a', claim('x', 1950)));
      writeFileSync(join(dir, 'b.yaml'), file('b', claim('y', 1950)));
      writeFileSync(join(dir, 'c.yaml'), file('c', claim('z', 1970, 'lithium')));
      const { session, seen } = await recordingSession(dir);
      expect(session.findings()).toEqual([]);
      expect(seen).toEqual([['a/x', 'b/y', 'c/z']]);
      const changed = await session.update(join(dir, 'b.yaml'), file('b', claim('y', 1960)));
      // Only the group the edited claim belongs to is linted again.
      expect(seen[1]).toEqual(['a/x', 'b/y']);
      // The pair is reported on the later claim, the earlier one related.
      expect(changed).toEqual(['b.yaml']);
      expect(session.findings().map((f) => [f.file, f.claim, f.related.map((r) => r.claim)])).toEqual([['b.yaml', 'b/y', ['a/x']]]);
      // An edit in another group changes nothing; deleting b clears the finding.
      expect(await session.update(join(dir, 'c.yaml'), file('c', claim('z', 1980, 'lithium')))).toEqual([]);
      expect(session.findings()).toHaveLength(1);
      expect(await session.update(join(dir, 'b.yaml'), null)).toEqual(['b.yaml']);
      expect(session.findings()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Files a and b, each with a ketamine claim and a lithium claim that conflict with the other file's; returns a's text. */
  const writeTwoGroups = (dir: string): string => {
    const a = file('a', claim('k', 1950, 'ketamine') + claim('l', 1970, 'lithium'));
    writeFileSync(join(dir, 'a.yaml'), a);
    writeFileSync(join(dir, 'b.yaml'), file('b', claim('k', 1960, 'ketamine') + claim('l', 1980, 'lithium')));
    return a;
  };

  it('after an edit inside claims, re-runs the changed claim\'s group only, and moves the findings of claims below it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-session-'));
    try {
      const a = writeTwoGroups(dir);
      const { session, seen } = await recordingSession(dir);
      const positions = () => session.findings().map((f) => [f.file, f.claim, f.line, f.related.map((r) => `${r.claim}@${r.line}`)]);
      // Both conflicts are reported on b's later claims, pointing at a's.
      expect(positions()).toEqual([
        ['b.yaml', 'b/k', 11, ['a/k@7']],
        ['b.yaml', 'b/l', 17, ['a/l@13']],
      ]);
      // The lithium claim's value typed over in place: only its group is checked again.
      seen.length = 0;
      await session.update(join(dir, 'a.yaml'), a.replace('decade: 1970', 'decade: 1990'));
      expect(seen).toEqual([['a/l', 'b/l']]);
      // A line added inside a's first claim: the lithium claim moves down; its conflict follows it, and nothing is run.
      seen.length = 0;
      const moved = a.replace('decade: 1970', 'decade: 1990').replace('    aspect: history\n', '    # a note\n    aspect: history\n');
      const changed = await session.update(join(dir, 'a.yaml'), moved);
      expect(seen).toEqual([['a/k', 'b/k']]);
      expect(changed).toEqual(['b.yaml']);
      expect(positions()).toEqual([
        ['b.yaml', 'b/k', 11, ['a/k@7']],
        ['b.yaml', 'b/l', 17, ['a/l@14']],
      ]);
      // As a cold run of the same rule finds them.
      writeFileSync(join(dir, 'a.yaml'), moved);
      const cold = await lint({ cwd: dir, now: NOW, only: ['conflict/value'] });
      expect((await session.result()).findings).toEqual(cold.findings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks a group again when its claims change order in a file: the order decides which claims a finding names first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-session-order-'));
    try {
      const dated = (id: string, year: number, text: string) =>
        `  - id: ${id}\n    text: "${text}"\n    subject: ketamine\n    aspect: history\n    property: first-synthesized\n    value: {year: ${year}}\n`;
      const source = (id: string) => `source:\n  id: ${id}\n  title: ${id}\n  kind: blog\n  published: 2020\n  url: https://${id}.example\n  authors: [X]\nclaims:\n`;
      const x1 = dated('x1', 1962, 'Ketamine was first made in 1962');
      const x2 = dated('x2', 1962, 'Ketamine dates from 1962');
      writeFileSync(join(dir, 'a.yaml'), `${source('a')}${x1}\n${x2}`);
      writeFileSync(join(dir, 'b.yaml'), `${source('b')}${dated('y', 1970, 'Ketamine was first made in 1970')}`);
      writeFileSync(join(dir, 'claimlint.config.yaml'), 'files: ["*.yaml"]\nignores: ["claimlint.config.yaml"]\n');
      const session = await LintSession.open({ cwd: dir, now: NOW });
      const named = async () => (await session.result()).findings.filter((f) => f.rule === 'conflict/value').map((f) => f.related.map((r) => r.claim).join(' '));
      expect(await named()).toEqual(['a/x1 a/x2']);
      // The same two claims, each with its own lines, swapped: both moved, and now x2 comes first.
      writeFileSync(join(dir, 'a.yaml'), `${source('a')}${x2}\n${x1}`);
      await session.update(join(dir, 'a.yaml'));
      expect(await named()).toEqual(['a/x2 a/x1']);
      expect(difference(await sessionJson(session), await coldJson(dir))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restored from a saved state, gives the register\'s citations and disagreements of a cold lint, parsing only what a change touches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-session-citations-'));
    try {
      // A blog citing a study of the register (by DOI) on the study's own subject and property, and a third file elsewhere.
      const claimOf = (id: string, effect: string, extra = '') =>
        `  - id: ${id}\n    text: "Ketamine ${effect} for depression"\n    subject: ketamine\n    aspect: efficacy\n    property: depression\n    value: {effect: ${effect}}\n${extra}`;
      writeFileSync(join(dir, 'study.yaml'), `source:\n  id: study\n  title: A trial\n  kind: journal-article\n  published: 2019\n  doi: 10.1000/trial\nclaims:\n${claimOf('result', 'benefit')}`);
      const blog = (effect: string) =>
        `source:\n  id: blog\n  title: Blog\n  kind: blog\n  published: 2022\n  references:\n    - { id: "1", title: "A trial", doi: 10.1000/trial }\nclaims:\n${claimOf('says', effect, '    evidence:\n      - cites: ["1"]\n')}`;
      writeFileSync(join(dir, 'blog.yaml'), blog('no-benefit'));
      const other = (year: number) => `source:\n  id: other\n  title: Other\n  kind: blog\nclaims:\n  - id: o\n    text: "Lithium dates from ${year}"\n    subject: lithium\n    aspect: history\n    property: origin\n    value: {year: ${year}}\n`;
      writeFileSync(join(dir, 'other.yaml'), other(1949));
      writeFileSync(join(dir, 'claimlint.config.yaml'), 'files: ["*.yaml"]\nignores: ["claimlint.config.yaml"]\n');
      const state = (await LintSession.open({ cwd: dir, now: NOW })).state();
      const cold = await lint({ cwd: dir, now: NOW });
      expect(cold.citations?.map((c) => `${c.from} ${c.to} ${c.claims.map((x) => x.verdict).join(' ')}`)).toEqual(['blog study contradicts']);
      expect(cold.disagreements?.map((d) => `${d.subject} ${d.property} ${d.dimension}`)).toEqual(['ketamine depression direction']);
      // An edit elsewhere: the blog and the study are not parsed for the rules, and the citation's verdict still reads the study's claim.
      writeFileSync(join(dir, 'other.yaml'), other(1950));
      const restored = await LintSession.open({ cwd: dir, now: NOW, state });
      expect(difference(await sessionJson(restored), await coldJson(dir))).toEqual([]);
      // The blog now agrees with the study: the citation supports it, and nothing disagrees.
      writeFileSync(join(dir, 'blog.yaml'), blog('benefit'));
      await restored.update(join(dir, 'blog.yaml'));
      expect(difference(await sessionJson(restored), await coldJson(dir))).toEqual([]);
      expect((await restored.result()).citations?.map((c) => c.claims.map((x) => x.verdict).join(' '))).toEqual(['supports']);
      expect((await restored.result()).disagreements).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restored from a saved state (the cache), narrows an edit inside claims from the saved claim layout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-session-'));
    try {
      const a = writeTwoGroups(dir);
      const state = (await recordingSession(dir)).session.state();
      expect(Object.values(state.files).every((f) => f.layout !== undefined)).toBe(true);
      // Between runs: a line added in a's first claim (the lithium claim moves down), and its value typed over.
      const edited = a.replace('decade: 1950', 'decade: 1990').replace('    aspect: history\n', '    # a note\n    aspect: history\n');
      writeFileSync(join(dir, 'a.yaml'), edited);
      const { session, seen } = await recordingSession(dir, state);
      // a.yaml is parsed again, b.yaml is not; only the ketamine group runs; the lithium conflict follows its claim.
      expect(seen).toEqual([['a/k', 'b/k']]);
      expect(session.findings().map((f) => [f.file, f.claim, f.line, f.related.map((r) => `${r.claim}@${r.line}`)])).toEqual([
        ['b.yaml', 'b/k', 11, ['a/k@7']],
        ['b.yaml', 'b/l', 17, ['a/l@14']],
      ]);
      const cold = await lint({ cwd: dir, now: NOW, only: ['conflict/value'] });
      expect((await session.result()).findings).toEqual(cold.findings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-reads the source documents when one changes: quote anchoring runs again, as in a cold lint', { timeout: 120_000 }, async () => {
    const dir = copyRegister(root);
    try {
      const session = await LintSession.open({ cwd: dir, now: NOW });
      const before = (await session.result()).findings.filter((f) => f.file === 'claims/schwenk-2021.yaml').length;
      // The document loses its text: the claims that quote it no longer anchor.
      const doc = join(dir, 'sources/schwenk-2021-pubmed-review.txt');
      writeFileSync(doc, 'Nothing here.\n');
      const changed = await session.update(doc);
      expect(changed).toContain('claims/schwenk-2021.yaml');
      const after = (await session.result()).findings.filter((f) => f.file === 'claims/schwenk-2021.yaml').length;
      expect(after).toBeGreaterThan(before);
      expect(difference(await sessionJson(session), await coldJson(dir))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a session given files', () => {
  it('gives what lint() gives for those files (a pre-commit run with --cache), for every claim file of the bundled register', async () => {
    const files = (await lint({ cwd: root, now: NOW })).summary.files;
    expect(files).toBeGreaterThan(3);
    const { default: fg } = await import('fast-glob');
    for (const file of fg.sync('claims/*.yaml', { cwd: root })) {
      const want = await lint({ cwd: root, now: NOW, patterns: [file] });
      const session = await LintSession.open({ cwd: root, now: NOW, patterns: [file] });
      const got = await session.result();
      expect(difference(got.findings.map((f) => JSON.stringify(f)), want.findings.map((f) => JSON.stringify(f))), file).toEqual([]);
      expect(got.findings.length, file).toBeGreaterThan(0);
      expect(got.summary, file).toEqual(want.summary);
      expect(got.notes, file).toEqual(want.notes);
    }
  });
});

/**
 * claimlint as a pre-commit hook, end to end:
 *
 * - the REAL pre-commit framework (Debian's `pre-commit`, installed by
 *   .ci/run) installs this repository as a hook repo, from a temporary git
 *   repository holding a copy of the working tree, with
 *   `pre-commit try-repo` and with `pre-commit install` + `git commit`;
 * - the plain git hook script of docs/pre-commit.md, as
 *   `.git/hooks/pre-commit`, calling the built dist/cli.js.
 *
 * pre-commit's install of a node hook repo runs `npm install` (with the
 * devDependencies), `npm pack` (the `prepare` build) and `npm install -g`;
 * npm is told to prefer its cache (`~/.npm`, filled by `npm ci`), so no
 * network is needed. Each of the three installs takes 15-45 s.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { yaml } from '../helpers/rule-tester.js';
import { isolatedEnv } from '../helpers/git.js';

const ROOT = resolve(import.meta.dirname, '../..');
const INSTALL_TIMEOUT = 150_000;

/** What a hook repo needs: the files `npm pack` builds from, and the hook manifest. */
const HOOK_REPO_FILES = [
  '.pre-commit-hooks.yaml',
  '.npmrc',
  '.gitignore',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/bundle.mjs',
  'tsconfig.build.json',
  'README.md',
  'src',
  'rules',
  'schema',
  'docs',
];

const EARLY = yaml`
  source:
    id: early
    title: Early
    kind: blog
    references:
      - id: "1"
        title: History of anaesthesia, the ketamine story
  claims:
    - id: origin
      text: "While Ketamine has been around since the 1950's"
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: 1950 }
      evidence:
        - cites: ["1"]
`;

/** Conflicts with EARLY: another decade for the same subject and property. */
const GUIDE = yaml`
  source:
    id: guide
    title: Guide
    kind: marketing
  claims:
    - id: origin
      text: "Ketamine is a dissociative anesthetic developed in the 1960s"
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: 1960 }
      evidence:
        - kind: named-source
          name: Somebody
`;

const CLEAN = yaml`
  source:
    id: clean
    title: A clean source
    kind: rct
    published: 2020
    references:
      - id: "1"
        title: A trial of something in someone
        url: https://example.org/trial
  claims:
    - id: finding
      text: "The drug reduced pain scores."
      subject: drug
      aspect: efficacy
      property: pain
      value: { effect: benefit }
      evidence:
        - cites: ["1"]
`;

const CONFLICT_MESSAGE = 'Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin';

/** The environment of every git and pre-commit run: no user or system git config, no colour. */
function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return isolatedEnv({ PRE_COMMIT_COLOR: 'never', ...extra });
}

interface Run {
  code: number | null;
  out: string;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = INSTALL_TIMEOUT): Run {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function git(cwd: string, ...args: string[]): string {
  const r = run('git', args, cwd, testEnv(), 30_000);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}):\n${r.out}`);
  return r.out.trim();
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

const temps: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A git repository of claim files with `claims/early.yaml` committed. */
function contentRepo(): string {
  const dir = tempDir('claimlint-content-');
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, { 'claims/early.yaml': EARLY });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'Early source');
  return dir;
}

function commitCount(dir: string): number {
  return Number(git(dir, 'rev-list', '--count', 'HEAD'));
}

function hasPreCommit(): boolean {
  const r = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('the pre-commit framework', () => {
  let hookRepo = '';
  let rev = '';

  beforeAll(() => {
    if (!hasPreCommit()) {
      throw new Error('pre-commit is not installed: `apt-get install -y pre-commit git` (Debian), or `pipx install pre-commit`');
    }
    // A git repository of the working tree as it is now (uncommitted work included).
    hookRepo = tempDir('claimlint-hookrepo-');
    for (const f of HOOK_REPO_FILES) {
      if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(hookRepo, f), { recursive: true });
    }
    git(hookRepo, 'init', '-q', '-b', 'main');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-q', '-m', 'claimlint as a hook repo');
    rev = git(hookRepo, 'rev-parse', 'HEAD');
  });

  it('ships a hook manifest with the claimlint hook', () => {
    const manifest = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    expect(manifest).toMatch(/^- id: claimlint$/m);
    expect(manifest).toMatch(/^ {2}language: node$/m);
    expect(manifest).toMatch(/^ {2}language_version: system$/m);
    expect(manifest).toMatch(/^ {2}require_serial: true$/m);
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^foreground-scripts=false$/m);
  });

  it(
    'try-repo: a staged claim that conflicts with a committed one fails, with the finding',
    () => {
      const repo = contentRepo();
      write(repo, { 'claims/guide.yaml': GUIDE });
      git(repo, 'add', 'claims/guide.yaml');
      const r = run('pre-commit', ['try-repo', hookRepo, 'claimlint'], repo, testEnv({ PRE_COMMIT_HOME: tempDir('claimlint-pchome-') }));
      expect(r.out).toMatch(/claimlint\.+Failed/);
      expect(r.code).toBe(1);
      expect(r.out).toContain('claims/guide.yaml');
      expect(r.out).toContain(CONFLICT_MESSAGE);
      expect(r.out).toContain('conflict/value');
      expect(r.out).toContain('claims/early.yaml:10:11 early/origin');
    },
    INSTALL_TIMEOUT,
  );

  it(
    'try-repo: a staged clean claim file passes',
    () => {
      const repo = contentRepo();
      write(repo, { 'claims/clean.yaml': CLEAN });
      git(repo, 'add', 'claims/clean.yaml');
      const r = run('pre-commit', ['try-repo', hookRepo, 'claimlint'], repo, testEnv({ PRE_COMMIT_HOME: tempDir('claimlint-pchome-') }));
      expect(r.out).toMatch(/claimlint\.+Passed/);
      expect(r.code).toBe(0);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'installed hook: git commit refuses the conflicting claim, then takes a clean one',
    () => {
      const repo = contentRepo();
      write(repo, {
        '.pre-commit-config.yaml': `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: claimlint\n`,
        // YAML outside claims/ is not a claim file: the hook must not be given it.
        '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      });
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '--no-verify', '-m', 'pre-commit configuration');
      const env = testEnv({ PRE_COMMIT_HOME: tempDir('claimlint-pchome-') });
      const install = run('pre-commit', ['install'], repo, env);
      expect(install.out).toContain('pre-commit installed');
      const before = commitCount(repo);

      // (a) the conflicting claim: the commit is refused, with the finding.
      write(repo, { 'claims/guide.yaml': GUIDE });
      git(repo, 'add', 'claims/guide.yaml');
      const refused = run('git', ['commit', '-m', 'Add the clinic guide'], repo, env);
      expect(refused.out).toMatch(/claimlint\.+Failed/);
      expect(refused.out).toContain(CONFLICT_MESSAGE);
      expect(refused.out).toContain('conflict/value');
      expect(refused.code).not.toBe(0);
      expect(commitCount(repo)).toBe(before);

      // (b) a clean claim file (and a workflow YAML): the commit goes through.
      git(repo, 'rm', '-q', '--cached', 'claims/guide.yaml');
      rmSync(join(repo, 'claims/guide.yaml'));
      write(repo, { 'claims/clean.yaml': CLEAN, '.github/workflows/ci.yml': 'on: [push]\njobs: {}\n' });
      git(repo, 'add', 'claims/clean.yaml', '.github/workflows/ci.yml');
      const taken = run('git', ['commit', '-m', 'Add a clean source'], repo, env);
      expect(taken.out).toMatch(/claimlint\.+Passed/);
      expect(taken.code).toBe(0);
      expect(commitCount(repo)).toBe(before + 1);
    },
    INSTALL_TIMEOUT,
  );
});

/** The `repo: local` configuration from docs/pre-commit.md, calling the built binary. */
function documentedLocalConfig(): string {
  const doc = readFileSync(join(ROOT, 'docs/pre-commit.md'), 'utf8');
  const block = /```yaml\n(repos:\n {2}- repo: local\n[\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/pre-commit.md: no ```yaml block with "- repo: local"');
  expect(block).toContain('entry: npx --no-install claimlint');
  // pre-commit splits `entry` like a shell: quote the paths, then the YAML scalar.
  return block.replace('entry: npx --no-install claimlint', `entry: ${JSON.stringify(`"${process.execPath}" "${BIN}"`)}`);
}

describe('the pre-commit framework with a local hook (docs/pre-commit.md)', () => {
  it('refuses the conflicting claim, then takes a clean one', () => {
    if (!hasPreCommit()) throw new Error('pre-commit is not installed: `apt-get install -y pre-commit git` (Debian)');
    const repo = contentRepo();
    write(repo, { '.pre-commit-config.yaml': documentedLocalConfig() });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'pre-commit configuration');
    const env = testEnv({ PRE_COMMIT_HOME: tempDir('claimlint-pchome-') });
    expect(run('pre-commit', ['install'], repo, env, 30_000).out).toContain('pre-commit installed');

    write(repo, { 'claims/guide.yaml': GUIDE });
    git(repo, 'add', 'claims/guide.yaml');
    const refused = run('git', ['commit', '-m', 'Add the clinic guide'], repo, env, 30_000);
    expect(refused.out).toMatch(/claimlint\.+Failed/);
    expect(refused.out).toContain(CONFLICT_MESSAGE);
    expect(refused.out).toContain('conflict/value');
    expect(refused.code).not.toBe(0);

    // Unstaged edits are stashed by pre-commit: the staged (clean) content is what gets linted.
    write(repo, { 'claims/guide.yaml': CLEAN });
    git(repo, 'add', 'claims/guide.yaml');
    write(repo, { 'claims/guide.yaml': GUIDE });
    const taken = run('git', ['commit', '-m', 'Add a clean source'], repo, env, 30_000);
    expect(taken.out).toMatch(/claimlint\.+Passed/);
    expect(taken.code).toBe(0);
    expect(readFileSync(join(repo, 'claims/guide.yaml'), 'utf8')).toBe(GUIDE); // the unstaged edit is back
  });
});

/** The plain hook script from docs/pre-commit.md, calling the built binary. */
function documentedHook(): string {
  const doc = readFileSync(join(ROOT, 'docs/pre-commit.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## A plain git hook'));
  const script = /```sh\n(#!\/bin\/sh\n[\s\S]*?)```/.exec(section)?.[1];
  if (!script) throw new Error('docs/pre-commit.md: no ```sh block starting with #!/bin/sh under "## A plain git hook"');
  expect(script).toContain('npx --no-install claimlint');
  return script.replace('npx --no-install claimlint', `"${process.execPath}" "${BIN}"`);
}

describe('a plain git hook (docs/pre-commit.md)', () => {
  function hookedRepo(): string {
    const repo = contentRepo();
    const hook = join(repo, '.git/hooks/pre-commit');
    writeFileSync(hook, documentedHook());
    chmodSync(hook, 0o755);
    return repo;
  }

  it('refuses a commit adding a conflicting claim, printing the finding', () => {
    const repo = hookedRepo();
    write(repo, { 'claims/guide.yaml': GUIDE });
    git(repo, 'add', '-A');
    const r = run('git', ['commit', '-m', 'Add the clinic guide'], repo, testEnv(), 30_000);
    expect(r.code).toBe(1);
    expect(r.out).toContain(CONFLICT_MESSAGE);
    expect(r.out).toContain('conflict/value');
    expect(r.out).toContain('claims/early.yaml:10:11 early/origin');
    expect(commitCount(repo)).toBe(1);
  });

  it('lets a clean commit through, and ignores YAML outside claims/', () => {
    const repo = hookedRepo();
    write(repo, { 'claims/clean source.yaml': CLEAN, 'config/settings.yml': 'not: [a, claim, file]\n' });
    git(repo, 'add', '-A');
    const r = run('git', ['commit', '-m', 'Add a clean source'], repo, testEnv(), 30_000);
    expect(r.out).not.toMatch(/ error {2}/);
    expect(r.code).toBe(0);
    expect(commitCount(repo)).toBe(2);
  });

  it('does not run claimlint when no claim file is staged', () => {
    const repo = hookedRepo();
    // A conflicting claim already in the register, but the commit touches no claim file.
    write(repo, { 'claims/guide.yaml': GUIDE });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'known conflict');
    write(repo, { 'notes.txt': 'unrelated\n' });
    git(repo, 'add', 'notes.txt');
    const r = run('git', ['commit', '-m', 'notes'], repo, testEnv(), 30_000);
    expect(r.out).not.toContain('conflict/value');
    expect(r.code).toBe(0);
  });

  it('reports a conflict between a touched file and an untouched one', () => {
    const repo = hookedRepo();
    write(repo, { 'claims/guide.yaml': GUIDE });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'guide');
    // Editing early.yaml alone still reports its conflict with guide.yaml (on whichever side).
    write(repo, { 'claims/early.yaml': `${EARLY}# touched\n` });
    git(repo, 'add', 'claims/early.yaml');
    const r = run('git', ['commit', '-m', 'touch early'], repo, testEnv(), 30_000);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Conflicting origin for ketamine');
    expect(r.out).toContain('conflict/value');
    expect(r.out).toContain('claims/early.yaml');
    expect(r.out).toContain('claims/guide.yaml');
  });
});

/**
 * The documented install path without a registry release, end to end:
 * `npm pack` in this repository, then, in a fresh temporary content
 * repository with its own claims/, `npm install --save-dev <tarball>` (the
 * dependencies come from npm's cache, ~/.npm, filled by `npm ci`; the
 * registry only for what is missing), and there:
 *
 * - the installed binary runs, and prints package.json's version;
 * - the plain git hook of docs/pre-commit.md, verbatim (`npx --no-install
 *   claimlint`), refuses a conflicting commit and takes a clean one;
 * - the lint-staged recipe of docs/pre-commit.md, verbatim, run by
 *   lint-staged (this repository's devDependency), does the same;
 * - the schema modeline of docs/claim-format.md resolves, from a claim
 *   file under claims/, to the installed schema, which validates it.
 *
 * Installing from the git repository (`git+https://…#vX.Y.Z`) needs the
 * network; npm then clones, installs and runs `prepare` — what the
 * pre-commit framework test (pre-commit.test.ts) does with a local clone.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yaml } from '../helpers/rule-tester.js';
import { isolatedEnv } from '../helpers/git.js';

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const INSTALL_TIMEOUT = 300_000;
const STEP_TIMEOUT = 60_000;

const EARLY = yaml`
  source:
    id: early
    title: Early
    kind: blog
  claims:
    - id: origin
      text: "While Ketamine has been around since the 1950's"
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: 1950 }
      evidence:
        - kind: named-source
          name: a historian
`;
const LATE = EARLY.replace('id: early', 'id: late').replace('decade: 1950', 'decade: 1960').replace("since the 1950's", 'since the 1960s');
const CLEAN = EARLY.replace('id: early', 'id: clean').replace('property: origin', 'property: first-clinical-use').replace("While Ketamine has been around since the 1950's", 'Ketamine was first given to people in 1964').replace('decade: 1950', 'year: 1964');
const CONFLICT = 'Conflicting origin for ketamine';

function env(): NodeJS.ProcessEnv {
  const e = isolatedEnv({ npm_config_update_notifier: 'false' });
  for (const k of ['npm_config_prefix', 'INIT_CWD']) delete e[k];
  return e;
}

function run(cmd: string, args: string[], cwd: string, timeout = STEP_TIMEOUT) {
  const r = spawnSync(cmd, args, { cwd, env: env(), encoding: 'utf8', timeout });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function git(cwd: string, ...args: string[]): string {
  const r = run('git', args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}):\n${r.out}`);
  return r.out;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A ```<lang> block of a docs page, after a heading, whose text starts as given. */
function docBlock(page: string, heading: string, lang: string, start: string): string {
  const doc = readFileSync(join(ROOT, page), 'utf8');
  const section = doc.slice(doc.indexOf(heading));
  const block = [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!).find((b) => b.startsWith(start));
  if (!block) throw new Error(`${page}: no \`\`\`${lang} block starting with ${start} after "${heading}"`);
  return block;
}

let work = '';
let tarball = '';
let content = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'claimlint-install-'));
  // dist/ is built by `npm test` before the tests run; `prepare` would build it again.
  const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], ROOT, INSTALL_TIMEOUT);
  expect(packed.code, packed.out).toBe(0);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  expect(tarball.endsWith(`claimlint-${VERSION}.tgz`)).toBe(true);

  content = join(work, 'content');
  mkdirSync(content);
  const lintStaged = JSON.parse(docBlock('docs/pre-commit.md', '## lint-staged', 'json', '{')) as Record<string, unknown>;
  write(content, {
    'package.json': `${JSON.stringify({ name: 'content', private: true, ...lintStaged }, null, 2)}\n`,
    'claims/early.yaml': EARLY,
  });
  git(content, 'init', '-q', '-b', 'main');
  const installed = run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', tarball], content, INSTALL_TIMEOUT);
  expect(installed.code, installed.out).toBe(0);
  write(content, { '.gitignore': 'node_modules/\n' });
  git(content, 'add', '-A');
  git(content, 'commit', '-q', '--no-verify', '-m', 'content with claimlint installed');
}, INSTALL_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(`a content repository with claimlint-${VERSION}.tgz installed`, () => {
  it('has the package with its binary, rules and schema, and the binary prints the version', () => {
    const pkg = join(content, 'node_modules', 'claimlint');
    for (const f of ['dist/cli.js', 'rules/conflict/value.yaml', 'schema/claim-file.schema.json', 'package.json']) expect(existsSync(join(pkg, f)), f).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(run('npx', ['--no-install', 'claimlint', '--version'], content).out.trim()).toBe(VERSION);
    const devDeps = (JSON.parse(readFileSync(join(content, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
    expect(devDeps['claimlint']).toMatch(/claimlint-.*\.tgz$/);
  }, INSTALL_TIMEOUT);

  it('the plain git hook of docs/pre-commit.md refuses a conflicting claim and takes a clean one', () => {
    const hook = join(content, '.git/hooks/pre-commit');
    writeFileSync(hook, docBlock('docs/pre-commit.md', '## A plain git hook', 'sh', '#!/bin/sh'));
    chmodSync(hook, 0o755);
    try {
      write(content, { 'claims/late.yaml': LATE });
      git(content, 'add', 'claims/late.yaml');
      const refused = run('git', ['commit', '-m', 'Add a late source'], content);
      expect(refused.out).toContain(CONFLICT);
      expect(refused.code).toBe(1);
      git(content, 'reset', '-q', 'claims/late.yaml');
      rmSync(join(content, 'claims/late.yaml'));

      write(content, { 'claims/clean.yaml': CLEAN });
      git(content, 'add', 'claims/clean.yaml');
      const taken = run('git', ['commit', '-m', 'Add a clean source'], content);
      expect(taken.out).not.toContain(' error ');
      expect(taken.code).toBe(0);
    } finally {
      rmSync(hook, { force: true });
    }
  }, INSTALL_TIMEOUT);

  it('the lint-staged recipe of docs/pre-commit.md runs the installed claimlint on the staged claim files', () => {
    const lintStaged = join(ROOT, 'node_modules', '.bin', 'lint-staged');
    expect(existsSync(lintStaged), 'lint-staged is a devDependency of claimlint').toBe(true);
    write(content, { 'claims/late.yaml': LATE });
    git(content, 'add', 'claims/late.yaml');
    const refused = run(lintStaged, [], content);
    expect(refused.out).toContain(CONFLICT);
    expect(refused.code).not.toBe(0);
    git(content, 'reset', '-q', 'claims/late.yaml');
    rmSync(join(content, 'claims/late.yaml'));
    write(content, { 'claims/clean-two.yaml': CLEAN.replace('id: clean', 'id: clean-two') });
    git(content, 'add', 'claims/clean-two.yaml');
    const passed = run(lintStaged, [], content);
    expect(passed.code, passed.out).toBe(0);
  }, INSTALL_TIMEOUT);

  it('the schema modeline of docs/claim-format.md points, from claims/, at the installed schema, which validates a claim file', () => {
    const modeline = docBlock('docs/claim-format.md', 'validate as you type', 'yaml', '# yaml-language-server:').trim();
    const path = /\$schema=(\S+)/.exec(modeline)![1]!;
    const schemaFile = resolve(content, 'claims', path);
    expect(existsSync(schemaFile), schemaFile).toBe(true);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    expect(validate(parseYaml(EARLY)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parseYaml(EARLY.replace('kind: blog', 'kind: not-a-kind')))).toBe(false);
  });
});

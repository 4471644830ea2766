/**
 * Make a release: set the version, name its tag everywhere in the docs,
 * commit, and create the annotated git tag that the GitHub Action
 * (`uses: claimlint/claimlint@vX.Y.Z`), pre-commit (`rev: vX.Y.Z`) and git
 * installs (`git+https://…/claimlint.git#vX.Y.Z`) fetch.
 *
 *   npx tsx scripts/release.ts 0.2.0 [--dry-run]
 *
 * package.json's `version` is the single source of the version; this script
 * changes it with `npm version` and rewrites the tag in README.md, docs/,
 * action.yml and .github/. It needs a clean work tree, and does not push:
 * it prints the command that does. See docs/releasing.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { isMainModule } from '../src/paths.js';

const ROOT = resolve(import.meta.dirname, '..');
/** The files that name the release tag. */
export const TAGGED_FILES = ['README.md', 'docs/**/*.md', 'action.yml', '.github/**/*.yml'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with every mention of release `from` turned into `to`: the tag
 * `vX.Y.Z`, the tarball `claimlint-X.Y.Z.tgz` and the bold version `**X.Y.Z**`.
 */
export function retag(text: string, from: string, to: string): string {
  const f = escape(from);
  return text
    .replace(new RegExp(`(?<![\\w.])v${f}(?![\\w-]|\\.\\d)`, 'g'), `v${to}`)
    .replace(new RegExp(`claimlint-${f}\\.tgz`, 'g'), `claimlint-${to}.tgz`)
    .replace(new RegExp(`\\*\\*${f}\\*\\*`, 'g'), `**${to}**`);
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

export function release(version: string, opts: { dryRun: boolean; log: (s: string) => void }): void {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`not a version: "${version}" (expected X.Y.Z)`);
  const current = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  if (version === current) throw new Error(`package.json is already at ${version}`);
  if (!opts.dryRun && git('status', '--porcelain') !== '') throw new Error('the work tree has changes: commit or stash them first');
  if (git('tag', '--list', `v${version}`) !== '') throw new Error(`the tag v${version} exists already`);
  const files = fg.sync(TAGGED_FILES, { cwd: ROOT, dot: true, ignore: ['**/node_modules/**', 'docs/releasing.md'] }).sort();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const next = retag(text, current, version);
    if (next === text) continue;
    opts.log(`${file}: v${current} -> v${version}`);
    if (!opts.dryRun) writeFileSync(join(ROOT, file), next);
  }
  opts.log(`package.json, package-lock.json: ${current} -> ${version}`);
  if (opts.dryRun) return;
  execFileSync('npm', ['version', version, '--no-git-tag-version'], { cwd: ROOT, stdio: 'ignore' });
  git('add', '-A');
  git('commit', '-q', '-m', `Release v${version}`);
  git('tag', '-a', `v${version}`, '-m', `claimlint ${version}`);
  opts.log(`committed and tagged v${version}; publish with: git push origin HEAD --follow-tags`);
}

if (isMainModule(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
  try {
    if (positionals.length !== 1) throw new Error('usage: npx tsx scripts/release.ts <version> [--dry-run]');
    release(positionals[0]!, { dryRun: values['dry-run'] === true, log: (s) => console.log(s) });
  } catch (e) {
    console.error(`release: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

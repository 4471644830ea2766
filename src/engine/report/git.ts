/**
 * Read the register as it was at a git revision, from git's object store:
 * the working tree and the index are never touched.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError } from '../run/errors.js';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new ConfigError('--changed-since needs git, which was not found on PATH');
    throw new ConfigError(`--changed-since: git ${args.join(' ')} failed: ${(err.stderr ?? err.message).trim().split('\n')[0]}`);
  }
}

/**
 * The claim files matching `globs` (relative to `root`) at revision `ref`,
 * as absolute paths (where they would be in the working tree) with text.
 */
export async function registerAtRevision(
  root: string,
  ref: string,
  globs: readonly string[],
  ignores: readonly string[],
): Promise<Array<{ path: string; text: string }>> {
  const top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
    throw new ConfigError(`--changed-since: unknown git revision "${ref}"`);
  });
  const prefix = relative(top, root).split(sep).join('/');
  const listing = await git(top, ['ls-tree', '-r', '-z', '--name-only', ref, '--', prefix === '' ? '.' : prefix]);
  const isMatch = picomatch([...globs], { dot: false });
  const isIgnored = picomatch([...ignores, '**/node_modules/**'], { dot: true });
  const files = listing
    .split('\0')
    .filter((p) => p !== '')
    .map((p) => ({ repoPath: p, rel: prefix === '' ? p : p.slice(prefix.length + 1) }))
    .filter((f) => isMatch(f.rel) && !isIgnored(f.rel));
  return Promise.all(
    files.map(async (f) => ({ path: resolve(top, f.repoPath), text: await git(top, ['show', `${ref}:${f.repoPath}`]) })),
  );
}

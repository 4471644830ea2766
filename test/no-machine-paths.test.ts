/**
 * Nothing in the project names a path outside the repository: no absolute
 * path of a build or developer machine, no folder beside the clone. Every
 * tracked file (`git ls-files`) is checked.
 *
 * The rule: these are never allowed —
 *  - a home or work folder: `/home/<user>/`, `/Users/<user>/`, `/root/`, `/work/`;
 *  - a temporary folder: `/tmp/<something>` (use os.tmpdir() / mktemp);
 *  - a folder beside the repository: `../shared`.
 * Two kinds of fixtures are allowed, in test/ only, because they are not
 * paths of any machine this project runs on: GitHub's runner workspace
 * (`/home/runner/work/...`, what GITHUB_WORKSPACE holds on GitHub) and the
 * `/virtual/...` folder that in-memory tests use as a working directory.
 * In .gitignore a leading `/` anchors a pattern at the repository's root,
 * so `/tmp/` there is the repository's own folder, not the machine's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SELF = relative(ROOT, import.meta.filename).split('\\').join('/');

/** An absolute machine path, not inside a URL or a relative path ("example.org/work/", "a/tmp/x"). */
const MACHINE_PATH = /(?<![\w.~/-])(?:\/home\/[\w.-]+\/|\/Users\/[\w.-]+\/|\/root\/|\/work\/|\/tmp\/[\w.-]+|\.\.\/shared\b)/g;
const TEST_FIXTURE = /^\/home\/runner\//;

function offending(path: string, text: string): string[] {
  if (path === '.gitignore') return [];
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(MACHINE_PATH)) {
      if (path.startsWith('test/') && TEST_FIXTURE.test(m[0])) continue;
      out.push(`${path}:${i + 1}: ${m[0]}`);
    }
  });
  return out;
}

it('no tracked file names an absolute path of a machine or a folder outside the repository', () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter((p) => p !== '' && p !== SELF);
  expect(tracked.length).toBeGreaterThan(50);
  const found = tracked.flatMap((p) => {
    let text: string;
    try {
      text = readFileSync(join(ROOT, p), 'utf8');
    } catch {
      return []; // deleted in the work tree
    }
    return text.includes('\0') ? [] : offending(p, text);
  });
  expect(found).toEqual([]);
});

it('the rule catches what it should, and allows the fixtures it names', () => {
  expect(offending('README.md', 'see /work/shared/sources/ and ../shared/sources')).toEqual(['README.md:1: /work/', 'README.md:1: ../shared']);
  expect(offending('claims/a.yaml', '# Claims from /home/alice/notes.txt')).toEqual(['claims/a.yaml:1: /home/alice/']);
  expect(offending('docs/x.md', 'cd /tmp/big && run; /root/.npm; /Users/bob/x')).toEqual(['docs/x.md:1: /tmp/big', 'docs/x.md:1: /root/', 'docs/x.md:1: /Users/bob/']);
  expect(offending('docs/x.md', 'GITHUB_WORKSPACE=/home/runner/work/repo')).toEqual(['docs/x.md:1: /home/runner/']);
  expect(offending('test/x.test.ts', "cwd: '/home/runner/work/repo/repo'")).toEqual([]);
  expect(offending('docs/x.md', 'https://example.org/work/tmp/x and claims/tmp/x.yaml, node_modules/.bin')).toEqual([]);
});

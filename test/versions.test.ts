/**
 * One version: package.json's. Every release tag the docs, the action and
 * the workflows name (`claimlint/claimlint@v…`, `rev: v…`, `claimlint.git#v…`,
 * `claimlint-….tgz`) is that version; `claimlint --version` prints it; and
 * scripts/release.ts rewrites them all at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { retag, TAGGED_FILES } from '../scripts/release.js';
import { claimlint } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const FILES = fg.sync(TAGGED_FILES, { cwd: ROOT, dot: true, ignore: ['**/node_modules/**', 'docs/releasing.md'] }).sort();

/** Every versioned mention of claimlint in a text. */
function mentions(text: string): string[] {
  const patterns = [
    /claimlint\/claimlint@([\w.-]+)/g,
    /^\s*rev:\s*([\w.-]+)/gm,
    /claimlint\.git#([\w.-]+)/g,
    /claimlint-(\d[\w.-]*?)\.tgz/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

describe('one version', () => {
  it('package.json has a version, and claimlint --version prints it', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(claimlint(['--version'], { cwd: ROOT }).stdout).toBe(`${VERSION}\n`);
  });

  it('every release tag named in the docs, the action and the workflows is this version', () => {
    const found = FILES.flatMap((file) => mentions(readFileSync(join(ROOT, file), 'utf8')).map((m) => `${file}: ${m}`));
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect(found.filter((f) => !f.endsWith(`: v${VERSION}`) && !f.endsWith(`: ${VERSION}`))).toEqual([]);
  });

  it('the release script rewrites tags, tarball names and the bold version, and nothing else', () => {
    const text = 'uses: claimlint/claimlint@v0.1.0\nrev: v0.1.0\n#v0.1.0 claimlint-0.1.0.tgz **0.1.0** v0.1.00 lib@0.1.0 v0.1.0-rc, tag v0.1.0.';
    expect(retag(text, '0.1.0', '0.2.0')).toBe('uses: claimlint/claimlint@v0.2.0\nrev: v0.2.0\n#v0.2.0 claimlint-0.2.0.tgz **0.2.0** v0.1.00 lib@0.1.0 v0.1.0-rc, tag v0.2.0.');
    // Applied to the real files, nothing of the current version is left.
    for (const file of FILES) {
      const next = retag(readFileSync(join(ROOT, file), 'utf8'), VERSION, '99.0.0');
      expect(mentions(next).filter((m) => m.includes(VERSION)), file).toEqual([]);
    }
  });
});

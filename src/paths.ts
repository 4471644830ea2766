import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder holding package.json, rules/, schema/ and docs/. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
}

let pkg: PackageJson | undefined;
export function packageInfo(): PackageJson {
  pkg ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;
  return pkg;
}

/** Where rule docs are published: `<homepage>/blob/main/<docs path>`. */
export function docsUrl(docsPath: string): string {
  const home = packageInfo().homepage ?? 'https://github.com/claimlint/claimlint';
  return `${home.replace(/#.*$/, '').replace(/\/$/, '')}/blob/main/${docsPath}`;
}

/** A path relative to `cwd`, with forward slashes, as findings and reports show it. */
export function displayPath(file: string, cwd: string): string {
  // Every finding names its file: the same few thousand paths, asked for again and again. Looked up by cwd, then by
  // path (the same string objects, whose hashes V8 keeps: no key is built per call).
  let byFile = shown.get(cwd);
  const known = byFile?.get(file);
  if (known !== undefined) return known;
  const rel = relative(cwd, file);
  const out = (rel === '' ? '.' : rel).split(sep).join('/');
  // Relative paths resolve against the process's working directory, which may change: only absolute ones are kept.
  if (isAbsolute(file) && isAbsolute(cwd)) {
    if (!byFile) {
      if (shown.size >= 16) shown.clear();
      shown.set(cwd, (byFile = new Map()));
    }
    if (byFile.size >= 100_000) byFile.clear();
    byFile.set(file, out);
  }
  return out;
}
const shown = new Map<string, Map<string, string>>();

/** Whether the module at `url` is the program node was started with (also through an npm bin link). */
export function isMainModule(url: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === fileURLToPath(url);
  } catch {
    return false;
  }
}

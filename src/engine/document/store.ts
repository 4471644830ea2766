/**
 * The source documents of a lint run, read once before the rules run: the
 * documents claim files name (`source.document`, relative to the
 * configuration's root) and the team's own content (`content:` globs of the
 * configuration). Checks look documents up here; they never read the disk.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import type { RegisterFile } from '../load/loader.js';
import { DocumentIndex } from './anchor.js';
import { parseDocumentText, type SourceDocument } from './document.js';

export interface DocumentStore {
  /** The folder `document:` paths are relative to (the configuration's root). */
  root: string;
  /** The absolute path of a `document:` value. */
  resolve(documentPath: string): string;
  /** The document at an absolute path; undefined when it does not exist or cannot be read. */
  get(path: string): SourceDocument | undefined;
  /** The document prepared for anchoring quotes (built on first use). */
  index(path: string): DocumentIndex | undefined;
  /** Absolute paths of the documents that are the team's own content (`source.own: true`, `content:` globs). */
  own: ReadonlySet<string>;
}

/** Reads the texts of files: by glob (relative to the root) and by absolute path. */
export interface DocumentReader {
  glob(globs: readonly string[]): Promise<Array<{ path: string; text: string }>>;
  read(paths: readonly string[]): Promise<Array<{ path: string; text: string }>>;
}

/** Reads from disk, with unsaved texts (`contents`) taking precedence. */
export function diskReader(root: string, ignores: readonly string[], contents?: ReadonlyMap<string, string>): DocumentReader {
  const read = async (paths: readonly string[]) =>
    (
      await Promise.all(
        paths.map(async (path) => {
          const given = contents?.get(path);
          if (given !== undefined) return { path, text: given };
          try {
            return { path, text: await readFile(path, 'utf8') };
          } catch {
            return undefined;
          }
        }),
      )
    ).filter((x): x is { path: string; text: string } => x !== undefined);
  return {
    read,
    glob: async (globs) => {
      if (globs.length === 0) return [];
      const paths = new Set(await fg([...globs], { cwd: root, absolute: true, onlyFiles: true, ignore: [...ignores, '**/node_modules/**'] }));
      // A text given for a path stands in for the file there, also one not saved yet (a new article open in an editor).
      if (contents?.size) {
        const isMatch = picomatch([...globs], { dot: false });
        const isIgnored = picomatch([...ignores, '**/node_modules/**'], { dot: true });
        for (const p of contents.keys()) {
          const rel = relative(root, p).split(sep).join('/');
          if (!rel.startsWith('../') && !isAbsolute(rel) && isMatch(rel) && !isIgnored(rel)) paths.add(p);
        }
      }
      return read([...paths].sort());
    },
  };
}

export const EMPTY_STORE: DocumentStore = {
  root: '/',
  resolve: (p) => p,
  get: () => undefined,
  index: () => undefined,
  own: new Set(),
};

/** Read the documents the register names and the configured content. */
export async function loadDocuments(
  root: string,
  files: readonly RegisterFile[],
  content: readonly string[],
  reader: DocumentReader,
): Promise<DocumentStore> {
  const resolveDoc = (p: string) => (isAbsolute(p) ? p : resolve(root, p));
  const named = new Set<string>();
  const own = new Set<string>();
  for (const f of files) {
    const doc = f.source?.document;
    if (typeof doc !== 'string' || doc === '') continue;
    const abs = resolveDoc(doc);
    named.add(abs);
    if (f.source?.own === true) own.add(abs);
  }
  const [byPath, byGlob] = await Promise.all([reader.read([...named].sort()), reader.glob(content)]);
  const docs = new Map<string, SourceDocument>();
  for (const { path, text } of [...byPath, ...byGlob]) docs.set(path, parseDocumentText(path, text));
  for (const { path } of byGlob) own.add(path);
  const indexes = new Map<string, DocumentIndex>();
  return {
    root,
    resolve: resolveDoc,
    get: (p) => docs.get(p),
    index: (p) => {
      const doc = docs.get(p);
      if (!doc) return undefined;
      let idx = indexes.get(p);
      if (!idx) indexes.set(p, (idx = new DocumentIndex(doc)));
      return idx;
    },
    own,
  };
}

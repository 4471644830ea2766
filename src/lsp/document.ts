/** An open claim file parsed for the editor features (hover, definition, code actions). */
import { parseClaimFile, type RegisterFile } from '../engine/load/loader.js';
import { rangeAt, type Range } from '../engine/load/location.js';

const cache = new Map<string, { text: string; file: RegisterFile }>();

/** The parsed file for this text (the last parse per path is kept). */
export function parsed(path: string, text: string): RegisterFile {
  const hit = cache.get(path);
  if (hit && hit.text === text) return hit.file;
  const file = parseClaimFile(path, text);
  cache.set(path, { text, file });
  return file;
}

export function forget(path: string): void {
  cache.delete(path);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1-based `line` within 1-based range `r`. */
export function lineIn(r: Range, line: number): boolean {
  return line >= r.line && line <= r.endLine;
}

/** The raw claims of the file (also those that fail the schema), with their index. */
export function rawClaims(file: RegisterFile): Array<{ index: number; id: string | undefined; data: Record<string, unknown> }> {
  const data = file.data;
  if (!isRecord(data) || !Array.isArray(data['claims'])) return [];
  return (data['claims'] as unknown[]).flatMap((c, index) =>
    isRecord(c) ? [{ index, id: typeof c['id'] === 'string' ? c['id'] : undefined, data: c }] : [],
  );
}

/** The range of `path` in the file's YAML. */
export function rangeOf(file: RegisterFile, path: ReadonlyArray<string | number>, opts: { key?: boolean } = {}): Range {
  return rangeAt(file.doc!, file.lineCounter, path, opts);
}

/** The claim (by index in `claims`) whose item spans the 1-based line. */
export function claimIndexAtLine(file: RegisterFile, line: number): number | undefined {
  for (const c of rawClaims(file)) if (lineIn(rangeOf(file, ['claims', c.index]), line)) return c.index;
  return undefined;
}

/** The raw reference entries of the source, with their index. */
export function rawReferences(file: RegisterFile): Array<{ index: number; id: string }> {
  const data = file.data;
  if (!isRecord(data) || !isRecord(data['source'])) return [];
  const refs = data['source']['references'];
  if (!Array.isArray(refs)) return [];
  return (refs as unknown[]).flatMap((r, index) =>
    isRecord(r) && (typeof r['id'] === 'string' || typeof r['id'] === 'number') ? [{ index, id: String(r['id']) }] : [],
  );
}

/**
 * Reference ids of the source by a line scan (for a half-typed file that
 * does not parse): `- id:` entries under `references:`.
 */
export function referenceIdsByScan(text: string): string[] {
  const ids: string[] = [];
  let refIndent = -1;
  for (const line of text.split(/\r?\n/)) {
    const indent = /^\s*/.exec(line)![0].length;
    if (/^\s*references\s*:\s*$/.test(line)) {
      refIndent = indent;
      continue;
    }
    if (refIndent < 0 || line.trim() === '' || line.trim().startsWith('#')) continue;
    if (indent <= refIndent && !line.slice(indent).startsWith('- ')) {
      refIndent = -1;
      continue;
    }
    const m = /^\s*-\s+id\s*:\s*["']?([^"'#\s]+)["']?/.exec(line);
    if (m) ids.push(m[1]!);
  }
  return ids;
}

import type { Severity } from '../../model.js';
import type { Range } from '../load/location.js';

/** The other side of a conflict, or the first of two duplicates. */
export interface RelatedLocation {
  /**
   * `claim` for a claim, `reference` for an entry of a source's reference
   * list, `source` for a whole source, `document` for a passage of a source
   * document (line and column in the document).
   */
  kind: 'claim' | 'reference' | 'source' | 'document';
  /** Full claim id (`source/claim`), `source#ref` for a reference, the source id, or `document passage`. */
  claim: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** One problem found in the register. */
export interface Finding extends Range {
  rule: string;
  severity: Severity;
  message: string;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** Full id of the claim concerned, or null for file- and source-level findings. */
  claim: string | null;
  /** The claim's verbatim text, or null. */
  text: string | null;
  related: RelatedLocation[];
  /** Stable identity across edits that move lines (see fingerprint.ts). */
  fingerprint: string;
}

export interface LintSummary {
  /** Files in the register (all of them are read, whatever was given). */
  files: number;
  /** How many files were given on the command line, when some were. */
  given?: number;
  sources: number;
  claims: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0) ||
    // A total order, so that findings computed in any order (the incremental engine, the cache) list the same.
    (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

/** Fill `{{name}}` placeholders; unknown names are left as written. */
export function interpolate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}

/** The placeholder names a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!);
}

/**
 * Retraction lists in the Retraction Watch CSV layout (columns
 * OriginalPaperDOI, RetractionDOI, RetractionNature, Reason, RetractionDate;
 * other columns are ignored), read offline from a file the user gives.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../run/errors.js';

export interface RetractionRecord {
  /** The retracted (or corrected) paper's DOI, normalised. */
  doi: string;
  retractionDoi?: string;
  /** "Retraction", "Correction", "Expression of concern", ... */
  nature?: string;
  reason?: string;
  date?: string;
}

/** Normalise a DOI: lower case, without resolver prefix or "doi:". */
export function normalizeDoi(doi: string): string {
  return doi
    .trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '');
}

/** Parse CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function parseRetractions(text: string, name = 'retractions file'): Map<string, RetractionRecord> {
  const [header, ...rows] = parseCsv(text);
  const col = (n: string) => header?.findIndex((h) => h.trim().toLowerCase() === n.toLowerCase()) ?? -1;
  const doiCol = col('OriginalPaperDOI');
  if (!header || doiCol < 0) {
    throw new ConfigError(`${name}: not a Retraction Watch CSV: no "OriginalPaperDOI" column in the first line`);
  }
  const cols = { retractionDoi: col('RetractionDOI'), nature: col('RetractionNature'), reason: col('Reason'), date: col('RetractionDate') };
  const out = new Map<string, RetractionRecord>();
  for (const r of rows) {
    const raw = r[doiCol]?.trim();
    if (!raw || /^(unavailable|n\/a|none)$/i.test(raw)) continue;
    const rec: RetractionRecord = { doi: normalizeDoi(raw) };
    for (const [k, i] of Object.entries(cols) as Array<[keyof typeof cols, number]>) {
      const v = i >= 0 ? r[i]?.trim() : undefined;
      if (v) rec[k] = v;
    }
    out.set(rec.doi, rec);
  }
  return out;
}

export async function loadRetractions(path: string, shown: string): Promise<Map<string, RetractionRecord>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError(`--retractions: cannot read ${shown}`);
  }
  return parseRetractions(text, shown);
}

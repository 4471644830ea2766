/**
 * Retraction lists in the Retraction Watch CSV layout (columns
 * OriginalPaperDOI, RetractionDOI, RetractionNature, Reason, RetractionDate;
 * other columns are ignored), read offline from a file the user gives.
 * A paper can have several records (an expression of concern, a correction,
 * a retraction, a reinstatement), in any order: every record is kept.
 */
import { readFile } from 'node:fs/promises';
import { parse, CsvError } from 'csv-parse/sync';
import { ConfigError } from '../run/errors.js';

export interface RetractionRecord {
  /** The retracted (or corrected) paper's DOI, normalised. */
  doi: string;
  retractionDoi?: string;
  /** "Retraction", "Correction", "Expression of concern", "Reinstatement", ... */
  nature?: string;
  reason?: string;
  date?: string;
  /** The record's line in the CSV file (1-based; its last line when a field spans lines). */
  line: number;
}

/** Every record of the list, by normalised DOI, in the file's order. */
export type RetractionList = ReadonlyMap<string, readonly RetractionRecord[]>;

/** Normalise a DOI: lower case, without resolver prefix or "doi:". */
export function normalizeDoi(doi: string): string {
  return doi
    .trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '');
}

/**
 * Parse CSV text (RFC 4180, with csv-parse): rows with the line each ends
 * on. A malformed file (a quote that never closes, say) is a ConfigError
 * naming the line where the bad record starts.
 */
export function parseCsv(text: string, name = 'CSV file'): Array<{ fields: string[]; line: number }> {
  const rows: Array<{ fields: string[]; line: number }> = [];
  let lastEnd = 0;
  try {
    const ends: number[] = [];
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastEnd = context.lines;
        ends.push(context.lines);
        return record;
      },
    });
    records.forEach((fields, i) => {
      if (fields.some((f) => f.trim() !== '')) rows.push({ fields, line: ends[i]! });
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const detail = e as CsvError & { lines?: number };
    if (detail.code === 'CSV_QUOTE_NOT_CLOSED') {
      // The record that failed starts after the last one read (blank lines between are skipped).
      const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
      let start = lastEnd + 1;
      while (start < lines.length && lines[start - 1]!.trim() === '') start++;
      throw new ConfigError(`${name}:${start}: a quoted field opened on this line is never closed: add the closing " (write "" for a quote inside a quoted field)`);
    }
    const at = detail.lines ?? lastEnd + 1;
    throw new ConfigError(`${name}:${at}: not valid CSV: ${detail.message.replace(/\s+at line \d+.*$/s, '')}`);
  }
  return rows;
}

export function parseRetractions(text: string, name = 'retractions file'): Map<string, RetractionRecord[]> {
  const [header, ...rows] = parseCsv(text, name);
  const col = (n: string) => header?.fields.findIndex((h) => h.trim().toLowerCase() === n.toLowerCase()) ?? -1;
  const doiCol = col('OriginalPaperDOI');
  if (!header || doiCol < 0) {
    throw new ConfigError(`${name}: not a Retraction Watch CSV: no "OriginalPaperDOI" column in the first line`);
  }
  const cols = { retractionDoi: col('RetractionDOI'), nature: col('RetractionNature'), reason: col('Reason'), date: col('RetractionDate') };
  const out = new Map<string, RetractionRecord[]>();
  for (const { fields, line } of rows) {
    const raw = fields[doiCol]?.trim();
    if (!raw || /^(unavailable|n\/a|none)$/i.test(raw)) continue;
    const rec: RetractionRecord = { doi: normalizeDoi(raw), line };
    for (const [k, i] of Object.entries(cols) as Array<[keyof typeof cols, number]>) {
      const v = i >= 0 ? fields[i]?.trim() : undefined;
      if (v) rec[k] = v;
    }
    const list = out.get(rec.doi);
    if (list) list.push(rec);
    else out.set(rec.doi, [rec]);
  }
  return out;
}

/** A record's date as a sortable number (Retraction Watch writes M/D/YYYY H:MM; ISO dates too), or undefined. */
export function recordTime(rec: RetractionRecord): number | undefined {
  const d = rec.date?.trim() ?? '';
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(d);
  if (m) return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(d);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return undefined;
}

export interface RetractionStatus {
  /** The latest record that counts (by date; by line when undated). */
  record: RetractionRecord;
  /** A reinstatement dated after it (or, undated, listed after it). */
  reinstated?: RetractionRecord;
}

/**
 * What a DOI's records say: undefined when none counts (by `counts`), else
 * the latest counting record and a reinstatement after it, if any. The
 * order of the rows does not matter where the records are dated.
 */
export function retractionStatus(records: readonly RetractionRecord[] | undefined, counts: (rec: RetractionRecord) => boolean): RetractionStatus | undefined {
  if (!records?.length) return undefined;
  const order = (a: RetractionRecord, b: RetractionRecord) => {
    const ta = recordTime(a);
    const tb = recordTime(b);
    return ta !== undefined && tb !== undefined && ta !== tb ? ta - tb : a.line - b.line;
  };
  const sorted = [...records].sort(order);
  const counting = sorted.filter((r) => !isReinstatement(r) && counts(r));
  const record = counting[counting.length - 1];
  if (!record) return undefined;
  const reinstated = sorted.filter((r) => isReinstatement(r) && order(r, record) > 0).pop();
  return { record, ...(reinstated ? { reinstated } : {}) };
}

function isReinstatement(rec: RetractionRecord): boolean {
  return rec.nature?.trim().toLowerCase() === 'reinstatement';
}

export async function loadRetractions(path: string, shown: string): Promise<Map<string, RetractionRecord[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError(`--retractions: cannot read ${shown}`);
  }
  return parseRetractions(text, shown);
}

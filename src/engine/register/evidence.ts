/** Helpers for reading a claim's evidence. */
import {
  DESIGN_LEVEL,
  type Claim,
  type Design,
  type EvidenceItem,
  type EvidenceKind,
  type EvidenceLevel,
  type Reference,
  type Source,
  type SourceKind,
} from '../../model.js';
import type { LoadedClaim } from '../load/loader.js';
import { mayContain, termPattern } from './term-matches.js';
import { publishedYear, valueKind } from './values.js';
import { statisticForm } from './statistics.js';

export function evidenceOf(claim: Claim): EvidenceItem[] {
  return Array.isArray(claim.evidence) ? claim.evidence : [];
}

/**
 * Whether an evidence item points to something a reader can check: a
 * citation of a reference the source defines, or the source's own study.
 */
export function isCitable(item: EvidenceItem, definedRefs: ReadonlySet<string>): boolean {
  if (item.cites) return item.cites.some((id) => definedRefs.has(String(id)));
  return item.kind === 'own-study';
}

export function hasCitableEvidence(c: LoadedClaim): boolean {
  return evidenceOf(c.claim).some((e) => isCitable(e, c.file.referenceIds));
}

/** Percentages, rates and "N of M" counts in free text. */
export const STATISTIC_PATTERN = new RegExp(
  [
    // 60%, 60 percent
    String.raw`\b\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s?cent\b)`,
    // 1 in 10, 55 out of 68
    String.raw`\b\d+(?:[.,]\d+)?\s*(?:in|out of)\s*\d+\b`,
    // an outcome rate or an effect ratio with a number: "response rate was about 70", "odds ratio 2.1"
    // (not any "rate": "heart rate rose within 5 minutes" is not a statistic)
    String.raw`\b(?:success|response|remission|relapse|recurrence|cure|mortality|death|survival|failure|dropout|adverse[- ]event|side[- ]effect|complication|incidence|prevalence|abuse|addiction)\s+rates?\b[^.]{0,40}?\d`,
    String.raw`\b(?:odds|hazard|risk|rate)\s+ratios?\b[^.]{0,20}?\d|\b(?:relative|absolute)\s+risk\b[^.]{0,30}?\d|\bnumber\s+needed\s+to\s+(?:treat|harm)\b[^.]{0,20}?\d`,
  ].join('|'),
  'i',
);

/** Whether a claim states a number, percentage or rate (by its value or its text). */
export function statesStatistic(claim: Claim, pattern: RegExp = STATISTIC_PATTERN): boolean {
  const kind = valueKind(claim.value);
  if (kind === 'quantity' || kind === 'count' || statisticForm(claim.value) !== undefined) return true;
  if (kind === 'effect' && claim.value && 'size' in claim.value && claim.value.size) return true;
  return pattern.test(claim.text);
}

/** The design a source's own study has, from its kind. */
const SOURCE_KIND_DESIGN: Partial<Record<SourceKind, Design>> = {
  'systematic-review': 'systematic-review',
  'meta-analysis': 'meta-analysis',
  rct: 'rct',
  cohort: 'cohort',
  'case-control': 'case-control',
  'cross-sectional': 'cross-sectional',
  'case-series': 'case-series',
  'case-report': 'case-report',
  'narrative-review': 'narrative-review',
  guideline: 'guideline',
  news: 'news',
  'press-release': 'press-release',
  marketing: 'marketing',
  'clinic-page': 'marketing',
};

/** The design an evidence kind amounts to, when it is not a citation. */
const KIND_DESIGN: Record<EvidenceKind, Design | undefined> = {
  testimonial: 'testimonial',
  anecdote: 'anecdote',
  'expert-opinion': 'expert-opinion',
  mechanism: 'mechanism',
  'own-study': undefined,
  unattributed: 'unattributed',
  'named-source': undefined,
  marketing: 'marketing',
};

/** One piece of evidence behind a claim, resolved to what it is. */
export interface ResolvedEvidence {
  item: EvidenceItem;
  /** Index of the item in the claim's `evidence` list. */
  index: number;
  /** The reference cited, for citations (one entry per cited id that the source defines). */
  reference?: Reference;
  /** The design, from the item, the reference, or the kind; undefined when unknown. */
  design?: Design;
  level: EvidenceLevel | undefined;
  /** Sample size, from the item or the reference. */
  n?: number;
  year?: number;
}

/**
 * Every piece of evidence of a claim, with designs and levels resolved: a
 * citation gives one entry per defined reference it cites (design from the
 * item, else from the reference); an own study takes the source's design.
 * Dangling citations are left out (refs/dangling reports them).
 */
export function resolveEvidence(c: LoadedClaim): readonly ResolvedEvidence[] {
  let out = resolved.get(c);
  if (!out) {
    out = resolve(c);
    resolved.set(c, out);
  }
  return out;
}

/** Resolved once per claim (the claim objects are rebuilt when a file is read again). */
const resolved = new WeakMap<LoadedClaim, readonly ResolvedEvidence[]>();
/** A source's references by id, built once per source. */
const referencesById = new WeakMap<Source, ReadonlyMap<string, Reference>>();

function resolve(c: LoadedClaim): ResolvedEvidence[] {
  let refs = referencesById.get(c.source);
  if (!refs) {
    refs = new Map((c.source.references ?? []).map((r) => [String(r.id), r]));
    referencesById.set(c.source, refs);
  }
  const out: ResolvedEvidence[] = [];
  evidenceOf(c.claim).forEach((item, index) => {
    if (item.cites) {
      for (const id of item.cites) {
        const reference = refs.get(String(id));
        if (!reference) continue;
        const design = item.design ?? reference.design;
        const n = item.n ?? reference.n;
        out.push({
          item,
          index,
          reference,
          ...(design ? { design } : {}),
          level: design ? DESIGN_LEVEL[design] : undefined,
          ...(n !== undefined ? { n } : {}),
          ...(reference.year !== undefined ? { year: reference.year } : {}),
        });
      }
      return;
    }
    const design = item.design ?? (item.kind === 'own-study' ? SOURCE_KIND_DESIGN[c.source.kind] : item.kind ? KIND_DESIGN[item.kind] : undefined);
    const year = item.kind === 'own-study' ? publishedYear(c.source) : undefined;
    out.push({
      item,
      index,
      ...(design ? { design } : {}),
      level: design ? DESIGN_LEVEL[design] : item.kind === 'named-source' ? null : undefined,
      ...(item.n !== undefined ? { n: item.n } : {}),
      ...(year !== undefined ? { year } : {}),
    });
  });
  return out;
}

/**
 * The best (lowest-numbered) CEBM level among a claim's evidence: 1–5,
 * `null` when all of it is "not evidence", undefined when no design is known.
 */
export function bestLevel(evidence: readonly ResolvedEvidence[]): EvidenceLevel | undefined {
  let best: EvidenceLevel | undefined;
  for (const e of evidence) {
    if (e.level === undefined) continue;
    if (e.level === null) {
      if (best === undefined) best = null;
      continue;
    }
    if (best === undefined || best === null || e.level < best) best = e.level;
  }
  return best;
}

/** Whether free text contains one of the terms (whole words, case-insensitive). Returns the first match. */
export function findTerm(text: string, terms: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  for (const term of terms) {
    if (term.trim() === '' || !mayContain(lower, term)) continue;
    const re = termPattern(term);
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

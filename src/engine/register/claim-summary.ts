/**
 * A self-contained description of each claim of the register, for reports
 * that show claims beside their findings (the HTML report): the claim's
 * text, where it is, its value, its context facets and its evidence with
 * the cited references resolved. Plain data: serialisable as JSON.
 */
import { FACETS, type Aspect, type ClaimContext, type Design, type EvidenceKind, type EvidenceLevel } from '../../model.js';
import { interventionParts } from './context.js';
import { bestLevel, evidenceOf, resolveEvidence } from './evidence.js';
import type { LoadedClaim } from '../load/loader.js';
import { asEffect, describeValue, publishedYear, valueKind } from './values.js';
import type { Vocabulary } from './vocabulary.js';

/** Where a claim's evidence puts it for the overview: a CEBM level, or why it has none. */
export type EvidenceBand = '1' | '2' | '3' | '4' | '5' | 'not-evidence' | 'unrated' | 'none';

export const EVIDENCE_BANDS: readonly EvidenceBand[] = ['1', '2', '3', '4', '5', 'not-evidence', 'unrated', 'none'];

/** A reference a claim cites, as the source lists it. */
export interface CitedReference {
  id: string;
  title?: string;
  authors?: string[];
  venue?: string;
  year?: number;
  design?: Design;
  n?: number;
  url?: string;
  doi?: string;
  /** Notice types attached to the reference (retraction, erratum, ...). */
  notices?: string[];
}

/** One item of a claim's `evidence` list, resolved. */
export interface EvidenceSummary {
  /** `citation` for `cites`, otherwise the item's kind (`unknown` when it gives neither). */
  kind: 'citation' | EvidenceKind | 'unknown';
  /** Cited ids, as written. */
  cites?: string[];
  /** The cited references the source defines. */
  references?: CitedReference[];
  /** Cited ids the source does not define. */
  missing?: string[];
  name?: string;
  design?: Design;
  n?: number;
  quote?: string;
  note?: string;
  /** Best CEBM level of this item (1–5), `null` for "not evidence"; absent when unknown. */
  level?: EvidenceLevel;
}

/** One context facet as stated, with a key for comparing it across claims. */
export interface FacetSummary {
  /** As written (an intervention given as text is read into its parts). */
  value: string;
  /** Canonical form (vocabulary aliases applied, lowercased): equal keys mean the same term. */
  key: string;
}

export interface ClaimSummary {
  /** `<source.id>/<claim.id>` */
  id: string;
  text: string;
  /** Path relative to the working directory, forward slashes. */
  file: string;
  /** Line and column of the claim's text. */
  line: number;
  column: number;
  at?: string;
  source: string;
  sourceTitle: string;
  sourceKind: string;
  subject: string;
  /** The subject after vocabulary aliases (its canonical name), for grouping and display. */
  subjectKey: string;
  aspect: Aspect;
  property: string;
  /** A short description of the typed value ("the 1950s", "benefit", "no value"). */
  value: string;
  /** The context as written. */
  context: ClaimContext;
  /** Stated facets by name: population, intervention.agent/.route/.dose/.regimen, comparator, outcome, setting. */
  facets: Record<string, FacetSummary>;
  evidence: EvidenceSummary[];
  /** Best CEBM level over all the evidence (bestLevel): 1–5, `null` for "not evidence", absent when unknown. */
  level?: EvidenceLevel;
  band: EvidenceBand;
}

function definedString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function doseKey(d: string): string {
  return d.toLowerCase().replace(/\s+/g, '').replace(/hr\b|hour\b/g, 'h');
}

function facetsOf(context: ClaimContext | undefined, vocab: Vocabulary): Record<string, FacetSummary> {
  const out: Record<string, FacetSummary> = {};
  if (!context) return out;
  for (const facet of FACETS) {
    if (facet === 'intervention') {
      const parts = interventionParts(context.intervention, vocab);
      for (const part of ['agent', 'route', 'dose', 'regimen'] as const) {
        const v = parts[part];
        if (definedString(v)) out[`intervention.${part}`] = { value: v, key: part === 'dose' ? doseKey(v) : vocab.term(v) };
      }
    } else {
      const v = context[facet];
      if (definedString(v)) out[facet] = { value: v, key: vocab.term(v) };
    }
  }
  return out;
}

/** The value as the report shows it: an effect with its size reads "44% (benefit)", as the messages do. */
function summaryValue(c: LoadedClaim): string {
  const v = c.claim.value;
  if (v && valueKind(v) === 'effect') {
    const e = asEffect(v);
    if (e.size) return `${describeValue(e.size)} (${e.effect})`;
  }
  return describeValue(v, publishedYear(c.source));
}

function bandOf(level: EvidenceLevel | undefined, hasEvidence: boolean): EvidenceBand {
  if (level === null) return 'not-evidence';
  if (level !== undefined) return String(level) as EvidenceBand;
  return hasEvidence ? 'unrated' : 'none';
}

/** What a report needs of every claim to count and group it: a summary's fields that cost no text work. */
export type ClaimBrief = Pick<ClaimSummary, 'id' | 'file' | 'source' | 'sourceTitle' | 'sourceKind' | 'subject' | 'subjectKey' | 'property' | 'value' | 'band'>;

/** A claim's brief: the fields of its summary that need no position, facets or cited references (the same values). */
export function briefOf(c: LoadedClaim, vocab: Vocabulary, display: (abs: string) => string): ClaimBrief {
  return {
    id: c.fullId,
    file: display(c.file.path),
    source: c.source.id,
    sourceTitle: c.source.title,
    sourceKind: c.source.kind,
    subject: c.claim.subject,
    subjectKey: vocab.subjectName(c.claim.subject),
    property: c.claim.property,
    value: summaryValue(c),
    band: bandOf(bestLevel(resolveEvidence(c)), evidenceOf(c.claim).length > 0),
  };
}

/** Describe one claim. `display` turns an absolute path into the path findings show. */
export function summarizeClaim(c: LoadedClaim, vocab: Vocabulary, display: (abs: string) => string): ClaimSummary {
  const resolved = resolveEvidence(c);
  const items = evidenceOf(c.claim);
  const evidence: EvidenceSummary[] = items.map((item, index) => {
    const mine = resolved.filter((r) => r.index === index);
    const level = bestLevel(mine);
    const e: EvidenceSummary = { kind: item.cites ? 'citation' : (item.kind ?? 'unknown') };
    if (item.cites) {
      e.cites = item.cites.map(String);
      e.references = mine.flatMap((r) => {
        const ref = r.reference;
        if (!ref) return [];
        const cited: CitedReference = { id: String(ref.id) };
        if (ref.title) cited.title = ref.title;
        if (ref.authors?.length) cited.authors = ref.authors;
        if (ref.venue) cited.venue = ref.venue;
        if (ref.year !== undefined) cited.year = ref.year;
        if (r.design) cited.design = r.design;
        if (r.n !== undefined) cited.n = r.n;
        if (ref.url) cited.url = ref.url;
        if (ref.doi) cited.doi = ref.doi;
        if (ref.notices?.length) cited.notices = ref.notices.map((n) => n.type);
        return [cited];
      });
      const defined = new Set(e.references.map((r) => r.id));
      const missing = e.cites.filter((id) => !defined.has(id));
      if (missing.length) e.missing = missing;
    }
    if (item.name) e.name = item.name;
    // A citation's design is on each reference; another item's is its own or its kind's.
    const design = item.design ?? (item.cites ? undefined : mine[0]?.design);
    if (design) e.design = design;
    if (item.n !== undefined) e.n = item.n;
    if (item.quote) e.quote = item.quote;
    if (item.note) e.note = item.note;
    if (level !== undefined) e.level = level;
    return e;
  });
  const level = bestLevel(resolved);
  const at = c.range(['text']);
  const summary: ClaimSummary = {
    id: c.fullId,
    text: c.claim.text,
    file: display(c.file.path),
    line: at.line,
    column: at.column,
    source: c.source.id,
    sourceTitle: c.source.title,
    sourceKind: c.source.kind,
    subject: c.claim.subject,
    subjectKey: vocab.subjectName(c.claim.subject),
    aspect: c.claim.aspect,
    property: c.claim.property,
    value: summaryValue(c),
    context: c.claim.context ?? {},
    facets: facetsOf(c.claim.context, vocab),
    evidence,
    band: bandOf(level, items.length > 0),
  };
  if (c.claim.at) summary.at = c.claim.at;
  if (level !== undefined) summary.level = level;
  return summary;
}

/** Every claim of the register by full id (the first wins when ids repeat). */
export function summarizeClaims(
  claims: readonly LoadedClaim[],
  vocab: Vocabulary,
  display: (abs: string) => string,
): Record<string, ClaimSummary> {
  const out: Record<string, ClaimSummary> = Object.create(null);
  for (const c of claims) {
    if (Object.prototype.hasOwnProperty.call(out, c.fullId)) continue;
    out[c.fullId] = summarizeClaim(c, vocab, display);
  }
  return out;
}

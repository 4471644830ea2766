/**
 * The citation graph of the register: which reference of which source is
 * itself a source of the register, matched by DOI, PubMed id, URL or
 * normalised title and year. Built once per register (linear: every source
 * and every reference is keyed once, every citing claim looked up once).
 *
 * For each claim that cites such a reference, the graph also records what
 * the cited work says on the same subject and property: whether it supports
 * the claim, contradicts it (value, direction or size), or says nothing on
 * it in the register. `evidence/misrepresents-cited` reports from it, and
 * the JSON report lists it (`citations`).
 */
import type { EffectValue, QuantityValue } from '../../model.js';
import type { LoadedClaim, LoadedReference, RegisterFile } from '../load/loader.js';
import { disagreement } from './disagreement.js';
import { evidenceOf } from './evidence.js';
import { pairContext } from './pairs.js';
import { normalizeDoi } from './retractions.js';
import { roundingHalfUnit } from './statistics.js';
import { asEffect, asQuantity, compareValues, describeValue, overlaps, publishedYear, quantityInterval, valueKind, type Interval } from './values.js';
import type { Register } from './register.js';

/** Normalise a URL for comparison; undefined for placeholders that name no work. */
export function normalizeUrl(url: string): string | undefined {
  const u = url.trim().replace(/^<|>$/g, '');
  if (u === '' || u === '#' || /^#/.test(u)) return undefined;
  return u
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** Normalise a title for comparison; undefined for titles too short to identify a work. */
export function normalizeTitle(title: string): string | undefined {
  const t = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();
  return t.length >= 12 ? t : undefined;
}

const DOI_IN_URL = /\b(10\.\d{4,9}\/[^\s?#]+)/i;
const PMID_IN_URL = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)(\d+)/i;

export type MatchedBy = 'doi' | 'pmid' | 'url' | 'title-year';

interface WorkFields {
  doi?: string;
  pmid?: string | number;
  url?: string;
  title?: string;
  year?: number;
}

/** The keys a work can be recognised by, strongest first. */
export function workKeys(w: WorkFields): Array<[MatchedBy, string]> {
  const keys: Array<[MatchedBy, string]> = [];
  const url = typeof w.url === 'string' ? w.url : undefined;
  const doi = typeof w.doi === 'string' && w.doi.trim() !== '' ? w.doi : url ? DOI_IN_URL.exec(decodeURIComponentSafe(url))?.[1] : undefined;
  if (doi) keys.push(['doi', normalizeDoi(doi).replace(/[.,;]+$/, '')]);
  const pmid = w.pmid !== undefined ? String(w.pmid) : url ? PMID_IN_URL.exec(url)?.[1] : undefined;
  if (pmid) keys.push(['pmid', pmid]);
  const u = url ? normalizeUrl(url) : undefined;
  if (u) keys.push(['url', u]);
  const t = typeof w.title === 'string' ? normalizeTitle(w.title) : undefined;
  if (t && w.year !== undefined) keys.push(['title-year', `${t}\u0000${w.year}`]);
  return keys;
}

/** Work keys by the object they were computed from (a reference entry, a source): files an edit left alone keep theirs. */
const KEYS = new WeakMap<object, Array<[MatchedBy, string]>>();

function keysOf(o: object, fields: () => WorkFields): Array<[MatchedBy, string]> {
  let keys = KEYS.get(o);
  if (!keys) KEYS.set(o, (keys = workKeys(fields())));
  return keys;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What the cited work says on the citing claim's subject and property. */
export type CitationVerdict = 'supports' | 'contradicts' | 'silent' | 'unchecked';

export interface CitingClaim {
  claim: LoadedClaim;
  verdict: CitationVerdict;
  /** The cited source's claims on the same subject and property (for `contradicts`: the ones that disagree). */
  cited: LoadedClaim[];
  /** For `contradicts`: how the first disagreeing claim reads, and how this one does. */
  citedValue?: string;
  value?: string;
  /** For `contradicts`: whether a context facet is stated by only one side of every disagreeing pair. */
  uncertain?: boolean;
  /** For `contradicts`: the context note of the first disagreeing pair (" (stated by only one claim: population)"). */
  context?: string;
  /** Where the claim cites the reference: [evidence index, cites index]. */
  at: [number, number];
}

export interface Citation {
  /** The citing source's file and the reference in its list. */
  from: RegisterFile;
  reference: LoadedReference;
  /** The cited source's file. */
  to: RegisterFile;
  matchedBy: MatchedBy;
  claims: CitingClaim[];
}

export class CitationGraph {
  readonly citations: Citation[] = [];
  private readonly byReference = new Map<LoadedReference, Citation>();
  private readonly sourcesByKey = new Map<string, RegisterFile>();

  constructor(private readonly register: Register) {
    for (const f of register.files) {
      if (!f.source) continue;
      const s = f.source;
      const fields = (): WorkFields => {
        const year = publishedYear(s);
        return { doi: s.doi, pmid: s.pmid, url: s.url, title: s.title, ...(year !== undefined ? { year } : {}) };
      };
      for (const [by, key] of keysOf(s, fields)) {
        if (!this.sourcesByKey.has(`${by}:${key}`)) this.sourcesByKey.set(`${by}:${key}`, f);
      }
    }
    // Claims of each cited source by subject and property, to find what a cited work says (built only if something is cited).
    let bySourceKey: Map<string, LoadedClaim[]> | undefined;
    const claimsOf = (to: RegisterFile, c: LoadedClaim): LoadedClaim[] => {
      if (!bySourceKey) {
        bySourceKey = new Map();
        for (const x of register.claims) {
          const k = `${x.file.path}\u0000${register.subjectPropertyKey(x)}`;
          const list = bySourceKey.get(k);
          if (list) list.push(x);
          else bySourceKey.set(k, [x]);
        }
      }
      return bySourceKey.get(`${to.path}\u0000${register.subjectPropertyKey(c)}`) ?? [];
    };
    for (const f of register.files) {
      const byRef = new Map<string, Citation>();
      for (const r of f.references) {
        const hit = this.lookupKeys(keysOf(r.reference, () => r.reference));
        if (!hit || hit.file === f) continue;
        const citation: Citation = { from: f, reference: r, to: hit.file, matchedBy: hit.by, claims: [] };
        this.citations.push(citation);
        this.byReference.set(r, citation);
        byRef.set(String(r.reference.id), citation);
      }
      if (byRef.size === 0) continue;
      for (const c of f.claims) {
        const seen = new Set<Citation>();
        evidenceOf(c.claim).forEach((item, i) => {
          (Array.isArray(item.cites) ? item.cites : []).forEach((id, j) => {
            const citation = byRef.get(String(id));
            if (!citation || seen.has(citation)) return;
            seen.add(citation);
            const cited = claimsOf(citation.to, c);
            citation.claims.push({ ...judge(c, cited, register), claim: c, at: [i, j] });
          });
        });
      }
    }
  }

  /** The register source a work (a reference, or a `superseded_by` DOI) is, if any. */
  lookup(w: WorkFields): { file: RegisterFile; by: MatchedBy } | undefined {
    return this.lookupKeys(workKeys(w));
  }

  private lookupKeys(keys: ReadonlyArray<[MatchedBy, string]>): { file: RegisterFile; by: MatchedBy } | undefined {
    for (const [by, key] of keys) {
      const file = this.sourcesByKey.get(`${by}:${key}`);
      if (file) return { file, by };
    }
    return undefined;
  }

  /** The source a `superseded_by` names: a source id of the register, or a DOI. */
  resolveWork(idOrDoi: string): RegisterFile | undefined {
    const byId = this.register.filesWithSource(idOrDoi)[0];
    return byId ?? this.lookup({ doi: idOrDoi })?.file;
  }

  /** The citation a claim's cited reference resolves to, if any. */
  citationOf(ref: LoadedReference): Citation | undefined {
    return this.byReference.get(ref);
  }
}

/** A quantity's interval widened by the rounding of its numbers (44% covers 43.5 to 44.5). */
function roundedInterval(q: QuantityValue): Interval | undefined {
  const i = quantityInterval(q);
  if (!i) return undefined;
  const nums = q.range ?? (q.number !== undefined ? [q.number, q.number] : []);
  const slack = Math.max(0, ...nums.map(roundingHalfUnit));
  return [i[0] - slack, i[1] + slack];
}

function sameUnit(a: QuantityValue, b: QuantityValue): boolean {
  const u = (q: QuantityValue) => (q.unit ?? '').toLowerCase().replace(/\s+/g, '').replace(/^percent$/, '%');
  return u(a) === u(b);
}

/** Whether two quantities can be compared, and if so whether they agree (allowing the rounding of each). */
function compareQuantities(a: QuantityValue, b: QuantityValue): boolean | undefined {
  if (!sameUnit(a, b)) return undefined;
  const ia = roundedInterval(a);
  const ib = roundedInterval(b);
  return ia && ib ? overlaps(ia, ib) : undefined;
}

/**
 * Compare a claim with the cited work's claims on the same subject and
 * property. `true` agrees, `false` disagrees, undefined cannot be compared.
 */
function agreement(claim: LoadedClaim, cited: LoadedClaim, register: Register): boolean | undefined {
  const a = claim.claim.value;
  const b = cited.claim.value;
  if (!a || !b) return undefined;
  const ka = valueKind(a);
  if (ka !== valueKind(b) || ka === undefined) return undefined;
  if (ka === 'quantity') return compareQuantities(asQuantity(a), asQuantity(b));
  if (ka === 'effect') {
    const ea: EffectValue = asEffect(a);
    const eb: EffectValue = asEffect(b);
    // Opposite directions disagree; sizes are compared below, allowing the rounding of each.
    if (disagreement(cited, claim, register.vocabulary)?.dimension === 'direction') return false;
    if (ea.effect !== eb.effect) return undefined; // mixed against a direction: not comparable
    if (ea.size && eb.size) return compareQuantities(ea.size, eb.size) ?? true;
    return true;
  }
  const cmp = compareValues(b, a, register.vocabulary, { a: publishedYear(cited.source), b: publishedYear(claim.source) });
  return cmp.comparable ? cmp.compatible : undefined;
}

function judge(claim: LoadedClaim, cited: LoadedClaim[], register: Register): Omit<CitingClaim, 'claim' | 'at'> {
  if (cited.length === 0) return { verdict: 'silent', cited: [] };
  const disagreeing: LoadedClaim[] = [];
  let uncertain = true;
  let context = '';
  for (const d of cited) {
    const ctx = pairContext(claim, d, register.vocabulary);
    if (ctx.verdict === 'different') continue; // a result for another population, dose, outcome…
    const agrees = agreement(claim, d, register);
    if (agrees === true) return { verdict: 'supports', cited };
    if (agrees === false) {
      if (disagreeing.length === 0) context = ctx.note;
      disagreeing.push(d);
      if (ctx.verdict === 'match') uncertain = false;
    }
  }
  if (disagreeing.length === 0) return { verdict: 'unchecked', cited };
  const first = disagreeing[0]!;
  return {
    verdict: 'contradicts',
    cited: disagreeing,
    citedValue: describeEffectOrValue(first),
    value: describeEffectOrValue(claim),
    uncertain,
    context,
  };
}

/** A value for messages; an effect with its size reads as the size ("44%"), the direction otherwise. */
function describeEffectOrValue(c: LoadedClaim): string {
  const v = c.claim.value;
  if (valueKind(v) === 'effect' && asEffect(v!).size) return `${describeValue(asEffect(v!).size)} (${asEffect(v!).effect})`;
  return describeValue(v, publishedYear(c.source));
}

/** One citation as plain data (the JSON report's `citations`). */
export interface CitationData {
  /** Citing source id, its file and the reference id in its list. */
  from: string;
  file: string;
  reference: string;
  /** Cited source id and its file. */
  to: string;
  toFile: string;
  matchedBy: MatchedBy;
  /** Each claim citing the reference, with what the cited work says on its subject and property. */
  claims: Array<{ claim: string; verdict: CitationVerdict; cited: string[] }>;
}

export function citationsData(graph: CitationGraph, display: (abs: string) => string): CitationData[] {
  return graph.citations.map((c) => ({
    from: c.from.source?.id ?? '?',
    file: display(c.from.path),
    reference: String(c.reference.reference.id),
    to: c.to.source?.id ?? '?',
    toFile: display(c.to.path),
    matchedBy: c.matchedBy,
    claims: c.claims.map((x) => ({ claim: x.claim.fullId, verdict: x.verdict, cited: x.cited.map((d) => d.fullId) })),
  }));
}

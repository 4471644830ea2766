/**
 * The shared decision every conflict rule makes: compare the PICO context of
 * two claims facet by facet (same, nested, different, unknown), so that a
 * disagreement is a conflict only when the claims speak of the same thing.
 */
import { FACETS, type ClaimContext, type InterventionDetail } from '../../model.js';
import { nameKey, normalizeTerm, type Vocabulary } from './vocabulary.js';

/**
 * - `same`: both state it, equivalently (after vocabulary aliases);
 * - `nested`: one is a narrower form of the other ("migraine" and "migraine with aura");
 * - `different`: both state it, differently;
 * - `unknown`: only one claim states it;
 * - `absent`: neither states it (nothing to tell them apart).
 */
export type FacetRelation = 'same' | 'nested' | 'different' | 'unknown' | 'absent';

export interface ContextComparison {
  /** Relation of each facet; intervention parts appear as `intervention.route` etc. */
  readonly facets: Readonly<Record<string, FacetRelation>>;
  readonly different: readonly string[];
  readonly unknown: readonly string[];
  readonly nested: readonly string[];
  /** No facet differs and none is unknown: the claims are about the same thing. */
  readonly matches: boolean;
}

const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'in', 'with', 'and', 'for', 'to', 'on', 'at', 'by', 'patients', 'people', 'adults']);
const ROUTE_TERMS = new Set(['intravenous', 'intranasal', 'intramuscular', 'oral', 'subcutaneous', 'sublingual']);
const DOSE_RE = /\b\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?\s*(?:mg|mcg|µg|g|ml)(?:\s*\/\s*kg)?(?:\s*\/\s*(?:h|hr|hour|day|dose|min))?\b/i;

function tokens(s: string, vocab: Vocabulary): string[] {
  return normalizeTerm(s)
    .split(/[^a-z0-9.%/'-]+/)
    .filter((t) => t !== '' && !STOPWORDS.has(t))
    .map((t) => vocab.term(t));
}

/**
 * A facet's term read once: its canonical form and its set of words. Claims
 * keep these (see `contextKey`), so comparing two contexts does no text work.
 */
export interface TermKey {
  term: string;
  /** The term with spaces, hyphens and underscores alike (see vocabulary.ts `nameKey`): "vitamin d" and "vitamin-d" are one term. */
  name: string;
  words: ReadonlySet<string>;
}

/** Term keys by text, per vocabulary: a facet text is read once however many claims state it. */
const termKeys = new WeakMap<Vocabulary, Map<string, TermKey | undefined>>();
/** Relations between two term keys, worked out once per pair. */
const relations = new WeakMap<TermKey, Map<TermKey, FacetRelation>>();

export function termKey(s: string | undefined, vocab: Vocabulary): TermKey | undefined {
  if (s === undefined) return undefined;
  let known = termKeys.get(vocab);
  if (!known) termKeys.set(vocab, (known = new Map()));
  if (known.has(s)) return known.get(s);
  let key: TermKey | undefined;
  if (s.trim() !== '') {
    const term = vocab.term(s);
    key = { term, name: nameKey(term), words: new Set(tokens(term, vocab)) };
  }
  known.set(s, key);
  return key;
}

export function compareTermKeys(a: TermKey | undefined, b: TermKey | undefined, vocab: Vocabulary): FacetRelation {
  if (!a && !b) return 'absent';
  if (!a || !b) return 'unknown';
  if (a === b || a.term === b.term || a.name === b.name) return 'same';
  let row = relations.get(a);
  if (!row) relations.set(a, (row = new Map()));
  let rel = row.get(b);
  if (rel === undefined) row.set(b, (rel = relateTerms(a, b, vocab)));
  return rel;
}

function relateTerms(a: TermKey, b: TermKey, vocab: Vocabulary): FacetRelation {
  if (vocab.nested(a.term, b.term)) return 'nested';
  const sa = a.words;
  const sb = b.words;
  if (sa.size === sb.size && [...sa].every((t) => sb.has(t))) return 'same';
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size > 0 && [...small].every((t) => big.has(t))) return 'nested';
  return 'different';
}

export function compareTerms(a: string | undefined, b: string | undefined, vocab: Vocabulary): FacetRelation {
  return compareTermKeys(termKey(a, vocab), termKey(b, vocab), vocab);
}

function normDose(d: string | undefined): string | undefined {
  return d?.toLowerCase().replace(/\s+/g, '').replace(/hr\b|hour\b/g, 'h');
}

/** Read an intervention given as free text into its parts, as far as it can be. */
export function interventionParts(i: string | InterventionDetail | undefined, vocab: Vocabulary): InterventionDetail {
  if (i === undefined) return {};
  if (typeof i !== 'string') return i;
  const out: InterventionDetail = {};
  let rest = i;
  const dose = DOSE_RE.exec(rest);
  if (dose) {
    out.dose = dose[0];
    rest = rest.replace(dose[0], ' ');
  }
  const agentWords: string[] = [];
  for (const t of tokens(rest, vocab)) {
    if (ROUTE_TERMS.has(t) && !out.route) out.route = t;
    else agentWords.push(t);
  }
  if (agentWords.length) out.agent = agentWords.join(' ');
  return out;
}

/** The facets compared, intervention split into its parts. */
const PARTS: readonly string[] = FACETS.flatMap((f) =>
  f === 'intervention' ? ['intervention.agent', 'intervention.route', 'intervention.dose', 'intervention.regimen'] : [f],
);

/**
 * A claim's context read once: each facet (and intervention part) as a
 * `TermKey`, and an `id` equal for contexts whose every facet reads the same
 * (such contexts always match). `subject` is the claim's subject: an
 * intervention that does not name its agent is taken to be the subject
 * itself (an efficacy claim about ketamine is about giving ketamine).
 */
export interface ContextKey {
  readonly parts: ReadonlyArray<TermKey | undefined>;
  readonly id: string;
}

export function contextKey(ctx: ClaimContext | undefined, vocab: Vocabulary, subject?: string): ContextKey {
  const parts: Array<TermKey | undefined> = [];
  for (const facet of FACETS) {
    if (facet === 'intervention') {
      const i = { ...interventionParts(ctx?.intervention, vocab) };
      if (subject !== undefined) i.agent ??= vocab.subjectName(subject);
      parts.push(termKey(i.agent, vocab), termKey(i.route, vocab), termKey(normDose(i.dose), vocab), termKey(i.regimen, vocab));
    } else {
      parts.push(termKey(ctx?.[facet], vocab));
    }
  }
  return { parts, id: parts.map((p) => p?.term ?? '').join('\u0001') };
}

/**
 * Comparisons by the relation of each facet: a register's many pairs of
 * contexts compare in few distinct ways, and each way is one shared
 * (frozen) object, not one per pair.
 */
const COMPARISONS = new Map<string, ContextComparison>();
const RELATION_CODE: Record<FacetRelation, string> = { same: 's', nested: 'n', different: 'd', unknown: 'u', absent: 'a' };

/** Compare two contexts read with `contextKey`, facet by facet. */
export function compareContextKeys(a: ContextKey, b: ContextKey, vocab: Vocabulary): ContextComparison {
  const rels: FacetRelation[] = PARTS.map((_, i) =>
    // An intervention named only by its agent on one side leaves its route and dose unknown.
    a.id === b.id ? (a.parts[i] ? 'same' : 'absent') : compareTermKeys(a.parts[i], b.parts[i], vocab),
  );
  const code = rels.map((r) => RELATION_CODE[r]).join('');
  let known = COMPARISONS.get(code);
  if (!known) {
    const facets: Record<string, FacetRelation> = {};
    PARTS.forEach((name, i) => {
      if (rels[i] !== 'absent') facets[name] = rels[i]!;
    });
    const pick = (r: FacetRelation) => Object.freeze(PARTS.filter((_, i) => rels[i] === r));
    const different = pick('different');
    const unknown = pick('unknown');
    known = Object.freeze({ facets: Object.freeze(facets), different, unknown, nested: pick('nested'), matches: different.length === 0 && unknown.length === 0 });
    COMPARISONS.set(code, known);
  }
  return known;
}

/**
 * Compare two contexts facet by facet. `subjects` are the claims' subjects:
 * an intervention that does not name its agent is taken to be the subject
 * itself (an efficacy claim about ketamine is about giving ketamine).
 */
export function compareContexts(
  a: ClaimContext | undefined,
  b: ClaimContext | undefined,
  vocab: Vocabulary,
  subjects?: { a: string; b: string },
): ContextComparison {
  return compareContextKeys(contextKey(a, vocab, subjects?.a), contextKey(b, vocab, subjects?.b), vocab);
}

/** "population, intervention (route)" for messages. */
export function facetList(names: readonly string[]): string {
  return names.map((n) => n.replace(/^intervention\.(\w+)$/, 'intervention ($1)')).join(', ');
}

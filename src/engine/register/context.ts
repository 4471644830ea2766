/**
 * The shared decision every conflict rule makes: compare the PICO context of
 * two claims facet by facet (same, nested, different, unknown), so that a
 * disagreement is a conflict only when the claims speak of the same thing.
 */
import { FACETS, type ClaimContext, type InterventionDetail } from '../../model.js';
import { normalizeTerm, type Vocabulary } from './vocabulary.js';

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
  facets: Record<string, FacetRelation>;
  different: string[];
  unknown: string[];
  nested: string[];
  /** No facet differs and none is unknown: the claims are about the same thing. */
  matches: boolean;
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

export function compareTerms(a: string | undefined, b: string | undefined, vocab: Vocabulary): FacetRelation {
  const ea = a !== undefined && a.trim() !== '';
  const eb = b !== undefined && b.trim() !== '';
  if (!ea && !eb) return 'absent';
  if (!ea || !eb) return 'unknown';
  const ta = vocab.term(a);
  const tb = vocab.term(b);
  if (ta === tb) return 'same';
  if (vocab.nested(ta, tb)) return 'nested';
  const sa = new Set(tokens(ta, vocab));
  const sb = new Set(tokens(tb, vocab));
  if (sa.size === sb.size && [...sa].every((t) => sb.has(t))) return 'same';
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size > 0 && [...small].every((t) => big.has(t))) return 'nested';
  return 'different';
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
  const facets: Record<string, FacetRelation> = {};
  for (const facet of FACETS) {
    if (facet === 'intervention') {
      const ia = { ...interventionParts(a?.intervention, vocab) };
      const ib = { ...interventionParts(b?.intervention, vocab) };
      if (subjects) {
        ia.agent ??= vocab.subject(subjects.a);
        ib.agent ??= vocab.subject(subjects.b);
      }
      for (const part of ['agent', 'route', 'dose', 'regimen'] as const) {
        const rel =
          part === 'dose'
            ? compareTerms(normDose(ia.dose), normDose(ib.dose), vocab)
            : compareTerms(ia[part], ib[part], vocab);
        // An intervention named only by its agent on one side leaves its route and dose unknown.
        if (rel !== 'absent') facets[`intervention.${part}`] = rel;
      }
    } else {
      const rel = compareTerms(a?.[facet], b?.[facet], vocab);
      if (rel !== 'absent') facets[facet] = rel;
    }
  }
  const pick = (r: FacetRelation) => Object.keys(facets).filter((k) => facets[k] === r);
  const different = pick('different');
  const unknown = pick('unknown');
  return { facets, different, unknown, nested: pick('nested'), matches: different.length === 0 && unknown.length === 0 };
}

/** "population, intervention (route)" for messages. */
export function facetList(names: readonly string[]): string {
  return names.map((n) => n.replace(/^intervention\.(\w+)$/, 'intervention ($1)')).join(', ');
}

/**
 * Conflict findings linear in claims. Within a subject/property group the
 * conflict rules do not compare every pair of claims: they split the group
 * into clusters of claims whose values are compatible (sorted intervals for
 * times, quantities and effect sizes; buckets for directions, categories,
 * counts and assertions), pick the prevailing cluster (most sources, then
 * best evidence, then the earliest claim), and report each claim outside it
 * that disagrees with another cluster once, naming up to `MAX_NAMED` claims
 * of each cluster it disagrees with and the cluster's size. See
 * docs/rules/conflict/value.md ("How disagreements are grouped").
 */
import type { EffectDirection, EvidenceLevel, ValueKind } from '../../model.js';
import { compareContextKeys, compareTermKeys, facetList, type ContextComparison, type ContextKey } from './context.js';
import type { ClaimFacts } from './facts.js';
import { asAssertion, asCategory, asCount, asEffect, compareValues, describeValue, overlaps, type Interval } from './values.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * How the contexts of two disagreeing claims compare: `match` (every facet
 * the same, nested or stated by neither), `unknown` (some facet stated by one
 * claim only), `different` (some facet differs).
 */
export type Verdict = 'match' | 'unknown' | 'different';
const VERDICTS: readonly Verdict[] = ['match', 'unknown', 'different'];

export interface PairContext {
  comparison: ContextComparison;
  verdict: Verdict;
  /** " (context differs in population; stated by only one claim: setting)" or "". */
  note: string;
}

/** One verdict per comparison: comparisons are shared (context.ts), and so are their verdicts. */
const PAIR_CONTEXTS = new WeakMap<ContextComparison, PairContext>();

export function pairContextOf(comparison: ContextComparison): PairContext {
  let known = PAIR_CONTEXTS.get(comparison);
  if (!known) PAIR_CONTEXTS.set(comparison, (known = Object.freeze(describePair(comparison))));
  return known;
}

function describePair(comparison: ContextComparison): PairContext {
  const verdict = comparison.different.length ? 'different' : comparison.unknown.length ? 'unknown' : 'match';
  const parts: string[] = [];
  if (comparison.different.length) parts.push(`context differs in ${facetList(comparison.different)}`);
  if (comparison.unknown.length) parts.push(`stated by only one claim: ${facetList(comparison.unknown)}`);
  return { comparison, verdict, note: parts.length ? ` (${parts.join('; ')})` : '' };
}

/** The context verdict of two claims, from their facts (no text work). */
export function pairContext(a: ClaimFacts, b: ClaimFacts, vocab: Vocabulary): PairContext {
  return pairContextOf(compareContextKeys(a.context, b.context, vocab));
}

/** One way claims of a group can disagree: their values, their directions of effect, their effect sizes. */
export interface Dimension {
  /** Claims of different families are never compared; undefined: the claim takes no part. */
  family(f: ClaimFacts): string | undefined;
  /** Split the claims of one family into clusters of mutually compatible claims. */
  clusters(members: readonly ClaimFacts[]): ClaimFacts[][];
  /** Whether two claims of one family cannot both hold (context aside). */
  conflicts(a: ClaimFacts, b: ClaimFacts): boolean;
  /** A claim's value as a message shows it ("the 1950s"). */
  describe(f: ClaimFacts): string;
  /** What every claim of a cluster allows ("1960–1964"). */
  describeCluster(members: readonly ClaimFacts[]): string;
  /**
   * Whether a claim of this family disagrees with all the claims of a cluster
   * or with none (bucketed values: directions, categories, assertions), so
   * that a cluster it cannot disagree with is skipped without a scan.
   */
  uniform?(f: ClaimFacts): boolean;
}

const cmpNum = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Intervals sorted by their start, swept into cliques: a claim joins the
 * current cluster while it starts before every member ends, so the members
 * of a cluster all overlap (they share the span from the latest start to
 * the earliest end). O(n log n).
 */
function intervalClusters(members: readonly ClaimFacts[], span: (f: ClaimFacts) => Interval): ClaimFacts[][] {
  const sorted = [...members].sort((a, b) => cmpNum(span(a)[0], span(b)[0]) || cmpNum(span(a)[1], span(b)[1]) || a.order - b.order);
  const out: ClaimFacts[][] = [];
  let current: ClaimFacts[] = [];
  let end = -Infinity;
  for (const f of sorted) {
    const [lo, hi] = span(f);
    if (current.length && lo <= end) {
      current.push(f);
      end = Math.min(end, hi);
    } else {
      current = [f];
      out.push(current);
      end = hi;
    }
  }
  return out;
}

function bucketClusters(members: readonly ClaimFacts[], key: (f: ClaimFacts) => string): ClaimFacts[][] {
  const buckets = new Map<string, ClaimFacts[]>();
  for (const f of members) push(buckets, key(f), f);
  return [...buckets.values()];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const fmt = (n: number) => String(Number(n.toPrecision(6)));

/** The span every member allows, for a message: "1960–1964", "up to 30%", "1990 or later". */
function describeCore(members: readonly ClaimFacts[], span: (f: ClaimFacts) => Interval, unit: string, time: boolean): string {
  const lo = Math.max(...members.map((m) => span(m)[0]));
  const hi = Math.min(...members.map((m) => span(m)[1]));
  const u = unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`;
  if (lo === -Infinity) return time ? `${fmt(hi)} or earlier` : `up to ${fmt(hi)}${u}`;
  if (hi === Infinity) return time ? `${fmt(lo)} or later` : `at least ${fmt(lo)}${u}`;
  return lo === hi ? `${fmt(lo)}${u}` : `${fmt(lo)}–${fmt(hi)}${u}`;
}

/** One description when every member reads the same, else the span they share. */
function clusterDescription(members: readonly ClaimFacts[], describe: (f: ClaimFacts) => string, core: () => string): string {
  const first = describe(members[0]!);
  return members.every((m) => describe(m) === first) ? first : core();
}

/**
 * Incompatible values (`conflict/value`): times and quantities (per unit)
 * whose spans do not overlap, counts, categories and assertions that
 * disagree. `kinds` limits the value families compared.
 */
export function valueDimension(vocab: Vocabulary, kinds: ReadonlySet<ValueKind> = new Set(['time', 'quantity', 'count', 'category', 'assertion'])): Dimension {
  const value = (f: ClaimFacts) => f.claim.claim.value!;
  const describe = (f: ClaimFacts) => describeValue(f.claim.claim.value, f.year);
  return {
    family(f) {
      if (f.kind === undefined || !kinds.has(f.kind)) return undefined;
      switch (f.kind) {
        case 'time':
          return f.interval ? 'time' : undefined;
        case 'quantity':
          return f.interval ? `quantity:${f.unit}` : undefined;
        case 'count': {
          const c = asCount(value(f));
          return c.total !== undefined || c.percent !== undefined || c.denominator !== undefined ? 'count' : undefined;
        }
        case 'category':
        case 'assertion':
          return f.kind;
        default:
          return undefined;
      }
    },
    clusters(members) {
      const kind = members[0]?.kind;
      if (kind === 'time' || kind === 'quantity') return intervalClusters(members, (f) => f.interval!);
      return bucketClusters(members, (f) => {
        const v = value(f);
        if (kind === 'category') return vocab.category(asCategory(v).category);
        if (kind === 'assertion') return String(asAssertion(v).holds);
        // Counts: claims with the same total (or, without totals, the same percentage, or denominator) always agree.
        const c = asCount(v);
        return c.total !== undefined ? `t${c.total}` : c.percent !== undefined ? `p${c.percent}` : `d${c.denominator}`;
      });
    },
    conflicts(a, b) {
      if (a.interval && b.interval) return !overlaps(a.interval, b.interval);
      const cmp = compareValues(value(a), value(b), vocab, { a: a.year, b: b.year });
      return cmp.comparable && !cmp.compatible;
    },
    describe,
    uniform: (f) => f.kind === 'category' || f.kind === 'assertion',
    describeCluster(members) {
      const kind = members[0]!.kind;
      return clusterDescription(members, describe, () =>
        kind === 'time' || kind === 'quantity' ? describeCore(members, (f) => f.interval!, members[0]!.unit, kind === 'time') : describe(members[0]!),
      );
    },
  };
}

/** Which directions of effect contradict which. */
export const OPPOSED: Record<EffectDirection, readonly EffectDirection[]> = {
  benefit: ['no-benefit', 'harm'],
  'no-benefit': ['benefit'],
  harm: ['benefit'],
  mixed: [],
};

export function effectsOpposed(a: EffectDirection, b: EffectDirection): boolean {
  return OPPOSED[a].includes(b);
}

/** Opposite directions of effect (`conflict/direction`): benefit against no benefit or harm. */
export const directionDimension: Dimension = {
  family: (f) => (f.kind === 'effect' ? 'effect' : undefined),
  clusters: (members) => bucketClusters(members, (f) => asEffect(f.claim.claim.value!).effect),
  conflicts: (a, b) => effectsOpposed(asEffect(a.claim.claim.value!).effect, asEffect(b.claim.claim.value!).effect),
  describe: (f) => asEffect(f.claim.claim.value!).effect,
  describeCluster: (members) => asEffect(members[0]!.claim.claim.value!).effect,
  uniform: () => true,
};

/** Effect sizes in the same direction and unit whose intervals do not overlap (`conflict/magnitude`). */
export const magnitudeDimension: Dimension = {
  family: (f) => (f.size ? `${asEffect(f.claim.claim.value!).effect}:${f.size.unit}` : undefined),
  clusters: (members) => intervalClusters(members, (f) => f.size!.interval),
  conflicts: (a, b) => !overlaps(a.size!.interval, b.size!.interval),
  describe: (f) => describeValue(asEffect(f.claim.claim.value!).size),
  describeCluster(members) {
    const unit = asEffect(members[0]!.claim.claim.value!).size?.unit ?? '';
    return clusterDescription(members, magnitudeDimension.describe, () => describeCore(members, (f) => f.size!.interval, unit, false));
  },
};

export interface Cluster {
  /** In register order. */
  readonly members: readonly ClaimFacts[];
  /** Distinct sources among the members. */
  readonly sources: number;
  readonly description: string;
  /** The cluster the others are reported against. */
  readonly prevailing: boolean;
  /** Members bucketed by normalised context, so a context verdict is worked out once per bucket. */
  readonly byContext: ReadonlyArray<{ readonly context: number; readonly members: readonly ClaimFacts[] }>;
}

/** Lower is better; "not evidence" (testimonials, named sources) counts as no evidence. */
const levelRank = (l: EvidenceLevel | undefined) => (typeof l === 'number' ? l : 6);

/**
 * The clusters of each family of a group that has more than one, ranked: the prevailing one first
 * (most sources; then, among as many sources, the one with no claim in a
 * preferred file — one changed under
 * `--changed-since` or `--baseline` — so that a claim the user is adding is
 * the one reported, on the lines they changed; then the best evidence level
 * of any member; then the earliest claim), then the others in the same order.
 */
export function clustersOf(
  claims: readonly ClaimFacts[],
  dim: Dimension,
  contextIds: (f: ClaimFacts) => number,
  preferred: (f: ClaimFacts) => boolean = () => false,
): Cluster[][] {
  const byFamily = new Map<string, ClaimFacts[]>();
  for (const f of claims) {
    const fam = dim.family(f);
    if (fam !== undefined) push(byFamily, fam, f);
  }
  const out: Cluster[][] = [];
  for (const members of byFamily.values()) {
    if (members.length < 2) continue;
    const split = dim.clusters(members);
    // One cluster: everything agrees, nothing to report (and no context to read).
    if (split.length < 2) continue;
    const ranked = split
      .map((ms) => {
        const sorted = [...ms].sort((a, b) => a.order - b.order);
        const byContext = new Map<number, ClaimFacts[]>();
        for (const m of sorted) push(byContext, contextIds(m), m);
        let level: number | undefined;
        return {
          members: sorted,
          sources: new Set(sorted.map((m) => m.sourceKey)).size,
          // Evidence is resolved only to break a tie.
          get level(): number {
            return (level ??= Math.min(...sorted.map((m) => levelRank(m.level))));
          },
          // Holds a claim of a file the user is working on (changed under --changed-since or --baseline).
          preferred: sorted.some(preferred) ? 1 : 0,
          first: sorted[0]!.order,
          byContext: [...byContext].map(([context, list]) => ({ context, members: list })),
        };
      })
      .sort((a, b) => b.sources - a.sources || a.preferred - b.preferred || a.level - b.level || a.first - b.first);
    out.push(
      ranked.map((c, i) => ({
        members: c.members,
        sources: c.sources,
        byContext: c.byContext,
        prevailing: i === 0,
        description: dim.describeCluster(c.members),
      })),
    );
  }
  return out;
}

/** How many claims of one cluster a finding names, and how many clusters. */
export const MAX_NAMED = 5;

export interface Partner {
  facts: ClaimFacts;
  context: PairContext;
}

export interface ClusterDisagreement {
  cluster: Cluster;
  /** Up to MAX_NAMED claims of the cluster the claim disagrees with, best context verdict first. */
  partners: Partner[];
}

/** Everything one claim disagrees with, for one finding. */
export interface Disagreements {
  facts: ClaimFacts;
  /** The best context verdict among the partners (decides the severity). */
  verdict: Verdict;
  /** The prevailing cluster first when the claim disagrees with it; at most MAX_NAMED clusters. */
  clusters: ClusterDisagreement[];
  /** The claim disagrees with more clusters than are listed. */
  more: boolean;
}

/** Verdicts as small numbers, for the memo (0: not worked out yet). */
const CODE: Record<Verdict, number> = { match: 1, unknown: 2, different: 3 };

/**
 * The contexts of one subject/property group, each distinct normalised
 * context numbered once, with the verdict between two of them worked out
 * once (per-facet relations are themselves memoised per pair of terms). The
 * register keeps one per group, shared by every conflict rule.
 */
export class ContextIndex {
  private readonly ids = new Map<string, number>();
  private readonly keys: ContextKey[] = [];
  private readonly rows = new Map<number, Uint8Array>();
  private readonly pairs = new Map<number, Map<number, PairContext>>();

  constructor(private readonly vocab: Vocabulary) {}

  /** The number of a claim's context, given on first sight. */
  id(f: ClaimFacts): number {
    let id = this.ids.get(f.context.id);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(f.context.id, id);
      this.keys.push(f.context);
    }
    return id;
  }

  verdict(a: number, b: number): Verdict {
    return VERDICTS[this.row(a)(b)]!;
  }

  /** Verdicts of context `a` against others, as indexes into VERDICTS (match 0, unknown 1, different 2). */
  row(a: number): (b: number) => number {
    let row = this.rows.get(a);
    if (!row || row.length < this.keys.length) {
      const grown = new Uint8Array(Math.max(this.keys.length, 2 * (row?.length ?? 0)));
      if (row) grown.set(row);
      this.rows.set(a, (row = grown));
    }
    const r = row;
    return (b) => {
      if (r[b] === 0) r[b] = CODE[this.work(a, b)];
      return r[b]! - 1;
    };
  }

  /** The full comparison (which facets differ), for the claims a finding names. */
  pair(a: number, b: number): PairContext {
    let row = this.pairs.get(a);
    if (!row) this.pairs.set(a, (row = new Map()));
    let p = row.get(b);
    if (!p) row.set(b, (p = pairContextOf(compareContextKeys(this.keys[a]!, this.keys[b]!, this.vocab))));
    return p;
  }

  private work(a: number, b: number): Verdict {
    if (a === b) return 'match';
    const pa = this.keys[a]!.parts;
    const pb = this.keys[b]!.parts;
    let unknown = false;
    for (let i = 0; i < pa.length; i++) {
      const rel = compareTermKeys(pa[i], pb[i], this.vocab);
      if (rel === 'different') return 'different';
      if (rel === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : 'match';
  }
}

/**
 * Every claim of a group outside its family's prevailing cluster that
 * disagrees with some claim of another source in another cluster, whose
 * context verdict `accept` takes. Claims of the prevailing cluster are not
 * reported: their disagreements show on the other side. Claims of one
 * source are never paired (a source contradicting itself is another rule's
 * business).
 *
 * Cost: clustering is O(n log n); each reported claim then passes over the
 * context buckets of the other clusters once (verdicts memoised per pair of
 * distinct contexts, in a byte table) and stops scanning a cluster once it
 * has MAX_NAMED claims of the best verdict.
 */
export function clusterConflicts(
  claims: readonly ClaimFacts[],
  dim: Dimension,
  contexts: ContextIndex,
  accept: (v: Verdict) => boolean,
  preferred?: (f: ClaimFacts) => boolean,
): Disagreements[] {
  const out: Disagreements[] = [];
  const accepted = VERDICTS.map(accept);
  for (const clusters of clustersOf(claims, dim, (f) => contexts.id(f), preferred)) {
    if (clusters.length < 2) continue;
    for (const own of clusters) {
      if (own.prevailing) continue;
      for (const x of own.members) {
        const d = disagreementsOf(x, own, clusters, dim, contexts, accepted);
        if (d) out.push(d);
      }
    }
  }
  return out;
}

function disagreementsOf(
  x: ClaimFacts,
  own: Cluster,
  clusters: readonly Cluster[],
  dim: Dimension,
  contexts: ContextIndex,
  accepted: readonly boolean[],
): Disagreements | undefined {
  const cx = contexts.id(x);
  const verdicts = contexts.row(cx);
  // Once the best verdict the rule reports has a full set of claims, nothing better can turn up.
  const first = accepted.indexOf(true);
  const found: ClusterDisagreement[] = [];
  let more = false;
  let best = VERDICTS.length;
  const uniform = dim.uniform?.(x) ?? false;
  for (const other of clusters) {
    if (other === own || (uniform && !dim.conflicts(x, other.members[0]!))) continue;
    const limit = found.length === MAX_NAMED ? 1 : MAX_NAMED;
    // Up to `limit` partners per verdict, in one pass over the buckets; a full set of matches ends it.
    const byVerdict: Array<Array<{ y: ClaimFacts; context: number }>> = [[], [], []];
    for (const bucket of other.byContext) {
      const v = verdicts(bucket.context);
      if (!accepted[v] || byVerdict[v]!.length === limit) continue;
      for (const y of bucket.members) {
        if (y.sourceKey === x.sourceKey || !dim.conflicts(x, y)) continue;
        byVerdict[v]!.push({ y, context: bucket.context });
        if (byVerdict[v]!.length === limit) break;
      }
      if (byVerdict[first]!.length === limit) break;
    }
    const partners: Partner[] = byVerdict
      .flat()
      .slice(0, limit)
      .map((p) => ({ facts: p.y, context: contexts.pair(cx, p.context) }));
    if (partners.length === 0) continue;
    if (found.length === MAX_NAMED) {
      more = true;
      break;
    }
    best = Math.min(best, VERDICTS.indexOf(partners[0]!.context.verdict));
    found.push({ cluster: other, partners });
  }
  if (found.length === 0) return undefined;
  return { facts: x, verdict: VERDICTS[best]!, clusters: found, more };
}

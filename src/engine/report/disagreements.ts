/**
 * The aggregate view of disagreement (`--format json` `disagreements`): for
 * each subject and property whose claims fall into clusters that disagree,
 * the clusters — the prevailing one first — with their sources, claims,
 * value and best evidence level. The same clusters the conflict rules
 * report against (src/engine/register/clusters.ts), worked out once per
 * group: linear in claims but for the O(n log n) clustering.
 */
import type { EvidenceLevel } from '../../model.js';
import { clustersOf, directionDimension, magnitudeDimension, valueDimension, type Cluster, type Dimension } from '../register/clusters.js';
import type { Register } from '../register/register.js';

export interface DisagreementCluster {
  /** The cluster the others are reported against: most sources, then best evidence, then the earliest claim. */
  prevailing: boolean;
  /** What the cluster's claims say ("the 1960s", "benefit", "40–44%"). */
  value: string;
  /** Source ids, in register order. */
  sources: string[];
  /** Full claim ids (`source/claim`). */
  claims: string[];
  /** The best CEBM level among the claims' evidence (1 best); null when none of them has evidence (or only testimonials, named sources). */
  bestLevel: EvidenceLevel;
}

export interface DisagreementGroup {
  subject: string;
  property: string;
  /** How the clusters differ: incompatible values, opposite directions of effect, or effect sizes that do not overlap. */
  dimension: 'value' | 'direction' | 'magnitude';
  clusters: DisagreementCluster[];
}

const levelRank = (l: EvidenceLevel | undefined) => (typeof l === 'number' ? l : 6);

function clusterData(c: Cluster): DisagreementCluster {
  let best: EvidenceLevel | undefined;
  for (const m of c.members) if (levelRank(m.level) < levelRank(best)) best = m.level;
  return {
    prevailing: c.prevailing,
    value: c.description,
    sources: [...new Set(c.members.map((m) => m.claim.source.id))],
    claims: c.members.map((m) => m.claim.fullId),
    bestLevel: best ?? null,
  };
}

/** Whether some claim of one cluster disagrees with some claim of another, from another source. */
function disagree(clusters: readonly Cluster[], dim: Dimension): boolean {
  const prevailing = clusters[0]!;
  return clusters.slice(1).some((c) => c.members.some((x) => prevailing.members.some((y) => x.sourceKey !== y.sourceKey && dim.conflicts(x, y))));
}

/** Every subject/property group with disagreeing clusters, in register order. */
export function disagreementsData(register: Register): DisagreementGroup[] {
  return [...disagreementsByGroup(register).values()].flat();
}

/**
 * The same, by subject/property key (see Register.subjectPropertyKey), in
 * register order: the incremental engine keeps them by group, and works out
 * again only those of the groups a change touched.
 */
export function disagreementsByGroup(register: Register): Map<string, DisagreementGroup[]> {
  const dims: Array<[DisagreementGroup['dimension'], Dimension]> = [
    ['value', valueDimension(register.vocabulary)],
    ['direction', directionDimension],
    ['magnitude', magnitudeDimension],
  ];
  const out = new Map<string, DisagreementGroup[]>();
  for (const group of register.subjectPropertyGroups()) {
    if (group.length < 2 || new Set(group.map((c) => c.source.id)).size < 2) continue;
    const facts = group.map((c) => register.facts(c));
    const contexts = register.contexts(group);
    const found: DisagreementGroup[] = [];
    for (const [dimension, dim] of dims) {
      for (const family of clustersOf(facts, dim, (f) => contexts.id(f))) {
        if (family.length < 2 || !disagree(family, dim)) continue;
        const first = group[0]!.claim;
        found.push({ subject: first.subject, property: first.property, dimension, clusters: family.map(clusterData) });
      }
    }
    if (found.length) out.set(register.subjectPropertyKey(group[0]!), found);
  }
  return out;
}

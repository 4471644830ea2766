/**
 * Evidence by design: labels for messages, named sources mapped to a design
 * through a rule's options, and the studies (as opposed to stories and
 * names) behind a claim.
 */
import { DESIGN_LEVEL, type Design, type EvidenceItem } from '../../model.js';
import { findTerm, resolveEvidence, type ResolvedEvidence } from './evidence.js';
import type { LoadedClaim } from '../load/loader.js';

/** Every design, for option schemas. */
export const DESIGNS: readonly Design[] = [
  'systematic-review',
  'meta-analysis',
  'rct',
  'cohort',
  'non-randomized-controlled',
  'cross-sectional',
  'case-series',
  'case-control',
  'case-report',
  'mechanism',
  'expert-opinion',
  'narrative-review',
  'animal',
  'in-vitro',
  'guideline',
  'testimonial',
  'anecdote',
  'marketing',
  'news',
  'press-release',
  'unattributed',
];

/** JSON Schema of a list of designs. */
export const designList = { type: 'array', uniqueItems: true, items: { enum: [...DESIGNS] } } as const;

/** JSON Schema of a map from a name (as written in `name:` of a named source) to the design it stands for. */
export const namedSourceMap = {
  type: 'object',
  additionalProperties: { enum: [...DESIGNS] },
  propertyNames: { minLength: 1 },
} as const;

/** Designs in words, for messages: [one, several]. */
export const DESIGN_LABELS: Readonly<Record<Design, readonly [string, string]>> = {
  'systematic-review': ['systematic review', 'systematic reviews'],
  'meta-analysis': ['meta-analysis', 'meta-analyses'],
  rct: ['randomized trial', 'randomized trials'],
  cohort: ['cohort study', 'cohort studies'],
  'non-randomized-controlled': ['non-randomized controlled study', 'non-randomized controlled studies'],
  'cross-sectional': ['cross-sectional study', 'cross-sectional studies'],
  'case-series': ['case series', 'case series'],
  'case-control': ['case-control study', 'case-control studies'],
  'case-report': ['case report', 'case reports'],
  mechanism: ['mechanistic argument', 'mechanistic reasoning'],
  'expert-opinion': ['expert opinion', 'expert opinions'],
  'narrative-review': ['narrative review', 'narrative reviews'],
  animal: ['animal study', 'animal studies'],
  'in-vitro': ['in-vitro study', 'in-vitro studies'],
  guideline: ['guideline', 'guidelines'],
  testimonial: ['testimonial', 'testimonials'],
  anecdote: ['anecdote', 'anecdotes'],
  marketing: ['marketing claim', 'marketing claims'],
  news: ['news report', 'news reports'],
  'press-release': ['press release', 'press releases'],
  unattributed: ['unattributed statement', 'unattributed statements'],
};

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The plural labels of some designs, deduplicated, in order. */
export function designWords(designs: ReadonlyArray<Design | undefined>): string {
  return joinWords([...new Set(designs.filter((d): d is Design => d !== undefined).map((d) => DESIGN_LABELS[d][1]))]);
}

/**
 * The design a named source stands for, by a map of names: a key matches
 * when it occurs in the name as whole words, case-insensitive
 * ("WSJ" matches "WSJ" and "the WSJ").
 */
export function namedSourceDesign(name: string | undefined, names: Readonly<Record<string, Design>>): Design | undefined {
  if (!name) return undefined;
  for (const [key, design] of Object.entries(names)) if (findTerm(name, [key])) return design;
  return undefined;
}

/** The resolved evidence of one item of a claim's `evidence` list. */
export interface ItemEvidence {
  item: EvidenceItem;
  index: number;
  /**
   * One design per piece of evidence the item stands for (each defined
   * reference a citation cites; the item itself otherwise), undefined where
   * unknown. Empty for a citation whose ids are all undefined.
   */
  designs: Array<Design | undefined>;
  entries: ResolvedEvidence[];
}

/**
 * A claim's evidence item by item, with designs resolved as
 * `resolveEvidence` does, and named sources given a design through `names`
 * when the item states none.
 */
export function evidenceByItem(c: LoadedClaim, names: Readonly<Record<string, Design>> = {}): ItemEvidence[] {
  const resolved = resolveEvidence(c).map((e): ResolvedEvidence => {
    if (e.design !== undefined || e.item.kind !== 'named-source') return e;
    const design = namedSourceDesign(e.item.name, names);
    return design ? { ...e, design, level: DESIGN_LEVEL[design] } : e;
  });
  const items = Array.isArray(c.claim.evidence) ? c.claim.evidence : [];
  return items.map((item, index) => {
    const entries = resolved.filter((e) => e.index === index);
    return { item, index, entries, designs: entries.map((e) => e.design) };
  });
}

/** Whether every piece of evidence of the item has one of the designs (false when it has none). */
export function itemHasOnly(item: ItemEvidence, designs: ReadonlySet<Design>): boolean {
  return item.designs.length > 0 && item.designs.every((d) => d !== undefined && designs.has(d));
}

/**
 * The studies behind a claim: every piece of evidence that is not "not
 * evidence" (testimonials, anecdotes, marketing, news, press releases,
 * unattributed statements, names with nothing behind them). A citation of a
 * reference whose design is not stated counts as a study of unknown design.
 */
export function studiesOf(evidence: readonly ResolvedEvidence[]): ResolvedEvidence[] {
  return evidence.filter((e) => e.level !== null);
}

/**
 * The total sample size of some studies: an item's own `n` counts once for
 * the item (however many references it cites), otherwise each reference's
 * `n`. Undefined when any study's size is not known.
 */
export function totalSample(studies: readonly ResolvedEvidence[]): number | undefined {
  let total = 0;
  const counted = new Set<number>();
  for (const s of studies) {
    if (s.item.n !== undefined) {
      if (!counted.has(s.index)) total += s.item.n;
      counted.add(s.index);
      continue;
    }
    if (s.n === undefined) return undefined;
    total += s.n;
  }
  return total;
}

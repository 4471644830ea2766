/**
 * Whether two claims on one subject and property disagree, whatever their
 * value family: the pairwise decision the conflict rules' clusters are built
 * on, for checks that compare two given claims (e.g. two claims of one source).
 */
import type { LoadedClaim } from '../load/loader.js';
import { directionDimension, magnitudeDimension, valueDimension, type Dimension } from './clusters.js';

export { OPPOSED, effectsOpposed } from './clusters.js';
import { claimFacts } from './facts.js';
import type { Vocabulary } from './vocabulary.js';

export interface Disagreement {
  /** How they disagree: incompatible values, opposite directions of effect, effect sizes that do not overlap. */
  dimension: 'value' | 'direction' | 'magnitude';
  /** How each side reads in a message ("benefit", "the 1950s", "76%"). */
  value: string;
  otherValue: string;
}

/** The dimensions, made once per vocabulary (a check may compare millions of pairs). */
const byVocabulary = new WeakMap<Vocabulary, Array<[Disagreement['dimension'], Dimension]>>();
function dimensions(vocab: Vocabulary): Array<[Disagreement['dimension'], Dimension]> {
  let dims = byVocabulary.get(vocab);
  if (!dims) byVocabulary.set(vocab, (dims = [['value', valueDimension(vocab)], ['direction', directionDimension], ['magnitude', magnitudeDimension]]));
  return dims;
}

/**
 * The disagreement between `b` and `a` (claims on the same subject and
 * property), if their values cannot both hold; context is not considered
 * (compare it with `pairContext` from clusters.ts). Per-claim work (intervals,
 * publication years, normalised contexts) is done once per claim and reused.
 */
export function disagreement(a: LoadedClaim, b: LoadedClaim, vocab: Vocabulary): Disagreement | undefined {
  const fa = claimFacts(a, vocab);
  const fb = claimFacts(b, vocab);
  for (const [dimension, dim] of dimensions(vocab)) {
    const family = dim.family(fa);
    if (family === undefined || family !== dim.family(fb) || !dim.conflicts(fa, fb)) continue;
    return { dimension, value: dim.describe(fb), otherValue: dim.describe(fa) };
  }
  return undefined;
}

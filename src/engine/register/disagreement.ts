/** Whether two claims on one subject and property disagree, whatever their value family. */
import type { EffectDirection } from '../../model.js';
import type { LoadedClaim } from '../load/loader.js';
import { asEffect, compareValues, describeValue, publishedYear, valueKind } from './values.js';
import type { Vocabulary } from './vocabulary.js';

export const OPPOSED: Record<EffectDirection, readonly EffectDirection[]> = {
  benefit: ['no-benefit', 'harm'],
  'no-benefit': ['benefit'],
  harm: ['benefit'],
  mixed: [],
};

export function effectsOpposed(a: EffectDirection, b: EffectDirection): boolean {
  return OPPOSED[a].includes(b);
}

export interface Disagreement {
  /** How each side reads in a message ("benefit", "the 1950s"). */
  value: string;
  otherValue: string;
}

/** The disagreement between `b` and `a`, if their values cannot both hold. */
export function disagreement(a: LoadedClaim, b: LoadedClaim, vocab: Vocabulary): Disagreement | undefined {
  const va = a.claim.value;
  const vb = b.claim.value;
  if (!va || !vb) return undefined;
  const years = { a: publishedYear(a.source), b: publishedYear(b.source) };
  if (valueKind(va) === 'effect' && valueKind(vb) === 'effect') {
    const ea = asEffect(va).effect;
    const eb = asEffect(vb).effect;
    return effectsOpposed(ea, eb) ? { value: eb, otherValue: ea } : undefined;
  }
  const cmp = compareValues(va, vb, vocab, years);
  if (!cmp.comparable || cmp.compatible) return undefined;
  return { value: describeValue(vb, years.b), otherValue: describeValue(va, years.a) };
}

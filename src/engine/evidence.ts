/** Helpers for reading a claim's evidence. */
import type { Claim, EvidenceItem } from '../model.js';
import type { LoadedClaim } from './loader.js';
import { valueKind } from './values.js';

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
export const STATISTIC_PATTERN =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s?cent\b)|\b\d+(?:[.,]\d+)?\s*(?:in|out of)\s*\d+\b|\b(?:rate|odds|risk|ratio)s?\b[^.]{0,40}\b\d/i;

/** Whether a claim states a number, percentage or rate (by its value or its text). */
export function statesStatistic(claim: Claim, pattern: RegExp = STATISTIC_PATTERN): boolean {
  const kind = valueKind(claim.value);
  if (kind === 'quantity' || kind === 'count') return true;
  if (kind === 'effect' && claim.value && 'size' in claim.value && claim.value.size) return true;
  return pattern.test(claim.text);
}

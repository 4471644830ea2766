import * as crypto from 'node:crypto';
import type { Finding } from './finding.js';

/** What a check says about a finding's identity, beside its rule, file, claim and related items. */
export interface FindingIdentity {
  /**
   * What tells this finding apart from the rule's other findings on the same
   * claim or source, when the claim and related ids do not: a reference id,
   * a term, which of the rule's problems it is. Never a count, a value or
   * wording that an unrelated edit can change.
   */
  key?: string;
  /**
   * The related items list a group for the reader (the claims a
   * source-level finding concerns), not the other side of the problem: they
   * are left out of the fingerprint, which would otherwise change whenever
   * such a claim is added.
   */
  relatedIsGroup?: boolean;
}

/**
 * A finding's stable identity, for baselines, `--changed-since` and SARIF
 * partialFingerprints. It is built from what identifies the problem — the
 * rule, the claim (or, for a finding with no claim, its file) and the ids of
 * the related claims, references or sources, plus the check's key — and
 * never from the message, counts, values or line numbers, so it survives
 * edits elsewhere in the register: adding a claim to the same source, moving
 * lines, rewording a message.
 *
 * The located claim and the related ids are taken as one set: a conflict
 * between two claims has the same fingerprint whichever of them the finding
 * sits on (the later claim in a full run, the claim in the changed file when
 * files are given or only new problems are reported).
 */
export function fingerprint(f: Omit<Finding, 'fingerprint'>, identity: FindingIdentity = {}): string {
  const located = `${f.file}#${f.claim ?? ''}`;
  const related = identity.relatedIsGroup ? [] : f.related.map((r) => `${r.file}#${r.claim}`);
  const involved = [located, ...related].sort().join('|');
  // The first 32 hex digits, as a string of its own (a slice would keep all 64).
  return sha256([f.rule, involved, identity.key ?? ''].join('\u0000')).toString('hex', 0, 16);
}

/** Node's one-shot hash (Node 20.12 and later): a third of the time of createHash for short strings, as many as there are findings. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash;

function sha256(data: string): Buffer {
  return oneShot ? oneShot('sha256', data, 'buffer') : crypto.createHash('sha256').update(data).digest();
}

import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';

/**
 * A finding's stable identity: rule, file, claim, related claims and
 * message — never line or column, so it survives unrelated edits that move
 * lines. Used for baselines, `--changed-since` and SARIF partialFingerprints.
 * Messages therefore name ids, not line numbers. A finding whose report
 * gives an identity `key` (see `Report.key`) hashes rule, file, claim and
 * key instead of related locations and message.
 */
export function fingerprint(f: Omit<Finding, 'fingerprint'>, key?: string): string {
  // A finding with an identity key (a conflict rule's cluster finding): rule, file, claim and key.
  if (key !== undefined) {
    return createHash('sha256').update(['key', f.rule, f.file, f.claim ?? '', key].join('\u0000')).digest('hex').slice(0, 32);
  }
  const related = f.related.map((r) => `${r.file}#${r.claim}`).sort().join('|');
  return createHash('sha256')
    .update([f.rule, f.file, f.claim ?? '', related, f.message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

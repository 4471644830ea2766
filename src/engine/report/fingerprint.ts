import { createHash } from 'node:crypto';
import type { Finding } from './finding.js';

/**
 * A finding's stable identity: rule, file, claim, related claims and
 * message — never line or column, so it survives unrelated edits that move
 * lines. Used for baselines, `--changed-since` and SARIF partialFingerprints.
 * Messages therefore name ids, not line numbers.
 */
export function fingerprint(f: Omit<Finding, 'fingerprint'>): string {
  const related = f.related.map((r) => `${r.file}#${r.claim}`).sort().join('|');
  return createHash('sha256')
    .update([f.rule, f.file, f.claim ?? '', related, f.message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

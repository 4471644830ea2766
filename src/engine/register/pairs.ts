import type { Report } from '../run/check.js';
import { compareContexts, facetList, type ContextComparison } from './context.js';
import type { LoadedClaim } from '../load/loader.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Context verdict for a disagreeing pair, shared by the conflict checks:
 * `match` (every facet the same, nested or stated by neither), `unknown`
 * (some facet stated by one claim only), `different` (some facet differs).
 */
export interface PairContext {
  comparison: ContextComparison;
  verdict: 'match' | 'unknown' | 'different';
  /** "; context differs in population; not stated by both: setting" or "". */
  note: string;
}

export function pairContext(a: LoadedClaim, b: LoadedClaim, vocab: Vocabulary): PairContext {
  const comparison = compareContexts(a.claim.context, b.claim.context, vocab, { a: a.claim.subject, b: b.claim.subject });
  const verdict = comparison.different.length ? 'different' : comparison.unknown.length ? 'unknown' : 'match';
  const parts: string[] = [];
  if (comparison.different.length) parts.push(`context differs in ${facetList(comparison.different)}`);
  if (comparison.unknown.length) parts.push(`stated by only one claim: ${facetList(comparison.unknown)}`);
  return { comparison, verdict, note: parts.length ? ` (${parts.join('; ')})` : '' };
}

/**
 * Report a disagreeing pair on the later claim `b`, with `a` as related: at
 * the rule's severity when the contexts match, one step lower and with the
 * facets named when they do not. Returns false when the pair is left out
 * (contexts differ and the rule leaves those to conflict/context).
 */
export function reportPair(
  report: (r: Report) => void,
  a: LoadedClaim,
  b: LoadedClaim,
  vocab: Vocabulary,
  differentContext: 'demote' | 'ignore',
  data: Record<string, string | number>,
): boolean {
  const ctx = pairContext(a, b, vocab);
  if (ctx.verdict === 'different' && differentContext === 'ignore') return false;
  report({
    file: b.file,
    range: b.range(['value']),
    claim: b,
    related: [a],
    messageId: ctx.verdict === 'match' ? 'default' : ctx.verdict,
    demote: ctx.verdict !== 'match',
    data: { subject: b.claim.subject, property: b.claim.property, other: a.fullId, context: ctx.note, ...data },
  });
  return true;
}

/**
 * Which claim of a pair carries the finding: the later one (`b`), unless
 * only the earlier one is in a preferred file (`CheckContext.prefers`: a
 * file given on the command line, or one changed under `--changed-since` or
 * `--baseline`) — then the finding sits on the claim where the user is
 * working, the other as related. Returns [related, located].
 */
export function orient(a: LoadedClaim, b: LoadedClaim, prefers: (file: LoadedClaim['file']) => boolean): [LoadedClaim, LoadedClaim] {
  return prefers(a.file) && !prefers(b.file) ? [b, a] : [a, b];
}

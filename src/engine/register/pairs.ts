/**
 * Reporting the conflict rules' cluster findings: one finding per claim that
 * disagrees, on the claim's value (or context), naming up to MAX_NAMED claims
 * of each cluster it disagrees with, with the cluster's size, as related
 * locations and in the message.
 */
import type { CheckContext, Report } from '../run/check.js';
import type { LoadedClaim } from '../load/loader.js';
import type { Register } from './register.js';
import { clusterConflicts, pairContextOf, type Dimension, type Disagreements, type PairContext, type Verdict } from './clusters.js';
import { compareContexts } from './context.js';
import type { Vocabulary } from './vocabulary.js';

/** The context verdict of two claims of the register (for checks that compare a few named pairs). */
export function pairContext(a: LoadedClaim, b: LoadedClaim, vocab: Vocabulary): PairContext {
  return pairContextOf(compareContexts(a.claim.context, b.claim.context, vocab, { a: a.claim.subject, b: b.claim.subject }));
}

export interface ClusterReportOptions {
  /** The part of the claim the finding points at. */
  at: 'value' | 'context';
  /** Which context verdicts the rule reports. */
  accept(v: Verdict): boolean;
  /** What a group of named claims with this context verdict adds after their ids. */
  note(context: PairContext): string;
  /** Message data for the claim's own value (e.g. `{ effect: 'benefit' }`), from the dimension's description of it. */
  data(own: string, first: string): Record<string, string>;
  /**
   * Whether the context verdict picks the message and severity (the rule's
   * severity when contexts match, one step lower otherwise). Default true;
   * conflict/context, which reports only differing contexts, says false.
   */
  byContext?: boolean;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "the 1950s in a/o" for a cluster of one claim; "1960–1964 (12 claims from
 * 9 sources) in a/x, b/y, and in c/z (stated by only one claim: population)"
 * for a larger one: named claims grouped by context verdict, each group with
 * its note.
 */
export function describeDisagreements(d: Disagreements, note: (c: PairContext) => string): string {
  const phrases = d.clusters.map(({ cluster, partners }) => {
    const groups: Array<{ context: PairContext; ids: string[] }> = [];
    for (const p of partners) {
      const last = groups[groups.length - 1];
      if (last && last.context.verdict === p.context.verdict) last.ids.push(p.facts.claim.fullId);
      else groups.push({ context: p.context, ids: [p.facts.claim.fullId] });
    }
    const size = cluster.members.length > 1 ? ` (${plural(cluster.members.length, 'claim')} from ${plural(cluster.sources, 'source')})` : '';
    return `${cluster.description}${size} in ${groups.map((g) => `${g.ids.join(', ')}${note(g.context)}`).join(', and in ')}`;
  });
  return `${phrases.join('; ')}${d.more ? '; and other values' : ''}`;
}

/** Which files' findings are wanted (all, unless files were given on the command line). */
export type InScope = CheckContext<unknown>['inScope'];

/** Whether a group can give a finding in scope: only if one of its claims is (a finding names claims of its own group only). */
export function groupInScope(group: readonly LoadedClaim[], inScope: InScope): boolean {
  return group.some((c) => inScope(c.file));
}

/** Report one claim's disagreements as one finding (unless neither the claim nor any claim it names is in scope). */
export function reportDisagreement(
  report: (r: Report) => void,
  register: Register,
  d: Disagreements,
  describeOwn: string,
  opts: Omit<ClusterReportOptions, 'accept'>,
  inScope: InScope = () => true,
): void {
  const c = d.facts.claim;
  const first = d.clusters[0]!;
  const related: LoadedClaim[] = d.clusters.flatMap((x) => x.partners.map((p) => p.facts.claim));
  // Out of scope, the finding would be dropped as it is reported: not worth its message and position.
  if (!inScope(c.file) && !related.some((x) => inScope(x.file))) return;
  report({
    file: c.file,
    range: c.range([opts.at]),
    claim: c,
    related,
    ...(opts.byContext === false ? {} : { messageId: d.verdict === 'match' ? 'default' : d.verdict, demote: d.verdict !== 'match' }),
    // The finding is this claim's disagreement within its subject/property group, whoever it names.
    key: register.subjectPropertyKey(c),
    // The claims named are the other clusters, for the reader: they change as clusters gain members.
    relatedIsGroup: true,
    data: {
      subject: c.claim.subject,
      property: c.claim.property,
      others: describeDisagreements(d, opts.note),
      // Earlier message placeholders, for rules with their own messages: the first cluster and claim named.
      otherValue: first.cluster.description,
      other: first.partners[0]!.facts.claim.fullId,
      context: '',
      ...opts.data(describeOwn, first.cluster.description),
    },
  });
}

/** Run one dimension over every subject/property group and report. */
export function reportClusterConflicts(
  report: (r: Report) => void,
  register: Register,
  dim: Dimension,
  opts: ClusterReportOptions,
  prefers: (file: LoadedClaim['file']) => boolean = () => false,
  inScope: InScope = () => true,
): void {
  for (const group of register.subjectPropertyGroups()) {
    if (group.length < 2 || !groupInScope(group, inScope)) continue;
    const facts = group.map((c) => register.facts(c));
    for (const d of clusterConflicts(facts, dim, register.contexts(group), opts.accept, (f) => prefers(f.claim.file))) {
      reportDisagreement(report, register, d, dim.describe(d.facts), opts, inScope);
    }
  }
}

/** What a conflict rule (value, direction, magnitude) reports, by its `differentContext` option. */
export function acceptFor(differentContext: 'demote' | 'ignore'): (v: Verdict) => boolean {
  return (v) => v !== 'different' || differentContext === 'demote';
}

import { defineCheck } from '../engine/run/check.js';
import { clusterConflicts, directionDimension, magnitudeDimension, valueDimension, type Disagreements } from '../engine/register/clusters.js';
import { facetList } from '../engine/register/context.js';
import { groupInScope, reportDisagreement } from '../engine/register/pairs.js';
import { NO_OPTIONS } from './option-schemas.js';

/**
 * Claims on the same subject and property that disagree — incompatible
 * values, opposite directions of effect, effect sizes that do not overlap —
 * but speak of different contexts (population, intervention, comparator,
 * outcome, setting): not a contradiction, but a reader needs to be told
 * which result holds where. The other conflict rules leave these to this
 * one. Same clusters as theirs; one finding per claim, naming the facets
 * that differ.
 */
export default defineCheck({
  name: 'context-conflict',
  summary: 'Disagreeing claims whose contexts differ',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: {
    default: 'Results differ for {{subject}} on {{property}}: {{value}} here, {{others}}; say which context each result holds for',
  },
  run({ register, vocabulary, report, prefers, inScope }) {
    const dims = [valueDimension(vocabulary), directionDimension, magnitudeDimension];
    const note = (c: { comparison: { different: readonly string[] } }) => `, in different contexts (${facetList(c.comparison.different)})`;
    for (const group of register.subjectPropertyGroups()) {
      if (group.length < 2 || !groupInScope(group, inScope)) continue;
      const facts = group.map((c) => register.facts(c));
      const contexts = register.contexts(group);
      // One finding per claim: a claim opposed in direction and in size reports both, once.
      const merged = new Map<Disagreements['facts'], { d: Disagreements; own: string }>();
      for (const dim of dims) {
        for (const d of clusterConflicts(facts, dim, contexts, (v) => v === 'different', (f) => prefers(f.claim.file))) {
          const seen = merged.get(d.facts);
          if (seen) seen.d = { ...seen.d, clusters: [...seen.d.clusters, ...d.clusters], more: seen.d.more || d.more };
          else merged.set(d.facts, { d, own: dim.describe(d.facts) });
        }
      }
      for (const { d, own } of merged.values()) {
        reportDisagreement(report, register, d, own, {
          at: 'context',
          byContext: false,
          note,
          data: (value) => ({ value, facets: facetList(d.clusters[0]!.partners[0]!.context.comparison.different) }),
        }, inScope);
      }
    }
  },
});

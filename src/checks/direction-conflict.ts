import { defineCheck } from '../engine/run/check.js';
import type { LoadedClaim } from '../engine/load/loader.js';
import { OPPOSED } from '../engine/register/disagreement.js';
import { orient, reportPair } from '../engine/register/pairs.js';
import { differentContextOption } from './option-schemas.js';
import { asEffect, valueKind } from '../engine/register/values.js';
import type { EffectDirection } from '../model.js';

interface Options {
  /** What to do when the claims' contexts differ: lower the severity, or leave it to conflict/context. */
  differentContext: 'demote' | 'ignore';
}

/**
 * Benefit against no benefit or harm for the same subject and property (the
 * condition), with the context decision: every facet matching is a conflict
 * at the rule's severity; a facet unknown or different lowers it one step
 * and names the facets.
 */
export default defineCheck<Options>({
  name: 'direction-conflict',
  summary: 'Opposite directions of effect for the same subject and outcome',
  optionsSchema: { type: 'object', properties: { differentContext: differentContextOption } },
  defaultOptions: { differentContext: 'demote' },
  messages: {
    default: 'Conflicting effect of {{subject}} on {{property}}: {{effect}} here, {{otherEffect}} in {{other}}',
    unknown: 'Possibly conflicting effect of {{subject}} on {{property}}: {{effect}} here, {{otherEffect}} in {{other}}{{context}}; state the context so readers can tell whether the results disagree',
    different: 'Opposite effects of {{subject}} on {{property}} in different contexts: {{effect}} here, {{otherEffect}} in {{other}}{{context}}; say which context each result holds for',
  },
  run({ register, vocabulary, options, report, inScope, prefers }) {
    for (const group of register.subjectPropertyGroups()) {
      const byDirection = new Map<EffectDirection, LoadedClaim[]>();
      for (const c of group) {
        if (valueKind(c.claim.value) !== 'effect') continue;
        const d = asEffect(c.claim.value!).effect;
        byDirection.set(d, [...(byDirection.get(d) ?? []), c]);
      }
      if (byDirection.size < 2) continue;
      const order = new Map(group.map((c, i) => [c, i]));
      // Each opposed pair once, from the benefit side: benefit vs no-benefit, benefit vs harm.
      for (const x of byDirection.get('benefit') ?? []) {
        for (const opposite of OPPOSED.benefit) {
          for (const y of byDirection.get(opposite) ?? []) {
            // Report on the later claim, the earlier one as related.
            if (!inScope(x.file) && !inScope(y.file)) continue;
            const [a, b] = orient(...(order.get(x)! < order.get(y)! ? ([x, y] as const) : ([y, x] as const)), prefers);
            reportPair(report, a, b, vocabulary, options.differentContext, {
              effect: asEffect(b.claim.value!).effect,
              otherEffect: asEffect(a.claim.value!).effect,
            });
          }
        }
      }
    }
  },
});

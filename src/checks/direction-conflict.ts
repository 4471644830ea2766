import { defineCheck } from '../engine/run/check.js';
import { directionDimension } from '../engine/register/clusters.js';
import { acceptFor, reportClusterConflicts } from '../engine/register/pairs.js';
import { differentContextOption } from './option-schemas.js';

interface Options {
  /** What to do when the claims' contexts differ: lower the severity, or leave it to conflict/context. */
  differentContext: 'demote' | 'ignore';
}

/**
 * Benefit against no benefit or harm for the same subject and property (the
 * condition), with the context decision: every facet matching is a conflict
 * at the rule's severity; a facet unknown or different lowers it one step
 * and names the facets. Claims are clustered by direction; each claim
 * outside the prevailing direction that is opposed by another source is
 * reported once.
 */
export default defineCheck<Options>({
  name: 'direction-conflict',
  summary: 'Opposite directions of effect for the same subject and outcome',
  optionsSchema: { type: 'object', properties: { differentContext: differentContextOption } },
  defaultOptions: { differentContext: 'demote' },
  messages: {
    default: 'Conflicting effect of {{subject}} on {{property}}: {{effect}} here, {{others}}',
    unknown: 'Possibly conflicting effect of {{subject}} on {{property}}: {{effect}} here, {{others}}; state the context so readers can tell whether the results disagree',
    different: 'Opposite effects of {{subject}} on {{property}} in different contexts: {{effect}} here, {{others}}; say which context each result holds for',
  },
  run({ register, options, report, prefers, inScope }) {
    reportClusterConflicts(report, register, directionDimension, {
      at: 'value',
      accept: acceptFor(options.differentContext),
      note: (c) => c.note,
      data: (effect, otherEffect) => ({ effect, otherEffect }),
    }, prefers, inScope);
  },
});

import { defineCheck } from '../engine/run/check.js';
import { magnitudeDimension } from '../engine/register/clusters.js';
import { acceptFor, reportClusterConflicts } from '../engine/register/pairs.js';
import { differentContextOption } from './option-schemas.js';

interface Options {
  differentContext: 'demote' | 'ignore';
}

/**
 * Same subject, outcome and context, same direction of effect, but effect
 * sizes (or their intervals) that do not overlap: GRADE inconsistency.
 * Sizes (per direction and unit) are swept into clusters of overlapping
 * intervals; each claim outside the prevailing cluster is reported once.
 */
export default defineCheck<Options>({
  name: 'magnitude-conflict',
  summary: 'Effect sizes in the same direction that do not overlap',
  optionsSchema: { type: 'object', properties: { differentContext: differentContextOption } },
  defaultOptions: { differentContext: 'ignore' },
  messages: {
    default: 'Effect sizes disagree for {{subject}} on {{property}}: {{value}} here, {{others}}, and the intervals do not overlap',
    unknown: 'Effect sizes may disagree for {{subject}} on {{property}}: {{value}} here, {{others}}; state the missing context',
    different: 'Effect sizes differ for {{subject}} on {{property}}: {{value}} here, {{others}}',
  },
  run({ register, options, report, prefers, inScope }) {
    reportClusterConflicts(report, register, magnitudeDimension, {
      at: 'value',
      accept: acceptFor(options.differentContext),
      note: (c) => c.note,
      data: (value) => ({ value }),
    }, prefers, inScope);
  },
});

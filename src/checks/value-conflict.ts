import { defineCheck } from '../engine/run/check.js';
import { valueDimension } from '../engine/register/clusters.js';
import { acceptFor, reportClusterConflicts } from '../engine/register/pairs.js';
import { differentContextOption } from './option-schemas.js';
import type { ValueKind } from '../model.js';

interface Options {
  valueKinds: ValueKind[];
  /** What to do when the claims' contexts differ: lower the severity, or leave it to conflict/context. */
  differentContext: 'demote' | 'ignore';
}

/**
 * Claims on the same subject and property whose values cannot both be
 * true: time spans or ranges that do not overlap, categories that do not
 * agree, an assertion and its negation. Each group is split into clusters of
 * compatible values (clusters.ts); each claim outside the prevailing cluster
 * that disagrees with another source is reported once.
 */
export default defineCheck<Options>({
  name: 'value-conflict',
  summary: 'Incompatible values for the same subject and property',
  optionsSchema: {
    type: 'object',
    properties: {
      valueKinds: { type: 'array', items: { enum: ['time', 'quantity', 'count', 'category', 'assertion'] }, uniqueItems: true },
      differentContext: differentContextOption,
    },
  },
  defaultOptions: { valueKinds: ['time', 'quantity', 'count', 'category', 'assertion'], differentContext: 'ignore' },
  messages: {
    default: 'Conflicting {{property}} for {{subject}}: {{value}} here, {{others}}',
    unknown: 'Possible conflict on {{property}} for {{subject}}: {{value}} here, {{others}}; state the missing context to confirm or rule it out',
    different: 'Values differ on {{property}} for {{subject}}: {{value}} here, {{others}}',
  },
  run({ register, vocabulary, options, report, prefers, inScope }) {
    reportClusterConflicts(report, register, valueDimension(vocabulary, new Set(options.valueKinds)), {
      at: 'value',
      accept: acceptFor(options.differentContext),
      note: (c) => c.note,
      data: (value) => ({ value }),
    }, prefers, inScope);
  },
});

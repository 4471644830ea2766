import { defineCheck } from '../engine/run/check.js';
import { orient, reportPair } from '../engine/register/pairs.js';
import { differentContextOption } from './option-schemas.js';
import { compareValues, describeValue, publishedYear, valueKind } from '../engine/register/values.js';
import type { ValueKind } from '../model.js';

interface Options {
  valueKinds: ValueKind[];
  /** What to do when the claims' contexts differ: lower the severity, or leave it to conflict/context. */
  differentContext: 'demote' | 'ignore';
}

/**
 * Two claims on the same subject and property whose values cannot both be
 * true: time spans or ranges that do not overlap, categories that do not
 * agree, an assertion and its negation. Claims are looked up through the
 * subject/property index; only claims sharing a key are compared.
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
    default: 'Conflicting {{property}} for {{subject}}: {{value}} here, {{otherValue}} in {{other}}',
    unknown: 'Possible conflict on {{property}} for {{subject}}: {{value}} here, {{otherValue}} in {{other}}{{context}}; state the missing context to confirm or rule it out',
    different: 'Values differ on {{property}} for {{subject}}: {{value}} here, {{otherValue}} in {{other}}{{context}}',
  },
  run({ register, vocabulary, options, report, inScope, prefers }) {
    const kinds = new Set(options.valueKinds);
    for (const group of register.subjectPropertyGroups()) {
      const valued = group.filter((c) => {
        const k = valueKind(c.claim.value);
        return k !== undefined && kinds.has(k);
      });
      for (let j = 1; j < valued.length; j++) {
        const b0 = valued[j]!;
        for (let i = 0; i < j; i++) {
          if (!inScope(valued[i]!.file) && !inScope(b0.file)) continue;
          const [a, b] = orient(valued[i]!, b0, prefers);
          const years = { a: publishedYear(a.source), b: publishedYear(b.source) };
          const cmp = compareValues(a.claim.value!, b.claim.value!, vocabulary, years);
          if (!cmp.comparable || cmp.compatible) continue;
          reportPair(report, a, b, vocabulary, options.differentContext, {
            value: describeValue(b.claim.value, years.b),
            otherValue: describeValue(a.claim.value, years.a),
          });
        }
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import type { LoadedClaim } from '../engine/load/loader.js';
import { orient, reportPair } from '../engine/register/pairs.js';
import { asEffect, describeValue, overlaps, quantityInterval, valueKind } from '../engine/register/values.js';
import type { QuantityValue } from '../model.js';
import { differentContextOption } from './option-schemas.js';

interface Options {
  differentContext: 'demote' | 'ignore';
}

function sizeOf(c: LoadedClaim): QuantityValue | undefined {
  if (valueKind(c.claim.value) !== 'effect') return undefined;
  return asEffect(c.claim.value!).size;
}

/**
 * Same subject, outcome and context, same direction of effect, but effect
 * sizes (or their intervals) that do not overlap: GRADE inconsistency.
 */
export default defineCheck<Options>({
  name: 'magnitude-conflict',
  summary: 'Effect sizes in the same direction that do not overlap',
  optionsSchema: { type: 'object', properties: { differentContext: differentContextOption } },
  defaultOptions: { differentContext: 'ignore' },
  messages: {
    default: 'Effect sizes disagree for {{subject}} on {{property}}: {{value}} here, {{otherValue}} in {{other}}, and the intervals do not overlap',
    unknown:
      'Effect sizes may disagree for {{subject}} on {{property}}: {{value}} here, {{otherValue}} in {{other}}{{context}}; state the missing context',
    different: 'Effect sizes differ for {{subject}} on {{property}}: {{value}} here, {{otherValue}} in {{other}}{{context}}',
  },
  run({ register, vocabulary, options, report, inScope, prefers }) {
    for (const group of register.subjectPropertyGroups()) {
      const sized = group.filter((c) => sizeOf(c) !== undefined);
      for (let j = 1; j < sized.length; j++) {
        const b0 = sized[j]!;
        for (let i = 0; i < j; i++) {
          if (!inScope(sized[i]!.file) && !inScope(b0.file)) continue;
          const [a, b] = orient(sized[i]!, b0, prefers);
          if (asEffect(a.claim.value!).effect !== asEffect(b.claim.value!).effect) continue;
          const sa = sizeOf(a)!;
          const sb = sizeOf(b)!;
          if ((sa.unit ?? '').toLowerCase().replace(/\s/g, '') !== (sb.unit ?? '').toLowerCase().replace(/\s/g, '')) continue;
          const ia = quantityInterval(sa);
          const ib = quantityInterval(sb);
          if (!ia || !ib || overlaps(ia, ib)) continue;
          reportPair(report, a, b, vocabulary, options.differentContext, {
            value: describeValue(sb),
            otherValue: describeValue(sa),
          });
        }
      }
    }
  },
});

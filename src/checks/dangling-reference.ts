import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';
import { didYouMean } from '../engine/load/ajv.js';
import { evidenceOf } from '../engine/register/evidence.js';

/** A citation of a reference id the source's reference list does not define. */
export default defineCheck({
  name: 'dangling-reference',
  summary: 'A citation of a reference the source does not define',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: {
    default: 'Claim "{{id}}" cites reference "{{ref}}", which {{source}} does not define{{hint}}',
  },
  run({ register, report, inScope }) {
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      evidenceOf(c.claim).forEach((item, i) => {
        (item.cites ?? []).forEach((ref, j) => {
          if (c.file.referenceIds.has(String(ref))) return;
          // A typo hint helps for named ids ("smith2020"), not numbers: "14" is not a misspelt "12".
          const hint = /^\d+$/.test(String(ref)) ? undefined : didYouMean(String(ref), c.file.referenceIds);
          report({
            file: c.file,
            range: c.range(['evidence', i, 'cites', j]),
            claim: c,
            key: String(ref),
            data: {
              id: c.claim.id,
              ref: String(ref),
              source: c.source.id,
              hint: c.file.referenceIds.size === 0 ? ' (it has no reference list)' : hint ? ` (did you mean "${hint}"?)` : '',
            },
          });
        });
      });
    }
  },
});

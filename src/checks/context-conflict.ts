import { defineCheck } from '../engine/run/check.js';
import { disagreement } from '../engine/register/disagreement.js';
import { facetList } from '../engine/register/context.js';
import { orient, pairContext } from '../engine/register/pairs.js';
import { NO_OPTIONS } from './option-schemas.js';

/**
 * Claims on the same subject and property that disagree but speak of
 * different contexts (population, intervention, comparator, outcome,
 * setting): not a contradiction, but a reader needs to be told which result
 * holds where. The other conflict rules leave these pairs to this one.
 */
export default defineCheck({
  name: 'context-conflict',
  summary: 'Disagreeing claims whose contexts differ',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: {
    default:
      'Results differ for {{subject}} on {{property}}: {{value}} here, {{otherValue}} in {{other}}, in different contexts ({{facets}}); say which context each result holds for',
  },
  run({ register, vocabulary, report, inScope, prefers }) {
    for (const group of register.subjectPropertyGroups()) {
      const valued = group.filter((c) => c.claim.value !== undefined);
      for (let j = 1; j < valued.length; j++) {
        const b0 = valued[j]!;
        for (let i = 0; i < j; i++) {
          if (!inScope(valued[i]!.file) && !inScope(b0.file)) continue;
          const [a, b] = orient(valued[i]!, b0, prefers);
          const d = disagreement(a, b, vocabulary);
          if (!d) continue;
          const ctx = pairContext(a, b, vocabulary);
          if (ctx.verdict !== 'different') continue;
          report({
            file: b.file,
            range: b.range(['context']),
            claim: b,
            related: [a],
            data: {
              subject: b.claim.subject,
              property: b.claim.property,
              value: d.value,
              otherValue: d.otherValue,
              other: a.fullId,
              facets: facetList(ctx.comparison.different),
            },
          });
        }
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { hasCitableEvidence, statesStatistic } from '../engine/register/evidence.js';
import { describeValue, valueKind } from '../engine/register/values.js';
import { compileUserPattern } from '../engine/load/user-pattern.js';

interface Options {
  /** Extra regular expression (RE2 syntax, case-insensitive) for statistics in claim text. */
  pattern?: string;
}

/**
 * A number, percentage or rate stated with nothing a reader can check:
 * no citation of a defined reference and no own study. A name in
 * parentheses or "data from Harvard" is not a source one can look up.
 */
export default defineCheck<Options>({
  name: 'unsourced-statistic',
  summary: 'A number, percentage or rate with no citable source',
  optionsSchema: { type: 'object', properties: { pattern: { type: 'string', minLength: 1, userPattern: true } } },
  defaultOptions: {},
  messages: {
    default: 'Claim "{{id}}" states {{figure}} with no citable source: cite the study it comes from, or remove the figure',
  },
  run({ register, options, report, inScope }) {
    // Linear-time matching: a user's pattern cannot hang the run (validated when the rule loads).
    const extra = options.pattern ? compileUserPattern(options.pattern, { ignoreCase: true }) : undefined;
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (!statesStatistic(c.claim) && !(extra?.test(c.claim.text) ?? false)) continue;
      if (hasCitableEvidence(c)) continue;
      const k = valueKind(c.claim.value);
      const figure = k === 'quantity' || k === 'count' ? describeValue(c.claim.value) : 'a figure';
      const hasValue = k === 'quantity' || k === 'count';
      report({ file: c.file, range: c.range([hasValue ? 'value' : 'text']), claim: c, data: { id: c.claim.id, figure } });
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { asCount, valueKind } from '../engine/register/values.js';
import { decimals } from '../engine/register/statistics.js';

interface Options {
  /** Extra tolerance, in percentage points, on top of the rounding of the stated percentage. */
  tolerance: number;
}


/**
 * Parts that do not add up to their total, a numerator larger than its
 * denominator, or a percentage that no whole count of the denominator gives
 * (71.4% of 77 is 55 patients: fine; 72.4% of 77 is no whole number).
 */
export default defineCheck<Options>({
  name: 'count-arithmetic',
  summary: 'Counts that do not add up, or a percentage that does not match its counts',
  optionsSchema: { type: 'object', properties: { tolerance: { type: 'number', minimum: 0 } } },
  defaultOptions: { tolerance: 0 },
  messages: {
    default: 'Parts {{parts}} add up to {{sum}}, not the stated total {{total}}',
    percent: '{{percent}}% of {{denominator}} is {{expected}}; the stated counts give {{actual}}',
    'percent-whole': '{{percent}}% of {{denominator}} is not a whole count ({{expected}}): check the percentage or the denominator',
    'over-total': 'Numerator {{numerator}} is larger than its denominator {{denominator}}',
  },
  run({ register, options, report, inScope }) {
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (valueKind(c.claim.value) !== 'count') continue;
      const v = asCount(c.claim.value!);
      const range = c.range(['value']);
      const base = { file: c.file, range, claim: c };
      if (v.total !== undefined && v.parts) {
        const sum = v.parts.reduce((s, p) => s + p, 0);
        if (Math.abs(sum - v.total) > 1e-9) {
          report({ ...base, key: 'parts', data: { parts: v.parts.join(' + '), sum, total: v.total } });
        }
      }
      if (v.numerator !== undefined && v.denominator !== undefined && v.numerator > v.denominator) {
        report({ ...base, key: 'ratio', messageId: 'over-total', data: { numerator: v.numerator, denominator: v.denominator } });
        continue;
      }
      if (v.percent !== undefined && v.denominator !== undefined) {
        const tol = 0.5 * 10 ** -decimals(v.percent) + options.tolerance + 1e-9;
        const exact = (v.percent / 100) * v.denominator;
        if (v.numerator !== undefined) {
          const actual = (100 * v.numerator) / v.denominator;
          if (Math.abs(actual - v.percent) > tol) {
            report({
              ...base,
              key: 'ratio',
              messageId: 'percent',
              data: { percent: v.percent, denominator: v.denominator, expected: `${+exact.toFixed(2)}`, actual: `${v.numerator} (${+actual.toFixed(2)}%)` },
            });
          }
        } else {
          const k = Math.round(exact);
          if (Math.abs((100 * k) / v.denominator - v.percent) > tol) {
            report({ ...base, key: 'ratio', messageId: 'percent-whole', data: { percent: v.percent, denominator: v.denominator, expected: +exact.toFixed(2) } });
          }
        }
      }
    }
  },
});

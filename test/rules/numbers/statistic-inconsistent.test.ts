import { describe, expect, it } from 'vitest';
import { RuleTester, yaml } from '../../helpers/rule-tester.js';
import { checkTest, decimals, grim, pValue } from '../../../src/engine/register/statistics.js';

const trial = (...values: string[]) => yaml`
  source:
    id: trial
    title: A randomised trial
    kind: rct
    published: 2022
  claims:
${values.map((v, i) => `  - id: s${i + 1}\n    text: "A reported statistic."\n    subject: aspirin\n    aspect: efficacy\n    property: stroke\n    value: ${v}\n`).join('')}`;

// Each claim takes 6 lines from line 7; its value is on the claim's 6th line.
const valueLine = (i: number) => 7 + 6 * i + 5;

RuleTester.run('numbers/statistic-inconsistent', {
  valid: [
    { name: 't(28) = 2.20, p = .04: 2.15 to 2.25 gives .032 to .040', yaml: trial('{ test: t, df: 28, statistic: 2.20, p: 0.04 }') },
    { name: 'one-tailed: t(28) = 2.2, p = .018', yaml: trial('{ test: t, df: 28, statistic: 2.2, p: 0.018, tails: 1 }') },
    { name: 'F(1, 28) = 4.5, p = .043', yaml: trial('{ test: F, df: [1, 28], statistic: 4.5, p: 0.043 }') },
    { name: 'χ²(1) = 3.84, p = .05', yaml: trial('{ test: chi2, df: 1, statistic: 3.84, p: 0.05 }') },
    { name: 'r(48) = .30, p = .03', yaml: trial('{ test: r, df: 48, statistic: 0.30, p: 0.03 }') },
    { name: 'z = 1.96, p < .05 and z = 3.5, p < .001', yaml: trial('{ test: z, statistic: 1.96, p: 0.05, p_bound: less-than }', '{ test: z, statistic: 3.5, p: 0.001, p_bound: less-than }') },
    { name: 'a t-test without its degrees of freedom is not recomputed', yaml: trial('{ test: t, statistic: 2.2, p: 0.5 }') },
    { name: 'GRIM: 5.18 from 28 responses (145 / 28 = 5.1786)', yaml: trial('{ mean: 5.18, n: 28 }') },
    { name: 'GRIM does not apply when n × items reaches 10^decimals', yaml: trial('{ mean: 5.19, n: 100 }') },
    {
      name: 'an estimate inside its interval, with a p that agrees',
      yaml: trial('{ estimate: 0.56, ci: [0.45, 0.70], measure: RR, p: 0.001, p_bound: less-than }', '{ estimate: -2.1, ci: [-3.5, -0.7], measure: MD, p: 0.003 }'),
    },
    { name: 'an interval bound at the null value leaves the conclusion open', yaml: trial('{ estimate: 1.3, ci: [1.00, 1.7], measure: OR, p: 0.05 }') },
  ],
  invalid: [
    {
      name: 'a p-value whose conclusion at .05 flips: error',
      yaml: trial('{ test: t, df: 28, statistic: 2.20, p: 0.06 }'),
      findings: [
        {
          rule: 'numbers/statistic-inconsistent',
          severity: 'error',
          line: valueLine(0),
          column: 49,
          message:
            't(28) = 2.2 gives p = .036 (two-tailed), not p = 0.06: the conclusion at .05 flips; recompute the p-value or check the statistic and degrees of freedom',
        },
      ],
    },
    {
      name: 'a p-value that does not follow but keeps its conclusion: warning',
      yaml: trial('{ test: F, df: [2, 45], statistic: 3.4, p: 0.02 }'),
      findings: [{ rule: 'numbers/statistic-inconsistent', severity: 'warning', line: valueLine(0), column: 53, message: /^F\(2, 45\) = 3.4 gives p = .042, not p = 0.02: recompute/ }],
    },
    {
      name: '"p < .05" for a statistic that gives more',
      yaml: trial('{ test: chi2, df: 2, statistic: 4.1, p: 0.05, p_bound: less-than }'),
      findings: [{ rule: 'numbers/statistic-inconsistent', severity: 'error', line: valueLine(0), column: 50, message: /χ²\(2\) = 4.1 gives p = .129, not p < 0.05/ }],
    },
    {
      name: 'GRIM: a mean of 5.19 is impossible for 28 integer responses, at the mean',
      yaml: trial('{ mean: 5.19, n: 28 }', '{ mean: 3.47, n: 21, items: 2 }'),
      findings: [
        {
          rule: 'numbers/statistic-inconsistent',
          severity: 'error',
          line: valueLine(0),
          column: 18,
          message: 'A mean of 5.19 is impossible for 28 integer responses (n = 28): the nearest possible means are 5.18 and 5.21 (GRIM)',
        },
        { rule: 'numbers/statistic-inconsistent', severity: 'error', line: valueLine(1), column: 18, message: /42 integer responses \(n = 21 × 2 items\)/ },
      ],
    },
    {
      name: 'an estimate outside its own interval',
      yaml: trial('{ estimate: 0.76, ci: [0.45, 0.70], measure: RR }'),
      findings: [
        {
          rule: 'numbers/statistic-inconsistent',
          severity: 'error',
          line: valueLine(0),
          column: 22,
          message: 'The RR 0.76 lies outside its own 95% confidence interval 0.45 to 0.7',
        },
      ],
    },
    {
      name: 'a ratio interval excluding 1 beside p above .05, and one including 1 beside p below .05',
      yaml: trial('{ estimate: 0.8, ci: [0.7, 0.95], measure: HR, p: 0.12 }', '{ estimate: 1.2, ci: [0.9, 1.6], measure: OR, p: 0.01 }'),
      findings: [
        {
          rule: 'numbers/statistic-inconsistent',
          severity: 'error',
          line: valueLine(0),
          column: 31,
          message: 'The 95% confidence interval 0.7 to 0.95 excludes 1, but p = 0.12: the two cannot both be right',
        },
        { rule: 'numbers/statistic-inconsistent', severity: 'error', line: valueLine(1), column: 31, message: /0.9 to 1.6 includes 1, but p = 0.01/ },
      ],
    },
    {
      name: 'the alpha option moves the line between error and warning',
      options: { alpha: 0.01 },
      yaml: trial('{ test: t, df: 28, statistic: 2.20, p: 0.06 }'),
      findings: [{ rule: 'numbers/statistic-inconsistent', severity: 'warning', line: valueLine(0), column: 49 }],
    },
  ],
});

describe('statistics helpers', () => {
  it('recompute p-values as published tables give them', () => {
    expect(pValue('t', 2.048, 28)).toBeCloseTo(0.05, 3);
    expect(pValue('z', 1.96, undefined)).toBeCloseTo(0.05, 3);
    expect(pValue('chi2', 3.841, 1)).toBeCloseTo(0.05, 3);
    expect(pValue('F', 4.196, [1, 28])).toBeCloseTo(0.05, 3);
    expect(pValue('r', 0.361, 28)).toBeCloseTo(0.05, 2);
    expect(pValue('F', 4.5, 28)).toBeUndefined();
  });
  it('count decimals as written, including exponents', () => {
    expect([decimals(71.4), decimals(3), decimals(0.001), decimals(2e-5)]).toEqual([1, 0, 3, 5]);
  });
  it('take the rounding span of the statistic into account', () => {
    expect(checkTest({ test: 't', df: 28, statistic: 2.2, p: 0.04 }, 0.05)!.consistent).toBe(true);
    expect(checkTest({ test: 't', df: 28, statistic: 2.2, p: 0.02 }, 0.05)!.consistent).toBe(false);
  });
  it('GRIM accepts rounding either way at the half', () => {
    // 5 / 8 = 0.625: reported as 0.62 or 0.63
    expect(grim({ mean: 0.62, n: 8 }).consistent).toBe(true);
    expect(grim({ mean: 0.63, n: 8 }).consistent).toBe(true);
  });
});

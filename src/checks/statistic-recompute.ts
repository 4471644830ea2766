import { defineCheck, type Report } from '../engine/run/check.js';
import {
  asEstimate,
  asMean,
  asTest,
  checkTest,
  describeReportedP,
  describeTest,
  formatP,
  grim,
  nullValue,
  pAgrees,
  roundingHalfUnit,
  statisticForm,
} from '../engine/register/statistics.js';
import type { LoadedClaim } from '../engine/load/loader.js';

interface Options {
  /** The significance level whose conclusion decides between error and warning. */
  alpha: number;
}

/**
 * Reported statistics that do not recompute: a p-value that does not follow
 * from its test statistic and degrees of freedom (error when the conclusion
 * at alpha flips, one step lower otherwise), a mean impossible for its
 * sample size (GRIM), an estimate outside its own confidence interval, and
 * an interval that excludes (or includes) the null value beside a p-value
 * on the other side of the interval's significance level. One claim at a
 * time: linear in the register.
 */
export default defineCheck<Options>({
  name: 'statistic-recompute',
  summary: 'Reported statistics that do not recompute',
  optionsSchema: {
    type: 'object',
    properties: { alpha: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
  },
  defaultOptions: { alpha: 0.05 },
  messages: {
    default:
      '{{test}} gives p {{computed}}{{tails}}, not {{reported}}: the conclusion at {{alpha}} flips; recompute the p-value or check the statistic and degrees of freedom',
    p: '{{test}} gives p {{computed}}{{tails}}, not {{reported}}: recompute the p-value or check the statistic and degrees of freedom',
    grim: 'A mean of {{mean}} is impossible for {{cells}} integer responses ({{counted}}): the nearest possible means are {{below}} and {{above}} (GRIM)',
    'outside-ci': 'The {{measure}} {{estimate}} lies outside its own {{level}}% confidence interval {{low}} to {{high}}',
    'ci-p': 'The {{level}}% confidence interval {{low}} to {{high}} {{relation}} {{null}}, but {{reported}}: the two cannot both be right',
  },
  run({ register, options, report, inScope }) {
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      const form = statisticForm(c.claim.value);
      if (form === 'test') checkTestClaim(c, options.alpha, report);
      else if (form === 'mean') checkMeanClaim(c, report);
      else if (form === 'estimate') checkEstimateClaim(c, report);
    }
  },
});

type ReportFn = (r: Report) => void;

function checkTestClaim(c: LoadedClaim, alpha: number, report: ReportFn): void {
  const v = asTest(c.claim.value!);
  const result = checkTest(v, alpha);
  if (!result || result.consistent) return;
  const oneTailed = v.tails === 1 && v.test !== 'F' && v.test !== 'chi2';
  report({
    file: c.file,
    range: c.range(['value', 'p']),
    claim: c,
    ...(result.decisionFlips ? {} : { messageId: 'p', demote: true }),
    data: {
      test: describeTest(v),
      computed: formatP(result.computed),
      tails: oneTailed ? ' (one-tailed)' : v.test === 'F' || v.test === 'chi2' ? '' : ' (two-tailed)',
      reported: describeReportedP(v.p, v.p_bound),
      alpha: String(alpha).replace(/^0\./, '.'),
    },
  });
}

function checkMeanClaim(c: LoadedClaim, report: ReportFn): void {
  const v = asMean(c.claim.value!);
  const g = grim(v);
  if (g.consistent) return;
  const items = v.items ?? 1;
  report({
    file: c.file,
    range: c.range(['value', 'mean']),
    claim: c,
    messageId: 'grim',
    data: {
      mean: v.mean,
      cells: g.cells,
      counted: items === 1 ? `n = ${v.n}` : `n = ${v.n} × ${items} items`,
      below: g.below,
      above: g.above,
    },
  });
}

function checkEstimateClaim(c: LoadedClaim, report: ReportFn): void {
  const v = asEstimate(c.claim.value!);
  const low = Math.min(...v.ci);
  const high = Math.max(...v.ci);
  const level = v.level ?? 95;
  const base = { file: c.file, claim: c };
  const slack = (x: number) => roundingHalfUnit(x) + 1e-12;
  if (v.estimate < low - Math.max(slack(low), slack(v.estimate)) || v.estimate > high + Math.max(slack(high), slack(v.estimate))) {
    report({ ...base, range: c.range(['value', 'estimate']), messageId: 'outside-ci', data: { measure: v.measure, estimate: v.estimate, level, low, high } });
    return;
  }
  if (v.p === undefined) return;
  const nul = nullValue(v.measure);
  // An interval bound within rounding of the null value leaves the conclusion open.
  if (Math.abs(low - nul) <= slack(low) || Math.abs(high - nul) <= slack(high)) return;
  const excludes = nul < low || nul > high;
  const intervalAlpha = 1 - level / 100;
  // Excluding the null means p < 1 − level; including it, p > 1 − level.
  const agrees = excludes ? pAgrees(v.p, v.p_bound, 0, intervalAlpha) : pAgrees(v.p, v.p_bound, intervalAlpha, 1);
  if (agrees) return;
  report({
    ...base,
    range: c.range(['value', 'ci']),
    messageId: 'ci-p',
    data: {
      level,
      low,
      high,
      relation: excludes ? 'excludes' : 'includes',
      null: nul,
      reported: describeReportedP(v.p, v.p_bound),
    },
  });
}

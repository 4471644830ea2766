/**
 * Recomputing reported statistics: p-values from test statistics (as
 * statcheck does), the GRIM test for means, estimates against their
 * confidence intervals. Distribution functions come from @stdlib.
 *
 * Every comparison allows for rounding as reported: a number written with d
 * decimals stands for anything within half a unit of its last decimal
 * (t = 2.2 is 2.15 to 2.25), and the p-values of both ends of that span are
 * taken as consistent (statcheck's rule).
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { ClaimValue, EstimateValue, MeanValue, PBound, TestValue } from '../../model.js';

export type StatisticForm = 'test' | 'mean' | 'estimate';

/** Which statistic form a value is, if any (these forms are not compared across claims). */
export function statisticForm(v: ClaimValue | undefined): StatisticForm | undefined {
  if (!v || typeof v !== 'object') return undefined;
  if ('test' in v && 'statistic' in v) return 'test';
  if ('mean' in v && 'n' in v) return 'mean';
  if ('estimate' in v && 'ci' in v) return 'estimate';
  return undefined;
}

export const asTest = (v: ClaimValue) => v as TestValue;
export const asMean = (v: ClaimValue) => v as MeanValue;
export const asEstimate = (v: ClaimValue) => v as EstimateValue;

/** Decimal places a number is written with (71.4 → 1, 2e-5 → 5). */
export function decimals(n: number): number {
  const s = String(n);
  const exp = /e-(\d+)$/.exec(s);
  if (exp) {
    const mantissa = s.slice(0, s.indexOf('e'));
    const i = mantissa.indexOf('.');
    return Number(exp[1]) + (i < 0 ? 0 : mantissa.length - i - 1);
  }
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Half a unit of the last decimal a number is written with: its rounding allowance. */
export function roundingHalfUnit(n: number): number {
  return 0.5 * 10 ** -decimals(n);
}

function dfPair(df: TestValue['df']): [number, number] | undefined {
  return Array.isArray(df) && df.length === 2 ? [df[0], df[1]] : undefined;
}
function dfOne(df: TestValue['df']): number | undefined {
  return typeof df === 'number' ? df : undefined;
}

/**
 * The p-value of a test statistic: two-tailed (or one-tailed with `tails: 1`)
 * for t, z and r; the upper tail for F and χ². Undefined when the degrees of
 * freedom the test needs are missing or malformed.
 */
export function pValue(test: TestValue['test'], statistic: number, df: TestValue['df'], tails: 1 | 2 = 2): number | undefined {
  const x = Math.abs(statistic);
  const perTail = tails === 1 ? 1 : 2;
  switch (test) {
    case 'z':
      return perTail * normalCdf(-x, 0, 1);
    case 't': {
      const v = dfOne(df);
      return v === undefined || v <= 0 ? undefined : perTail * tCdf(-x, v);
    }
    case 'r': {
      const v = dfOne(df);
      if (v === undefined || v <= 0) return undefined;
      if (x >= 1) return 0;
      return perTail * tCdf(-x * Math.sqrt(v / (1 - x * x)), v);
    }
    case 'F': {
      const v = dfPair(df);
      return v === undefined || v[0] <= 0 || v[1] <= 0 ? undefined : 1 - fCdf(statistic, v[0], v[1]);
    }
    case 'chi2': {
      const v = dfOne(df);
      return v === undefined || v <= 0 ? undefined : 1 - chisquareCdf(statistic, v);
    }
  }
}

export interface PCheck {
  /** The p-value of the statistic as written. */
  computed: number;
  /** The p-values at the two ends of the statistic's rounding span. */
  span: [number, number];
  /** Whether the reported p (with its rounding or bound) is within that span. */
  consistent: boolean;
  /** The reported p is on the other side of alpha from every p the statistic allows. */
  decisionFlips: boolean;
}

/** Whether a reported p, with its bound, is significant at alpha; undefined when the report does not say. */
export function reportedSignificance(p: number, bound: PBound | undefined, alpha: number): boolean | undefined {
  switch (bound ?? 'exact') {
    case 'exact':
      return p <= alpha; // p = .05 read as significant, statcheck's default
    case 'less-than':
    case 'at-most':
      return p <= alpha ? true : undefined;
    case 'more-than':
      return p >= alpha ? false : undefined;
    case 'at-least':
      return p > alpha ? false : undefined;
  }
}

/** Whether a reported p (bounded or rounded as written) can lie in [lo, hi]. */
export function pAgrees(p: number, bound: PBound | undefined, lo: number, hi: number): boolean {
  switch (bound ?? 'exact') {
    case 'exact': {
      const h = roundingHalfUnit(p);
      return p - h <= hi + 1e-12 && lo <= p + h + 1e-12;
    }
    case 'less-than':
      return lo < p;
    case 'at-most':
      return lo <= p;
    case 'more-than':
      return hi > p;
    case 'at-least':
      return hi >= p;
  }
}

/** Recompute a test's p-value and compare it with the reported one. */
export function checkTest(v: TestValue, alpha: number): PCheck | undefined {
  const tails = v.test === 'F' || v.test === 'chi2' ? 2 : (v.tails ?? 2);
  const computed = pValue(v.test, v.statistic, v.df, tails);
  if (computed === undefined || Number.isNaN(computed)) return undefined;
  const h = roundingHalfUnit(v.statistic);
  const x = Math.abs(v.statistic);
  const upper = v.test === 'r' ? Math.min(x + h, 1) : x + h;
  const lower = Math.max(x - h, 0);
  const pAtUpper = pValue(v.test, upper, v.df, tails)!;
  const pAtLower = pValue(v.test, lower, v.df, tails)!;
  const lo = Math.min(pAtUpper, pAtLower);
  const hi = Math.max(pAtUpper, pAtLower);
  const consistent = pAgrees(v.p, v.p_bound, lo, hi);
  const reported = reportedSignificance(v.p, v.p_bound, alpha);
  const computedSig = hi <= alpha ? true : lo > alpha ? false : undefined;
  const decisionFlips = !consistent && reported !== undefined && computedSig !== undefined && reported !== computedSig;
  return { computed, span: [lo, hi], consistent, decisionFlips };
}

export interface GrimResult {
  consistent: boolean;
  /** The possible means nearest to the reported one, at its decimals. */
  below: number;
  above: number;
  /** Number of responses summed: n × items. */
  cells: number;
}

/**
 * The GRIM test (Brown & Heathers 2017): a mean of integer responses from n
 * participants on k items is a whole number divided by n·k, so only some
 * means are possible at a given number of decimals. Rounding either way at
 * the half is accepted.
 */
export function grim(v: MeanValue): GrimResult {
  const cells = v.n * (v.items ?? 1);
  const h = roundingHalfUnit(v.mean);
  const d = decimals(v.mean);
  const lowSum = Math.floor(v.mean * cells + 1e-9);
  const near = (sum: number) => Math.abs(sum / cells - v.mean) <= h + 1e-9;
  const consistent = near(lowSum) || near(lowSum + 1);
  const round = (x: number) => Number(x.toFixed(d));
  return { consistent, below: round(lowSum / cells), above: round((lowSum + 1) / cells), cells };
}

export const RATIO_MEASURES = new Set(['RR', 'OR', 'HR']);

/** The value of no effect on a measure's scale: 1 for ratios, 0 for differences. */
export function nullValue(measure: EstimateValue['measure']): number {
  return RATIO_MEASURES.has(measure) ? 1 : 0;
}

/** The p-value in APA style: "= .036", "< .001". */
export function formatP(p: number): string {
  if (p < 0.001) return '< .001';
  return `= ${p.toFixed(3).replace(/^0\./, '.')}`;
}

const BOUND_SIGN: Record<PBound, string> = { exact: '=', 'less-than': '<', 'at-most': '≤', 'more-than': '>', 'at-least': '≥' };

/** The reported p as written: "p < .05", "p = 0.04". */
export function describeReportedP(p: number, bound: PBound | undefined): string {
  return `p ${BOUND_SIGN[bound ?? 'exact']} ${p}`;
}

/** A test as APA writes it: "t(28) = 2.2", "F(1, 28) = 4.5", "χ²(1) = 3.84", "z = 1.96". */
export function describeTest(v: TestValue): string {
  const name = v.test === 'chi2' ? 'χ²' : v.test;
  const df = v.df === undefined ? '' : `(${Array.isArray(v.df) ? v.df.join(', ') : v.df})`;
  return `${name}${df} = ${v.statistic}`;
}

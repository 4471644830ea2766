import type {
  AssertionValue,
  Bound,
  CategoryValue,
  ClaimValue,
  CountValue,
  EffectValue,
  QuantityValue,
  Source,
  TimeValue,
  ValueKind,
} from '../../model.js';
import type { Vocabulary } from './vocabulary.js';

export type Interval = readonly [number, number];

export function valueKind(v: ClaimValue | undefined): ValueKind | undefined {
  if (!v || typeof v !== 'object') return undefined;
  if ('effect' in v) return 'effect';
  if ('category' in v) return 'category';
  if ('holds' in v) return 'assertion';
  if ('year' in v || 'decade' in v || 'period' in v || 'years_ago' in v) return 'time';
  if ('number' in v || 'range' in v) return 'quantity';
  if ('total' in v || 'parts' in v || 'percent' in v || 'numerator' in v || 'denominator' in v) return 'count';
  return undefined;
}

export const asTime = (v: ClaimValue) => v as TimeValue;
export const asQuantity = (v: ClaimValue) => v as QuantityValue;
export const asCount = (v: ClaimValue) => v as CountValue;
export const asEffect = (v: ClaimValue) => v as EffectValue;
export const asCategory = (v: ClaimValue) => v as CategoryValue;
export const asAssertion = (v: ClaimValue) => v as AssertionValue;

/** The year a source was published, when it says. */
export function publishedYear(source: Source): number | undefined {
  const p = source.published;
  if (typeof p === 'number') return p;
  if (typeof p === 'string') {
    const m = /^(\d{4})/.exec(p);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function applyBound(lo: number, hi: number, bound: Bound | undefined, slack: number): Interval {
  switch (bound) {
    case 'about':
      return [lo - slack, hi + slack];
    case 'at-least':
    case 'more-than':
      return [lo, Infinity];
    case 'at-most':
    case 'up-to':
    case 'less-than':
      return [-Infinity, hi];
    default:
      return [lo, hi];
  }
}

/**
 * The span of years a time value allows. A decade is its ten years; "about"
 * widens by five years; relative values resolve against the source's
 * publication year (undefined when the source gives none).
 */
export function timeInterval(v: TimeValue, refYear: number | undefined): Interval | undefined {
  if (v.year !== undefined) return applyBound(v.year, v.year, v.bound, 5);
  if (v.decade !== undefined) return applyBound(v.decade, v.decade + 9, v.bound, 5);
  if (v.period) return [Math.min(...v.period), Math.max(...v.period)];
  if (v.years_ago !== undefined) {
    if (refYear === undefined) return undefined;
    const y = refYear - v.years_ago;
    // "80 years ago" from 2026 is 1946 (or late 1945); "more than 80 years ago" is before that.
    switch (v.bound) {
      case 'more-than':
      case 'at-least':
        return [-Infinity, y];
      case 'less-than':
      case 'at-most':
      case 'up-to':
        return [y - 1, refYear];
      case 'about':
        return [y - Math.max(2, Math.round(v.years_ago * 0.1)), y + Math.max(2, Math.round(v.years_ago * 0.1))];
      default:
        return [y - 1, y];
    }
  }
  return undefined;
}

/** The range of numbers a quantity allows; "about" widens by 10%. */
export function quantityInterval(v: QuantityValue): Interval | undefined {
  if (v.range) return applyBound(Math.min(...v.range), Math.max(...v.range), v.bound, 0);
  if (v.number !== undefined) {
    const slack = Math.abs(v.number) * 0.1;
    if (v.bound === 'more-than') return [v.number + Number.EPSILON, Infinity];
    if (v.bound === 'less-than') return [-Infinity, v.number - Number.EPSILON];
    return applyBound(v.number, v.number, v.bound, slack);
  }
  return undefined;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function normUnit(u: string | undefined): string {
  return (u ?? '').toLowerCase().replace(/\s+/g, '').replace(/^percent$/, '%');
}

const BOUND_WORDS: Record<Bound, string> = {
  exact: '',
  about: 'about ',
  'at-least': 'at least ',
  'at-most': 'at most ',
  'up-to': 'up to ',
  'more-than': 'more than ',
  'less-than': 'less than ',
};

/** A short human description of a value, for messages. */
export function describeValue(v: ClaimValue | undefined, refYear?: number): string {
  if (!v) return 'no value';
  const kind = valueKind(v);
  switch (kind) {
    case 'time': {
      const t = asTime(v);
      const b = t.bound ? BOUND_WORDS[t.bound] : '';
      if (t.year !== undefined) return `${b}${t.year}`;
      if (t.decade !== undefined) return `${b}the ${t.decade}s`;
      if (t.period) return `${t.period[0]}–${t.period[1]}`;
      if (t.years_ago !== undefined)
        return `${b}${t.years_ago} years ago${refYear !== undefined ? ` (${refYear - t.years_ago}, from ${refYear})` : ''}`;
      return 'a time';
    }
    case 'quantity': {
      const q = asQuantity(v);
      const b = q.bound ? BOUND_WORDS[q.bound] : '';
      const unit = q.unit ? (q.unit === '%' ? '%' : ` ${q.unit}`) : '';
      if (q.range) return `${b}${q.range[0]}–${q.range[1]}${unit}`;
      return `${b}${q.number}${unit}`;
    }
    case 'count': {
      // The headline figure, then the others in parentheses: "62% (13 of 26)", "120 (50 + 70)".
      const c = asCount(v);
      const parts: string[] = [];
      if (c.total !== undefined) parts.push(`${c.total}`);
      if (c.parts) parts.push(c.parts.join(' + '));
      if (c.percent !== undefined) parts.push(`${c.percent}%`);
      if (c.numerator !== undefined && c.denominator !== undefined) parts.push(`${c.numerator} of ${c.denominator}`);
      else if (c.denominator !== undefined) parts.push(parts.length ? `out of ${c.denominator}` : `a figure out of ${c.denominator}`);
      if (parts.length === 0) return 'a count';
      return parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join(', ')})`;
    }
    case 'effect':
      return asEffect(v).effect;
    case 'category':
      return `"${asCategory(v).category}"`;
    case 'assertion':
      return asAssertion(v).holds ? 'holds' : 'does not hold';
    default:
      return 'an unrecognised value';
  }
}

export interface ValueComparison {
  /** Whether the two values can be compared at all (same kind, same unit). */
  comparable: boolean;
  /** Whether they can both be true. */
  compatible: boolean;
}

const INCOMPARABLE: ValueComparison = { comparable: false, compatible: true };

/**
 * Whether two values of claims on the same subject and property can both be
 * true. Effect directions are left to the direction check.
 */
export function compareValues(
  a: ClaimValue,
  b: ClaimValue,
  vocab: Vocabulary,
  refYears: { a?: number; b?: number } = {},
): ValueComparison {
  const ka = valueKind(a);
  const kb = valueKind(b);
  if (!ka || ka !== kb) return INCOMPARABLE;
  switch (ka) {
    case 'time': {
      const ia = timeInterval(asTime(a), refYears.a);
      const ib = timeInterval(asTime(b), refYears.b);
      if (!ia || !ib) return INCOMPARABLE;
      return { comparable: true, compatible: overlaps(ia, ib) };
    }
    case 'quantity': {
      const qa = asQuantity(a);
      const qb = asQuantity(b);
      if (normUnit(qa.unit) !== normUnit(qb.unit)) return INCOMPARABLE;
      const ia = quantityInterval(qa);
      const ib = quantityInterval(qb);
      if (!ia || !ib) return INCOMPARABLE;
      return { comparable: true, compatible: overlaps(ia, ib) };
    }
    case 'count': {
      const ca = asCount(a);
      const cb = asCount(b);
      if (ca.total !== undefined && cb.total !== undefined) return { comparable: true, compatible: ca.total === cb.total };
      if (ca.percent !== undefined && cb.percent !== undefined)
        return { comparable: true, compatible: Math.abs(ca.percent - cb.percent) <= 0.5 };
      if (ca.denominator !== undefined && cb.denominator !== undefined)
        return { comparable: true, compatible: ca.denominator === cb.denominator };
      return INCOMPARABLE;
    }
    case 'category':
      return { comparable: true, compatible: vocab.categoriesAgree(asCategory(a).category, asCategory(b).category) };
    case 'assertion':
      return { comparable: true, compatible: asAssertion(a).holds === asAssertion(b).holds };
    case 'effect':
      return INCOMPARABLE;
  }
}

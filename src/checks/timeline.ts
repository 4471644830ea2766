import { defineCheck } from '../engine/run/check.js';
import type { LoadedClaim } from '../engine/load/loader.js';
import { asTime, describeValue, publishedYear, timeInterval, valueKind, type Interval } from '../engine/register/values.js';

interface Options {
  /** Properties that date a subject's beginning: nothing else about it can come before. */
  originProperties: string[];
  /** Pairs [earlier, later] of properties: the later event cannot be dated before the earlier one. */
  sequences: Array<[string, string]>;
}

interface Dated {
  claim: LoadedClaim;
  span: Interval;
  property: string;
  /** A relative time in a source with no date: resolved against the lint date, as late as it can be. */
  undated: boolean;
}

/**
 * The span of a claim's time value. A relative time ("2,000 years ago") in
 * a source with no `published` date resolves against the lint date with the
 * widest honest window: the page cannot be from the future, so the event is
 * at the latest `now − years_ago`, and may be any time earlier.
 */
function spanOf(c: LoadedClaim, nowYear: number): { span: Interval; undated: boolean } | undefined {
  const v = asTime(c.claim.value!);
  const year = publishedYear(c.source);
  if (year !== undefined || v.years_ago === undefined) {
    const span = timeInterval(v, year);
    return span && { span, undated: false };
  }
  const latest = timeInterval(v, nowYear);
  return latest && { span: [-Infinity, latest[1]], undated: true };
}

/**
 * Dates that cannot all be true: an event of a subject dated before the
 * subject's own origin ("investigated in the past 80 years" in an article of
 * 2026, i.e. since 1946, against "around since the 1950s"), or an event
 * dated before another it depends on. Relative dates resolve against each
 * source's publication date; in an undated source, against the lint date
 * (see {@link spanOf}), and a contradiction that rests on such a date is
 * reported one step lower. Claims are grouped by subject through the
 * register's index.
 */
export default defineCheck<Options>({
  name: 'timeline',
  summary: 'Dates that cannot all be true',
  optionsSchema: {
    type: 'object',
    properties: {
      originProperties: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      sequences: {
        type: 'array',
        items: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 2, maxItems: 2 },
      },
    },
  },
  defaultOptions: {
    originProperties: ['origin', 'first-synthesized', 'developed', 'discovered', 'invented'],
    sequences: [],
  },
  messages: {
    default:
      '{{property}} of {{subject}} is dated {{when}}, before its origin ({{origin}} in {{other}}): the dates cannot all be true',
    sequence: '{{property}} of {{subject}} is dated {{when}}, before {{earlier}} ({{earlierWhen}} in {{other}}), which it follows',
  },
  run({ register, vocabulary, options, report, external }) {
    const nowYear = external.now.getUTCFullYear();
    const origins = new Set(options.originProperties.map((p) => vocabulary.property(p)));
    const sequences = options.sequences.map(([x, y]) => [vocabulary.property(x), vocabulary.property(y)] as const);
    const bySubject = new Map<string, Dated[]>();
    for (const c of register.claims) {
      if (valueKind(c.claim.value) !== 'time') continue;
      const resolved = spanOf(c, nowYear);
      if (!resolved) continue;
      const key = vocabulary.subject(c.claim.subject);
      const list = bySubject.get(key) ?? [];
      list.push({ claim: c, ...resolved, property: vocabulary.property(c.claim.property) });
      bySubject.set(key, list);
    }
    const when = (d: Dated) =>
      d.undated
        ? `${describeValue(d.claim.claim.value)} (${d.span[1]} at the latest: the source is undated, so from ${nowYear} or earlier)`
        : describeValue(d.claim.claim.value, publishedYear(d.claim.source));
    for (const dated of bySubject.values()) {
      // The latest start any origin claim allows: an event ending before it contradicts that claim.
      const originClaims = dated.filter((d) => origins.has(d.property));
      for (const event of dated) {
        if (origins.has(event.property)) continue;
        const before = originClaims.filter((o) => event.span[1] < o.span[0]);
        if (before.length) {
          report({
            file: event.claim.file,
            range: event.claim.range(['value']),
            claim: event.claim,
            related: before.map((o) => o.claim),
            key: 'origin',
            relatedIsGroup: true,
            demote: event.undated, // an undated origin (−∞ onward) never places anything before it
            data: {
              subject: event.claim.claim.subject,
              property: event.claim.claim.property,
              when: when(event),
              origin: when(before[0]!),
              other: before.map((o) => o.claim.fullId).join(', '),
            },
          });
        }
        for (const [earlier, later] of sequences) {
          if (event.property !== later) continue;
          const prior = dated.filter((d) => d.property === earlier && event.span[1] < d.span[0]);
          if (!prior.length) continue;
          report({
            file: event.claim.file,
            range: event.claim.range(['value']),
            claim: event.claim,
            related: prior.map((d) => d.claim),
            messageId: 'sequence',
            key: `sequence ${earlier}`,
            relatedIsGroup: true,
            demote: event.undated,
            data: {
              subject: event.claim.claim.subject,
              property: event.claim.claim.property,
              when: when(event),
              earlier: prior[0]!.claim.claim.property,
              earlierWhen: when(prior[0]!),
              other: prior.map((d) => d.claim.fullId).join(', '),
            },
          });
        }
      }
    }
  },
});

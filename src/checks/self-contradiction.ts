import { defineCheck } from '../engine/run/check.js';
import type { LoadedClaim, RegisterFile } from '../engine/load/loader.js';
import { disagreement } from '../engine/register/disagreement.js';
import { pairContext } from '../engine/register/pairs.js';
import { valueKind } from '../engine/register/values.js';
import type { ValueKind } from '../model.js';

interface Options {
  valueKinds: ValueKind[];
}

/**
 * Two claims of one source on the same subject and property whose values
 * cannot both be true: one finding per source, subject and property ("the
 * source contradicts itself"), on the later claim, every other claim of the
 * source involved as related. Claims whose contexts differ are not
 * compared; when a facet is stated by only one of the claims (and no pair
 * matches in full), the finding is one step lower and names the facets, as
 * the cross-source conflict rules do. Work is per subject/property group of
 * the register's index, split by source.
 */
export default defineCheck<Options>({
  name: 'self-contradiction',
  summary: 'Two claims of one source that cannot both be true',
  optionsSchema: {
    type: 'object',
    properties: {
      valueKinds: { type: 'array', items: { enum: ['time', 'quantity', 'count', 'category', 'assertion', 'effect'] }, uniqueItems: true },
    },
  },
  defaultOptions: { valueKinds: ['time', 'quantity', 'count', 'category', 'assertion', 'effect'] },
  messages: {
    default: 'The source contradicts itself on {{property}} of {{subject}}: {{value}} here, {{otherValue}} in {{other}}',
    unknown:
      'The source may contradict itself on {{property}} of {{subject}}: {{value}} here, {{otherValue}} in {{other}}{{context}}; state the context to confirm or rule it out',
  },
  run({ register, vocabulary, options, report, inScope }) {
    const kinds = new Set(options.valueKinds);
    for (const group of register.subjectPropertyGroups()) {
      const bySource = new Map<RegisterFile, LoadedClaim[]>();
      for (const c of group) {
        const k = valueKind(c.claim.value);
        if (k === undefined || !kinds.has(k) || !inScope(c.file)) continue;
        const list = bySource.get(c.file);
        if (list) list.push(c);
        else bySource.set(c.file, [c]);
      }
      for (const claims of bySource.values()) {
        if (claims.length < 2) continue;
        let located: { claim: LoadedClaim; partner: LoadedClaim; value: string; otherValue: string; note: string } | undefined;
        let matched = false;
        const involved = new Set<LoadedClaim>();
        for (let j = 1; j < claims.length; j++) {
          const b = claims[j]!;
          for (let i = 0; i < j; i++) {
            const a = claims[i]!;
            const d = disagreement(a, b, vocabulary);
            if (!d) continue;
            const ctx = pairContext(a, b, vocabulary);
            if (ctx.verdict === 'different') continue;
            involved.add(a).add(b);
            // The finding sits on the first pair that matches in full, else on the first pair.
            if (!located || (!matched && ctx.verdict === 'match')) located = { claim: b, partner: a, ...d, note: ctx.note };
            matched ||= ctx.verdict === 'match';
          }
        }
        if (!located) continue;
        const { claim } = located;
        const others = [located.partner, ...[...involved].filter((c) => c !== claim && c !== located.partner)];
        report({
          file: claim.file,
          range: claim.range(['value']),
          claim,
          related: others,
          ...(matched ? {} : { messageId: 'unknown', demote: true }),
          data: {
            context: located.note,
            subject: claim.claim.subject,
            property: claim.claim.property,
            value: located.value,
            otherValue: located.otherValue,
            other: others.map((c) => c.fullId).join(', '),
          },
        });
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { counted } from './wording.js';
import { findTerm } from '../engine/register/evidence.js';
import type { LoadedClaim } from '../engine/load/loader.js';
import { asEffect, valueKind } from '../engine/register/values.js';
import type { Aspect, Claim, EffectDirection } from '../model.js';
import { aspectList } from './option-schemas.js';

const EFFECTS: readonly EffectDirection[] = ['benefit', 'no-benefit', 'harm', 'mixed'];
const effectList = { type: 'array', uniqueItems: true, items: { enum: [...EFFECTS] } } as const;

interface Options {
  /** Group a source's claims as a whole (`source`), or by subject after vocabulary aliases (`subject`). */
  per: 'source' | 'subject';
  /** Claims that need balancing: these aspects ... */
  aspects: Aspect[];
  /** ... with these effect directions (empty: any value or none). */
  effects: EffectDirection[];
  /** A claim of the group balances them when it has one of these aspects, */
  balancingAspects: Aspect[];
  /** or one of these effect directions, */
  balancingEffects: EffectDirection[];
  /** or one of these words in its text (whole words, case-insensitive). */
  balancingTerms: string[];
  /** How many of the unbalanced claims to list as related. */
  maxRelated: number;
}

function effectOf(claim: Claim): EffectDirection | undefined {
  return claim.value && valueKind(claim.value) === 'effect' ? asEffect(claim.value).effect : undefined;
}

/**
 * A source that tells one side only: it has claims of one kind (by default,
 * efficacy claims of benefit) and no claim that balances them (by aspect,
 * effect direction or wording). One finding per source, or per source and
 * subject, at the source's id, with the one-sided claims as related.
 */
export default defineCheck<Options>({
  name: 'one-sided',
  summary: 'A source with claims of one kind (e.g. benefits) and none that balances them (e.g. harms, limitations)',
  optionsSchema: {
    type: 'object',
    properties: {
      per: { enum: ['source', 'subject'] },
      aspects: { ...aspectList, minItems: 1 },
      effects: effectList,
      balancingAspects: aspectList,
      balancingEffects: effectList,
      balancingTerms: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
      maxRelated: { type: 'integer', minimum: 0 },
    },
  },
  defaultOptions: {
    per: 'subject',
    aspects: ['efficacy'],
    effects: ['benefit'],
    balancingAspects: ['harm'],
    balancingEffects: ['harm'],
    balancingTerms: [],
    maxRelated: 5,
  },
  messages: {
    default:
      'Source "{{source}}" has {{count}} claims of {{what}} about {{subject}} and none that balances them: state what the evidence shows on the other side',
  },
  run({ register, vocabulary, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    const effects = new Set<string>(options.effects);
    const balancingAspects = new Set<string>(options.balancingAspects);
    const balancingEffects = new Set<string>(options.balancingEffects);
    const needsBalance = (claim: Claim) => {
      if (!aspects.has(claim.aspect)) return false;
      if (effects.size === 0) return true;
      const e = effectOf(claim);
      return e !== undefined && effects.has(e);
    };
    const balances = (claim: Claim) => {
      if (balancingAspects.has(claim.aspect)) return true;
      const e = effectOf(claim);
      if (e !== undefined && balancingEffects.has(e)) return true;
      return options.balancingTerms.length > 0 && typeof claim.text === 'string' && findTerm(claim.text, options.balancingTerms) !== undefined;
    };
    const what = `${options.aspects.join(' or ')}${options.effects.length ? ` (${options.effects.join(' or ')})` : ''}`;

    for (const file of register.files) {
      if (!inScope(file)) continue; // findings sit at the source, and relate only to its own claims
      const source = file.source;
      if (!source) continue;
      // Per group (the whole source, or one subject): the claims needing balance, and whether any claim balances them.
      const groups = new Map<string, { subject: string; claims: LoadedClaim[]; balanced: boolean }>();
      const group = (c: LoadedClaim) => {
        const key = options.per === 'subject' ? vocabulary.subject(String(c.claim.subject)) : '';
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { subject: key, claims: [], balanced: false }));
        return g;
      };
      for (const c of file.claims) {
        const g = group(c);
        if (needsBalance(c.claim)) g.claims.push(c);
        if (balances(c.claim)) g.balanced = true;
      }
      for (const g of groups.values()) {
        if (g.balanced || g.claims.length === 0) continue;
        report({
          file,
          range: file.sourceRange(['id']),
          related: g.claims.slice(0, options.maxRelated),
          key: g.subject,
          relatedIsGroup: true,
          data: {
            source: source.id,
            subject: g.subject === '' ? 'its subjects' : g.subject,
            count: g.claims.length,
            claims: counted(g.claims.length, 'claim'),
            what,
            first: g.claims[0]!.claim.id,
          },
        });
      }
    }
  },
});

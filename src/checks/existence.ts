import { ASPECTS, type Aspect } from '../model.js';
import { defineCheck } from '../engine/run/check.js';
import { findTerms, matchRange } from '../engine/register/term-matches.js';
import { aspectList } from './option-schemas.js';

interface Options {
  /** The terms to flag: whole words, case-insensitive; a phrase matches across any whitespace. */
  terms: string[];
  /** Aspects the rule applies to. */
  aspects: Aspect[];
}

/**
 * Terms that should not appear in claim text, after Vale's `existence`
 * check: every occurrence is reported at its own line and column.
 */
export default defineCheck<Options>({
  name: 'existence',
  summary: 'Listed terms in claim text, each reported where it occurs',
  optionsSchema: {
    type: 'object',
    properties: {
      terms: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, pattern: '\\S' } },
      aspects: aspectList,
    },
  },
  defaultOptions: { terms: ['miracle'], aspects: [...ASPECTS] },
  messages: {
    default: 'Claim "{{id}}" uses "{{term}}": reword it',
  },
  run({ register, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (!aspects.has(c.claim.aspect) || typeof c.claim.text !== 'string') continue;
      for (const m of findTerms(c.claim.text, options.terms)) {
        report({ file: c.file, range: matchRange(c, m), claim: c, key: m.term.trim().toLowerCase(), data: { id: c.claim.id, term: m.term.trim().toLowerCase() } });
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { joinWords } from '../engine/register/evidence-designs.js';
import { FACETS, type Aspect, type Facet } from '../model.js';
import { aspectList } from './option-schemas.js';

interface Options {
  /** Aspects the rule applies to. */
  aspects: Aspect[];
  /** The context facets a claim of those aspects must state. */
  facets: Facet[];
}

function stated(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'object' && v !== null) return Object.values(v).some(stated);
  return false;
}

/**
 * A result whose context leaves out a PICO facet a reader needs to apply it
 * (by default population, intervention and outcome), naming each one.
 */
export default defineCheck<Options>({
  name: 'context-missing',
  summary: 'A result that does not state some of its context facets',
  optionsSchema: {
    type: 'object',
    properties: {
      aspects: aspectList,
      facets: { type: 'array', uniqueItems: true, minItems: 1, items: { enum: [...FACETS] } },
    },
  },
  defaultOptions: { aspects: ['efficacy'], facets: ['population', 'intervention', 'outcome'] },
  messages: {
    default: 'Claim "{{id}}" ({{aspect}}) does not state its {{facets}}: say who and what the result applies to, and record it in context',
    'no-context': 'Claim "{{id}}" ({{aspect}}) has no context: state the {{facets}} the result applies to, and record them in context',
  },
  run({ register, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      // A claim with no value asserts no result ("it is being studied for ...").
      if (!aspects.has(c.claim.aspect) || c.claim.value === undefined) continue;
      const context = c.claim.context;
      const hasContext = typeof context === 'object' && context !== null;
      const missing = options.facets.filter((f) => !hasContext || !stated(context[f]));
      if (missing.length === 0) continue;
      const data = { id: c.claim.id, aspect: c.claim.aspect, facets: joinWords(missing) };
      if (hasContext) report({ file: c.file, range: c.range(['context']), claim: c, data });
      else report({ file: c.file, range: c.range(['text']), claim: c, messageId: 'no-context', data });
    }
  },
});

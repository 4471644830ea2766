import { defineCheck } from '../engine/run/check.js';
import { findTerm, resolveEvidence } from '../engine/register/evidence.js';
import { aspectList } from './option-schemas.js';
import { ASPECTS, type Aspect } from '../model.js';

interface Options {
  /** Words in a claim's text that present it as current (whole words, case-insensitive). */
  terms: string[];
  /** The age in years (today's year minus the newest evidence's year) above which evidence is stale. */
  maxAge: number;
  /** Aspects to check (default: all). */
  aspects: Aspect[];
}

/**
 * A claim worded as current ("recent studies", "emerging evidence") whose
 * newest dated evidence is older than `maxAge` years. The evidence's year is
 * the cited reference's `year`, or the source's publication year for its own
 * study. A claim is checked only when every citation and own study behind it
 * has a year (an undated reference might be recent); named sources,
 * testimonials and the like carry no date and are left out.
 */
export default defineCheck<Options>({
  name: 'stale-evidence',
  summary: 'A claim presented as current whose newest evidence is older than a given age',
  optionsSchema: {
    type: 'object',
    properties: {
      terms: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
      maxAge: { type: 'integer', minimum: 0 },
      aspects: aspectList,
    },
  },
  defaultOptions: {
    terms: ['recent', 'recently', 'new', 'newer', 'newest', 'latest', 'current', 'currently', 'now', 'nowadays', 'today', 'emerging'],
    maxAge: 10,
    aspects: [...ASPECTS],
  },
  messages: {
    default:
      'Claim "{{id}}" presents its evidence as current ("{{term}}"), but the newest of it is from {{year}}, {{age}} years ago (more than {{maxAge}}): cite recent evidence, or drop the wording that presents it as new',
  },
  run({ register, external, options, report, inScope }) {
    const thisYear = external.now.getUTCFullYear();
    const aspects = new Set<string>(options.aspects);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (!aspects.has(c.claim.aspect) || typeof c.claim.text !== 'string') continue;
      const term = findTerm(c.claim.text, options.terms);
      if (term === undefined) continue;
      const dated = resolveEvidence(c).filter((e) => e.reference !== undefined || e.item.kind === 'own-study');
      if (dated.length === 0 || dated.some((e) => e.year === undefined)) continue;
      const newest = Math.max(...dated.map((e) => e.year!));
      const age = thisYear - newest;
      if (age <= options.maxAge) continue;
      report({
        file: c.file,
        range: c.range(['text']),
        claim: c,
        data: { id: c.claim.id, term: term.replace(/\s+/g, ' ').toLowerCase(), year: newest, age, maxAge: options.maxAge },
      });
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { bestLevel, resolveEvidence } from '../engine/register/evidence.js';
import { DESIGN_LABELS, designList, designWords, studiesOf } from '../engine/register/evidence-designs.js';
import { firstTerm, hasTerm, matchRange } from '../engine/register/term-matches.js';
import type { Aspect, Design } from '../model.js';
import { aspectList } from './option-schemas.js';

interface Options {
  /** Aspects the rule applies to. */
  aspects: Aspect[];
  /** Words that make a claim strong (or causal); whole words, case-insensitive. */
  terms: string[];
  /** Hedges: a claim whose text has one of these is worded with care and not flagged. */
  except: string[];
  /** Best CEBM levels (1–5) too weak for such wording. Empty: no level condition. */
  levels: number[];
  /** Flag such wording on a single study with fewer participants than this. 0: no sample condition. */
  smallStudy: number;
  /** Flag such wording when every piece of evidence has one of these designs. Empty: no design condition. */
  designs: Design[];
}

/**
 * Claim wording stronger than its evidence: a term from a list (strong or
 * causal words) in a claim whose evidence is weak by one of the enabled
 * conditions (best level, a single small study, designs). One kind for
 * several rules, each with its own terms and conditions.
 */
export default defineCheck<Options>({
  name: 'wording-strength',
  summary: 'Claim wording stronger than the evidence behind it',
  optionsSchema: {
    type: 'object',
    properties: {
      aspects: aspectList,
      terms: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      except: { type: 'array', items: { type: 'string', minLength: 1 } },
      levels: { type: 'array', uniqueItems: true, items: { enum: [1, 2, 3, 4, 5] } },
      smallStudy: { type: 'integer', minimum: 0 },
      designs: designList,
    },
  },
  defaultOptions: {
    aspects: ['efficacy', 'harm'],
    terms: ['demonstrated', 'proven', 'effective', 'significant', 'cures'],
    except: [],
    levels: [4, 5],
    smallStudy: 0,
    designs: [],
  },
  messages: {
    default:
      'Claim "{{id}}" says "{{term}}", but its best evidence is level {{level}} ({{designs}}): soften the wording (e.g. "suggests", "in a case series") or cite stronger evidence',
    'small-study':
      'Claim "{{id}}" says "{{term}}" on a single {{design}} of {{n}} participants: present it as one small study\'s finding, or cite larger studies',
    designs: 'Claim "{{id}}" says "{{term}}", but rests only on {{designs}}: soften the wording, or cite stronger evidence',
  },
  run({ register, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    const levels = new Set<number>(options.levels);
    const designs = new Set<Design>(options.designs);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (!aspects.has(c.claim.aspect) || typeof c.claim.text !== 'string') continue;
      const match = firstTerm(c.claim.text, options.terms);
      if (!match || hasTerm(c.claim.text, options.except)) continue;
      const evidence = resolveEvidence(c);
      if (evidence.length === 0) continue; // no evidence: evidence/none
      const term = match.term.trim().toLowerCase();
      const base = { file: c.file, range: matchRange(c, match), claim: c, key: term };

      // Best level: only when every piece of evidence has a known level (an
      // unstated design could be a trial), and some of it is evidence at all
      // (all testimonials or names: evidence/testimonial, unsourced-statistic).
      const best = bestLevel(evidence);
      if (levels.size > 0 && typeof best === 'number' && evidence.every((e) => e.level !== undefined) && levels.has(best)) {
        const atBest = evidence.filter((e) => e.level === best).map((e) => e.design);
        report({ ...base, about: ['evidence.level'], data: { id: c.claim.id, term, level: best, designs: designWords(atBest) } });
        continue;
      }

      if (options.smallStudy > 0) {
        const studies = studiesOf(evidence);
        const only = studies.length === 1 ? studies[0]! : undefined;
        if (only?.n !== undefined && only.n < options.smallStudy) {
          const design = only.design ? DESIGN_LABELS[only.design][0] : 'study';
          report({ ...base, messageId: 'small-study', about: ['evidence.sample-size', 'evidence.single-study'], data: { id: c.claim.id, term, n: only.n, design } });
          continue;
        }
      }

      if (designs.size > 0 && evidence.every((e) => e.design !== undefined && designs.has(e.design))) {
        report({ ...base, messageId: 'designs', about: ['evidence.design'], data: { id: c.claim.id, term, designs: designWords(evidence.map((e) => e.design)) } });
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { designList, designWords, evidenceByItem, itemHasOnly, namedSourceMap } from '../engine/register/evidence-designs.js';
import type { LoadedClaim } from '../engine/load/loader.js';
import { valueKind } from '../engine/register/values.js';
import type { Aspect, Design } from '../model.js';
import { aspectList } from './option-schemas.js';

interface Options {
  /** Aspects the rule applies to. */
  aspects: Aspect[];
  /** Designs of secondary outlets: a claim whose evidence all has these designs cites no study. */
  designs: Design[];
  /** Named sources given a design by name ("WSJ": news), for items that state none. */
  namedSources: Record<string, Design>;
}

/** Authors' names in a named source ("Alkhachroum et al."). */
const AUTHORS = /\bet\s+al\b|\band\s+colleagues\b/i;

/**
 * What makes a claim report one study's result rather than sum up a field:
 * a count, an effect size, a sample size, or the study's authors by name.
 */
function studyDetail(c: LoadedClaim): string | undefined {
  const value = c.claim.value;
  const kind = valueKind(value);
  const items = Array.isArray(c.claim.evidence) ? c.claim.evidence : [];
  if (items.some((e) => e.n !== undefined)) return 'a sample size';
  if (kind === 'count') return 'a count';
  if (kind === 'effect' && value && 'size' in value && value.size) return 'an effect size';
  if (items.some((e) => e.name !== undefined && (e.cites !== undefined || AUTHORS.test(e.name)))) return "the study's authors";
  return undefined;
}

/**
 * A primary finding cited only at second hand: an efficacy or harm claim
 * that reports a specific study result (a count, an effect size, a sample
 * size or the authors' names) while all its evidence is a narrative review,
 * a news item, a press release or marketing.
 */
export default defineCheck<Options>({
  name: 'secondary-citation',
  summary: 'A specific study result cited only through a review, news item or other secondary outlet',
  optionsSchema: {
    type: 'object',
    properties: {
      aspects: aspectList,
      designs: { ...designList, minItems: 1 },
      namedSources: namedSourceMap,
    },
  },
  defaultOptions: {
    aspects: ['efficacy', 'harm'],
    designs: ['narrative-review', 'news', 'press-release', 'marketing'],
    namedSources: {},
  },
  messages: {
    default:
      'Claim "{{id}}" reports a specific study result (it gives {{detail}}) but its only evidence is {{designs}}: cite the original study, so readers can check the finding',
  },
  run({ register, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    const designs = new Set<Design>(options.designs);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (!aspects.has(c.claim.aspect)) continue;
      const kind = valueKind(c.claim.value);
      if (kind !== 'effect' && kind !== 'count' && kind !== 'quantity') continue;
      const items = evidenceByItem(c, options.namedSources);
      if (items.length === 0 || !items.every((i) => itemHasOnly(i, designs))) continue;
      const detail = studyDetail(c);
      if (!detail) continue;
      report({
        file: c.file,
        range: c.range(['evidence']),
        claim: c,
        data: { id: c.claim.id, detail, designs: designWords(items.flatMap((i) => i.designs)) },
      });
    }
  },
});

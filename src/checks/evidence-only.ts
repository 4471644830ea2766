import { defineCheck } from '../engine/run/check.js';
import { hasCitableEvidence, statesStatistic } from '../engine/register/evidence.js';
import { DESIGN_LABELS, designList, evidenceByItem, itemHasOnly, joinWords, namedSourceMap, type ItemEvidence } from '../engine/register/evidence-designs.js';
import { hasTerm } from '../engine/register/term-matches.js';
import type { Aspect, Design, EvidenceKind } from '../model.js';
import { aspectList, evidenceKindList } from './option-schemas.js';

/** Plural labels of evidence kinds, for messages ("named sources", not "named-sources"). */
const KIND_LABELS: Record<EvidenceKind, string> = {
  testimonial: 'testimonials',
  anecdote: 'anecdotes',
  'expert-opinion': 'expert opinions',
  mechanism: 'mechanistic reasoning',
  'own-study': 'own studies',
  unattributed: 'unattributed statements',
  'named-source': 'named sources',
  marketing: 'marketing claims',
};

interface Options {
  /** Aspects the rule applies to. */
  aspects: Aspect[];
  /** Evidence kinds that cannot carry such a claim on their own. */
  kinds: EvidenceKind[];
  /**
   * Designs that cannot carry such a claim on their own: an item counts when
   * every piece of evidence it stands for (each reference it cites, or the
   * item itself) has one of them, as `resolveEvidence` resolves designs.
   */
  designs: Design[];
  /** Named sources given a design by name ("WSJ": news), for items that state none. */
  namedSources: Record<string, Design>;
  /** Leave out claims whose `context.population` names one of these terms (whole words). */
  exceptPopulations: string[];
  /** Also flag a claim that states a statistic while resting partly on these kinds (stories presented as data). */
  asData: boolean;
}

/**
 * A claim whose only evidence is of kinds (by default testimonials and
 * anecdotes) or designs that cannot carry it, or that presents such
 * evidence as data.
 */
export default defineCheck<Options>({
  name: 'evidence-only',
  summary: 'A claim resting only on evidence of kinds or designs that cannot carry it',
  optionsSchema: {
    type: 'object',
    properties: {
      aspects: aspectList,
      kinds: { ...evidenceKindList, minItems: 0 },
      designs: designList,
      namedSources: namedSourceMap,
      exceptPopulations: { type: 'array', items: { type: 'string', minLength: 1 } },
      asData: { type: 'boolean' },
    },
  },
  defaultOptions: {
    aspects: ['efficacy', 'harm', 'prevalence'],
    kinds: ['testimonial', 'anecdote'],
    designs: [],
    namedSources: {},
    exceptPopulations: [],
    asData: true,
  },
  messages: {
    default: 'Claim "{{id}}" ({{aspect}}) rests only on {{kinds}}: these are not evidence of {{aspect}}; cite a study or reword as a personal account',
    'as-data': 'Claim "{{id}}" states a figure while presenting {{kinds}} as data: cite the study behind the figure, or drop it',
  },
  run({ register, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    const kinds = new Set<string>(options.kinds);
    const designs = new Set<Design>(options.designs);
    const label = (e: ItemEvidence): string[] =>
      e.item.kind !== undefined && kinds.has(e.item.kind)
        ? [KIND_LABELS[e.item.kind]]
        : e.designs.filter((d): d is Design => d !== undefined).map((d) => DESIGN_LABELS[d][1]);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (!aspects.has(c.claim.aspect)) continue;
      const population = c.claim.context?.population;
      if (typeof population === 'string' && hasTerm(population, options.exceptPopulations)) continue;
      const ev = evidenceByItem(c, options.namedSources);
      const weak = ev.filter((e) => (e.item.kind !== undefined && kinds.has(e.item.kind)) || (designs.size > 0 && itemHasOnly(e, designs)));
      if (weak.length === 0) continue;
      const used = joinWords([...new Set(weak.flatMap(label))]);
      const data = { id: c.claim.id, aspect: c.claim.aspect, kinds: used };
      if (weak.length === ev.length) {
        report({ file: c.file, range: c.range(['evidence']), claim: c, data });
      } else if (options.asData && statesStatistic(c.claim) && !hasCitableEvidence(c)) {
        // A figure beside patient stories, with no study a reader can check behind it: the stories are doing the work.
        report({ file: c.file, range: c.range(['evidence']), claim: c, messageId: 'as-data', data });
      }
    }
  },
});

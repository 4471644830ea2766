import { defineCheck } from '../engine/check.js';
import { evidenceOf, statesStatistic } from '../engine/evidence.js';
import type { Aspect, EvidenceKind } from '../model.js';
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
  /** Also flag a claim that states a statistic while resting partly on these kinds (stories presented as data). */
  asData: boolean;
}

/**
 * A claim whose only evidence is of kinds that cannot carry it (by default
 * testimonials and anecdotes), or that presents such evidence as data.
 */
export default defineCheck<Options>({
  name: 'evidence-only',
  summary: 'A claim resting only on evidence of kinds that cannot carry it',
  optionsSchema: {
    type: 'object',
    properties: {
      aspects: aspectList,
      kinds: evidenceKindList,
      asData: { type: 'boolean' },
    },
  },
  defaultOptions: { aspects: ['efficacy', 'harm', 'prevalence'], kinds: ['testimonial', 'anecdote'], asData: true },
  messages: {
    default: 'Claim "{{id}}" ({{aspect}}) rests only on {{kinds}}: these are not evidence of {{aspect}}; cite a study or reword as a personal account',
    'as-data': 'Claim "{{id}}" states a figure while presenting {{kinds}} as data: cite the study behind the figure, or drop it',
  },
  run({ register, options, report }) {
    const aspects = new Set<string>(options.aspects);
    const kinds = new Set<string>(options.kinds);
    for (const c of register.claims) {
      if (!aspects.has(c.claim.aspect)) continue;
      const ev = evidenceOf(c.claim);
      const weak = ev.filter((e) => e.kind !== undefined && kinds.has(e.kind));
      if (weak.length === 0) continue;
      const used = [...new Set(weak.map((e) => KIND_LABELS[e.kind!]))].join(' and ');
      const data = { id: c.claim.id, aspect: c.claim.aspect, kinds: used };
      if (weak.length === ev.length) {
        report({ file: c.file, range: c.range(['evidence']), claim: c, data });
      } else if (options.asData && statesStatistic(c.claim)) {
        report({ file: c.file, range: c.range(['evidence']), claim: c, messageId: 'as-data', data });
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { resolveEvidence } from '../engine/register/evidence.js';
import { DESIGN_LABELS, designList, studiesOf, totalSample } from '../engine/register/evidence-designs.js';
import type { Aspect, Design } from '../model.js';
import { aspectList } from './option-schemas.js';

interface Options {
  /** Aspects the rule applies to. */
  aspects: Aspect[];
  /** Flag a result whose studies have fewer participants than this in all. 0: no sample condition. */
  minSample: number;
  /** Flag a result resting on a single primary study. */
  singleStudy: boolean;
  /** The designs of primary studies, for `singleStudy` (a single review pools several studies). */
  studyDesigns: Design[];
}

/**
 * A result resting on few participants or on one study (GRADE
 * imprecision): the studies behind it, as resolved from its evidence, have
 * a small total sample, or there is only one primary study.
 */
export default defineCheck<Options>({
  name: 'evidence-precision',
  summary: 'A result resting on small samples or a single study',
  optionsSchema: {
    type: 'object',
    properties: {
      aspects: aspectList,
      minSample: { type: 'integer', minimum: 0 },
      singleStudy: { type: 'boolean' },
      studyDesigns: designList,
    },
  },
  defaultOptions: {
    aspects: ['efficacy'],
    minSample: 50,
    singleStudy: true,
    studyDesigns: ['rct', 'cohort', 'non-randomized-controlled', 'case-control', 'cross-sectional', 'case-series', 'case-report'],
  },
  messages: {
    default:
      'Claim "{{id}}" ({{aspect}}) rests on {{studies}} with {{n}} participants in all, fewer than {{minSample}}: present the result as preliminary, or cite larger studies',
    single: 'Claim "{{id}}" ({{aspect}}) rests on a single {{design}}: present it as one study\'s finding, or cite studies that confirm it',
  },
  run({ register, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    const primary = new Set<Design>(options.studyDesigns);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      // A claim with no value asserts no result ("it is being studied for ...").
      if (!aspects.has(c.claim.aspect) || c.claim.value === undefined) continue;
      const studies = studiesOf(resolveEvidence(c));
      if (studies.length === 0) continue;
      const base = { file: c.file, range: c.range(['evidence']), claim: c };
      const n = totalSample(studies);
      if (options.minSample > 0 && n !== undefined && n < options.minSample) {
        const studiesText = studies.length === 1 ? `a single ${studies[0]!.design ? DESIGN_LABELS[studies[0]!.design][0] : 'study'}` : `${studies.length} studies`;
        report({ ...base, about: ['evidence.sample-size'], data: { id: c.claim.id, aspect: c.claim.aspect, studies: studiesText, n, minSample: options.minSample } });
        continue;
      }
      if (!options.singleStudy || studies.length !== 1) continue;
      const only = studies[0]!;
      // A primary design, or an unstated one with a stated sample size (a review has no participants of its own).
      const isPrimary = only.design !== undefined ? primary.has(only.design) : only.n !== undefined;
      if (!isPrimary) continue;
      const design = only.design ? DESIGN_LABELS[only.design][0] : 'study';
      report({ ...base, messageId: 'single', about: ['evidence.single-study'], data: { id: c.claim.id, aspect: c.claim.aspect, design } });
    }
  },
});

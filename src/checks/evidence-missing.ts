import { defineCheck } from '../engine/run/check.js';
import { evidenceOf } from '../engine/register/evidence.js';
import { ASPECTS, type Aspect } from '../model.js';
import { aspectList } from './option-schemas.js';

interface Options {
  /** Aspects to check; claims of other aspects may go without evidence. */
  aspects: Aspect[];
}

/** A claim that gives no evidence at all: no citation, no named source, nothing. */
export default defineCheck<Options>({
  name: 'evidence-missing',
  summary: 'A claim with no evidence at all',
  optionsSchema: {
    type: 'object',
    properties: {
      aspects: aspectList,
    },
  },
  defaultOptions: { aspects: [...ASPECTS] },
  messages: { default: 'Claim "{{id}}" ({{aspect}}) gives no evidence: cite a reference or record where it comes from' },
  run({ register, options, report, inScope }) {
    const aspects = new Set<string>(options.aspects);
    for (const c of register.claims) {
      if (!inScope(c.file)) continue; // its findings could not be reported
      if (!aspects.has(c.claim.aspect) || evidenceOf(c.claim).length > 0) continue;
      report({ file: c.file, range: c.range(['text']), claim: c, data: { id: c.claim.id, aspect: c.claim.aspect } });
    }
  },
});

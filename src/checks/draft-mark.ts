import { defineCheck } from '../engine/run/check.js';

/** Claims marked `draft: true` (written by `claimlint extract`), until an editor reviews them and removes the mark. */
export default defineCheck<object>({
  name: 'draft-mark',
  summary: 'A claim still marked draft: true',
  optionsSchema: { type: 'object', properties: {} },
  defaultOptions: {},
  messages: {
    default: 'Draft claim "{{id}}": review subject, property and context, then remove "draft: true"',
  },
  run({ register, report, inScope }) {
    for (const c of register.claims) {
      if (!inScope(c.file) || c.claim.draft !== true) continue;
      report({ file: c.file, range: c.range(['draft'], { key: true }), claim: c, data: { id: c.claim.id } });
    }
  },
});

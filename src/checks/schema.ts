import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';

/** Reports fields that break the claim-file schema, named by their path. */
export default defineCheck({
  name: 'schema',
  summary: 'A field that breaks the claim-file schema',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: { default: '{{problem}}' },
  run({ register, report }) {
    for (const file of register.files) {
      for (const p of file.schemaProblems) {
        report({ file, range: p.range, data: { problem: p.message }, ...(p.claim ? { claimId: p.claim } : {}) });
      }
    }
  },
});

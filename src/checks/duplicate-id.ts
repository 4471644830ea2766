import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';
import type { LoadedClaim, LoadedReference } from '../engine/load/loader.js';

/** Two sources with one id, or two claims (or references) of one source with one id. */
export default defineCheck({
  name: 'duplicate-id',
  summary: 'Two sources, or two claims or references of one source, with the same id',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: {
    default: 'Duplicate claim id "{{id}}" in {{source}}: give each claim of a source its own id',
    source: 'Duplicate source id "{{id}}": another file of the register uses it too; source ids must be unique in the register',
    reference: 'Duplicate reference id "{{id}}" in {{source}}: give each reference its own id',
  },
  run({ register, report }) {
    for (const id of register.sourceIds()) {
      const files = register.filesWithSource(id);
      for (const file of files.slice(1)) {
        report({
          file,
          range: file.sourceRange(['id']),
          messageId: 'source',
          related: [files[0]!],
          data: { id },
        });
      }
    }
    for (const file of register.files) {
      const claims = new Map<string, LoadedClaim>();
      for (const c of file.claims) {
        const first = claims.get(c.claim.id);
        if (first) {
          report({ file, range: c.range(['id']), claim: c, related: [first], data: { id: c.claim.id, source: c.source.id } });
        } else claims.set(c.claim.id, c);
      }
      const refs = new Map<string, LoadedReference>();
      for (const r of file.references) {
        const id = String(r.reference.id);
        const first = refs.get(id);
        if (first) {
          report({ file, range: r.range(['id']), messageId: 'reference', key: `#${id}`, related: [first], data: { id, source: file.source?.id ?? '' } });
        } else refs.set(id, r);
      }
    }
  },
});

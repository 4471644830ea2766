import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';

/**
 * What a schema problem is about: the part of the file it makes the loader
 * drop (a source field, one reference, one claim), as a dotted path.
 */
function aboutOf(path: ReadonlyArray<string | number> | undefined): string[] | undefined {
  if (!path?.length) return undefined;
  const [top, a, b] = path;
  const part = top === 'source' && a === 'references' && typeof b === 'number' ? path.slice(0, 3) : path.slice(0, 2);
  return [part.join('.')];
}

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
        const about = aboutOf(p.path);
        report({ file, range: p.range, data: { problem: p.message }, ...(p.claim ? { claimId: p.claim } : {}), ...(about ? { about } : {}) });
      }
    }
  },
});

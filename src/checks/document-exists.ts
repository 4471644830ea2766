import { defineCheck } from '../engine/run/check.js';

/** A source whose `document:` names a file that does not exist (or cannot be read). */
export default defineCheck<object>({
  name: 'document-exists',
  summary: 'A source document named by source.document that does not exist',
  optionsSchema: { type: 'object', properties: {} },
  defaultOptions: {},
  messages: {
    default:
      'Source "{{source}}" names the document {{document}}, which does not exist or cannot be read (document paths are relative to the folder of claimlint.config.yaml): correct the path, or add the document',
  },
  run({ register, documents, report, inScope, display }) {
    for (const file of register.files) {
      if (!inScope(file)) continue;
      const named = file.source?.document;
      if (typeof named !== 'string' || named === '') continue;
      const path = documents.resolve(named);
      if (documents.get(path)) continue;
      report({ file, range: file.sourceRange(['document']), data: { source: file.source!.id, document: display(path) } });
    }
  },
});

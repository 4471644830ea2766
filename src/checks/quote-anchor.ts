import { defineCheck } from '../engine/run/check.js';
import { visibleText } from '../engine/document/anchor.js';

/**
 * A claim's text must occur in its source's document (`source.document`)
 * after normalisation (see src/engine/document/normalize.ts). When it does
 * not, the closest passage is found and the first difference is reported
 * word by word, at the claim's text, with the passage as related location.
 */
export default defineCheck<object>({
  name: 'quote-anchor',
  summary: "A claim whose text does not occur in its source's document",
  optionsSchema: { type: 'object', properties: {} },
  defaultOptions: {},
  messages: {
    default: 'Claim "{{id}}" does not quote {{document}} as it reads: claim says “{{claimSays}}”; document says “{{documentSays}}”{{more}}',
    absent: 'Claim "{{id}}": its text occurs nowhere in {{document}}: quote the document verbatim, or correct source.document',
  },
  run({ register, documents, report, display }) {
    for (const file of register.files) {
      const named = file.source?.document;
      if (typeof named !== 'string' || named === '') continue;
      const path = documents.resolve(named);
      const index = documents.index(path);
      if (!index) continue; // source/document-missing reports it
      for (const c of file.claims) {
        if (typeof c.claim.text !== 'string') continue;
        const anchor = index.locate(c.claim.text);
        if (anchor.kind === 'exact') continue;
        const base = { file, range: c.range(['text']), claim: c };
        if (anchor.kind === 'absent') {
          report({ ...base, messageId: 'absent', data: { id: c.claim.id, document: display(path) } });
          continue;
        }
        const d = anchor.difference;
        report({
          ...base,
          data: {
            id: c.claim.id,
            document: display(path),
            claimSays: d.claimSays,
            documentSays: d.documentSays,
            more: d.more ? ` (and ${d.more} more difference${d.more === 1 ? '' : 's'})` : '',
          },
          related: [{ document: path, range: index.document.range(anchor.span.start, anchor.span.end), text: visibleText(index.document, anchor.span) }],
        });
      }
    }
  },
});

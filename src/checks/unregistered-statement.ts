import { defineCheck } from '../engine/run/check.js';
import { overlaps, type Span } from '../engine/document/anchor.js';
import { checkWorthiness, documentSentences } from '../engine/document/statements.js';

interface Options {
  /** Longest sentence excerpt shown in the message, in characters. */
  maxExcerpt: number;
}

/**
 * In the team's own content (`source.own: true`, or the `content:` globs of
 * the configuration), check-worthy sentences that no claim's quote covers,
 * reported at the sentence's line and column in the document.
 */
export default defineCheck<Options>({
  name: 'unregistered-statement',
  summary: 'Check-worthy sentences of own content that no claim quotes',
  optionsSchema: { type: 'object', properties: { maxExcerpt: { type: 'integer', minimum: 20 } } },
  defaultOptions: { maxExcerpt: 120 },
  messages: {
    default: 'Statement not in the register: “{{sentence}}” ({{why}}): add a claim that quotes it ("claimlint extract {{document}}" drafts one)',
  },
  run({ register, documents, options, report, display }) {
    if (documents.own.size === 0) return;
    // The quotes anchored in each own document, by the claim files that name it.
    const quoted = new Map<string, Span[]>();
    for (const path of documents.own) quoted.set(path, []);
    for (const file of register.files) {
      const named = file.source?.document;
      if (typeof named !== 'string' || named === '') continue;
      const path = documents.resolve(named);
      const spans = quoted.get(path);
      const index = spans && documents.index(path);
      if (!spans || !index) continue;
      for (const c of file.claims) {
        if (typeof c.claim.text !== 'string') continue;
        const a = index.locate(c.claim.text);
        if (a.kind !== 'absent') spans.push(a.span);
      }
    }
    for (const [path, spans] of quoted) {
      const doc = documents.get(path);
      if (!doc) continue;
      for (const s of documentSentences(doc)) {
        if (spans.some((q) => overlaps(q, s))) continue;
        const why = checkWorthiness(s.text);
        if (why.length === 0) continue;
        const text = s.text.replace(/\s+/g, ' ');
        const sentence = text.length > options.maxExcerpt ? `${text.slice(0, options.maxExcerpt - 1).trimEnd()}…` : text;
        report({ document: path, range: doc.range(s.start, s.end), data: { sentence, why: why.slice(0, 2).join(', '), document: display(path) } });
      }
    }
  },
});

import { defineCheck } from '../engine/check.js';
import { NO_OPTIONS } from './option-schemas.js';
import { evidenceOf } from '../engine/evidence.js';

/** A reference in a source's list that none of its claims cites. */
export default defineCheck({
  name: 'unused-reference',
  summary: 'A reference that no claim cites',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: { default: 'Reference "{{ref}}" of {{source}} is not cited by any claim{{title}}' },
  run({ register, report }) {
    for (const file of register.files) {
      if (!file.source) continue;
      const cited = new Set<string>();
      for (const c of file.claims) for (const e of evidenceOf(c.claim)) for (const id of e.cites ?? []) cited.add(String(id));
      for (const r of file.references) {
        const id = String(r.reference.id);
        if (cited.has(id)) continue;
        const t = r.reference.title ?? r.reference.url;
        report({
          file,
          range: r.range(['id']),
          data: { ref: id, source: file.source.id, title: t ? ` (${t.length > 60 ? `${t.slice(0, 57)}...` : t})` : '' },
        });
      }
    }
  },
});

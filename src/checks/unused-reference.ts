import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every reference id cited in the file's raw data, including by claims that failed the schema. */
function rawCitations(data: unknown): string[] {
  const out: string[] = [];
  const claims = isRecord(data) && Array.isArray(data['claims']) ? (data['claims'] as unknown[]) : [];
  for (const c of claims) {
    const evidence = isRecord(c) && Array.isArray(c['evidence']) ? (c['evidence'] as unknown[]) : [];
    for (const e of evidence) {
      if (isRecord(e) && Array.isArray(e['cites'])) for (const id of e['cites'] as unknown[]) out.push(String(id));
    }
  }
  return out;
}

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
      // From the raw data: a claim that failed the schema is not loaded, but its citations still use the reference.
      const cited = new Set(rawCitations(file.data));
      for (const r of file.references) {
        const id = String(r.reference.id);
        if (cited.has(id)) continue;
        const t = r.reference.title ?? r.reference.url;
        report({
          file,
          range: r.range(['id']),
          key: `#${id}`,
          about: [`source.references.${r.index}`],
          data: { ref: id, source: file.source.id, title: t ? ` (${t.length > 60 ? `${t.slice(0, 57)}...` : t})` : '' },
        });
      }
    }
  },
});

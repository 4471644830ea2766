import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';
import type { LoadedReference } from '../engine/load/loader.js';
import { normalizeDoi } from '../engine/register/retractions.js';
import { normalizeTitle, normalizeUrl } from '../engine/register/citations.js';

/** The same work listed twice in one source's reference list: same DOI, URL or title. */
export default defineCheck({
  name: 'duplicate-reference',
  summary: 'The same work listed twice in a reference list',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: { default: 'Reference "{{ref}}" repeats reference "{{other}}" (same {{by}}): list the work once and cite that entry' },
  run({ register, report }) {
    for (const file of register.files) {
      const seen = new Map<string, LoadedReference>();
      for (const r of file.references) {
        const keys: Array<[string, string | undefined]> = [
          ['DOI', r.reference.doi ? normalizeDoi(r.reference.doi) : undefined],
          ['URL', r.reference.url ? normalizeUrl(r.reference.url) : undefined],
          ['title', r.reference.title ? normalizeTitle(r.reference.title) : undefined],
        ];
        let reported = false;
        for (const [by, key] of keys) {
          if (key === undefined) continue;
          const first = seen.get(`${by}:${key}`);
          if (first && !reported) {
            const field = by === 'DOI' ? 'doi' : by === 'URL' ? 'url' : 'title';
            report({
              file,
              range: r.range([field]),
              key: `#${String(r.reference.id)}`,
              related: [first],
              about: [`source.references.${r.index}`],
              data: { ref: String(r.reference.id), other: String(first.reference.id), by },
            });
            reported = true;
          }
          if (!first) seen.set(`${by}:${key}`, r);
        }
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';
import type { LoadedReference } from '../engine/load/loader.js';
import { normalizeDoi } from '../engine/register/retractions.js';


/** Normalise a URL for comparison; undefined for placeholders that name no work. */
export function normalizeUrl(url: string): string | undefined {
  const u = url.trim().replace(/^<|>$/g, '');
  if (u === '' || u === '#' || /^#/.test(u)) return undefined;
  return u
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

export function normalizeTitle(title: string): string | undefined {
  const t = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();
  return t.length >= 12 ? t : undefined;
}

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

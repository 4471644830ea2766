import { defineCheck } from '../engine/run/check.js';
import { counted } from './wording.js';
import { evidenceOf } from '../engine/register/evidence.js';
import type { LoadedClaim } from '../engine/load/loader.js';
import { normalizeDoi, retractionStatus, type RetractionRecord, type RetractionStatus } from '../engine/register/retractions.js';

interface Options {
  /**
   * Values of the list's `RetractionNature` column that count (compared
   * case-insensitively); a record with no nature counts as a retraction.
   */
  natures: string[];
  /** Also read a DOI from a URL (`https://doi.org/10...`, `.../doi/10...`) when the entry has no `doi`. */
  doiFromUrl: boolean;
}

/** At most this many claims are listed as related to one finding. */
const MAX_RELATED = 10;

/** A DOI inside a URL: a doi.org link, or a publisher path with `/doi/` (optionally `/doi/abs/`, `/doi/full/`, `/doi/pdf/`). */
const DOI_IN_URL = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(10\.\d{4,9}\/[^?#\s]+)|\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?(10\.\d{4,9}\/[^?#\s]+)/i;

export function doiInUrl(url: string): string | undefined {
  const m = DOI_IN_URL.exec(url.trim().replace(/^<|>$/g, ''));
  const doi = m?.[1] ?? m?.[2];
  return doi ? normalizeDoi(decodeURIComponentSafe(doi)) : undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function doiOf(x: { doi?: string; url?: string }, fromUrl: boolean): { doi: string; field: 'doi' | 'url' } | undefined {
  if (typeof x.doi === 'string' && x.doi.trim() !== '') return { doi: normalizeDoi(x.doi), field: 'doi' };
  if (fromUrl && typeof x.url === 'string') {
    const doi = doiInUrl(x.url);
    if (doi) return { doi, field: 'url' };
  }
  return undefined;
}

/** `details` (the retraction's date and notice) and `reinstated` (the reinstatement's date), for messages. */
function details(status: RetractionStatus): { details: string; reinstated: string } {
  const when = status.reinstated?.date?.trim();
  return { details: recordDetails(status.record), reinstated: when && DATE.test(when) ? ` on ${when.replace(/\s+0:00$/, '')}` : '' };
}

/** Only well-formed dates from the list reach a message (the CSV is outside data). */
const DATE = /^[0-9][0-9/.: -]{3,24}$/;

function recordDetails(rec: RetractionRecord): string {
  const parts: string[] = [];
  // Only well-formed values from the list reach the message (the CSV is outside data).
  const date = rec.date?.trim();
  if (date && DATE.test(date)) parts.push(`on ${date.replace(/\s+0:00$/, '')}`);
  const notice = rec.retractionDoi ? normalizeDoi(rec.retractionDoi) : undefined;
  if (notice && /^10\.\d{4,9}\/[\x21-\x7e]{1,100}$/.test(notice)) parts.push(`notice ${notice}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/**
 * A source or reference whose DOI is in the retraction list given with
 * `--retractions` (Retraction Watch CSV). Without a list the check does
 * nothing: it never goes online.
 */
export default defineCheck<Options>({
  name: 'retraction-list',
  summary: 'A source or reference whose DOI is in the retraction list given with --retractions',
  optionsSchema: {
    type: 'object',
    properties: {
      natures: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
      doiFromUrl: { type: 'boolean' },
    },
  },
  defaultOptions: { natures: ['Retraction'], doiFromUrl: true },
  messages: {
    default: 'Source "{{source}}" (DOI {{doi}}) is in the retraction list{{details}}: do not rely on its {{claims}}; remove them or support them with another source',
    reference:
      'Reference "{{ref}}" of {{source}} (DOI {{doi}}) is in the retraction list{{details}} and is cited by {{claims}}: remove the citation, or support those claims with another source',
    reinstated:
      'Source "{{source}}" (DOI {{doi}}) was retracted{{details}} and later reinstated{{reinstated}}: check whether its {{claims}} can rely on the reinstated version',
    'reference-reinstated':
      'Reference "{{ref}}" of {{source}} (DOI {{doi}}) was retracted{{details}} and later reinstated{{reinstated}}: check whether the {{claims}} citing it can rely on the reinstated version',
  },
  run({ register, external, options, report }) {
    const list = external.retractions;
    if (!list || list.size === 0) return;
    const natures = new Set(options.natures.map((n) => n.trim().toLowerCase()));
    // Any counting record flags the DOI, whatever the order of its rows.
    const counts = (rec: RetractionRecord) => rec.nature === undefined || natures.has(rec.nature.trim().toLowerCase());
    const retracted = (doi: string): RetractionStatus | undefined => retractionStatus(list.get(doi), counts);
    // A reinstatement after the retraction: reported as such, one severity step lower.
    const outcome = (status: RetractionStatus, reference: boolean) =>
      status.reinstated
        ? { messageId: reference ? 'reference-reinstated' : 'reinstated', demote: true }
        : reference
          ? { messageId: 'reference' }
          : {};

    for (const file of register.files) {
      const source = file.source;
      if (!source) continue;
      const own = doiOf(source, options.doiFromUrl);
      const ownRec = own && retracted(own.doi);
      if (own && ownRec) {
        report({
          file,
          range: file.sourceRange([own.field]),
          related: file.claims.slice(0, MAX_RELATED),
          relatedIsGroup: true,
          ...outcome(ownRec, false),
          data: { source: source.id, doi: own.doi, ...details(ownRec), count: file.claims.length, claims: counted(file.claims.length, 'claim') },
        });
      }

      const hits = file.references.flatMap((r) => {
        const d = doiOf(r.reference, options.doiFromUrl);
        const rec = d && retracted(d.doi);
        return d && rec ? [{ r, d, rec }] : [];
      });
      if (hits.length === 0) continue;
      const citedBy = new Map<string, LoadedClaim[]>();
      for (const c of file.claims) {
        const ids = new Set(evidenceOf(c.claim).flatMap((e) => (e.cites ?? []).map(String)));
        for (const id of ids) {
          const list = citedBy.get(id);
          if (list) list.push(c);
          else citedBy.set(id, [c]);
        }
      }
      for (const { r, d, rec } of hits) {
        const claims = citedBy.get(String(r.reference.id)) ?? [];
        report({
          file,
          range: r.range([d.field]),
          related: claims.slice(0, MAX_RELATED),
          key: `#${String(r.reference.id)}`,
          relatedIsGroup: true,
          ...outcome(rec, true),
          data: { ref: String(r.reference.id), source: source.id, doi: d.doi, ...details(rec), count: claims.length, claims: counted(claims.length, 'claim') },
        });
      }
    }
  },
});

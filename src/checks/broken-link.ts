import { defineCheck } from '../engine/run/check.js';
import { normalizeDoi } from '../engine/register/retractions.js';

interface Options {
  /** URL schemes a reference link may use (without the colon). */
  schemes: string[];
}

/** The shape of a DOI after normalisation: "10." + registrant code + "/" + suffix, no spaces. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** What is wrong with a DOI, or undefined when it is well formed. */
export function doiProblem(doi: string): string | undefined {
  if (doi.trim() === '') return 'is empty';
  const d = normalizeDoi(doi);
  if (/\s/.test(d)) return 'contains spaces';
  if (!DOI_PATTERN.test(d)) return 'does not have the form 10.<registrant>/<suffix>';
  return undefined;
}

export interface UrlProblem {
  /** Empty or `#`: no address at all, rather than a wrong one. */
  placeholder: boolean;
  reason: string;
}

/** What is wrong with a URL, or undefined when it is a usable address (checked offline: it is parsed, not fetched). */
export function urlProblem(url: string, schemes: readonly string[]): UrlProblem | undefined {
  const u = url.trim();
  if (u === '') return { placeholder: true, reason: 'is empty' };
  if (u.startsWith('#')) return { placeholder: true, reason: `is a placeholder ("#")` };
  if (/^<|>$/.test(u)) return { placeholder: false, reason: 'still has the angle brackets <...> of the citation around it' };
  if (/\s/.test(u)) return { placeholder: false, reason: 'contains spaces' };
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    return { placeholder: false, reason: 'is not a complete address (no scheme such as https://, or malformed)' };
  }
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  if (!schemes.map((s) => s.toLowerCase()).includes(scheme)) {
    return { placeholder: false, reason: `uses the scheme "${scheme.slice(0, 20)}", not ${schemes.join(' or ')}` };
  }
  const host = parsed.hostname;
  if (host === '' || (!host.includes('.') && !host.startsWith('[') && host !== 'localhost')) {
    return { placeholder: false, reason: 'has no valid host name' };
  }
  return undefined;
}

/**
 * A reference whose link cannot lead a reader to the work: an empty or
 * placeholder (`#`) URL, a malformed URL, or a malformed DOI.
 */
export default defineCheck<Options>({
  name: 'broken-link',
  summary: 'A reference with an empty, placeholder or malformed URL, or a malformed DOI',
  optionsSchema: {
    type: 'object',
    properties: {
      schemes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9+.-]*$' } },
    },
  },
  defaultOptions: { schemes: ['http', 'https'] },
  messages: {
    default: 'Reference "{{ref}}" of {{source}}: its URL {{reason}}: give the full http(s) address of the work',
    placeholder: 'Reference "{{ref}}" of {{source}}: its URL {{reason}}, so it leads nowhere: give the address of the work, or its DOI',
    doi: 'Reference "{{ref}}" of {{source}}: its DOI {{reason}}: copy the DOI from the work (e.g. 10.1000/182)',
  },
  run({ register, options, report }) {
    for (const file of register.files) {
      if (!file.source) continue;
      for (const r of file.references) {
        const ref = r.reference;
        const base = { ref: String(ref.id), source: file.source.id };
        if (typeof ref.url === 'string') {
          const p = urlProblem(ref.url, options.schemes);
          if (p) {
            report({ file, range: r.range(['url']), key: `#${String(r.reference.id)} url`, ...(p.placeholder ? { messageId: 'placeholder' } : {}), data: { ...base, reason: p.reason } });
          }
        }
        if (typeof ref.doi === 'string') {
          const reason = doiProblem(ref.doi);
          if (reason) report({ file, range: r.range(['doi']), key: `#${String(r.reference.id)} doi`, messageId: 'doi', data: { ...base, reason } });
        }
      }
    }
  },
});

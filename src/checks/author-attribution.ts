import { defineCheck } from '../engine/run/check.js';
import { namedList } from './wording.js';
import { evidenceOf } from '../engine/register/evidence.js';
import type { LoadedClaim } from '../engine/load/loader.js';
import type { Reference } from '../model.js';

interface Options {
  /**
   * When none of the cited references lists authors (or the unmatched ones
   * list none), the attribution cannot be checked: report it one severity
   * step lower (`demote`), or say nothing (`ignore`).
   */
  unlisted: 'demote' | 'ignore';
}

/** Fold case and accents, keep letters, digits, hyphens and apostrophes: "Gómez-Ruiz" → "gomez-ruiz". */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w !== '');
}

/**
 * The surnames an attribution names: "Hocking and Cousins" → [hocking,
 * cousins]; "Berman et al" → [berman]; "Vande Voort et al." → [vande voort].
 * Each is a list of words (a surname may have several).
 */
export function namedSurnames(name: string): string[][] {
  const cleaned = name
    .replace(/[*_]/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:1[5-9]|20)\d{2}[a-z]?\b/g, ' ')
    .replace(/\bet\.?\s*al\b\.?/gi, ' ')
    .replace(/\b(?:and|&)\s+(?:colleagues|co-?workers|co-?authors|team)\b/gi, ' ')
    .replace(/\b(?:the\s+)?team\s+of\b/gi, ' ')
    .replace(/\b(?:dr|prof|professor)\b\.?/gi, ' ');
  return cleaned
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map(words)
    .filter((w) => w.length > 0);
}

/**
 * Whether a surname (one or more words) is one of an author's names, in
 * either order ("Berman RM", "Kerry Earlywine", "aan het Rot M"): the
 * surname's words appear in a row among the author's words, or its last
 * word does (a given name written out in the text, "Kerry Earlywine").
 */
export function surnameMatches(surname: readonly string[], author: string): boolean {
  const aw = words(author);
  const n = surname.length;
  for (let i = 0; i + n <= aw.length; i++) if (surname.every((w, j) => aw[i + j] === w)) return true;
  return n > 1 && aw.includes(surname[n - 1]!);
}

function listsAuthors(r: Reference): boolean {
  return Array.isArray(r.authors) && r.authors.some((a) => typeof a === 'string' && a.trim() !== '');
}

interface Attribution {
  claim: LoadedClaim;
  index: number;
  name: string;
  refs: Reference[];
}

/**
 * A claim that names authors ("Hocking and Cousins noted") while citing
 * references none of whose authors match those names.
 */
export default defineCheck<Options>({
  name: 'author-attribution',
  summary: 'Authors named in a claim who are not among the authors of the references it cites',
  optionsSchema: {
    type: 'object',
    properties: {
      unlisted: {
        enum: ['demote', 'ignore'],
        description: 'when the cited references list no authors: report one severity step lower, or leave it',
      },
    },
  },
  defaultOptions: { unlisted: 'demote' },
  messages: {
    default:
      'Claim "{{id}}" attributes its finding to {{name}}, but no author of {{cited}}, which it cites, has that name: cite the work of the named authors, or correct the names',
    unlisted:
      'Claim "{{id}}" attributes its finding to {{name}}, but {{cited}} {{list}} no authors, so the attribution cannot be checked: add the authors to the reference list',
  },
  run({ register, options, report }) {
    for (const file of register.files) {
      if (!file.source) continue;
      const refs = new Map((file.source.references ?? []).map((r) => [String(r.id), r]));
      // One finding per attribution (the same name citing the same references) in a source,
      // at its first claim; the other claims that repeat it are related.
      const groups = new Map<string, Attribution[]>();
      for (const c of file.claims) {
        evidenceOf(c.claim).forEach((item, index) => {
          if (!item.cites || typeof item.name !== 'string' || item.name.trim() === '') return;
          const cited = [...new Set(item.cites.map(String))].map((id) => refs.get(id)).filter((r): r is Reference => r !== undefined);
          if (cited.length === 0) return; // dangling citations are refs/dangling's business
          const key = `${words(item.name).join(' ')}\u0000${cited.map((r) => String(r.id)).sort().join(',')}`;
          const list = groups.get(key);
          const a: Attribution = { claim: c, index, name: item.name.trim(), refs: cited };
          if (list) list.push(a);
          else groups.set(key, [a]);
        });
      }
      for (const [first, ...rest] of groups.values()) {
        if (!first) continue;
        const surnames = namedSurnames(first.name);
        if (surnames.length === 0) continue;
        const withAuthors = first.refs.filter(listsAuthors);
        const matched = withAuthors.some((r) => r.authors!.some((a) => surnames.some((s) => surnameMatches(s, a))));
        if (matched) continue;
        const unlisted = first.refs.filter((r) => !listsAuthors(r));
        if (unlisted.length > 0 && options.unlisted === 'ignore') continue;
        const c = first.claim;
        const ids = (unlisted.length > 0 ? unlisted : first.refs).map((r) => String(r.id));
        report({
          file,
          range: c.range(['evidence', first.index, 'name']),
          claim: c,
          ...(unlisted.length > 0 ? { messageId: 'unlisted', demote: true } : {}),
          related: [...new Set(rest.map((a) => a.claim))].filter((x) => x !== c),
          key: first.name,
          relatedIsGroup: true,
          data: {
            id: c.claim.id,
            name: first.name,
            refs: ids.join(', '),
            cited: namedList('reference', ids),
            list: ids.length === 1 ? 'lists' : 'list',
          },
        });
      }
    }
  },
});

import { defineCheck } from '../engine/run/check.js';
import type { Source } from '../model.js';

/** The items of a source's metadata the check can require. */
const ITEMS = ['date', 'author', 'location'] as const;
type Item = (typeof ITEMS)[number];

interface Options {
  /** Which items to require: `date` (published), `author` (authors or publisher), `location` (url or doi). */
  require: Item[];
}

function filled(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'number') return true;
  if (Array.isArray(v)) return v.some(filled);
  return false;
}

const HAS: Record<Item, (s: Source) => boolean> = {
  date: (s) => filled(s.published),
  author: (s) => filled(s.authors) || filled(s.publisher),
  location: (s) => filled(s.url) || filled(s.doi),
};

/** The fields each item is read from: a schema problem in one of them explains the item's absence. */
const FIELDS: Record<Item, string[]> = {
  date: ['source.published'],
  author: ['source.authors', 'source.publisher'],
  location: ['source.url', 'source.doi'],
};

/**
 * A source whose record lacks what a reader needs to judge it: a date, an
 * author or publisher, a URL or DOI. One finding per missing item.
 */
export default defineCheck<Options>({
  name: 'source-metadata',
  summary: 'A source with no date, no author or publisher, or no URL or DOI',
  optionsSchema: {
    type: 'object',
    properties: {
      require: { type: 'array', uniqueItems: true, items: { enum: [...ITEMS] } },
    },
  },
  defaultOptions: { require: [...ITEMS] },
  messages: {
    default: 'Source "{{source}}" has no publication date: add `published` if the document gives one; if it gives none, readers cannot judge how current it is',
    author: 'Source "{{source}}" names no author or publisher: add `authors` or `publisher` if the document names them; if it names none, no one answers for its claims',
    location: 'Source "{{source}}" has no URL or DOI: add `url` or `doi` so that readers can find the document',
  },
  run({ register, options, report }) {
    const required = ITEMS.filter((i) => options.require.includes(i));
    for (const file of register.files) {
      const source = file.source;
      if (!source) continue;
      for (const item of required) {
        if (HAS[item](source)) continue;
        report({
          file,
          range: file.sourceRange(['id']),
          key: item,
          ...(item === 'date' ? {} : { messageId: item }),
          data: { source: source.id },
          about: FIELDS[item],
        });
      }
    }
  },
});

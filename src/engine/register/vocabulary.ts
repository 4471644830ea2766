/**
 * Vocabularies: aliases for subjects, properties and context terms, and a
 * small taxonomy of categories (synonyms and broader terms), so that
 * "(S)-ketamine" and "esketamine" are one subject and "isomer" agrees with
 * "enantiomer" but "derivative" does not.
 */

export interface CategoryEntry {
  synonyms?: string[];
  broader?: string[];
}

export interface VocabularyConfig {
  subjects?: Record<string, string[]>;
  properties?: Record<string, string[]>;
  terms?: Record<string, string[]>;
  categories?: Record<string, CategoryEntry>;
}

/** Built-in vocabulary; configuration adds to it. */
export const DEFAULT_VOCABULARY: Required<VocabularyConfig> = {
  subjects: {},
  properties: {},
  terms: {
    intravenous: ['iv', 'i.v.', 'intravenously', 'intravenous infusion', 'infusion'],
    intranasal: ['nasal', 'intranasally', 'nasal spray', 'in'],
    intramuscular: ['im', 'i.m.', 'intramuscularly'],
    oral: ['po', 'p.o.', 'by mouth', 'orally', 'pill', 'pills', 'tablet'],
    subcutaneous: ['sc', 's.c.', 'subq', 'subcutaneously'],
    sublingual: ['sl', 'sublingually'],
    placebo: ['saline placebo', 'sham'],
  },
  categories: {
    isomer: {},
    stereoisomer: { broader: ['isomer'] },
    enantiomer: { synonyms: ['optical isomer', 'mirror-image isomer'], broader: ['stereoisomer'] },
    racemate: { synonyms: ['racemic mixture'] },
    metabolite: {},
    derivative: { synonyms: ['analogue', 'analog'] },
  },
};

/** Terms normalised so far: a register repeats its subjects, properties and facets many times. Bounded. */
const normalized = new Map<string, string>();
const MAX_NORMALIZED = 100_000;

export function normalizeTerm(s: string): string {
  const known = normalized.get(s);
  if (known !== undefined) return known;
  const n = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (normalized.size >= MAX_NORMALIZED) normalized.clear();
  normalized.set(s, n);
  return n;
}

/**
 * Function words: never rewritten inside a phrase, even when a vocabulary
 * names one as an alias ("IN" for intranasal is read only as a whole facet,
 * not as the "in" of "pain in adults").
 */
export const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'with', 'and', 'or', 'for', 'to', 'on', 'at', 'by', 'as', 'is', 'no', 'not']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A subject or property as a key: its normalised form with spaces,
 * hyphens and underscores alike (`Vitamin D`, `vitamin-d` and `vitamin_d`
 * are one subject; `chronic pain` and `chronic-pain` one property).
 */
export function nameKey(normalized: string): string {
  return normalized.replace(/[\s_-]+/g, '-');
}

/** A value from a bounded memo, worked out on a miss. */
function remembered(memo: Map<string, string>, key: string, work: () => string): string {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= MAX_NORMALIZED) memo.clear();
    memo.set(key, (v = work()));
  }
  return v;
}

export class Vocabulary {
  private readonly subjects = new Map<string, string>();
  private readonly properties = new Map<string, string>();
  /** The same aliases by {@link nameKey}: a name written with other separators than its alias still finds it. */
  private readonly subjectKeys = new Map<string, string>();
  private readonly propertyKeys = new Map<string, string>();
  private readonly terms = new Map<string, string>();
  private readonly categories = new Map<string, string>();
  private readonly broader = new Map<string, Set<string>>();

  constructor(...configs: VocabularyConfig[]) {
    for (const cfg of [DEFAULT_VOCABULARY, ...configs]) {
      addAliases(this.subjects, cfg.subjects);
      addAliases(this.properties, cfg.properties);
      addAliases(this.terms, cfg.terms);
      for (const [alias, canon] of this.subjects) this.subjectKeys.set(nameKey(alias), canon);
      for (const [alias, canon] of this.properties) this.propertyKeys.set(nameKey(alias), canon);
      for (const [name, entry] of Object.entries(cfg.categories ?? {})) {
        const canon = normalizeTerm(name);
        this.categories.set(canon, canon);
        for (const syn of entry.synonyms ?? []) this.categories.set(normalizeTerm(syn), canon);
        const set = this.broader.get(canon) ?? new Set<string>();
        for (const b of entry.broader ?? []) set.add(normalizeTerm(b));
        this.broader.set(canon, set);
      }
    }
  }

  /** Keys worked out so far (checks ask for every claim's, again and again). Bounded. */
  private readonly subjectKeyCache = new Map<string, string>();
  private readonly propertyKeyCache = new Map<string, string>();

  /** The key claims about a subject share: its canonical name (after aliases) as a {@link nameKey}. */
  subject(s: string): string {
    return remembered(this.subjectKeyCache, s, () => nameKey(this.subjectName(s)));
  }

  /** A subject's canonical name (after aliases), as a term of a context facet reads it. */
  subjectName(s: string): string {
    const n = normalizeTerm(s);
    return this.subjects.get(n) ?? this.subjectKeys.get(nameKey(n)) ?? n;
  }

  /** The same for a property. */
  property(s: string): string {
    return remembered(this.propertyKeyCache, s, () => {
      const n = normalizeTerm(s);
      return nameKey(this.properties.get(n) ?? this.propertyKeys.get(nameKey(n)) ?? n);
    });
  }

  private phraseRe: RegExp | null | undefined;
  private readonly termCache = new Map<string, string>();

  /**
   * A context term in canonical form: the whole facet when it is an alias
   * ("IV" → "intravenous"; subject aliases count too), else every alias
   * within it, as whole words, longest match first ("non-fatal heart
   * attack" → "non-fatal myocardial infarction").
   */
  term(s: string): string {
    const n = normalizeTerm(s);
    const whole = this.terms.get(n) ?? this.subjects.get(n);
    if (whole !== undefined) return whole;
    let out = this.termCache.get(n);
    if (out === undefined) {
      const re = this.phrases();
      out = re ? n.replace(re, (m) => this.terms.get(m) ?? this.subjects.get(m) ?? m) : n;
      this.termCache.set(n, out);
    }
    return out;
  }

  /** One pattern of every term and subject alias, longest first, bounded by non-word characters. */
  private phrases(): RegExp | null {
    if (this.phraseRe !== undefined) return this.phraseRe;
    const aliases = [...new Set([...this.terms.keys(), ...this.subjects.keys()])]
      .filter((a) => a !== '' && !FUNCTION_WORDS.has(a) && (this.terms.get(a) ?? this.subjects.get(a)) !== a)
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.phraseRe = aliases.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${aliases.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu')
      : null;
    return this.phraseRe;
  }

  category(s: string): string {
    const n = normalizeTerm(s);
    const canon = this.categories.get(n) ?? n;
    return this.categories.get(canon) ?? canon;
  }

  /** Every broader category of `s`, transitively (not including `s`). */
  ancestors(s: string): Set<string> {
    const out = new Set<string>();
    const stack = [...(this.broader.get(this.category(s)) ?? [])];
    while (stack.length) {
      const next = this.category(stack.pop()!);
      if (out.has(next)) continue;
      out.add(next);
      stack.push(...(this.broader.get(next) ?? []));
    }
    return out;
  }

  /** Whether two categories agree: the same, synonyms, or one broader than the other. */
  categoriesAgree(a: string, b: string): boolean {
    const ca = this.category(a);
    const cb = this.category(b);
    return ca === cb || this.ancestors(ca).has(cb) || this.ancestors(cb).has(ca);
  }

  /** Whether one category or term is broader than the other (nested, not equal). */
  nested(a: string, b: string): boolean {
    const ca = this.category(a);
    const cb = this.category(b);
    return ca !== cb && (this.ancestors(ca).has(cb) || this.ancestors(cb).has(ca));
  }
}

function addAliases(map: Map<string, string>, entries: Record<string, string[]> | undefined): void {
  for (const [canonical, aliases] of Object.entries(entries ?? {})) {
    const canon = normalizeTerm(canonical);
    map.set(canon, canon);
    for (const alias of aliases) map.set(normalizeTerm(alias), canon);
  }
}

/**
 * Draft claims from a source document: one per check-worthy sentence, with
 * its verbatim text, where it is, the evidence its citation markers and
 * parenthetical names give, a typed value where the sentence states exactly
 * one, an aspect from cue words and the document's subject. Everything here
 * is a heuristic for an editor to review: each claim is marked `draft: true`.
 */
import type { Aspect, Claim, ClaimValue, EvidenceItem, Source, SourceKind } from '../model.js';
import type { SourceDocument } from '../engine/document/document.js';
import { citationMarkers, normalText } from '../engine/document/normalize.js';
import { checkWorthiness, documentSentences, namedSources, type Sentence } from '../engine/document/statements.js';
import { parseReferences, type ParsedReference } from './references.js';

export interface DraftClaim extends Claim {
  /** Why the sentence was drafted (cue names), for the comment above it. */
  why: string[];
  /** Offsets of the sentence in the document. */
  start: number;
  end: number;
}

export interface Extraction {
  source: Source;
  claims: DraftClaim[];
  references: ParsedReference[];
}

export interface ExtractOptions {
  /** The claim file's source id (default: from the document's file name). */
  id: string;
  /** The `document:` path to record (relative to the repository root). */
  documentPath: string;
  /** The subject of every draft (default: the document's most frequent subject term). */
  subject?: string;
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '\u2070': '0', '\u00B9': '1', '\u00B2': '2', '\u00B3': '3', '\u2074': '4', '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9',
  '\u207B': '-', ',': ',',
};

/** The reference ids a citation marker names: "¹²⁻¹⁶" → 12…16, "^{6, 8}" → 6, 8, "[3-5]" → 3, 4, 5. */
export function citedIds(marker: string): string[] {
  const plain = [...marker].map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('').replace(/[\^{}[\]()\s]/g, '');
  const out: string[] = [];
  for (const part of plain.split(',')) {
    const range = /^(\d+)[-–](\d+)$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b >= a && b - a <= 50) for (let n = a; n <= b; n++) out.push(String(n));
    } else if (/^\d+$/.test(part)) {
      out.push(String(Number(part)));
    }
  }
  return out;
}

const FIRST_PERSON = /\b(?:I|I[’']\w+|my|me|mine|myself)\b/;

const ASPECT_CUES: Array<[Aspect, RegExp]> = [
  ['regulatory', /\b(?:approv\w+|FDA|EMA|licensed|schedule\s+(?:I{1,3}|[1-5])|controlled (?:drug|substance)|legal\w*|regulat\w+|prescription|off-label)\b/gi],
  ['history', /\b(?:since|originally|history|historic\w*|first|decades?|developed|discovered|synthesi[sz]ed|invented|years ago|in the past \d+ years|dates to)\b|\b(?:1[5-9]|20)\d0'?s\b/gi],
  ['harm', /\b(?:side effects?|adverse|risks?|toxic\w*|harm\w*|abuse|addict\w+|dependen\w+|withdrawal|safety|unsafe|psychosis|hallucinations?|nausea|vomiting|dizziness|cystitis|impair\w+|damage)\b/gi],
  ['dosing', /\b(?:doses?|dosing|dosage|\d+(?:\.\d+)?\s?mg(?:\/kg)?(?:\/h(?:r|our)?)?)\b/gi],
  ['efficacy', /\b(?:effective\w*|efficacy|improv\w+|reduc\w+|decreas\w+|reliev\w+|relief|benefit\w*|alleviat\w+|response|respond\w*|remission|promising|treat\w*|success\w*|works?)\b/gi],
  ['mechanism', /\b(?:receptors?|mechanisms?|pathways?|antagonis\w+|agonis\w+|neuroplasticity|plasticity|glutamat\w+|NMDA|AMPA|mTOR|BDNF|synap\w+|metabolites?|neurotransmitters?|acts? on|via)\b/gi],
  ['prevalence', /\b(?:prevalen\w+|common|rates?|incidence|of (?:patients|people|adults|children)|experienc\w+)\b/gi],
];

/** The aspect whose cue words the sentence has most of (ties: in the order above); `other` when none. */
export function aspectOf(text: string): Aspect {
  let best: Aspect = 'other';
  let most = 0;
  for (const [aspect, re] of ASPECT_CUES) {
    const n = [...text.matchAll(re)].length;
    if (n > most) {
      best = aspect;
      most = n;
    }
  }
  return best;
}

const BOUNDS: Array<[RegExp, NonNullable<import('../model.js').Bound>]> = [
  [/\b(?:more than|over|exceed\w*|above|greater than)\s*$/i, 'more-than'],
  [/\b(?:less than|under|below|fewer than)\s*$/i, 'less-than'],
  [/\b(?:up to)\s*$/i, 'up-to'],
  [/\b(?:at least)\s*$/i, 'at-least'],
  [/\b(?:at most)\s*$/i, 'at-most'],
  [/\b(?:about|approximately|around|roughly|nearly|almost|~)\s*$/i, 'about'],
];

function boundBefore(text: string, index: number): NonNullable<import('../model.js').Bound> | undefined {
  const before = text.slice(Math.max(0, index - 24), index);
  return BOUNDS.find(([re]) => re.test(before))?.[1];
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

/** The typed value a sentence states, when it states exactly one; undefined when it states none or several. */
export function valueOf(text: string): ClaimValue | undefined {
  const found: ClaimValue[] = [];
  const t = text.replace(/[\u2018\u2019]/g, "'");
  const taken: Array<[number, number]> = [];
  const take = (m: RegExpMatchArray) => taken.push([m.index!, m.index! + m[0].length]);
  const free = (m: RegExpMatchArray) => !taken.some(([a, b]) => m.index! < b && a < m.index! + m[0].length);
  // Counts: "34 patients (=17 ketamine, =17 placebo)".
  for (const m of t.matchAll(/\b(\d+)\s+(?:\w+\s+){0,2}?(?:patients|participants|subjects|people|adults|children|volunteers)\s*\(\s*(?:n?\s?=\s?)?(\d+)\s+[\w-]+\s*,\s*(?:n?\s?=\s?)?(\d+)\s+[\w-]+\s*\)/gi)) {
    found.push({ total: Number(m[1]), parts: [Number(m[2]), Number(m[3])] });
    take(m);
  }
  for (const m of t.matchAll(/\b(?:in the (?:past|last)\s+(\d+|\w+)\s+years|(\d+|\w+)\s+years ago)\b/gi)) {
    const raw = (m[1] ?? m[2])!.toLowerCase();
    const n = /^\d+$/.test(raw) ? Number(raw) : WORD_NUMBERS[raw];
    if (n !== undefined) found.push({ years_ago: n });
    take(m);
  }
  for (const m of t.matchAll(/\b((?:1[5-9]|20)\d0)'?s\b/g)) {
    if (!free(m)) continue;
    found.push({ decade: Number(m[1]) });
    take(m);
  }
  for (const m of t.matchAll(/\b(\d+(?:\.\d+)?)\s?%/g)) {
    if (!free(m)) continue;
    const bound = boundBefore(t, m.index);
    found.push({ number: Number(m[1]), unit: '%', ...(bound ? { bound } : {}) });
    take(m);
  }
  const UNIT = '(mg\\/kg(?:\\/(?:h(?:r|our)?|day|dose|min))?|mg|mcg|µg|g|ml|mL)';
  for (const m of t.matchAll(new RegExp(`\\b(\\d+(?:\\.\\d+)?)\\s?(?:${UNIT}\\s?)?(?:-|–|to)\\s?(\\d+(?:\\.\\d+)?)\\s?${UNIT}(?![\\w/])`, 'g'))) {
    if (!free(m)) continue;
    if (m[2] && m[2] !== m[4]) continue; // "500mg to 2 g": different units, not one range
    found.push({ range: [Number(m[1]), Number(m[3])], unit: m[4]! });
    take(m);
  }
  for (const m of t.matchAll(new RegExp(`(?:=\\s?)?\\b(\\d+(?:\\.\\d+)?)\\s?${UNIT}(?![\\w/])`, 'g'))) {
    if (!free(m)) continue;
    const bound = boundBefore(t, m.index);
    found.push({ number: Number(m[1]), unit: m[2]!, ...(bound ? { bound } : {}) });
    take(m);
  }
  for (const m of t.matchAll(/\b((?:1[5-9]|20)\d{2})\b/g)) {
    if (!free(m)) continue;
    found.push({ year: Number(m[1]) });
    take(m);
  }
  return found.length === 1 ? found[0] : undefined;
}

const STOP = new Set(
  `a an the and or but of in on at to for from by with without as is are was were be been being has have had it its this that these those
  which who whom whose what when where while than then there their they them such also not no can may might could would should will more
  most less least very many much some any all both each other another one two three into over under after before since during about
  between through against per via within upon our your his her we you he she i my me us do does did done using used use new well just
  only even however further including include includes like among based due study studies patients`.split(/\s+/),
);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}\d'’-]*/gu) ?? []).map((w) => w.replace(/['’]s$/, ''));
}

/**
 * The document's most frequent subject term: the word that most often
 * opens its sentences (counted three times) or occurs in them, preferring
 * words of the title; stopwords left out.
 */
export function subjectOf(title: string, sentences: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    const ws = words(s);
    ws.forEach((w, i) => {
      if (!STOP.has(w) && w.length > 3) counts.set(w, (counts.get(w) ?? 0) + (i < 3 ? 3 : 1));
    });
  }
  // The title's words first, by count then by their order in the title; else the text's most frequent word.
  const titleWords = [...new Set(words(title).filter((w) => !STOP.has(w) && w.length > 3))];
  const inTitle = titleWords.map((w, i) => ({ w, n: counts.get(w) ?? 0, i })).sort((a, b) => b.n - a.n || a.i - b.i)[0];
  if (inTitle) return inTitle.w;
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[0] ?? 'subject';
}

function slug(parts: readonly string[], max = 40): string {
  let out = '';
  for (const p of parts) {
    const s = p.replace(/['’]/g, '').replace(/[^\p{L}\d]+/gu, '-').replace(/^-|-$/g, '').toLowerCase();
    if (!s) continue;
    if (out.length + s.length + 1 > max && out) break;
    out = out ? `${out}-${s}` : s;
  }
  return out;
}

/** The words that say what a sentence is about, subject left out. */
function keyWords(text: string, subject: string): string[] {
  const sub = new Set(words(subject));
  return words(text.replace(/\([^)]*\)/g, ' ')).filter((w) => !STOP.has(w) && !sub.has(w) && w.length > 2);
}

/** Metadata the document states: front matter, HTML meta tags, visible bylines and dates. */
export function sourceOf(doc: SourceDocument, opts: ExtractOptions, references: ParsedReference[]): Source {
  const meta = (...keys: string[]) => {
    for (const k of keys) {
      const v = doc.meta.get(k);
      if (v && v.length && v[0]!.trim()) return v;
    }
    return undefined;
  };
  const early = doc.blocks.slice(0, 40).map((b) => b.text.trim());
  const titleLike = (t: string) => t.split(/\s+/).length >= 3 && t.length <= 200 && !/[.!?]$/.test(t) && !NAVIGATION.test(t);
  // A page capture repeats its title (in the header and above the text); else the first title-like line.
  const firstText = early.slice(0, 3).find(titleLike) ?? early.find((t) => early.indexOf(t) < early.lastIndexOf(t) && titleLike(t)) ?? early.find(titleLike);
  const heading = doc.blocks.find((b) => b.heading === 1)?.text.trim();
  const title = meta('citation_title', 'dc.title', 'og:title', 'title')?.[0] ?? heading ?? firstText ?? opts.id;
  const visible = doc.blocks.slice(0, 40).map((b) => b.text.trim());
  const source: Source = { id: opts.id, title: title.replace(/\s+/g, ' ').trim(), kind: kindOf(doc, references) };
  const authors: string[] =
    meta('citation_author', 'dc.creator', 'author', 'authors', 'article:author') ??
    visible.map((l) => /^(?:by|author:|main author:)\s+([\p{Lu}][\p{L}.'’ -]{2,60})$/iu.exec(l)?.[1]).filter((x): x is string => !!x).slice(0, 1);
  if (authors.length === 0) {
    // A citation line naming the first author: "Eric S Schwenk et al. Curr Pain Headache Rep."
    const etAl = visible.map((l) => /^(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.?){0,2}\s+\p{Lu}[\p{Ll}'’-]+)\s+et al\b/u.exec(l)?.[1]).find(Boolean);
    if (etAl) authors.push(etAl);
  }
  if (authors.length === 0) {
    // A visible byline: a person's name on its own line next to the date line ("April 29, 2026" / "Kerry Earlywine").
    visible.forEach((l, i) => {
      const name = /^(?:[-•]\s*)?(?:by\s+)?(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})$/u.exec(l)?.[1];
      const nearDate = [visible[i - 1], visible[i + 1]].some((x) => x !== undefined && (dateIn(x) !== undefined || /^(?:[-•]\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}$/i.test(x)));
      if (name && nearDate && authors.length === 0 && name !== title) authors.push(name);
    });
  }
  if (authors.length) source.authors = authors.map((a) => a.trim());
  const publisher = meta('citation_publisher', 'dc.publisher', 'og:site_name', 'publisher')?.[0] ?? visible.map((l) => /^(?:published:|publisher:)\s*(.+?)(?:\s+\d{4}-\d{2}-\d{2})?$/i.exec(l)?.[1]).find(Boolean);
  if (publisher) source.publisher = publisher.trim();
  const date = meta('citation_publication_date', 'citation_date', 'dc.date', 'article:published_time', 'date', 'published')?.[0] ?? visible.map(dateIn).find(Boolean);
  const iso = date ? isoDate(date) : undefined;
  if (iso) source.published = iso;
  const doi = meta('citation_doi', 'dc.identifier', 'doi')?.[0] ?? /\bdoi:\s*(10\.\d{4,9}\/[^\s,;]+?)\.?(?:\s|$)/i.exec(visible.join('\n'))?.[1];
  if (doi && /^(?:doi:)?10\./i.test(doi)) source.doi = doi.replace(/^doi:/i, '');
  const url = meta('citation_public_url', 'og:url', 'url', 'canonical')?.[0] ?? /(?:online access|url|link):\s*(https?:\/\/\S+)/i.exec(visible.join('\n'))?.[1];
  if (url) source.url = url;
  source.document = opts.documentPath;
  return source;
}

const NAVIGATION = /^(?:skip to|menu|home|sign in|log in|search|an official website|cookies?)\b/i;

/** A first guess at the kind: a journal abstract is a review (systematic when it says so); anything else is `other` for the editor to set. */
function kindOf(doc: SourceDocument, _references: ParsedReference[]): SourceKind {
  const text = doc.blocks.slice(0, 80).map((b) => b.text).join('\n');
  const abstract = /^(?:abstract|objective|purpose of review|background)\b/im.test(text) && /\bdoi\b|10\.\d{4,9}\//i.test(text);
  if (abstract && /\bsystematic (?:search|review)\b|\bmeta-analysis\b/i.test(text)) return 'systematic-review';
  if (abstract) return 'narrative-review';
  return 'other';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function dateIn(line: string): string | undefined {
  const m =
    /\b(\d{4}-\d{2}-\d{2})\b/.exec(line) ??
    /\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b/i.exec(line) ??
    /\b(\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})\b/i.exec(line) ??
    /^\.?\s*(\d{4}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2})\b/i.exec(line);
  return m?.[1];
}

/** "April 29, 2026", "29 April 2026", "2021 Jul 16", "2026-04-29T10:00Z" → ISO date. */
function isoDate(s: string): string | undefined {
  const iso = /^(\d{4}-\d{2}(?:-\d{2})?)/.exec(s.trim());
  if (iso) return iso[1];
  const year = /\b(\d{4})\b/.exec(s)?.[1];
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}`, 'i').test(s));
  const day = /\b(\d{1,2})\b(?!\d)/.exec(s.replace(/\b\d{4}\b/, ''))?.[1];
  if (!year || month < 0) return year;
  return `${year}-${String(month + 1).padStart(2, '0')}${day ? `-${day.padStart(2, '0')}` : ''}`;
}

/** A sentence's text for the register: verbatim, citation markers and line breaks left out. */
function claimText(s: Sentence): string {
  let t = s.text;
  for (const [a, b] of citationMarkers(t).reverse()) t = t.slice(0, a) + t.slice(b);
  return t.replace(/(^|[^\w*])\*{1,2}([^*\n]+?)\*{1,2}(?![\w*])/g, '$1$2').replace(/\s+/g, ' ').replace(/\s+([.,;:])/g, '$1').trim();
}

/** Extract the source block, references and draft claims of a document. */
export function extract(doc: SourceDocument, opts: ExtractOptions): Extraction {
  const references = parseReferences(doc);
  const source = sourceOf(doc, opts, references);
  if (references.length) source.references = references.map(({ offset: _offset, ...r }) => r);
  const sentences = documentSentences(doc);
  const subject = opts.subject ?? subjectOf(source.title, sentences.map((s) => s.text));
  const refIds = new Set(references.map((r) => r.id));
  const claims: Array<DraftClaim & { paragraph: string }> = [];
  const ids = new Set<string>();
  let previous: { claim: DraftClaim; paragraph: string } | undefined;
  let quoted = false;
  const seen = new Set<string>();
  for (const s of sentences) {
    const trimmed = s.text.trim();
    const paragraph = `${s.heading}\u0000${s.paragraph}`;
    // A parenthetical on its own after a sentence ("… fall short. (PMC)") is that sentence's source.
    if (/^\([^()]+\)\.?$/.test(trimmed) && previous?.paragraph === paragraph) {
      const names = namedSources(trimmed);
      const claim = previous.claim;
      if (names.length) claim.evidence = [...(claim.evidence ?? []), ...names.map((name) => ({ kind: 'named-source' as const, name }))];
      continue;
    }
    // A paragraph that opens with a quotation mark is a quotation (a testimonial when in the first person).
    if (s.sentence === 1) quoted = /^["“]/.test(trimmed);
    const why = checkWorthiness(s.text, s);
    if (why.length === 0) {
      previous = undefined;
      continue;
    }
    const text = claimText(s);
    // A sentence the document repeats (an abstract shown twice) is drafted once.
    const key = normalText(text);
    if (seen.has(key)) continue;
    seen.add(key);
    const evidence: EvidenceItem[] = [];
    const cited: string[] = [];
    for (const [a, b] of citationMarkers(s.text)) {
      for (const id of citedIds(s.text.slice(a, b))) if (!cited.includes(id)) cited.push(id);
    }
    // "(12)" cites reference 12 when the document has a numbered list that defines it.
    for (const m of s.text.matchAll(/\((\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\)/g)) {
      const ids2 = citedIds(m[1]!);
      if (ids2.length && ids2.every((id) => refIds.has(id))) for (const id of ids2) if (!cited.includes(id)) cited.push(id);
    }
    if (cited.length) evidence.push({ cites: cited });
    for (const name of namedSources(s.text)) evidence.push({ kind: 'named-source', name });
    if ((quoted || s.quoted) && FIRST_PERSON.test(text)) evidence.push({ kind: 'testimonial' });
    const keys = keyWords(text, subject);
    const aspect = aspectOf(text);
    let id = slug(keys.slice(0, 5)) || `claim-${claims.length + 1}`;
    for (let n = 2; ids.has(id); n++) id = `${slug(keys.slice(0, 5))}-${n}`;
    ids.add(id);
    const value = valueOf(text);
    const claim: DraftClaim & { paragraph: string } = {
      paragraph,
      id,
      text,
      at: `${s.heading ? `${s.heading}, ` : ''}paragraph ${s.paragraph}${s.sentence > 1 ? `, sentence ${s.sentence}` : ''}`,
      subject,
      aspect,
      property: slug(keys.slice(0, 2), 30) || aspect,
      ...(value ? { value } : {}),
      ...(evidence.length ? { evidence } : {}),
      draft: true,
      why,
      start: s.start,
      end: s.end,
    };
    claims.push(claim);
    previous = { claim, paragraph };
  }
  spreadCitations(claims);
  return { source, claims: claims.map(({ paragraph: _p, ...c }) => c), references };
}

/** Sentences that continue the one before ("They demonstrated…", "The authors noted…", "In turn, this…"). */
const CONTINUES = /^(?:(?:in turn|consequently|of interest|in addition|additionally|moreover|furthermore|however|similarly|likewise),?\s+)?(?:this|these|they|their|it was|the authors?|the study|the trial|the researchers|the team|such|both|he|she)\b/i;

/**
 * Citations are often given once for a passage about one study: at the end
 * of its last sentence ("In a randomized trial, 18 patients…. Ketamine
 * decreased severity¹²."), or at the first sentence that the next ones
 * continue ("Borsato et al. … found none⁹. Consequently, the authors
 * reported…"). Within a paragraph, an uncited sentence takes the citations
 * of the sentence before when it continues it, and of the sentence after
 * when it describes a study or the next sentence continues it.
 */
function spreadCitations(claims: Array<DraftClaim & { paragraph?: string }>): void {
  const cites = (c: DraftClaim) => c.evidence?.find((e) => e.cites)?.cites;
  const give = (c: DraftClaim, ids: string[]) => {
    c.evidence = [{ cites: [...ids] }, ...(c.evidence ?? [])];
  };
  for (let i = 1; i < claims.length; i++) {
    const c = claims[i]!;
    const prev = claims[i - 1]!;
    const ids = cites(prev);
    if (!cites(c) && ids && c.paragraph === prev.paragraph && CONTINUES.test(c.text)) give(c, ids);
  }
  for (let i = claims.length - 2; i >= 0; i--) {
    const c = claims[i]!;
    const next = claims[i + 1]!;
    const ids = cites(next);
    if (cites(c) || !ids || c.paragraph !== next.paragraph) continue;
    if (c.why.includes('a study description') || c.why.includes('"studies show"') || CONTINUES.test(next.text)) give(c, ids);
  }
}

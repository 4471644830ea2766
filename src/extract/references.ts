/**
 * A document's numbered reference list, read into register references: the
 * id the document uses, authors, title, venue, year, DOI, URL, and the design
 * where the title states it. Vancouver/AMA ("Afridi SK, Giffin NJ. A
 * randomized controlled trial of … *Neurology*. 2013;80(7):642-647."), bare
 * URLs, `<URL>`, Markdown links and `[n]` lists are understood.
 */
import type { Design, Reference } from '../model.js';
import type { SourceDocument } from '../engine/document/document.js';
import { REFERENCE_HEADING } from '../engine/document/statements.js';

export interface ParsedReference extends Reference {
  /** Offset of the entry in the file. */
  offset: number;
}

const ENTRY = /^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s+(.*)$/;

/** Lines of the file, or blocks for HTML (list items have no number in the text). */
function linesOf(doc: SourceDocument): Array<{ text: string; offset: number }> {
  if (doc.format === 'html') return doc.blocks.map((b) => ({ text: b.text, offset: b.offsets[0] ?? 0 }));
  const out: Array<{ text: string; offset: number }> = [];
  let at = 0;
  for (const line of doc.text.split('\n')) {
    out.push({ text: line.replace(/\r$/, ''), offset: at });
    at += line.length + 1;
  }
  return out;
}

/** The entries of the first reference list (a "References"/"Bibliography" heading followed by numbered entries). */
export function parseReferences(doc: SourceDocument): ParsedReference[] {
  const lines = linesOf(doc);
  for (let i = 0; i < lines.length; i++) {
    const heading = lines[i]!.text.replace(/^#+\s*|[*_]/g, '');
    if (!REFERENCE_HEADING.test(heading)) continue;
    const entries = readEntries(lines, i + 1, doc.format === 'html');
    if (entries.length) return entries;
  }
  return [];
}

function readEntries(lines: Array<{ text: string; offset: number }>, from: number, html: boolean): ParsedReference[] {
  const raw: Array<{ n: number | undefined; text: string; offset: number }> = [];
  let blank = false;
  for (let i = from; i < lines.length; i++) {
    const { text, offset } = lines[i]!;
    if (text.trim() === '') {
      blank = true;
      continue;
    }
    const m = ENTRY.exec(text);
    if (m) {
      raw.push({ n: Number(m[1] ?? m[2]), text: m[3]!, offset });
    } else if (html && raw.length < 1000 && !/^#/.test(text) && (raw.length > 0 || looksLikeEntry(text))) {
      // HTML list items carry no number in their text: number them in order.
      if (REFERENCE_HEADING.test(text)) break;
      raw.push({ n: undefined, text, offset });
    } else if (raw.length === 0) {
      continue; // an introduction line before the first entry
    } else if (blank || /^#/.test(text)) {
      break; // the list has ended
    } else {
      raw[raw.length - 1]!.text += ` ${text.trim()}`;
    }
    blank = false;
  }
  // Numbers that do not increase (a page rendering every entry as "1.") are replaced by positions.
  const increasing = raw.every((r, i) => r.n !== undefined && (i === 0 || r.n > raw[i - 1]!.n!));
  return raw.map((r, i) => ({ ...parseEntry(r.text), id: String(increasing ? r.n : i + 1), offset: r.offset }));
}

function looksLikeEntry(text: string): boolean {
  return /\b(?:1[89]|20)\d{2}\b/.test(text) || /https?:\/\//.test(text) || /\b10\.\d{4,9}\//.test(text);
}

const DESIGNS: Array<[RegExp, Design]> = [
  [/\bmeta-?analys[ie]s\b/i, 'meta-analysis'],
  [/\bsystematic review\b/i, 'systematic-review'],
  [/\brandomi[sz]ed\b|\bplacebo-controlled (?:trial|study)\b|\bcontrolled trial\b/i, 'rct'],
  [/\bcohort\b/i, 'cohort'],
  [/\bcase-control\b/i, 'case-control'],
  [/\bcross-sectional\b/i, 'cross-sectional'],
  [/\bcase series\b|\bretrospective (?:review|study|analysis)\b/i, 'case-series'],
  [/\bcase report\b/i, 'case-report'],
  [/\bguidelines?\b/i, 'guideline'],
  [/\bnarrative review\b|\b(?:a|an overview and) review\b/i, 'narrative-review'],
  [/\bin (?:rats|mice|rodents|animals)\b|\bmurine\b/i, 'animal'],
  [/\bin vitro\b/i, 'in-vitro'],
];

/** The design a title states ("a randomized controlled trial", "systematic review"), if any. */
export function designOf(title: string): Design | undefined {
  return DESIGNS.find(([re]) => re.test(title))?.[1];
}

/** One entry's fields. */
export function parseEntry(entry: string): Reference {
  let text = entry.trim();
  const ref: Reference = { id: '' };
  // A Markdown link: its text is the title, its target the URL (kept as written, even a placeholder "#").
  const link = /^\[([^\]]+)\]\(([^)\s]*)\)\s*$/.exec(text);
  if (link) {
    ref.title = link[1]!.trim();
    ref.url = link[2]!;
    const d = designOf(ref.title);
    if (d) ref.design = d;
    return ref;
  }
  const url = /<(https?:\/\/[^>\s]+)>|\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s<>]+)/.exec(text);
  if (url) {
    ref.url = (url[1] ?? url[2] ?? url[3]!).replace(/[.,;]+$/, '');
    text = (text.slice(0, url.index) + text.slice(url.index + url[0].length)).trim();
  }
  const doi = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"<>]+)/i.exec(text);
  if (doi && !/^https?:/i.test(doi[0])) {
    ref.doi = doi[1]!.replace(/[.,;]+$/, '');
    text = (text.slice(0, doi.index) + text.slice(doi.index + doi[0].length)).trim();
  }
  if (text === '' || text === '[]') return ref;
  text = text.replace(/\s+-\s+(?:PubMed|DOI|PMC|Google Scholar|CrossRef)(?:\s+-\s+(?:PubMed|DOI|PMC|Google Scholar|CrossRef))*\s*$/i, '');
  // The author list ("Afridi SK, Giffin NJ, Kaube H, Goadsby PJ.", "Zarate CA Jr., Singh JB et al."), then segments separated by ". ".
  const authors = AUTHORS.exec(text);
  if (authors) {
    ref.authors = authors[1]!
      .split(/,\s*/)
      .map((a) => a.replace(/\s+et al\.?$/, '').trim())
      .filter((a) => a !== '' && !/^et al\.?$/i.test(a));
    text = text.slice(authors[0].length);
  }
  const segments = splitSegments(text);
  const k = 0;
  const title = segments[k];
  if (title && !/^\*/.test(title) && !/^(?:1[89]|20)\d{2}\b/.test(title)) {
    ref.title = title.replace(/[.?!]$/, '').trim();
  }
  const rest = segments.slice(ref.title ? k + 1 : k).join(' ');
  const italic = /\*([^*]+)\*/.exec(rest);
  const venue = italic ? italic[1]!.trim() : rest.split(/\s*(?:\d{4}|;)/)[0]!.trim();
  if (venue) ref.venue = venue.replace(/\.$/, italic && /\.$/.test(italic[1]!) ? '.' : '').trim();
  const year = /\b(1[6-9]\d{2}|20\d{2})\b/.exec(rest) ?? /\b(1[6-9]\d{2}|20\d{2})\b/.exec(text);
  if (year) ref.year = Number(year[1]);
  const design = ref.title ? designOf(ref.title) : undefined;
  if (design) ref.design = design;
  return ref;
}

const NAME = "(?:[\\p{L}'’-]+\\s+){1,3}[A-Z]{1,3}(?:\\s+(?:Jr|Sr|II|III)\\.?)?";
const AUTHORS = new RegExp(`^((?:${NAME},\\s*)*${NAME}(?:,?\\s+et al)?)\\.\\s+`, 'u');

function splitSegments(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/([.?!])\s+(?=[\p{Lu}*\d(])/gu)) {
    out.push(text.slice(start, m.index + 1).trim());
    start = m.index + m[0].length;
  }
  out.push(text.slice(start).trim());
  return out.filter((s) => s !== '');
}

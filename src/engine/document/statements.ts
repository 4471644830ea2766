/**
 * Sentences of a source document and which of them are check-worthy: the
 * statements an editor would want in the register (figures with units or
 * percentages, years and decades, sample sizes, study descriptions,
 * comparative and causal statements, "studies show", cited statements).
 *
 * Sentences are split with `Intl.Segmenter` (the ICU sentence rules built
 * into Node): it keeps "et al.", "i.e." and "U.S." inside a sentence and
 * needs no dependency or model; citation markers after a full stop are
 * moved back to the sentence they cite for.
 */
import { citationMarkers } from './normalize.js';
import type { Block, SourceDocument } from './document.js';

export interface Sentence {
  /** The sentence as it reads in the document (visible text). */
  text: string;
  /** Offsets in the file: `[start, end)`. */
  start: number;
  end: number;
  /** The nearest heading above it ("" when none). */
  heading: string;
  /** Paragraph number under that heading (1-based) and sentence number in the paragraph. */
  paragraph: number;
  sentence: number;
  /** Offsets into `text` of each character, for locating parts of the sentence. */
  offsets: number[];
}

/** Headings that start a reference list: what follows is not prose. */
export const REFERENCE_HEADING = /^\s*(?:references?|bibliography|works cited|literature cited|sources|citations|notes and references)\s*:?\s*$/i;

/** Whether a plain-text block reads as a heading: short, no closing punctuation. */
function looksLikeHeading(b: Block): boolean {
  if (b.heading > 0) return true;
  const t = b.text.trim();
  const words = t.split(/\s+/).length;
  return words <= 12 && t.length <= 90 && !/[.!?:;,"”)\]¹²³⁰⁴-⁹}]$/.test(t) && /^[\p{Lu}\d]/u.test(t);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const LEADING_MARKER = /^[\s\u00B9\u00B2\u00B3\u2070\u2074-\u207F,]+|^\^\{[^}]*\}|^\^\d+(?:[-–,]\d+)*|^\[\d+(?:\s*[-–,]\s*\d+)*\]/;

/** The document's prose sentences, in order, with their section and paragraph; reference lists left out. */
export function documentSentences(doc: SourceDocument): Sentence[] {
  const out: Sentence[] = [];
  let heading = '';
  let paragraph = 0;
  let inReferences = false;
  for (const block of joinWrapped(doc)) {
    if (REFERENCE_HEADING.test(block.text)) {
      inReferences = true;
      continue;
    }
    if (looksLikeHeading(block)) {
      // A heading after the reference list (a footer) does not end it unless it is a real heading.
      if (!inReferences || block.heading > 0) {
        heading = block.text.trim();
        paragraph = 0;
        inReferences = false;
      }
      continue;
    }
    if (inReferences) continue;
    paragraph++;
    let n = 0;
    const pieces: Array<{ a: number; b: number }> = [];
    for (const seg of segmenter.segment(block.text)) {
      let a = seg.index;
      const b = seg.index + seg.segment.length;
      // A citation marker after the full stop belongs to the sentence before.
      const lead = LEADING_MARKER.exec(seg.segment);
      if (lead && lead[0].trim() !== '' && pieces.length) {
        pieces[pieces.length - 1]!.b = a + lead[0].length;
        a += lead[0].length;
      }
      pieces.push({ a, b });
    }
    for (const { a: a0, b: b0 } of pieces) {
      let a = a0;
      let b = b0;
      while (a < b && /\s/.test(block.text[a]!)) a++;
      while (b > a && /\s/.test(block.text[b - 1]!)) b--;
      if (b <= a) continue;
      n++;
      out.push({
        text: block.text.slice(a, b),
        start: block.offsets[a]!,
        end: block.offsets[b - 1]! + 1,
        heading,
        paragraph,
        sentence: n,
        offsets: block.offsets.slice(a, b),
      });
    }
  }
  return out;
}

/** Blocks, with a line that continues the previous one (no closing punctuation, starts lower case) joined to it. */
function joinWrapped(doc: SourceDocument): Block[] {
  const out: Block[] = [];
  for (const b of doc.blocks) {
    const prev = out[out.length - 1];
    if (prev && prev.heading === 0 && b.heading === 0 && /[\p{L}\d,]$/u.test(prev.text) && /^\p{Ll}/u.test(b.text) && !looksLikeHeading(prev)) {
      out[out.length - 1] = { text: `${prev.text} ${b.text}`, offsets: [...prev.offsets, prev.offsets[prev.offsets.length - 1]! + 1, ...b.offsets], heading: 0 };
    } else {
      out.push(b);
    }
  }
  return out;
}

const CUES: Array<[string, RegExp]> = [
  ['a percentage', /\d\s?(?:%|percent\b|per cent\b)/i],
  [
    'a figure with a unit',
    /\b\d+(?:[.,]\d+)?\s?(?:-|to|–)?\s?\d*(?:[.,]\d+)?\s?(?:mg|mcg|µg|g|kg|ml|mL|l|mmol|mg\/kg(?:\/h(?:r|our)?|\/day|\/dose)?|hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|points?|doses?|times|fold)\b/i,
  ],
  ['a year or decade', /\b(?:1[5-9]|20)\d{2}(?:'?s)?\b|\b\d0'?s\b|\bin the (?:past|last) \w+ (?:years|decades)\b/i],
  ['a sample size', /\bn\s?=\s?\d+|\b\d+\s+(?:patients|participants|subjects|adults|children|people|persons|volunteers|cases|women|men|individuals|studies|trials)\b|\b(?:seventy|sixty|fifty|forty|thirty|twenty|ten|eleven|twelve)[\w-]*\s+(?:patients|participants|subjects)\b/i],
  ['a study description', /\b(?:randomi[sz]ed|placebo|double-blind|controlled|cohort|retrospective|prospective|meta-analys[ie]s|systematic review|case series|trial|study|studies|review)\b/i],
  ['"studies show"', /\b(?:studies|research|evidence|data|trials)\s+(?:\w+\s+)?(?:shows?|suggests?|indicates?|demonstrates?|supports?|finds?|found|shown)\b/i],
  ['a comparison', /\b(?:more|less|fewer|greater|better|worse|higher|lower|faster|slower|safer)\b[^.]*\bthan\b|\b(?:compared (?:with|to)|versus|vs\.?|superior to|inferior to|unlike)\b/i],
  [
    'a causal or efficacy statement',
    /\b(?:caus(?:e|es|ed|ing)|leads? to|led to|results? in|reduc\w+|increas\w+|decreas\w+|improv\w+|prevent\w*|alleviat\w+|relie(?:f|ve\w*)|treat(?:s|ed|ing|ment)?|effective\w*|efficacy|benefi\w+|risks?|side effects?|harm\w*|toxic\w*|approved|demonstrat\w+|shown|proven|works?|acts? (?:on|as)|blocks?|antagonis\w+|stimulat\w+|promot\w+|helps?|offers?|used (?:to|for|as|in))\b/i,
  ],
  ['a superlative or first', /\b(?:first|oldest|newest|most|least|only|best|worst)\b/i],
];

/** Why a sentence is check-worthy (empty when it is not). */
export function checkWorthiness(text: string): string[] {
  const words = text.trim().split(/\s+/);
  if (words.length < 4 || !/\p{Ll}/u.test(text)) return [];
  const why = CUES.filter(([, re]) => re.test(text)).map(([name]) => name);
  if (citationMarkers(text).length) why.push('a citation');
  return why;
}

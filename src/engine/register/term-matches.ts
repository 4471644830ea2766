/**
 * Finding configured terms in claim text, and locating a match in the claim
 * file: the column of a word inside the `text` scalar, not just the scalar.
 */
import { Scalar } from 'yaml';
import { lazyRange, type LoadedClaim } from '../load/loader.js';
import type { Range } from '../load/location.js';

/** One occurrence of a term in a text. */
export interface TermMatch {
  /** The term as configured (safe to put in a message). */
  term: string;
  /** Offset of the match in the text (UTF-16 code units). */
  index: number;
  /** Length of the matched text. */
  length: number;
}

const patterns = new Map<string, RegExp>();
const firstWords = new Map<string, string>();

/**
 * A cheap test before the regular expression: can `lowerText` contain the
 * term at all? Looks for the term's longest word as a plain substring.
 * (Unicode-aware whole-word patterns are slow to run over every claim for
 * every term; most terms are absent from most texts.)
 */
export function mayContain(lowerText: string, term: string): boolean {
  let word = firstWords.get(term);
  if (word === undefined) {
    word = term
      .toLowerCase()
      .split(/\s+/)
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    firstWords.set(term, word);
  }
  return lowerText.includes(word);
}

/**
 * The pattern of a term: whole words (no letter or digit on either side),
 * case-insensitive, any whitespace between words. Compiled once per term:
 * checks call this for every claim.
 */
export function termPattern(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) {
    const escaped = term.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
    patterns.set(term, re);
  }
  return re;
}

/**
 * Every occurrence of the terms in the text (whole words, case-insensitive,
 * any whitespace between the words of a phrase), in text order. Where
 * matches overlap ("game changer" and "game"), the earliest, then the
 * longest, is kept.
 */
export function findTerms(text: string, terms: readonly string[]): TermMatch[] {
  const all: TermMatch[] = [];
  const lower = text.toLowerCase();
  for (const term of terms) {
    if (term.trim() === '' || !mayContain(lower, term)) continue;
    for (const m of text.matchAll(termPattern(term))) {
      if (m[0].length > 0) all.push({ term, index: m.index, length: m[0].length });
    }
  }
  all.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: TermMatch[] = [];
  let end = -1;
  for (const m of all) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.index + m.length;
  }
  return kept;
}

/** The first occurrence (in text order) of any of the terms. */
export function firstTerm(text: string, terms: readonly string[]): TermMatch | undefined {
  return findTerms(text, terms)[0];
}

/** Whether the text contains any of the terms as whole words. */
export function hasTerm(text: string, terms: readonly string[]): boolean {
  return terms.some((t) => t.trim() !== '' && termPattern(t).test(text));
}

/** For each character of a scalar's value, where it comes from in the raw source: [start, end). */
type OffsetMap = Array<readonly [number, number]>;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * Read a flow scalar's raw source (`"..."`, `'...'` or plain) into its value,
 * recording where each value character comes from. Line folding follows
 * YAML 1.2: a line break with the spaces around it is one space, or n-1
 * newlines for n breaks. Returns undefined for what it cannot read.
 */
function readFlowScalar(raw: string, type: Scalar.Type): { value: string; map: OffsetMap } | undefined {
  let value = '';
  const map: Array<readonly [number, number]> = [];
  const emit = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k++) map.push([start, end]);
    value += s;
  };
  let i = 0;
  let stop = raw.length;
  if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) {
    const q = type === Scalar.QUOTE_DOUBLE ? '"' : "'";
    if (raw[0] !== q || raw[raw.length - 1] !== q || raw.length < 2) return undefined;
    i = 1;
    stop = raw.length - 1;
  }
  while (i < stop) {
    const ch = raw[i]!;
    if (type === Scalar.QUOTE_DOUBLE && ch === '\\') {
      const e = raw[i + 1];
      if (e === undefined) return undefined;
      if (e === '\n' || e === '\r') {
        // An escaped line break: nothing, and the next line's indentation is dropped.
        let j = i + 1 + (e === '\r' && raw[i + 2] === '\n' ? 2 : 1);
        while (j < stop && (raw[j] === ' ' || raw[j] === '\t')) j++;
        i = j;
        continue;
      }
      const hex = HEX_ESCAPES[e];
      if (hex !== undefined) {
        const digits = raw.slice(i + 2, i + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return undefined;
        emit(String.fromCodePoint(parseInt(digits, 16)), i, i + 2 + hex);
        i += 2 + hex;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple === undefined) return undefined;
      emit(simple, i, i + 2);
      i += 2;
      continue;
    }
    if (type === Scalar.QUOTE_SINGLE && ch === "'") {
      if (raw[i + 1] !== "'") return undefined;
      emit("'", i, i + 2);
      i += 2;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      let j = i;
      let breaks = 0;
      while (j < stop && /[ \t\r\n]/.test(raw[j]!)) {
        if (raw[j] === '\n') breaks++;
        j++;
      }
      if (breaks === 0) emit(raw.slice(i, j), i, j);
      else emit(breaks === 1 ? ' ' : '\n'.repeat(breaks - 1), i, j);
      i = j;
      continue;
    }
    emit(ch, i, i + 1);
    i++;
  }
  return { value, map };
}

/**
 * Where a span of a claim's text sits in its file. When the `text` scalar is
 * a flow scalar (quoted or plain) whose source reads back to exactly the
 * claim's text, the span is located to the character, even across escapes
 * and folded lines; otherwise (block scalars, anything unexpected) the whole
 * `text` value is returned.
 */
export function textSpanRange(c: LoadedClaim, index: number, length: number): Range {
  // Lazy: the file is parsed for positions only if the finding is kept.
  return lazyRange(() => locateSpan(c, index, length));
}

function locateSpan(c: LoadedClaim, index: number, length: number): Range {
  const whole = { ...c.range(['text']) };
  if (length <= 0) return whole;
  const span = c.file.scalarSpan(['claims', c.index, 'text']);
  if (!span) return whole;
  const type = span.style === 'double' ? Scalar.QUOTE_DOUBLE : span.style === 'single' ? Scalar.QUOTE_SINGLE : Scalar.PLAIN;
  const read = readFlowScalar(c.file.text.slice(span.start, span.end), type);
  if (!read || read.value !== c.claim.text || index < 0 || index + length > read.map.length) return whole;
  const from = read.map[index]![0];
  const to = read.map[index + length - 1]![1];
  return c.file.offsetRange(span.start + from, span.start + to);
}

/** The range of a term match in a claim's text. */
export function matchRange(c: LoadedClaim, m: TermMatch): Range {
  return textSpanRange(c, m.index, m.length);
}

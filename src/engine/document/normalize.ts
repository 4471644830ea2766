/**
 * The normal form quotes are compared in: what an editor may change when
 * copying a sentence without changing what it says. Unicode NFC, case,
 * runs of whitespace, typographic quotes, apostrophes and dashes, soft
 * hyphens and zero-width characters, emphasis markers (`*`, `_`), and
 * citation markers (superscript digits ¹²⁻¹⁶, `^{6, 8}`, `^7`, `[12]`,
 * `[3-5]`) are all normalised away. Each character of the normal form keeps
 * the offset it came from, so a match can be located in the original.
 */

export interface Normalized {
  text: string;
  /** For each character of `text`, the offset of the source character it came from. */
  map: number[];
}

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '`': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2007': ' ',
};
const DROPPED = /[\u00AD\u200B-\u200D\u2060\uFEFF*_]/;
const SUPERSCRIPT = /[\u00B9\u00B2\u00B3\u2070\u2074-\u207F]/;
/** Citation markers that are not superscript characters: `^{6, 8}`, `^7`, `[12]`, `[3-5, 8]`. */
const MARKER = /\^\{[^}\n]{0,40}\}|\^\d+(?:[-–,]\d+)*|\[\d{1,4}(?:\s*[-–,]\s*\d{1,4})*\]/g;

/** Where the citation markers of a text are, as `[start, end)` pairs. */
export function citationMarkers(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(MARKER)) out.push([m.index, m.index + m[0].length]);
  for (let i = 0; i < text.length; i++) {
    if (!SUPERSCRIPT.test(text[i]!)) continue;
    let j = i;
    while (j < text.length && (SUPERSCRIPT.test(text[j]!) || (text[j] === ',' && SUPERSCRIPT.test(text[j + 1] ?? '')))) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Normalise `text`; `offsets[i]` is the offset to record for `text[i]`
 * (default: `i`).
 */
export function normalize(text: string, offsets?: readonly number[]): Normalized {
  const skip = new Uint8Array(text.length);
  for (const [a, b] of citationMarkers(text)) skip.fill(1, a, b);
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1;
  const push = (s: string, at: number) => {
    for (const ch of s) {
      out.push(ch);
      map.push(at);
    }
  };
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const i = m.index;
    if (skip[i]) continue;
    const at = offsets ? offsets[i]! : i;
    let ch = m[0].normalize('NFC');
    ch = QUOTES[ch] ?? ch;
    if (DROPPED.test(ch)) continue;
    if (/^\s+$/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = at;
      continue;
    }
    ch = ch.toLowerCase();
    if (pendingSpace >= 0) {
      // No space before closing punctuation or after an opening parenthesis: "depression³ ," and "( i.e." read as written without it.
      const prev = out[out.length - 1];
      if (out.length && !/^[.,;:!?)\]]/.test(ch) && prev !== '(' && prev !== '[') push(' ', pendingSpace);
      pendingSpace = -1;
    }
    push(ch, at);
  }
  return { text: out.join(''), map };
}

/** Normal form only (for claim texts and comparisons). */
export function normalText(text: string): string {
  return normalize(text).text;
}

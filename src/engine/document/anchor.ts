/**
 * Anchoring quotes in their document: where a claim's text occurs after
 * normalisation, or, when it does not, the closest passage and the words
 * that differ (computed with the `diff` package).
 *
 * The closest passage is found by word votes: every word of the quote that
 * occurs in the document votes for the passage start it implies; words that
 * occur very often vote nothing. Work is linear in the quote and the
 * document, never quote × document.
 */
import { diffArrays } from 'diff';
import type { SourceDocument } from './document.js';
import { normalize, type Normalized } from './normalize.js';

/** A span of the document, as offsets into its file. */
export interface Span {
  start: number;
  end: number;
}

export interface Difference {
  /** What the claim says at the first difference (original wording, with a little context). */
  claimSays: string;
  documentSays: string;
  /** How many further differences there are. */
  more: number;
}

export type Anchor =
  | { kind: 'exact'; span: Span }
  | { kind: 'close'; span: Span; difference: Difference; /** share of the quote's words found in order */ score: number }
  | { kind: 'absent' };

interface Token {
  word: string;
  /** Start and end in the normal form. */
  start: number;
  end: number;
}

/** A document prepared for anchoring: its normal form and word index, built once. */
export class DocumentIndex {
  readonly norm: Normalized;
  readonly tokens: Token[];
  private readonly positions = new Map<string, number[]>();

  constructor(readonly document: SourceDocument) {
    const text: string[] = [];
    const offsets: number[] = [];
    for (const b of document.blocks) {
      if (text.length) {
        text.push(' ');
        offsets.push(offsets[offsets.length - 1]! + 1);
      }
      for (let k = 0; k < b.text.length; k++) {
        text.push(b.text[k]!);
        offsets.push(b.offsets[k]!);
      }
    }
    this.norm = normalize(text.join(''), offsets);
    this.tokens = tokenize(this.norm.text);
    this.tokens.forEach((t, i) => {
      const list = this.positions.get(t.word);
      if (list) list.push(i);
      else this.positions.set(t.word, [i]);
    });
  }

  /** The span in the file of `[start, end)` of the normal form. */
  spanOf(start: number, end: number): Span {
    const map = this.norm.map;
    return { start: map[start]!, end: map[Math.max(start, end - 1)]! + 1 };
  }

  private readonly anchors = new Map<string, Anchor>();

  /** Where `quote` occurs; the closest passage and its first difference when it does not (memoised: rules share it). */
  locate(quote: string): Anchor {
    let a = this.anchors.get(quote);
    if (!a) this.anchors.set(quote, (a = this.find(quote)));
    return a;
  }

  private find(quote: string, opts: { minScore?: number } = {}): Anchor {
    const q = normalize(quote);
    if (q.text === '') return { kind: 'absent' };
    const at = this.norm.text.indexOf(q.text);
    if (at >= 0) return { kind: 'exact', span: this.spanOf(at, at + q.text.length) };
    const qt = tokenize(q.text);
    const k = qt.length;
    const votes = new Map<number, number>();
    const cap = Math.max(20, Math.ceil(this.tokens.length / 50));
    qt.forEach((t, i) => {
      const list = this.positions.get(t.word);
      if (!list || list.length > cap) return;
      for (const p of list) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
    });
    let best = -1;
    let bestVotes = 0;
    for (const [start, n] of votes) {
      if (n > bestVotes || (n === bestVotes && start < best)) {
        best = start;
        bestVotes = n;
      }
    }
    if (bestVotes === 0) return { kind: 'absent' };
    // Diff the quote against the passage with a little slack on each side, then drop document words outside the quote.
    const slack = Math.max(3, Math.ceil(k / 4));
    const from = Math.max(0, best - slack);
    const to = Math.min(this.tokens.length, best + k + slack);
    const window = this.tokens.slice(from, to);
    const parts = diffArrays(
      qt.map((t) => t.word),
      window.map((t) => t.word),
    );
    // One op per word: '=' both, '-' quote only, '+' document only.
    let ops: Array<'=' | '-' | '+'> = [];
    for (const part of parts) ops.push(...Array<'=' | '-' | '+'>(part.count ?? part.value.length).fill(part.added ? '+' : part.removed ? '-' : '='));
    // Document words beyond the quote's ends are not part of the passage, except as many as replace quote words there.
    const firstEq = ops.indexOf('=');
    if (firstEq < 0) return { kind: 'absent' };
    let lead = ops.slice(0, firstEq);
    let ins = lead.filter((o) => o === '+').length;
    let keep = Math.min(ins, lead.length - ins);
    const leadDropped = ins - keep;
    ops = [...Array<'-'>(lead.length - ins).fill('-'), ...Array<'+'>(keep).fill('+'), ...ops.slice(firstEq)];
    const lastEq = ops.lastIndexOf('=');
    const tail = ops.slice(lastEq + 1);
    ins = tail.filter((o) => o === '+').length;
    keep = Math.min(ins, tail.length - ins);
    ops = [...ops.slice(0, lastEq + 1), ...Array<'-'>(tail.length - ins).fill('-'), ...Array<'+'>(keep).fill('+')];
    let di = from + leadDropped;
    const docStart = di;
    let qi = 0;
    let equal = 0;
    let hunks = 0;
    let first: { qFrom: number; qTo: number; dFrom: number; dTo: number } | undefined;
    for (let p = 0; p < ops.length; ) {
      if (ops[p] === '=') {
        equal++;
        qi++;
        di++;
        p++;
        continue;
      }
      const h = { qFrom: qi, qTo: qi, dFrom: di, dTo: di };
      while (p < ops.length && ops[p] !== '=') {
        if (ops[p] === '-') h.qTo = ++qi;
        else h.dTo = ++di;
        p++;
      }
      hunks++;
      first ??= h;
    }
    const docEnd = di;
    const score = equal / k;
    if (score < (opts.minScore ?? 0.5) || docEnd <= docStart || !first) return { kind: 'absent' };
    const span = this.spanOf(this.tokens[docStart]!.start, this.tokens[docEnd - 1]!.end);
    // Two words of context before the difference, or after it when it starts the quote.
    const before = Math.min(2, first.qFrom, first.dFrom - docStart);
    // A word only added or only left out reads best between its neighbours: one word of context after it too.
    const oneSided = first.qTo === first.qFrom || first.dTo === first.dFrom;
    const after = Math.min(before === 0 ? 2 : oneSided ? 1 : 0, k - first.qTo, docEnd - first.dTo);
    const claimWords = [first.qFrom - before, first.qTo + after] as const;
    const docWords = [first.dFrom - before, first.dTo + after] as const;
    const claimSays = claimWords[1] > claimWords[0] ? sliceOriginal(quote, q, qt, claimWords[0], claimWords[1]) : '';
    const documentSays =
      docWords[1] > docWords[0] ? this.originalText(this.tokens[docWords[0]]!.start, this.tokens[docWords[1] - 1]!.end) : '';
    const clean = (x: string) => x.replace(/[,;:]+$/, '');
    return { kind: 'close', span, score, difference: { claimSays: clean(claimSays), documentSays: clean(documentSays), more: hunks - 1 } };
  }

  /** The document's own text (visible, whitespace collapsed) for `[start, end)` of the normal form. */
  originalText(start: number, end: number): string {
    const span = this.spanOf(start, end);
    return visibleText(this.document, span);
  }
}

/** The visible text of a span of the file, markup left out and whitespace collapsed. */
export function visibleText(doc: SourceDocument, span: Span): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.offsets.length === 0 || b.offsets[b.offsets.length - 1]! < span.start || b.offsets[0]! >= span.end) continue;
    let s = '';
    for (let k = 0; k < b.text.length; k++) if (b.offsets[k]! >= span.start && b.offsets[k]! < span.end) s += b.text[k];
    out.push(s);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

function sliceOriginal(quote: string, q: Normalized, qt: Token[], fromWord: number, toWord: number): string {
  const a = q.map[qt[fromWord]!.start]!;
  const b = q.map[qt[toWord - 1]!.end - 1]! + 1;
  return quote.slice(a, b).replace(/\s+/g, ' ').trim();
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    // Words are compared without the punctuation around them ("1960's," is the word "1960's").
    const word = m[0].replace(/^[("'[]+|[.,;:!?)"'\]]+$/g, '');
    out.push({ word: word === '' ? m[0] : word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Whether two spans overlap. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

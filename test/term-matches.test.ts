/** Term matching and locating a match inside a claim's `text` scalar (src/engine/register/term-matches.ts). */
import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../src/engine/load/loader.js';
import { findTerms, matchRange } from '../src/engine/register/term-matches.js';

const file = (text: string) =>
  parseClaimFile(
    '/virtual/claims/t.yaml',
    `source:\n  id: t\n  title: T\n  kind: blog\nclaims:\n  - id: c\n    text: ${text}\n    subject: ketamine\n    aspect: efficacy\n    property: pain\n`,
  );

/** Where the first match of `term` in the claim's text sits: [line, column, endLine, endColumn]. */
function locate(text: string, term: string): number[] {
  const f = file(text);
  const c = f.claims[0]!;
  const m = findTerms(c.claim.text, [term])[0]!;
  const r = matchRange(c, m);
  return [r.line, r.column, r.endLine, r.endColumn];
}

describe('findTerms', () => {
  it('finds whole words only, case-insensitive, in text order', () => {
    expect(findTerms('A Cure, procured; cures.', ['cure', 'cures']).map((m) => [m.term, m.index])).toEqual([
      ['cure', 2],
      ['cures', 18],
    ]);
  });
  it('keeps the earliest and longest of overlapping matches', () => {
    expect(findTerms('a game changer', ['game', 'game changer']).map((m) => m.term)).toEqual(['game changer']);
  });
  it('matches a phrase across any whitespace', () => {
    expect(findTerms('flipping\n  a   switch', ['flipping a switch'])[0]).toMatchObject({ index: 0, length: 21 });
  });
  it('ignores blank terms', () => {
    expect(findTerms('anything', ['  '])).toEqual([]);
  });
});

describe('matchRange', () => {
  it('a double-quoted scalar on one line', () => {
    expect(locate('"It is proven"', 'proven')).toEqual([7, 18, 7, 24]);
  });
  it('hex and unicode escapes before the word', () => {
    expect(locate('"\\x41\\u00e9 \\U0001F600 proven"', 'proven')).toEqual([7, 34, 7, 40]);
  });
  it('a double-quoted scalar folded over lines, with a blank line', () => {
    expect(locate('"First line\n      second\n\n      proven here"', 'proven')).toEqual([10, 7, 10, 13]);
  });
  it('an escaped line break', () => {
    expect(locate('"pro\\\n      ven"', 'proven')).toEqual([7, 12, 8, 10]);
  });
  it('a word that is itself an escape spans the escape', () => {
    expect(locate('"\\u0063ure"', 'cure')).toEqual([7, 12, 7, 21]);
  });
  it('a literal block scalar: the whole text', () => {
    expect(locate('|\n      It is proven\n', 'proven')).toEqual([7, 11, 8, 19]);
  });
});

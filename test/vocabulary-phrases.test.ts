/**
 * Vocabulary aliases apply to words and phrases within a context facet,
 * longest match first, wherever they stand in it.
 */
import { describe, expect, it } from 'vitest';
import { compareContexts, compareTerms } from '../src/engine/register/context.js';
import { Vocabulary } from '../src/engine/register/vocabulary.js';
import { FACETS, type ClaimContext } from '../src/model.js';

const vocab = new Vocabulary({
  terms: { 'myocardial infarction': ['heart attack', 'mi'], 'emergency department': ['ed', 'emergency room'] },
  subjects: { esketamine: ['spravato'] },
});

describe('vocabulary aliases inside phrases', () => {
  it('rewrites an alias at the start, in the middle, at the end and as the whole facet', () => {
    expect(vocab.term('heart attack')).toBe('myocardial infarction');
    expect(vocab.term('Heart attack in adults')).toBe('myocardial infarction in adults');
    expect(vocab.term('non-fatal heart attack')).toBe('non-fatal myocardial infarction');
    expect(vocab.term('risk of heart attack within a year')).toBe('risk of myocardial infarction within a year');
  });

  it('prefers the longest alias: "intravenous infusion" is one term, not "intravenous" + "infusion"', () => {
    expect(vocab.term('slow intravenous infusion over 40 min')).toBe('slow intravenous over 40 min');
    expect(vocab.term('saline placebo infusion')).toBe('placebo intravenous');
  });

  it('matches whole words only, and leaves function words alone', () => {
    expect(vocab.term('medical staff')).toBe('medical staff'); // "ed" inside "medical" is not the alias
    expect(vocab.term('mild pain')).toBe('mild pain'); // nor "mi" inside "mild"
    expect(vocab.term('pain in adults')).toBe('pain in adults'); // "in" (intranasal) only as a whole facet
    expect(vocab.term('IN')).toBe('intranasal');
    expect(vocab.term('spravato nasal spray')).toBe('esketamine intranasal');
  });

  it('makes "non-fatal heart attack" and "non-fatal myocardial infarction" the same, both nested under the canonical term', () => {
    expect(compareTerms('non-fatal heart attack', 'non-fatal myocardial infarction', vocab)).toBe('same');
    expect(compareTerms('non-fatal heart attack', 'myocardial infarction', vocab)).toBe('nested');
    expect(compareTerms('non-fatal myocardial infarction', 'heart attack', vocab)).toBe('nested');
    expect(compareTerms('fatal heart attack', 'non-fatal heart attack', vocab)).toBe('different');
  });

  it('applies in every context facet', () => {
    const phrases: Record<string, [string, string]> = {
      population: ['adults seen in the emergency room', 'adults seen in the emergency department'],
      intervention: ['esketamine by nasal spray', 'esketamine intranasal'],
      comparator: ['saline placebo infusion', 'placebo given intravenously'],
      outcome: ['non-fatal heart attack at 30 days', 'non-fatal myocardial infarction at 30 days'],
      setting: ['ED of a teaching hospital', 'emergency department of a teaching hospital'],
    };
    for (const facet of FACETS) {
      const [a, b] = phrases[facet]!;
      const ca = { [facet]: a } as ClaimContext;
      const cb = { [facet]: b } as ClaimContext;
      const cmp = compareContexts(ca, cb, vocab);
      expect(cmp.different, facet).toEqual([]);
      expect(cmp.matches, facet).toBe(true);
    }
  });
});

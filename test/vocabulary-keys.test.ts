/**
 * Subject and property keys: the names writers use meet whatever separates
 * their words, and whatever the separators of the alias that names them.
 */
import { describe, expect, it } from 'vitest';
import { contextKey } from '../src/engine/register/context.js';
import { Vocabulary } from '../src/engine/register/vocabulary.js';

describe('subject and property keys', () => {
  const vocab = new Vocabulary({ subjects: { 'nitrous oxide': ['laughing gas'] }, properties: { 'first-synthesized': ['first made'] } });

  it('are one whatever separates the words: spaces, hyphens, underscores', () => {
    for (const s of ['Vitamin D', 'vitamin-d', 'vitamin_d', ' vitamin  D ']) expect(vocab.subject(s)).toBe('vitamin-d');
    for (const p of ['chronic pain', 'chronic-pain', 'Chronic_Pain']) expect(vocab.property(p)).toBe('chronic-pain');
    expect(vocab.subject('vitamin d3')).not.toBe(vocab.subject('vitamin d'));
  });

  it('find an alias written with other separators, and its canonical name', () => {
    for (const s of ['laughing gas', 'laughing-gas', 'Nitrous Oxide', 'nitrous_oxide']) expect(vocab.subject(s)).toBe('nitrous-oxide');
    for (const p of ['first made', 'first-made', 'first synthesized']) expect(vocab.property(p)).toBe('first-synthesized');
  });

  it('leave a context facet as it reads: an unnamed agent is the subject\'s canonical name, as its words are written', () => {
    expect(vocab.subjectName('laughing-gas')).toBe('nitrous oxide');
    const unnamed = contextKey({ population: 'adults' }, vocab, 'laughing gas');
    const named = contextKey({ population: 'adults', intervention: { agent: 'nitrous oxide' } }, vocab, 'laughing gas');
    expect(unnamed.id).toBe(named.id);
  });
});

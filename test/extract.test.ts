/**
 * claimlint extract: its parts, and how well it reproduces the hand-made
 * register from the five source documents (the figures reported in
 * docs/from-document-to-register.md, asserted with their thresholds).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import type { ClaimFile } from '../src/model.js';
import { parseDocumentText } from '../src/engine/document/document.js';
import { aspectOf, citedIds, extract, valueOf } from '../src/extract/draft.js';
import { parseEntry } from '../src/extract/references.js';
import { measure, type Measures } from '../src/extract/measure.js';

const root = resolve(import.meta.dirname, '..');
const REGISTER = ['earlywine-2026', 'schwenk-2021', 'zaki-2025', 'ketam-guide', 'bradford-blog'];

describe('citation markers', () => {
  it.each([
    ['¹', ['1']],
    ['¹²⁻¹⁶', ['12', '13', '14', '15', '16']],
    ['^{6, 8}', ['6', '8']],
    ['^{10,11}', ['10', '11']],
    ['[3-5]', ['3', '4', '5']],
    [',⁴', ['4']],
  ])('%s cites %j', (marker, ids) => {
    expect(citedIds(marker)).toEqual(ids);
  });
});

describe('typed values, where the sentence states exactly one', () => {
  it.each([
    ["While Ketamine has been around since the 1950's", { decade: 1950 }],
    ['in the past 80 years has been investigated to treat chronic pain', { years_ago: 80 }],
    ['The first trial dates to 2000 and the team of Berman et al', { year: 2000 }],
    ['These stories show success rates exceeding 60% for certain disorders', { number: 60, unit: '%', bound: 'more-than' }],
    ['a double-blind, placebo-controlled study of 34 patients (=17 ketamine, =17 placebo)', { total: 34, parts: [17, 17] }],
    ['IV ketamine at doses of 0.25-0.5 mg/kg/hr was more prone to cause side effects', { range: [0.25, 0.5], unit: 'mg/kg/hr' }],
    ['IV ketamine at a dose of 0.2mg/kg did not show any improvement', { number: 0.2, unit: 'mg/kg' }],
  ])('%s', (text, value) => {
    expect(valueOf(text)).toEqual(value);
  });

  it('none when the sentence states several', () => {
    expect(valueOf('18 patients were prescribed 25mg of intranasal ketamine whereas 30 patients were administered 2mg of midazolam')).toBeUndefined();
  });
});

describe('aspect from cue words', () => {
  it.each([
    ['Esketamine has been approved by the FDA for treatment-resistant depression', 'regulatory'],
    ['Chronic use of ketamine can lead to urinary tract issues and cognitive impairments', 'harm'],
    ['Ketamine acts as an NMDA receptor antagonist', 'mechanism'],
    ['Ketamine is a dissociative anesthetic developed in the 1960s', 'history'],
    ['Ketamine statistically decreased severity of the migraines', 'efficacy'],
  ])('%s: %s', (text, aspect) => {
    expect(aspectOf(text)).toBe(aspect);
  });
});

describe('reference entries', () => {
  it('Vancouver: authors, title, venue, year, design from the title', () => {
    expect(parseEntry('Afridi SK, Giffin NJ, Kaube H, Goadsby PJ. A randomized controlled trial of intranasal ketamine in migraine with prolonged aura. *Neurology*. 2013;80(7):642-647.')).toEqual({
      id: '',
      authors: ['Afridi SK', 'Giffin NJ', 'Kaube H', 'Goadsby PJ'],
      title: 'A randomized controlled trial of intranasal ketamine in migraine with prolonged aura',
      venue: 'Neurology',
      year: 2013,
      design: 'rct',
    });
  });

  it('a DOI and a URL', () => {
    const r = parseEntry('Smith J. A systematic review of things. J Things. 2020;1:1-2. doi:10.1000/xyz.123. https://example.org/x');
    expect(r).toMatchObject({ doi: '10.1000/xyz.123', url: 'https://example.org/x', year: 2020, design: 'systematic-review' });
  });

  it('a Markdown link: title and target as written', () => {
    expect(parseEntry('[Ketamine to treat super-refractory status epilepticus - PMC](#)')).toEqual({ id: '', title: 'Ketamine to treat super-refractory status epilepticus - PMC', url: '#' });
  });
});

describe('documents in other formats', () => {
  it('Markdown: front matter gives the source block; a numbered list under "## References"; [n] markers cite', () => {
    const md = [
      '---',
      'title: "Ketamine for migraine"',
      'author: Jane Doe',
      'date: 2025-03-01',
      'url: https://example.org/ketamine',
      '---',
      '# Ketamine for migraine',
      '',
      'A randomized trial of 34 patients found no benefit [1].',
      '',
      '> “I tried it for my migraines and I felt better within a day.”',
      '',
      '## References',
      '',
      '1. Etchison AR, Bos L. Low-dose ketamine does not improve migraine: a randomized placebo-controlled trial. *West J Emerg Med*. 2018;19(6):952-960. doi:10.5811/westjem.2018.8.38589',
      '',
    ].join('\n');
    const ex = extract(parseDocumentText('/r/content/migraine.md', md), { id: 'migraine', documentPath: 'content/migraine.md' });
    expect(ex.source).toMatchObject({ title: 'Ketamine for migraine', authors: ['Jane Doe'], published: '2025-03-01', url: 'https://example.org/ketamine', document: 'content/migraine.md' });
    expect(ex.references).toEqual([expect.objectContaining({ id: '1', year: 2018, doi: '10.5811/westjem.2018.8.38589', design: 'rct' })]);
    expect(ex.claims.map((c) => [c.text, c.evidence])).toEqual([
      ['A randomized trial of 34 patients found no benefit.', [{ cites: ['1'] }]],
      ['“I tried it for my migraines and I felt better within a day.”', [{ kind: 'testimonial' }]],
    ]);
    expect(ex.claims[0]).toMatchObject({ subject: 'ketamine', draft: true, at: 'Ketamine for migraine, paragraph 1' });
  });

  it('HTML: meta tags give the source block; <sup> markers cite; parenthetical names are named sources', () => {
    const html = `<html><head><title>Page</title>
      <meta name="citation_title" content="Ketamine and pain"><meta name="citation_author" content="Doe, Jane">
      <meta name="citation_doi" content="10.1000/abc"><meta name="citation_publication_date" content="2024/05/02"></head>
      <body><h1>Ketamine and pain</h1><p>Ketamine reduced pain scores by 30% in adults<sup>2</sup>. Ketamine is widely used in emergency care (Harvard Health).</p></body></html>`;
    const ex = extract(parseDocumentText('/r/page.html', html), { id: 'page', documentPath: 'page.html', subject: 'ketamine' });
    expect(ex.source).toMatchObject({ title: 'Ketamine and pain', authors: ['Doe, Jane'], doi: '10.1000/abc' });
    expect(ex.claims.map((c) => [c.text, c.evidence, c.value])).toEqual([
      ['Ketamine reduced pain scores by 30% in adults.', [{ cites: ['2'] }], { number: 30, unit: '%' }],
      ['Ketamine is widely used in emergency care (Harvard Health).', [{ kind: 'named-source', name: 'Harvard Health' }], undefined],
    ]);
  });
});

describe('against the hand-made register of the five source documents', () => {
  const total: Measures = { references: { total: 0, right: 0 }, claims: { total: 0, covered: 0 }, drafts: { total: 0, unmatched: 0 }, citations: { total: 0, linked: 0, drafted: 0, right: 0 } };
  for (const id of REGISTER) {
    const register = load(readFileSync(join(root, 'claims', `${id}.yaml`), 'utf8')) as ClaimFile;
    const docPath = join(root, register.source.document!);
    const doc = parseDocumentText(docPath, readFileSync(docPath, 'utf8'));
    const m = measure(doc, register, extract(doc, { id, documentPath: register.source.document! }));
    for (const k of Object.keys(total) as Array<keyof Measures>) {
      for (const [f, n] of Object.entries(m[k])) { const t = total[k] as Record<string, number>; t[f] = (t[f] ?? 0) + n; }
    }
  }

  it('references parsed with the right id, year and DOI or URL: at least 95% of the 36 of Earlywine and Schwenk', () => {
    expect(total.references.total).toBe(36);
    expect(total.references.right / total.references.total).toBeGreaterThanOrEqual(0.95);
  });

  it('register claims with a draft whose quote overlaps theirs: at least 85%', () => {
    expect(total.claims.total).toBe(151);
    expect(total.claims.covered / total.claims.total).toBeGreaterThanOrEqual(0.85);
  });

  it('citations linked to the right reference ids: at least 90% of the register\'s, and at least 90% of the drafts\' are right', () => {
    expect(total.citations.linked / total.citations.total).toBeGreaterThanOrEqual(0.9);
    expect(total.citations.right / total.citations.drafted).toBeGreaterThanOrEqual(0.9);
  });

  it('drafts that match no register claim are counted (reported, not a target)', () => {
    // The figure in docs/from-document-to-register.md; a change of the heuristics shows here.
    expect(total.drafts).toEqual({ total: 164, unmatched: 60 });
  });
});

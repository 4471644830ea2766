/**
 * How well `extract` reproduces a hand-made register: the figures the test
 * suite asserts and the docs report. Pure functions over loaded data.
 */
import type { ClaimFile } from '../model.js';
import type { SourceDocument } from '../engine/document/document.js';
import { DocumentIndex, overlaps, type Span } from '../engine/document/anchor.js';
import type { Extraction } from './draft.js';

export interface Measures {
  /** Numbered references of the register, and how many the extraction got right (same id, year, DOI and URL). */
  references: { total: number; right: number };
  /** Register claims, and how many have a draft whose quote overlaps theirs. */
  claims: { total: number; covered: number };
  /** Drafts, and how many overlap no register claim. */
  drafts: { total: number; unmatched: number };
  /** (claim, cited id) pairs of the register that an overlapping draft also cites; and drafts' citations that an overlapping register claim makes. */
  citations: { total: number; linked: number; drafted: number; right: number };
}

export function measure(doc: SourceDocument, register: ClaimFile, extraction: Extraction): Measures {
  const index = new DocumentIndex(doc);
  const parsed = new Map(extraction.references.map((r) => [r.id, r]));
  const refs = register.source.references ?? [];
  const right = refs.filter((r) => {
    const p = parsed.get(r.id);
    return p !== undefined && p.year === r.year && p.doi === r.doi && p.url === r.url;
  }).length;
  const anchored = (register.claims ?? []).map((c) => {
    const a = index.locate(c.text);
    return { claim: c, span: a.kind === 'absent' ? undefined : a.span, cites: new Set((c.evidence ?? []).flatMap((e) => e.cites ?? [])) };
  });
  const drafts = extraction.claims.map((d) => ({ draft: d, span: { start: d.start, end: d.end } as Span, cites: new Set((d.evidence ?? []).flatMap((e) => e.cites ?? [])) }));
  let covered = 0;
  let total = 0;
  let linked = 0;
  for (const a of anchored) {
    const over = a.span ? drafts.filter((d) => overlaps(d.span, a.span!)) : [];
    if (over.length) covered++;
    for (const id of a.cites) {
      total++;
      if (over.some((d) => d.cites.has(id))) linked++;
    }
  }
  let unmatched = 0;
  let drafted = 0;
  let rightCites = 0;
  for (const d of drafts) {
    const over = anchored.filter((a) => a.span && overlaps(d.span, a.span));
    if (over.length === 0) unmatched++;
    if (!over.some((a) => a.cites.size)) continue;
    for (const id of d.cites) {
      drafted++;
      if (over.some((a) => a.cites.has(id))) rightCites++;
    }
  }
  return {
    references: { total: refs.length, right },
    claims: { total: anchored.length, covered },
    drafts: { total: drafts.length, unmatched },
    citations: { total, linked, drafted, right: rightCites },
  };
}

/**
 * Quote anchoring against the bundled register and its five source
 * documents: every claim is anchored, and a one-word edit of a document
 * fails the claim that quotes it, with the words that differ.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run/linter.js';
import { parseDocumentText } from '../src/engine/document/document.js';
import { DocumentIndex } from '../src/engine/document/anchor.js';
import { normalText } from '../src/engine/document/normalize.js';

const root = resolve(import.meta.dirname, '..');
const earlywine = join(root, 'sources', 'earlywine-2026-evolving-science.txt');
const only = ['claim/quote-mismatch', 'source/document-missing'];

describe('the bundled register', () => {
  it('every claim quotes its document', async () => {
    const result = await lint({ cwd: root, only });
    expect(result.summary.claims).toBeGreaterThan(100);
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('changing one word of a document fails the claim that quotes it, with the difference', async () => {
    const text = readFileSync(earlywine, 'utf8');
    const edited = text.replace("since the 1950's", "since the 1960's");
    expect(edited).not.toBe(text);
    const result = await lint({ cwd: root, only, contents: new Map([[earlywine, edited]]) });
    expect(result.findings).toHaveLength(1);
    const f = result.findings[0]!;
    expect(f).toMatchObject({ rule: 'claim/quote-mismatch', severity: 'error', file: 'claims/earlywine-2026.yaml', claim: 'earlywine-2026/origin-decade' });
    expect(f.message).toContain("claim says “since the 1950's”; document says “since the 1960's”");
    expect(f.related).toEqual([
      expect.objectContaining({ kind: 'document', file: 'sources/earlywine-2026-evolving-science.txt', line: 18, column: 1 }),
    ]);
  });
});

describe('normalisation', () => {
  it('folds case, quotes, dashes, soft hyphens, whitespace and citation markers', () => {
    expect(normalText('Ketamine’s  “first–line” use\u00AD¹²⁻¹⁶ [12] ^{6, 8}.')).toBe(normalText('ketamine\'s "first-line" use.'));
  });

  it('NFC: a decomposed accent matches the composed one', () => {
    const doc = new DocumentIndex(parseDocumentText('/d.txt', 'Le cafe\u0301 est chaud.'));
    expect(doc.locate('Le café est chaud').kind).toBe('exact');
  });
});

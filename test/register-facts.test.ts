/**
 * Per-claim work done once (issue 10, point 2): value intervals, publication
 * years, normalised contexts and resolved evidence are worked out once per
 * claim (or source) and reused by every rule that asks.
 */
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../src/engine/load/loader.js';
import { compareContextKeys, compareContexts, termKey } from '../src/engine/register/context.js';
import { resolveEvidence } from '../src/engine/register/evidence.js';
import { sourceYear } from '../src/engine/register/facts.js';
import { Register } from '../src/engine/register/register.js';
import { Vocabulary } from '../src/engine/register/vocabulary.js';

const root = join(import.meta.dirname, '..');
const paths = (await fg('claims/*.yaml', { cwd: root, absolute: true })).sort();
const vocab = new Vocabulary();
const register = new Register(await Promise.all(paths.map((p) => loadFile(p))), vocab);

describe('per-claim facts', () => {
  it('are made once per claim and reused', () => {
    for (const c of register.claims) {
      expect(register.facts(c)).toBe(register.facts(c));
      expect(resolveEvidence(c)).toBe(resolveEvidence(c));
      expect(register.facts(c).context).toBe(register.facts(c).context);
    }
  });

  it('hold the value interval resolved against the source year, and the year once per source', () => {
    const origin = register.claims.find((c) => c.fullId === 'earlywine-2026/origin-decade')!;
    const f = register.facts(origin);
    expect(f.kind).toBe('time');
    expect(f.interval).toEqual([1950, 1959]);
    expect(f.year).toBe(2026);
    expect(sourceYear(origin.source)).toBe(2026);
  });

  it('read a facet text once, however many claims state it', () => {
    expect(termKey('IV', vocab)).toBe(termKey('IV', vocab));
    expect(termKey('IV', vocab)!.term).toBe('intravenous');
  });

  it('compare contexts exactly as comparing the contexts themselves does', () => {
    for (const group of register.subjectPropertyGroups()) {
      for (const a of group) {
        for (const b of group) {
          const direct = compareContexts(a.claim.context, b.claim.context, vocab, { a: a.claim.subject, b: b.claim.subject });
          expect(compareContextKeys(register.facts(a).context, register.facts(b).context, vocab), `${a.fullId} ~ ${b.fullId}`).toEqual(direct);
        }
      }
    }
  });
});

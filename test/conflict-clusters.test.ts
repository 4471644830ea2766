/**
 * The conflict rules report clusters, not pairs (issue 10, point 1). Against
 * an oracle that compares every pair of claims the way the rules did before
 * (quadratic, kept here only as a reference), on the bundled register and on
 * generated ones:
 *
 * - every pair of claims from different sources that a rule would have
 *   reported is named by one of that rule's findings (the finding's claim and
 *   its related claims), as long as neither claim's cluster has more than
 *   MAX_NAMED claims and the family has no more clusters than one finding lists;
 * - no rule reports a claim twice, and no finding pairs two claims of one source;
 * - the four rules report nothing the oracle does not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRegister } from '../scripts/generate-register.js';
import type { LoadedClaim } from '../src/engine/load/loader.js';
import { loadFile } from '../src/engine/load/loader.js';
import {
  clustersOf,
  ContextIndex,
  directionDimension,
  effectsOpposed,
  magnitudeDimension,
  MAX_NAMED,
  valueDimension,
  type Dimension,
} from '../src/engine/register/clusters.js';
import { compareContexts } from '../src/engine/register/context.js';
import { Register } from '../src/engine/register/register.js';
import { asEffect, compareValues, overlaps, publishedYear, quantityInterval, valueKind } from '../src/engine/register/values.js';
import type { Finding } from '../src/engine/report/finding.js';
import { lint, lintTexts, resolveSetup } from '../src/engine/run/linter.js';

const RULES = ['conflict/value', 'conflict/direction', 'conflict/magnitude', 'conflict/context'] as const;
type Rule = (typeof RULES)[number];

/** The pairwise decision the rules made before clusters: which rule reports the pair (a, b), if any. */
function oracle(a: LoadedClaim, b: LoadedClaim, register: Register): Rule | undefined {
  const vocab = register.vocabulary;
  const va = a.claim.value;
  const vb = b.claim.value;
  if (!va || !vb) return undefined;
  const ka = valueKind(va);
  const kb = valueKind(vb);
  let rule: 'conflict/value' | 'conflict/direction' | 'conflict/magnitude' | undefined;
  if (ka === 'effect' && kb === 'effect') {
    const ea = asEffect(va);
    const eb = asEffect(vb);
    if (effectsOpposed(ea.effect, eb.effect)) rule = 'conflict/direction';
    else if (ea.effect === eb.effect && ea.size && eb.size) {
      const unit = (u: string | undefined) => (u ?? '').toLowerCase().replace(/\s/g, '');
      const ia = quantityInterval(ea.size);
      const ib = quantityInterval(eb.size);
      if (unit(ea.size.unit) === unit(eb.size.unit) && ia && ib && !overlaps(ia, ib)) rule = 'conflict/magnitude';
    }
  } else {
    const cmp = compareValues(va, vb, vocab, { a: publishedYear(a.source), b: publishedYear(b.source) });
    if (cmp.comparable && !cmp.compatible) rule = 'conflict/value';
  }
  if (!rule) return undefined;
  const ctx = compareContexts(a.claim.context, b.claim.context, vocab, { a: a.claim.subject, b: b.claim.subject });
  // The bundled rules leave pairs whose contexts differ to conflict/context.
  return ctx.different.length ? 'conflict/context' : rule;
}

const DIMENSIONS: Record<Rule, (r: Register) => Dimension[]> = {
  'conflict/value': (r) => [valueDimension(r.vocabulary)],
  'conflict/direction': () => [directionDimension],
  'conflict/magnitude': () => [magnitudeDimension],
  'conflict/context': (r) => [valueDimension(r.vocabulary), directionDimension, magnitudeDimension],
};

/** Pairs reported before, and whether each is covered by the guarantee (small clusters, few clusters). */
function expectedPairs(register: Register): Array<{ rule: Rule; a: string; b: string; guaranteed: boolean }> {
  const out: Array<{ rule: Rule; a: string; b: string; guaranteed: boolean }> = [];
  for (const group of register.subjectPropertyGroups()) {
    const facts = group.map((c) => register.facts(c));
    const index = new ContextIndex(register.vocabulary);
    // Cluster size and family size (number of clusters) of each claim, per rule.
    const sizes = new Map<Rule, Map<string, { cluster: number; clusters: number }>>();
    for (const rule of RULES) {
      const m = new Map<string, { cluster: number; clusters: number }>();
      for (const dim of DIMENSIONS[rule](register)) {
        for (const family of clustersOf(facts, dim, (f) => index.id(f))) {
          for (const cluster of family) {
            for (const f of cluster.members) {
              const prev = m.get(f.claim.fullId);
              // A claim in two families (direction and size) keeps the larger figures.
              m.set(f.claim.fullId, {
                cluster: Math.max(prev?.cluster ?? 0, cluster.members.length),
                clusters: Math.max(prev?.clusters ?? 0, family.length),
              });
            }
          }
        }
      }
      sizes.set(rule, m);
    }
    for (let j = 1; j < group.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.source.id === b.source.id) continue;
        const rule = oracle(a, b, register);
        if (!rule) continue;
        const sa = sizes.get(rule)!.get(a.fullId);
        const sb = sizes.get(rule)!.get(b.fullId);
        const guaranteed = !!sa && !!sb && sa.cluster <= MAX_NAMED && sb.cluster <= MAX_NAMED && sa.clusters <= MAX_NAMED + 1 && sb.clusters <= MAX_NAMED + 1;
        out.push({ rule, a: a.fullId, b: b.fullId, guaranteed });
      }
    }
  }
  return out;
}

async function check(cwd: string): Promise<{ pairs: number; guaranteed: number; findings: number }> {
  const setup = await resolveSetup({ cwd });
  const paths = (await fg(setup.config.config.files ?? ['claims/**/*.{yaml,yml}'], { cwd: setup.config.root, absolute: true })).sort();
  const register = new Register(await Promise.all(paths.map((p) => loadFile(p))), setup.vocabulary);
  const result = await lint({ cwd, only: [...RULES] });
  const byRule = new Map<string, Finding[]>(RULES.map((r) => [r, result.findings.filter((f) => f.rule === r)]));
  const sourceOf = (id: string) => id.slice(0, id.indexOf('/'));

  for (const [rule, findings] of byRule) {
    // One finding per claim and rule; never two claims of one source.
    const claims = findings.map((f) => f.claim);
    expect(new Set(claims).size, rule).toBe(claims.length);
    for (const f of findings) for (const r of f.related) expect(sourceOf(r.claim), `${rule} ${f.claim}`).not.toBe(sourceOf(f.claim!));
  }
  const pairs = expectedPairs(register);
  const named = new Set<string>();
  for (const f of result.findings) for (const r of f.related) named.add(`${f.rule} ${[f.claim, r.claim].sort().join(' ~ ')}`);
  const expected = new Set(pairs.map((p) => `${p.rule} ${[p.a, p.b].sort().join(' ~ ')}`));
  // Every pair a finding names was a conflict of that rule before.
  for (const n of named) expect(expected.has(n), n).toBe(true);
  // Every guaranteed pair is named.
  const missing = pairs.filter((p) => p.guaranteed && !named.has(`${p.rule} ${[p.a, p.b].sort().join(' ~ ')}`));
  expect(missing).toEqual([]);
  return { pairs: pairs.length, guaranteed: pairs.filter((p) => p.guaranteed).length, findings: result.findings.length };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('conflict clusters keep every reported pair visible', () => {
  it('on the bundled register', async () => {
    const r = await check(join(import.meta.dirname, '..'));
    expect(r.pairs).toBeGreaterThan(0);
    expect(r.guaranteed).toBe(r.pairs);
  });

  it('on a generated register (2,000 claims over 40 sources)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-clusters-'));
    dirs.push(dir);
    generateRegister(dir, { claims: 2000, files: 40, seed: 7 });
    const r = await check(dir);
    expect(r.guaranteed).toBeGreaterThan(50);
  }, 120_000);

  it('on a generated one-group register (600 claims on one subject and property, mixed values)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-clusters-'));
    dirs.push(dir);
    generateRegister(dir, { claims: 600, files: 30, seed: 3, oneGroup: true });
    const r = await check(dir);
    // Large clusters: most pairs are summarised, but findings stay one per claim.
    expect(r.pairs).toBeGreaterThan(r.findings);
    expect(r.findings).toBeGreaterThan(0);
  }, 120_000);
});

describe('a cluster finding keeps its fingerprint', () => {
  const file = (id: string, decade: number) => ({
    path: `claims/${id}.yaml`,
    text: [
      'source:',
      `  id: ${id}`,
      '  title: A source',
      '  kind: blog',
      'claims:',
      '  - id: origin',
      '    text: "Ketamine dates from that decade"',
      '    subject: ketamine',
      '    aspect: history',
      '    property: origin',
      `    value: { decade: ${decade} }`,
      '',
    ].join('\n'),
  });
  const finding = async (files: Array<{ path: string; text: string }>) => {
    const r = await lintTexts(files, { cwd: tmpdir(), only: ['conflict/value'] });
    expect(r.findings).toHaveLength(1);
    return r.findings[0]!;
  };

  it('when the cluster it names gains a member (identity: rule, claim and subject/property group)', async () => {
    const before = await finding([file('a', 1960), file('b', 1950)]);
    const after = await finding([file('a', 1960), file('b', 1950), file('c', 1960)]);
    expect(after.claim).toBe('b/origin');
    expect(after.message).not.toBe(before.message);
    expect(after.related.map((r) => r.claim)).toEqual(['a/origin', 'c/origin']);
    expect(after.fingerprint).toBe(before.fingerprint);
  });
});

/**
 * Fingerprints identify a problem by what it is about (rule, file, claim or
 * source, related ids, the check's key), never by counts, values, message
 * wording or line numbers. For every rule that fires in the bundled
 * register, two unrelated edits must leave every existing fingerprint as it
 * was: a new claim in a new file on another subject, and a new claim at the
 * top of each source (a copy of one of its own claims, so it joins the
 * source-level groups and moves every line below it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fingerprint } from '../../src/engine/report/fingerprint.js';
import { lintTexts, type LintOptions } from '../../src/engine/run/linter.js';
import type { Finding } from '../../src/engine/report/finding.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLAIM_FILES = readdirSync(join(ROOT, 'claims'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ path: `claims/${f}`, text: readFileSync(join(ROOT, 'claims', f), 'utf8') }));

/** A retraction list naming a DOI of the register, so that source/retracted fires too. */
const DOI = /^\s*doi:\s*(10\.\S+)\s*$/m.exec(CLAIM_FILES.map((f) => f.text).join('\n'))![1]!;
const OPTIONS: LintOptions = {
  cwd: ROOT,
  now: new Date('2026-11-23T00:00:00Z'),
  retractionsCsv: `Record ID,OriginalPaperDOI,RetractionDOI,RetractionNature\n1,${DOI},10.1000/notice,Retraction\n`,
};

const UNRELATED = `source:
  id: unrelated-note
  title: A note on something else
  kind: blog
  published: 2026-01-05
claims:
  - id: tides
    text: "The tides follow the moon"
    subject: tides
    aspect: mechanism
    property: cause
    value: { category: lunar }
`;

/**
 * The file with a copy of one of its claims (an efficacy claim if it has
 * one) inserted before the first claim, under a new id.
 */
function withCopiedClaim(text: string): string {
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (/^ {2}- id:/.test(l) ? [i] : []));
  expect(starts.length).toBeGreaterThan(0);
  const blocks = starts.map((s, k) => lines.slice(s, k + 1 < starts.length ? starts[k + 1] : lines.length));
  const chosen = blocks.find((b) => b.some((l) => /^ {4}aspect: efficacy\b/.test(l))) ?? blocks[0]!;
  // Up to the last non-blank line that belongs to the claim (not a trailing comment or top-level key).
  let end = chosen.length;
  while (end > 1 && !/^ {4}\S/.test(chosen[end - 1]!)) end--;
  const copy = chosen.slice(0, end).map((l, i) => (i === 0 ? l.replace(/- id:\s*(\S+)/, '- id: $1-copy') : l));
  return [...lines.slice(0, starts[0]), ...copy, ...lines.slice(starts[0])].join('\n');
}

function fingerprints(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) out.set(f.fingerprint, [...(out.get(f.fingerprint) ?? []), f]);
  return out;
}

/** Every finding of `before` has its fingerprint in `after`, as often (a multiset). */
function expectKept(before: readonly Finding[], after: readonly Finding[]): void {
  const now = fingerprints(after);
  const lost = before.filter((f) => {
    const same = now.get(f.fingerprint);
    if (!same?.length) return true;
    same.pop();
    return false;
  });
  expect(lost.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
}

describe('fingerprints over the bundled register', async () => {
  const before = (await lintTexts(CLAIM_FILES, OPTIONS)).findings;
  const rules = [...new Set(before.map((f) => f.rule))].sort();

  it('many rules fire in the bundled register', () => {
    expect(rules.length).toBeGreaterThanOrEqual(15);
    expect(rules).toContain('source/retracted');
    expect(rules).toContain('conflict/value');
  });

  it('a new claim in a new file on another subject changes no fingerprint', async () => {
    const after = (await lintTexts([...CLAIM_FILES, { path: 'claims/unrelated-note.yaml', text: UNRELATED }], OPTIONS)).findings;
    expectKept(before, after);
  });

  it.each(CLAIM_FILES.map((f) => f.path))('a new claim at the top of %s changes no fingerprint of any rule', async (path) => {
    const files = CLAIM_FILES.map((f) => (f.path === path ? { path, text: withCopiedClaim(f.text) } : f));
    const after = (await lintTexts(files, OPTIONS)).findings;
    // The edit moved lines and changed counts in messages: the comparison is not trivially equal.
    expect(after.map((f) => `${f.file}:${f.line} ${f.message}`)).not.toEqual(before.map((f) => `${f.file}:${f.line} ${f.message}`));
    expectKept(before, after);
  });
});

describe('fingerprints of source-level findings', () => {
  const source = `source:
  id: clinic
  title: A clinic page
  kind: marketing
claims:
`;
  const benefit = (id: string) => `  - id: ${id}
    text: "Ketamine helps with ${id}"
    subject: ketamine
    aspect: efficacy
    property: ${id}
    value: { effect: benefit }
`;

  it('balance/harms-missing keeps its fingerprint when a benefit claim joins the source, though its message counts it', async () => {
    const opts: LintOptions = { cwd: ROOT, only: ['balance/harms-missing'] };
    const one = (await lintTexts([{ path: 'claims/clinic.yaml', text: source + benefit('depression') }], opts)).findings;
    const two = (await lintTexts([{ path: 'claims/clinic.yaml', text: source + benefit('depression') + benefit('pain') }], opts)).findings;
    expect(one).toHaveLength(1);
    expect(two).toHaveLength(1);
    expect(one[0]!.message).toContain('(1 claim,');
    expect(two[0]!.message).toContain('(2 claims,');
    expect(two[0]!.fingerprint).toBe(one[0]!.fingerprint);
  });

  it('a conflict has one fingerprint whichever of its two claims it sits on', async () => {
    const { fingerprint } = await import('../../src/engine/report/fingerprint.js');
    const at = (file: string, claim: string) => ({ file, claim, line: 1, column: 1, endLine: 1, endColumn: 2 });
    const base = { rule: 'conflict/value', severity: 'error' as const, message: 'm', text: null };
    const onB = { ...base, ...at('claims/b.yaml', 'b/x'), related: [{ kind: 'claim' as const, text: '', ...at('claims/a.yaml', 'a/x') }] };
    const onA = { ...base, ...at('claims/a.yaml', 'a/x'), message: 'other words', related: [{ kind: 'claim' as const, text: '', ...at('claims/b.yaml', 'b/x') }] };
    expect(fingerprint(onA)).toBe(fingerprint(onB));
    expect(fingerprint({ ...onB, rule: 'conflict/direction' })).not.toBe(fingerprint(onB));
  });
});

// Baselines written by earlier versions hold fingerprints: the hash and its input are fixed, whichever of Node's
// hashing functions computes it (the one-shot `crypto.hash` where Node has it, `createHash` before 20.12).
describe('the fingerprint itself', () => {
  it('is the first 32 hex digits of the SHA-256 of rule, sorted locations and key', () => {
    const finding = {
      rule: 'conflict/value',
      file: 'claims/b.yaml',
      claim: 'b/x',
      related: [{ file: 'claims/a.yaml', claim: 'a/y' }],
    } as unknown as Omit<Finding, 'fingerprint'>;
    const want = createHash('sha256').update(['conflict/value', 'claims/a.yaml#a/y|claims/b.yaml#b/x', 'k'].join('\u0000')).digest('hex').slice(0, 32);
    expect(fingerprint(finding, { key: 'k' })).toBe(want);
    expect(want).toBe('d48b2f978fd0325847857bc9009b0e0b');
  });
});

/**
 * A seeded mutation fuzzer over the bundled register. Each mutation takes
 * one claim file, changes it (byte flips, line deletions and duplications,
 * truncation, type swaps, YAML snippets, raw byte damage) and lints the
 * register with it, in process. What must hold for every mutation:
 *
 * - no exception escapes the engine (a bad file is a finding, never a crash);
 * - the run ends as exit 0 or 1 would (no configuration error);
 * - every finding's range, and every related location's, lies inside its file;
 * - the fast loader (js-yaml, used for files outside a pre-commit run's scope)
 *   does not throw and stays within the alias bound either.
 *
 * Used by test/fuzz.test.ts (a few thousand mutations) and by
 * `npm run fuzz -- --minutes N` (scripts/fuzz.ts) for longer runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aliasExpansion, MAX_ALIAS_EXPANSION } from '../../src/engine/load/aliases.js';
import { lineLengths, type Range } from '../../src/engine/load/location.js';
import { parseClaimFile, type RegisterFile } from '../../src/engine/load/loader.js';
import { decodeRegisterBytes } from '../../src/engine/load/read.js';
import type { DocumentStore } from '../../src/engine/document/store.js';
import { lintFiles, loadRegisterDocuments, resolveSetup, type Resolved } from '../../src/engine/run/linter.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** mulberry32: a small seeded PRNG, so a failing mutation can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = [':', '-', ' ', '\n', '\t', '\r', '"', "'", '[', ']', '{', '}', '&', '*', '!', '|', '>', '#', '%', '@', '`', ',', '?', '<', '\\', '\u0000', '\u001b', '\u0085', '\u2028', '\ufeff', 'é', '😀', 'x', '0', '9'];
const VALUES = ['[]', '{}', 'null', '~', '123', '-1e999', '1e400', '0x1F', '"x"', "''", 'true', 'no', '*a', '&a x', '2026-02-30', '2025-13-01', '12:30', '.inf', '.nan', '!!binary aGk=', '!custom x', '|', '>-', '[1, [2, [3]]]', '{a: {b: {c: 1}}}'];
const SNIPPETS = [
  '<<: *base',
  'base: &base { id: x, title: T }',
  '? [1, 2]\n: x',
  '? { a: 1 }\n: y',
  'loop: &l [*l]',
  'bomb: &b0 [x, x, x, x, x, x, x, x, x]\nb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]\nb2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]\nb3: &b3 [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2]\nb4: &b4 [*b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3]\nb5: &b5 [*b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4]',
  'x: *undefined',
  '---',
  '...',
  '%YAML 1.2\n---',
  'text: |\n  block\n   more',
  'text: "unterminated',
  '- - -',
  '__proto__: { polluted: true }',
  'constructor: x',
  'published: 2026-02-30',
  'id: кетамин',
  'value: { year: 99999999999999999999 }',
  '\t- tab: indented',
  '"key with \\u0000": v',
];

export interface Mutation {
  file: string;
  text: string;
  /** Set when the mutation damaged raw bytes: the text as the reader decoded it, or why it could not. */
  via: 'text' | 'bytes';
  op: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** One mutation of one of the register's files. */
export function mutate(r: () => number, files: ReadonlyArray<{ path: string; text: string }>): Mutation {
  // Every file, the smaller ones more often (a mutation of a small file costs less to lint).
  const weights = files.map((f) => 1 / Math.sqrt(f.text.length + 1));
  let w = r() * weights.reduce((a, b) => a + b, 0);
  const base = files.find((_, i) => (w -= weights[i]!) <= 0) ?? files[files.length - 1]!;
  let text = base.text;
  const ops: string[] = [];
  const rounds = 1 + Math.floor(r() * 3);
  for (let k = 0; k < rounds; k++) {
    const lines = text.split('\n');
    const at = Math.floor(r() * lines.length);
    const op = pick(r, ['flip', 'flip', 'delete-line', 'duplicate-line', 'truncate', 'swap-value', 'snippet', 'indent', 'swap-lines']);
    ops.push(op);
    switch (op) {
      case 'flip': {
        const i = Math.floor(r() * text.length);
        text = text.slice(0, i) + pick(r, CHARS) + text.slice(i + (r() < 0.5 ? 1 : 0));
        break;
      }
      case 'delete-line':
        lines.splice(at, 1 + Math.floor(r() * 3));
        text = lines.join('\n');
        break;
      case 'duplicate-line':
        lines.splice(at, 0, ...lines.slice(at, at + 1 + Math.floor(r() * 4)));
        text = lines.join('\n');
        break;
      case 'truncate':
        text = text.slice(0, Math.floor(r() * text.length));
        break;
      case 'swap-value': {
        const line = lines[at] ?? '';
        const colon = line.indexOf(': ');
        lines[at] = colon >= 0 ? `${line.slice(0, colon + 2)}${pick(r, VALUES)}` : `${line} ${pick(r, VALUES)}`;
        text = lines.join('\n');
        break;
      }
      case 'snippet': {
        const indent = /^\s*/.exec(lines[at] ?? '')![0];
        lines.splice(at, 0, ...pick(r, SNIPPETS).split('\n').map((l) => indent + l));
        text = lines.join('\n');
        break;
      }
      case 'indent':
        lines[at] = (r() < 0.5 ? ' ' : '') + (lines[at] ?? '').slice(r() < 0.5 ? 1 : 0);
        text = lines.join('\n');
        break;
      case 'swap-lines': {
        const b = Math.floor(r() * lines.length);
        [lines[at], lines[b]] = [lines[b] ?? '', lines[at] ?? ''];
        text = lines.join('\n');
        break;
      }
    }
  }
  if (r() < 0.1) {
    // Raw bytes: a byte that is not UTF-8, a UTF-16 byte-order mark, a lone CR.
    const bytes = Buffer.from(text, 'utf8');
    const i = Math.floor(r() * bytes.length);
    const damage = pick(r, [[0xe9], [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0x0d]]);
    const out = Buffer.concat([r() < 0.05 ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), bytes.subarray(0, i), Buffer.from(damage), bytes.subarray(i)]);
    const decoded = decodeRegisterBytes(out);
    return { file: base.path, text: 'text' in decoded ? decoded.text : '', via: 'bytes', op: [...ops, 'bytes'].join('+') };
  }
  return { file: base.path, text, via: 'text', op: ops.join('+') };
}

export interface FuzzStats {
  mutations: number;
  /** Mutations whose file the loader rejected (syntax, encoding, alias bound). */
  rejected: number;
  /** Mutations that loaded with schema problems. */
  schema: number;
  /** Mutations linted in full (all of those the loader accepted, one in four of the others). */
  linted: number;
  /** Mutations also loaded with the fast loader (one in three). */
  fastLoaded: number;
  /** Runs that would exit 1 / 0. */
  exit1: number;
  exit0: number;
  findings: number;
  /** Findings checked for their range (findings and related locations). */
  ranges: number;
  failures: Array<{ seed: number; index: number; op: string; file: string; problem: string }>;
}

export interface FuzzContext {
  setup: Resolved;
  files: Array<{ path: string; text: string }>;
  documents: DocumentStore;
}

/** The bundled register, its setup resolved once. */
export async function fuzzContext(): Promise<FuzzContext> {
  const dir = join(ROOT, 'claims');
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
  const setup = await resolveSetup({ cwd: ROOT, now: new Date('2026-06-01T00:00:00Z') });
  // The source documents the claims quote, read once: findings located in them are checked like the others.
  const documents = await loadRegisterDocuments(setup, files.map((f) => parseClaimFile(f.path, f.text)));
  return { setup, files, documents };
}

function inside(r: Range, lengths: readonly number[]): string | undefined {
  const last = Math.max(1, lengths.length);
  const ok = (line: number, col: number) => Number.isInteger(line) && Number.isInteger(col) && line >= 1 && line <= last && col >= 1 && col <= (lengths[line - 1] ?? 0) + 1;
  if (!ok(r.line, r.column)) return `start ${r.line}:${r.column} outside the file`;
  if (!ok(r.endLine, r.endColumn)) return `end ${r.endLine}:${r.endColumn} outside the file`;
  if (r.endLine < r.line || (r.endLine === r.line && r.endColumn < r.column)) return `end ${r.endLine}:${r.endColumn} before start ${r.line}:${r.column}`;
  return undefined;
}

/** Run `count` mutations from `seed` (or until `until`, a time in ms), collecting counts and failures. */
export function fuzz(ctx: FuzzContext, seed: number, count: number, until = Infinity): FuzzStats {
  const r = prng(seed);
  const stats: FuzzStats = { mutations: 0, rejected: 0, schema: 0, linted: 0, fastLoaded: 0, exit1: 0, exit0: 0, findings: 0, ranges: 0, failures: [] };
  // The untouched files are parsed once and reused: only the mutated file is parsed again. Findings are
  // reported for the mutated file (and the claims related to them), as in a pre-commit run on that file.
  const parsed = new Map(ctx.files.map((f) => [f.path, parseClaimFile(f.path, f.text)]));
  for (let i = 0; i < count && Date.now() < until; i++) {
    const m = mutate(r, ctx.files);
    stats.mutations++;
    const fail = (problem: string) => stats.failures.push({ seed, index: i, op: m.op, file: m.file, problem });
    try {
      if (i % 3 === 0) {
        stats.fastLoaded++;
        const fast = parseClaimFile(m.file, m.text, { fast: true });
        if (fast.data !== undefined && aliasExpansion(fast.data) > MAX_ALIAS_EXPANSION) fail('fast loader kept data past the alias bound');
      }
      const mutated = parseClaimFile(m.file, m.text);
      const lengths = lineLengths(m.text);
      for (const p of [...mutated.syntaxErrors, ...mutated.schemaProblems]) {
        stats.ranges++;
        const problem = inside(p.range, lengths);
        if (problem) fail(`loader problem at ${p.range.line}:${p.range.column}-${p.range.endLine}:${p.range.endColumn}: ${problem}`);
      }
      if (mutated.syntaxErrors.length) stats.rejected++;
      else if (mutated.schemaProblems.length) stats.schema++;
      // A rejected file adds nothing to the register: its run is the same each time, so one in four is linted.
      if (mutated.syntaxErrors.length && i % 4 !== 0) continue;
      stats.linted++;
      const files: RegisterFile[] = [...parsed.values()].map((f) => (f.path === m.file ? mutated : f));
      const result = lintFiles(ctx.setup, files, ROOT, new Set([m.file]), ctx.documents);
      stats.findings += result.findings.length;
      if (result.summary.errors > 0) stats.exit1++;
      else stats.exit0++;
      const lengthsOf = new Map(files.map((f) => [f.path, lineLengths(f.text)]));
      for (const loc of result.findings.flatMap((f) => [f, ...f.related])) {
        const abs = resolve(ROOT, loc.file);
        const doc = lengthsOf.has(abs) ? undefined : ctx.documents.get(abs);
        if (doc) lengthsOf.set(abs, lineLengths(doc.text));
      }
      for (const f of result.findings) {
        for (const loc of [f, ...f.related]) {
          stats.ranges++;
          const lengths = lengthsOf.get(resolve(ROOT, loc.file));
          if (!lengths) {
            fail(`${f.rule}: location in an unknown file ${loc.file}`);
            continue;
          }
          const problem = inside(loc, lengths);
          if (problem) fail(`${f.rule} at ${loc.file}:${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}: ${problem}`);
        }
      }
    } catch (e) {
      fail(`exception: ${(e as Error).stack ?? String(e)}`);
    }
  }
  return stats;
}

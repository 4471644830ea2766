/**
 * The line scanner (block-positions.ts) against the `yaml` parser: on every
 * text it accepts, every node's range and every key's range is the one yaml
 * gives, yaml accepts the text, and js-yaml (with FAST_SCHEMA) reads the data
 * yaml reads. Texts: every YAML file of the repository, a generated
 * register, and fuzzed mutations of them (also with CRLF line endings).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { scanPositions } from '../../src/engine/load/block-positions.js';
import { FAST_SCHEMA, parseClaimFile } from '../../src/engine/load/loader.js';
import { mutate, prng, ROOT } from '../fuzz/fuzzer.js';
import { generateRegister } from '../../scripts/generate-register.js';
import { compare, type Verdict } from './position-oracle.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const repoFiles = fg
  .sync(['claims/**/*.yaml', 'test/**/*.yaml', 'docs/**/*.yaml', 'rules/**/*.yaml', '*.yaml'], { cwd: ROOT, absolute: true, ignore: ['**/node_modules/**'] })
  .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));

function generated(): Array<{ path: string; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-scan-'));
  try {
    generateRegister(dir, { claims: 1000, files: 10, seed: 3 });
    return fg.sync('claims/*.yaml', { cwd: dir, absolute: true }).map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const differs = (v: Verdict) => (v.kind === 'differs' ? v.detail : undefined);

describe('the position scanner', () => {
  it('locates every node of the bundled register and of a generated register as yaml does', () => {
    const files = [...repoFiles.filter((f) => f.path.startsWith(join(ROOT, 'claims'))), ...generated()];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(compare(f.text), f.path).toEqual({ kind: 'same' });
  });

  it('never differs from yaml on the repository’s YAML files', () => {
    const verdicts = repoFiles.map((f) => [f.path, compare(f.text)] as const);
    expect(verdicts.filter(([, v]) => v.kind === 'differs').map(([p, v]) => `${p}: ${differs(v)}`)).toEqual([]);
    expect(verdicts.filter(([, v]) => v.kind === 'same').length).toBeGreaterThan(50);
  });

  it('never differs from yaml on 3,000 fuzzed mutations (LF and CRLF)', () => {
    const files = [...repoFiles, ...generated().slice(0, 3)];
    const r = prng(20261202);
    const counts: Record<string, number> = {};
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const m = mutate(r, files);
      const text = r() < 0.3 ? m.text.replace(/\n/g, '\r\n') : m.text;
      const v = compare(text);
      counts[v.kind] = (counts[v.kind] ?? 0) + 1;
      if (v.kind === 'differs' && bad.length < 5) bad.push(`${m.op} on ${m.file}: ${v.detail}`);
    }
    expect(bad).toEqual([]);
    // The run exercised the scanner: many mutated files are still in its subset.
    expect(counts['same']).toBeGreaterThan(300);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an alias', 'a: 1\nb: *a\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a tab', 'a:\n\t- 1\n'],
    ['keep chomping', 'a: |+\n  x\n\nb: 1\n'],
    ['an explicit indentation indicator', 'a: |2\n   x\n'],
    ['a quoted key', '"a": 1\n'],
    ['a comment after an empty value', 'a:   # nothing\nb: 1\n'],
    ['a comment line after an empty value', 'a:\n# nothing\nb: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a merge key', 'base: &b {x: 1}\nc:\n  <<: *b\n'],
    ['a byte-order mark', '\ufeffa: 1\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
  ])('declines %s (the file is then parsed with yaml)', (_, text) => {
    let data: unknown;
    try {
      data = jsYaml.load(text, { schema: FAST_SCHEMA });
    } catch {
      data = undefined;
    }
    expect(scanPositions(text, data)).toBeUndefined();
  });

  it('declines a text whose tree does not have the shape of the data', () => {
    expect(scanPositions('a: 1\nb: 2\n', { a: 1 })).toBeUndefined();
    expect(scanPositions('a: [1, 2]\n', { a: [1] })).toBeUndefined();
    expect(scanPositions('a: 1\nb: 2\n', { a: 1, b: 2 })).toBeDefined();
  });

  it('gives positions of a claim file without parsing it with yaml', () => {
    const text = 'source:\n  id: s\n  title: "A title,\n    folded"\n  authors: [A, B]\nclaims: []\n';
    const file = parseClaimFile('/x/s.yaml', text);
    expect(file.scanned).toBe(true);
    expect(file.sourceRange(['title'])).toEqual({ line: 3, column: 10, endLine: 4, endColumn: 12 });
    expect(file.sourceRange(['authors', 1])).toEqual({ line: 5, column: 16, endLine: 5, endColumn: 17 });
    expect(file.sourceRange(['title'], { key: true })).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 8 });
    expect(file.scanned).toBe(true);
  });
});

describe('FAST_SCHEMA reads plain scalars as yaml’s core schema does', () => {
  it.each([
    ['1_000', '1_000'],
    ['0b101', '0b101'],
    ['0o17', 15],
    ['0x1F', 31],
    ['1e400', Infinity],
    ['-.inf', -Infinity],
    ['12', 12],
    ['1.50', 1.5],
    ['2024-01-01', '2024-01-01'],
    ['~', null],
    ['True', true],
    ['yes', 'yes'],
  ])('%s', (src, want) => {
    expect((jsYaml.load(`v: ${src}`, { schema: FAST_SCHEMA }) as { v: unknown }).v).toEqual(want);
  });
});

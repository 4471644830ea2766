/**
 * Streamed output: the chunks make the same text as building it whole, and
 * grouping by file is one pass (a register with thousands of findings in
 * one file is formatted without copying that file's list per finding).
 */
import { describe, expect, it } from 'vitest';
import { jsonChunks, MappedArray, MappedRecord } from '../../src/formatters/json-stream.js';
import json, { findingJson } from '../../src/formatters/json.js';
import junit from '../../src/formatters/junit.js';
import stylish from '../../src/formatters/stylish.js';
import compact from '../../src/formatters/compact.js';
import { batched, bytesOf, outputText } from '../../src/formatters/sink.js';
import { byFile } from '../../src/formatters/order.js';
import { finding, mixedResult, result } from '../helpers/results.js';

const CTX = { color: false, tool: { name: 'claimlint', version: '1.2.3' } };

describe('streamed output', () => {
  it('jsonChunks writes what JSON.stringify(value, null, 2) writes, and with compact what JSON.stringify(value) writes', () => {
    const values: unknown[] = [
      null,
      0,
      'a"b\n',
      [],
      {},
      [1, [2, [3, [4, [5]]]], { a: [] }, undefined, null],
      { a: undefined, b: () => 1, c: [{}, { d: 'x\u2028' }], e: { f: { g: { h: { i: [1, 2] } } } } },
      { findings: Array.from({ length: 50 }, (_, i) => ({ i, related: i % 2 ? [] : [{ x: i }] })) },
    ];
    for (const v of values) for (const depth of [0, 1, 2, 5]) expect([...jsonChunks(v, depth)].join('')).toBe(JSON.stringify(v, null, 2) ?? 'null');
    for (const v of values) for (const depth of [0, 1, 2, 5]) expect([...jsonChunks(v, depth, { compact: true })].join('')).toBe(JSON.stringify(v) ?? 'null');
    // A MappedArray is written as its items mapped, at any depth, without a mapped copy made beforehand.
    const seen: number[] = [];
    const mapped = { a: new MappedArray([1, 2, 3], (x: number) => (seen.push(x), { x, y: [x, undefined] })), b: [] };
    const plain = { a: [1, 2, 3].map((x) => ({ x, y: [x, undefined] })), b: [] };
    for (const depth of [0, 1, 2, 5]) {
      expect([...jsonChunks(mapped, depth)].join('')).toBe(JSON.stringify(plain, null, 2));
      expect([...jsonChunks(mapped, depth, { compact: true })].join('')).toBe(JSON.stringify(plain));
    }
    expect(seen.length).toBe(3 * 8);
    const record = { r: new MappedRecord(['b', 'a'], (k) => ({ k, n: [k.length] })), z: 1 };
    const asObject = { r: { b: { k: 'b', n: [1] }, a: { k: 'a', n: [1] } }, z: 1 };
    for (const depth of [0, 1, 2, 5]) {
      expect([...jsonChunks(record, depth)].join('')).toBe(JSON.stringify(asObject, null, 2));
      expect([...jsonChunks(record, depth, { compact: true })].join('')).toBe(JSON.stringify(asObject));
    }
  });

  it('the json format is the documented object, written in pieces', () => {
    const r = mixedResult();
    const expected = (x: typeof r) =>
      `${JSON.stringify({ tool: CTX.tool, summary: x.summary, findings: x.findings.map(findingJson), notes: x.notes, fixed: x.fixed, citations: x.citations ?? [], disagreements: x.disagreements ?? [] }, null, 2)}\n`;
    expect([...json(r, CTX)].join('')).toBe(expected(r));
    // Many findings: never one string, every piece bounded.
    const many = result(Array.from({ length: 5_000 }, (_, i) => finding({ line: i + 1, endLine: i + 1 })));
    const chunks = [...json(many, CTX)];
    expect(chunks.join('')).toBe(expected(many));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
  });

  it('formats 20,000 findings in one file, grouped in one pass', () => {
    const many = result(Array.from({ length: 20_000 }, (_, i) => finding({ line: i + 1, endLine: i + 1, file: 'claims/one.yaml' })));
    expect(byFile(many.findings).get('claims/one.yaml')).toHaveLength(20_000);
    const text = outputText(stylish(many, CTX));
    expect(text.split('\n').filter((l) => l.includes('claims/one.yaml'))).toHaveLength(1);
    expect(outputText(junit(many, CTX)).match(/<testsuite /g)).toHaveLength(1);
    expect(outputText(compact(many, CTX)).split('\n')).toHaveLength(20_001);
  });

  it('batches small chunks into larger writes without changing the text', () => {
    const parts = Array.from({ length: 1000 }, (_, i) => `chunk ${i}\n`);
    const out = [...batched(parts, 1000)];
    expect(out.join('')).toBe(parts.join(''));
    expect(out.length).toBeLessThan(20);
  });

  it('encodes chunks into buffers of bytes: the same UTF-8 as the joined text, every buffer bounded', () => {
    const parts = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `caf\u00e9 \u201c${i}\u201d \ud83d\ude00\n` : `chunk ${i}\n`));
    // A chunk larger than a buffer goes out on its own; an empty chunk adds nothing.
    parts.splice(1500, 0, 'x'.repeat(5000), '', '\u00e9'.repeat(2000));
    // All buffers are kept before they are compared: a buffer reused for the next bytes would spoil the text.
    const out = [...bytesOf(parts, 1024)];
    expect(Buffer.concat(out).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
    expect(out.length).toBeGreaterThan(40);
    for (const b of out) if (b.length <= 1024) expect(b.length).toBeGreaterThan(0);
    expect(out.filter((b) => b.length > 1024).map((b) => b.length)).toEqual([5000, 4000]);
    expect([...bytesOf([])]).toEqual([]);
  });
});

/**
 * The seeded mutation fuzzer over the bundled register (test/fuzz/fuzzer.ts),
 * a few thousand mutations in process: no exception, exit 0 or 1 semantics,
 * every range inside its file, the fast loader within the alias bound.
 * Longer runs for release checks: `npm run fuzz -- --minutes N`.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, fuzzContext, mutate, prng } from './fuzz/fuzzer.js';

describe('mutation fuzzer', () => {
  it('is deterministic for a seed (a failure can be replayed)', async () => {
    const { files } = await fuzzContext();
    const a = prng(42);
    const b = prng(42);
    for (let i = 0; i < 50; i++) expect(mutate(a, files)).toEqual(mutate(b, files));
  });

  it('2,000 mutations: no exception, exit 0 or 1, every range inside its file', async () => {
    const ctx = await fuzzContext();
    const stats = fuzz(ctx, 20261202, 2000);
    expect(stats.failures.slice(0, 5)).toEqual([]);
    expect(stats.mutations).toBe(2000);
    // The mutations reach every path: rejected files, schema problems, runs with and without errors.
    expect(stats.rejected).toBeGreaterThan(100);
    expect(stats.schema).toBeGreaterThan(100);
    expect(stats.exit0).toBeGreaterThan(0);
    expect(stats.exit1).toBeGreaterThan(0);
    expect(stats.ranges).toBeGreaterThan(1000);
  }, 900_000);
});

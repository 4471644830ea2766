/**
 * The mutation fuzzer for release checks: `npm run fuzz -- --minutes N [--seed S]`.
 * Runs test/fuzz/fuzzer.ts in chunks of 500 mutations (seeds S, S+1, ...)
 * until the time is up, printing the counts as it goes; exits 1 if any
 * mutation broke an invariant (each failure is printed with its seed and
 * index, so it can be replayed).
 */
import { parseArgs } from 'node:util';
import { fuzz, fuzzContext, type FuzzStats } from '../test/fuzz/fuzzer.js';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } } });
const minutes = Number(values.minutes);
const firstSeed = Number(values.seed);
if (!(minutes > 0) || !Number.isInteger(firstSeed)) {
  console.error('usage: npm run fuzz -- --minutes N [--seed S]');
  process.exit(2);
}
const until = Date.now() + minutes * 60_000;
const ctx = await fuzzContext();
const total: FuzzStats = { mutations: 0, rejected: 0, schema: 0, linted: 0, fastLoaded: 0, exit1: 0, exit0: 0, findings: 0, ranges: 0, failures: [] };
const started = Date.now();
let seed = firstSeed;
while (Date.now() < until) {
  const s = fuzz(ctx, seed++, 500, until);
  for (const k of Object.keys(total) as Array<keyof FuzzStats>) {
    if (k === 'failures') total.failures.push(...s.failures);
    else total[k] += s[k];
  }
  for (const f of s.failures) console.log(`FAIL seed=${f.seed} index=${f.index} op=${f.op} file=${f.file}: ${f.problem}`);
  const { failures, ...counts } = total;
  console.log(`${new Date().toISOString()} seeds ${firstSeed}..${seed - 1} ${JSON.stringify({ ...counts, failures: failures.length })} ${((Date.now() - started) / 1000).toFixed(0)}s`);
}
process.exit(total.failures.length ? 1 : 0);

/**
 * `--concurrency`: files parsed and schema-checked in worker threads give
 * the same report, byte for byte, as files parsed in the main thread.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../scripts/generate-register.js';
import { workerCount, MIN_PARALLEL_BYTES, MIN_PARALLEL_CPUS } from '../src/engine/load/pool.js';
import { claimlint } from './helpers/cli.js';

describe('--concurrency', () => {
  it('reports the same as one thread, for a register with a broken and a schema-failing file', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-workers-'));
    try {
      generateRegister(dir, { claims: 2000, files: 60, seed: 4 });
      writeFileSync(join(dir, 'claims/broken.yaml'), 'source:\n  id: broken\n  title: [unclosed\n');
      writeFileSync(join(dir, 'claims/bad-schema.yaml'), 'source:\n  id: bad\n  title: B\n  kind: blog\nclaims:\n  - id: x\n    text: 1\n    bogus: true\n');
      // Read as the loader reads (read.ts): text that is not UTF-8 is a located finding, in workers too.
      writeFileSync(join(dir, 'claims/latin1.yaml'), Buffer.from('source:\n  id: latin1\n  title: "Caf\xe9"\n', 'latin1'));
      // And the same alias bound: a billion-laughs file is reported, not expanded, whichever thread parses it.
      const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 7; i++) levels.push(`${'abcdefg'[i]}: &${'abcdefg'[i]} [${Array(10).fill(`*${'abcdefg'[i - 1]}`).join(', ')}]`);
      writeFileSync(join(dir, 'claims/laughs.yaml'), `${levels.join('\n')}\n`);
      // (Reports written to files: more than the megabyte spawnSync buffers.)
      const run = (name: string, ...args: string[]) => {
        const r = claimlint(['--format', 'json', '-o', name, ...args], { cwd: dir });
        return { code: r.code, out: readFileSync(join(dir, name), 'utf8') };
      };
      const one = run('one.json');
      const two = run('two.json', '--concurrency', '2');
      expect(one.code).toBe(1);
      expect(two.code).toBe(1);
      const findings = JSON.parse(one.out).findings as Array<{ rule: string; file: string }>;
      expect(findings.length).toBeGreaterThan(1000);
      expect(findings.some((f) => f.file === 'claims/latin1.yaml')).toBe(true);
      expect(findings.some((f) => f.file === 'claims/laughs.yaml')).toBe(true);
      expect(two.out).toBe(one.out);
      expect(run('auto.json', '--concurrency', 'auto').out).toBe(one.out);
      const bad = claimlint(['--concurrency', 'many'], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--concurrency expects');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('auto starts workers only for a register large enough to pay for them, on a machine with enough CPUs', () => {
    expect(workerCount('auto', MIN_PARALLEL_BYTES - 1)).toBe(0);
    expect(workerCount('auto', MIN_PARALLEL_BYTES, MIN_PARALLEL_CPUS)).toBe(MIN_PARALLEL_CPUS - 1);
    expect(workerCount('auto', MIN_PARALLEL_BYTES, 8)).toBe(7);
    expect(workerCount('auto', 1e9, MIN_PARALLEL_CPUS - 1)).toBe(0);
    expect(workerCount(undefined, 1e9)).toBe(0);
    expect(workerCount(1, 1e9)).toBe(0);
    expect(workerCount(3, 10)).toBe(3);
  });
});

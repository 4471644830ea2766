/**
 * The validators compiled ahead of time (src/engine/load/generated/, by
 * scripts/generate-validators.ts) are what the generator writes from the
 * schemas as they are now, and judge as a validator compiled at run time
 * does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, VALIDATORS, generatedValidator } from '../scripts/generate-validators.js';
import { compileSchema } from '../src/engine/load/ajv.js';
import { claimFileValidator } from '../src/engine/load/loader.js';

describe('generated validators', () => {
  it.each(VALIDATORS.map((v) => [v.file, v] as const))('%s is current (run npm run generate after changing its schema)', (_file, v) => {
    expect(readFileSync(join(GENERATED_DIR, v.file), 'utf8')).toBe(generatedValidator(v));
  });

  it('the claim file validator reports what a run-time compiled one reports', () => {
    const runtime = compileSchema(VALIDATORS[0]!.schema());
    const generated = claimFileValidator();
    const cases: unknown[] = [
      { source: { id: 'a', title: 'T', kind: 'rct', published: '2025-02-29' }, claims: [] },
      { source: { id: 'Bad Id', title: '', kind: 'nope' }, claims: [{ id: 'c', text: 1, extra: true }] },
      { claims: 'no' },
      null,
    ];
    for (const c of cases) {
      expect(generated(c)).toBe(runtime(c));
      expect(generated.errors ?? null).toEqual(runtime.errors ?? null);
    }
    expect(generated.errors?.length).toBeGreaterThan(0);
  });
});

/**
 * The quick locator must agree with the full YAML parse wherever it answers:
 * checked on every claim of the bundled register and of a generated one.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../src/engine/load/loader.js';
import { quickTextRange } from '../src/engine/load/quick-locate.js';
import { generateRegister } from '../scripts/generate-register.js';

function check(dir: string): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const file = parseClaimFile(join(dir, name), text);
    for (const c of file.claims) {
      total++;
      const quick = quickTextRange(text.split('\n'), c.claim.id, c.claim.text);
      if (!quick) continue;
      answered++;
      expect(quick, `${name} ${c.claim.id}`).toEqual({ ...c.range(['text']) });
    }
  }
  return { answered, total };
}

describe('quickTextRange', () => {
  it('agrees with the full parse on the bundled register', () => {
    const { answered, total } = check(join(import.meta.dirname, '..', 'claims'));
    expect(answered).toBe(total);
  });

  it('agrees with the full parse on a generated register', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-quick-'));
    generateRegister(dir, { claims: 2000, files: 20 });
    const { answered, total } = check(join(dir, 'claims'));
    expect(answered).toBe(total);
  });

  it('gives up rather than guess', () => {
    const twice = 'claims:\n  - id: a\n    text: "x"\n  - id: a\n    text: "y"\n';
    expect(quickTextRange(twice.split('\n'), 'a', 'x')).toBeUndefined();
    const flow = 'claims:\n  - { id: a, text: "x" }\n';
    expect(quickTextRange(flow.split('\n'), 'a', 'x')).toBeUndefined();
    expect(quickTextRange('claims:\n  - id: a\n    text: "x"\n'.split('\n'), 'a', 'not x')).toBeUndefined();
  });

  it('agrees on block scalars, comments and single quotes, or gives up', () => {
    const src = [
      'source: { id: s, title: t, kind: blog }',
      'claims:',
      '  - id: a',
      '    text: |',
      '      line one',
      '      line two',
      '    subject: k',
      '    aspect: other',
      '    property: p',
      '  - id: b',
      "    text: 'it''s'  # a comment",
      '    subject: k',
      '    aspect: other',
      '    property: p',
      '  - id: c',
      '    subject: k',
      '    aspect: other',
      '    property: p',
      '    text: "two',
      '      lines"',
      '',
    ].join('\n');
    const file = parseClaimFile('/x.yaml', src);
    let answered = 0;
    for (const c of file.claims) {
      const quick = quickTextRange(src.split('\n'), c.claim.id, c.claim.text);
      if (!quick) continue;
      answered++;
      expect(quick, c.claim.id).toEqual({ ...c.range(['text']) });
    }
    expect(file.claims).toHaveLength(3);
    expect(answered).toBeGreaterThanOrEqual(2);
  });
});

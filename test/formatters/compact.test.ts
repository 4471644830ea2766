import { describe, expect, it } from 'vitest';
import type { Formatter } from '../../src/formatters/types.js';
import compactFormatter, { PROBLEM_MATCHER_REGEXP } from '../../src/formatters/compact.js';
import { outputText } from '../../src/formatters/sink.js';

const compact: Formatter = (r, c) => outputText(compactFormatter(r, c));
import { claimlint } from '../helpers/cli.js';
import { CTX, HOSTILE, e2eProject, finding, mixedResult, result } from '../helpers/results.js';

const matcher = new RegExp(PROBLEM_MATCHER_REGEXP);

describe('compact', () => {
  it('prints file:line:col: severity message [rule], one line per finding, in the stable order', () => {
    const out = compact(mixedResult(), CTX);
    const lines = out.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([
      `claims/a.yaml:3:5: info Reference 1 is never cited <img src=x onerror=alert(1)> </script> %0A ::error::pwned \\x0d ::warning file=x::y | & done @octocat [x](1) \`code\` *em* [refs/unused]`,
      'claims/a.yaml:20:7: warning Claim early/bare has no evidence [evidence/none]',
      'claims/b.yaml:12:12: error Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin [conflict/value]',
      `claims/we|rd, na:me%0A.yaml:4:1: error ${HOSTILE.replace('\r\n', '\\x0d ')} [conflict/value]`,
    ]);
  });

  it('keeps every finding on one line: control characters shown as escapes', () => {
    const out = compact(result([finding({ message: 'a\r\nb\u001b[31mred\u202e', file: 'claims/x\ny.yaml' })]), CTX);
    expect(out).toBe('claims/x y.yaml:12:12: error a\\x0d b\\x1b[31mred\\u202e [conflict/value]\n');
  });

  it('prints nothing at all for a clean register', () => {
    expect(compact(result([]), CTX)).toBe('');
  });

  it("is read back by the problem matcher's pattern, even with hostile messages", () => {
    const r = result([
      ...mixedResult().findings,
      finding({ message: 'looks like claims/z.yaml:1:1: error fake [x/y] and more' }),
    ]);
    const lines = compact(r, CTX).trimEnd().split('\n');
    expect(lines).toHaveLength(r.findings.length);
    lines.forEach((line, i) => {
      const f = r.findings[i]!;
      const m = matcher.exec(line);
      expect(m, line).not.toBeNull();
      expect(m!.slice(1, 5)).toEqual([f.file.replace('\n', ' '), String(f.line), String(f.column), f.severity]);
      expect(m![6]).toBe(f.rule);
    });
    expect(matcher.exec(lines.at(-1)!)![5]).toBe('looks like claims/z.yaml:1:1: error fake [x/y] and more');
  });

  it('end to end: claimlint --format compact', () => {
    const r = claimlint(['--format', 'compact'], { cwd: e2eProject() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(matcher);
    expect(lines).toContain('claims/guide.yaml:11:12: error Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin [conflict/value]');
  });
});

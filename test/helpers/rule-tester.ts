/**
 * RuleTester, after ESLint's: every rule is tested through it with valid
 * cases (no finding of the rule) and invalid cases (exactly these findings,
 * with rule id, severity, line and column). Only the rule under test runs.
 * A case of several files is also run given each file alone, as a pre-commit
 * hook runs: it must find exactly the full run's findings in or about that file.
 */
import { describe, expect, it } from 'vitest';
import { lintTexts, type LintOptions } from '../../src/engine/run/linter.js';
import { LintSession } from '../../src/engine/run/session.js';
import type { Finding } from '../../src/engine/report/finding.js';
import type { VocabularyConfig } from '../../src/engine/register/vocabulary.js';
import type { Severity } from '../../src/model.js';

export interface ValidCase {
  name?: string;
  /** One claim file (as `claims/test.yaml`). */
  yaml?: string;
  /** Several claim files by path, for cross-file checks. */
  files?: Record<string, string>;
  /** Rule options, merged over the rule's own. */
  options?: Record<string, unknown>;
  vocabulary?: VocabularyConfig;
  /** "Today" for age checks, as an ISO date (default 2026-11-23, fixed so tests do not age). */
  now?: string;
  /** A Retraction Watch CSV, as given with --retractions. */
  retractions?: string;
  /** Source documents by path (relative to the repository root, e.g. `sources/a.md`), for rules that read them. */
  documents?: Record<string, string>;
  /** The configuration's `content:` globs (own content). */
  content?: string[];
  /** Other rules to enable alongside (their findings are not compared), e.g. for suppression tests. */
  alsoEnable?: string[];
}

export interface ExpectedFinding {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  file?: string;
  claim?: string | null;
  message?: string | RegExp;
  related?: readonly string[];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

/** Strip the common indentation of a template literal, so YAML can be written inline in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function filesOf(c: ValidCase): Array<{ path: string; text: string }> {
  if (c.files) return Object.entries(c.files).map(([path, text]) => ({ path, text }));
  if (c.yaml !== undefined) return [{ path: 'claims/test.yaml', text: c.yaml }];
  throw new Error('a test case needs yaml or files');
}

const ROOT = '/virtual';

/** The options a case is linted with (only `ruleId` enabled). */
function optionsOf(ruleId: string, c: ValidCase): LintOptions {
  return {
    cwd: ROOT,
    only: [ruleId, ...(c.alsoEnable ?? [])],
    now: new Date(c.now ?? '2026-11-23'),
    ...(c.retractions !== undefined ? { retractionsCsv: c.retractions } : {}),
    ...(c.documents ? { contents: new Map(Object.entries(c.documents).map(([p, t]) => [`${ROOT}/${p}`, t])) } : {}),
    config: {
      ...(c.content ? { content: c.content } : {}),
      ...(c.options ? { rules: { [ruleId]: { options: c.options } } } : {}),
      ...(c.vocabulary ? { vocabulary: c.vocabulary } : {}),
    },
  };
}

/** Lint a case with only `ruleId` enabled (`given`: as if that file alone were named on the command line). */
export async function runCase(ruleId: string, c: ValidCase, given?: string, files = filesOf(c)): Promise<Finding[]> {
  const result = await lintTexts(files, { ...optionsOf(ruleId, c), ...(given !== undefined ? { patterns: [given] } : {}) });
  return result.findings.filter((f) => f.rule === ruleId);
}

/**
 * The incremental engine (--watch, the language server, --cache) on an
 * invalid case: built up one file at a time, then a file deleted and put
 * back, then every file's claims moved down a line. After each step its
 * findings must be a full lint's of the files as they are: the groups a
 * change re-checks must be all the groups whose findings it can change.
 */
async function checkIncremental(ruleId: string, c: ValidCase, full: readonly Finding[]): Promise<void> {
  const files = filesOf(c);
  const opts = optionsOf(ruleId, c);
  const abs = (p: string) => `${ROOT}/${p}`;
  const shown = (s: LintSession) => s.findings().filter((f) => f.rule === ruleId).map((f) => JSON.stringify(f));
  const want = async (texts: Array<{ path: string; text: string }>) => (await runCase(ruleId, c, undefined, texts)).map((f) => JSON.stringify(f));
  const session = await LintSession.open({ ...opts, contents: new Map([...(opts.contents ?? []), [abs(files[0]!.path), files[0]!.text]]) });
  expect(shown(session), `only ${files[0]!.path}`).toEqual(await want(files.slice(0, 1)));
  for (let i = 1; i < files.length; i++) {
    await session.update(abs(files[i]!.path), files[i]!.text);
    expect(shown(session), `after adding ${files[i]!.path}`).toEqual(i === files.length - 1 ? full.map((f) => JSON.stringify(f)) : await want(files.slice(0, i + 1)));
  }
  await session.update(abs(files[0]!.path), null);
  expect(shown(session), `after deleting ${files[0]!.path}`).toEqual(await want(files.slice(1)));
  await session.update(abs(files[0]!.path), files[0]!.text);
  expect(shown(session), `after restoring ${files[0]!.path}`).toEqual(full.map((f) => JSON.stringify(f)));
  // A comment line above the claims moves every claim (and finding) down a line: the moved findings must be where a full lint puts them.
  const moved = files.map((f) => ({ path: f.path, text: f.text.replace(/^claims:/m, '# moved\nclaims:') }));
  for (const f of moved) await session.update(abs(f.path), f.text);
  expect(shown(session), 'after moving every claim down a line').toEqual(await want(moved));
}

function label(c: string | ValidCase, i: number): string {
  if (typeof c === 'string') return `valid #${i + 1}`;
  return c.name ?? `#${i + 1}`;
}

export class RuleTester {
  static run(ruleId: string, tests: RuleTests): void {
    if (tests.valid.length === 0 || tests.invalid.length === 0) {
      throw new Error(`${ruleId}: a rule needs at least one valid and one invalid case`);
    }
    describe(ruleId, () => {
      describe('valid', () => {
        tests.valid.forEach((c, i) => {
          it(label(c, i), async () => {
            const findings = await runCase(ruleId, typeof c === 'string' ? { yaml: c } : c);
            expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
          });
        });
      });
      describe('invalid', () => {
        tests.invalid.forEach((c, i) => {
          it(label(c, i), async () => {
            if (c.findings.length === 0) throw new Error('an invalid case must expect at least one finding');
            const findings = await runCase(ruleId, c);
            expect(findings.length, findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`).join('\n')).toBe(
              c.findings.length,
            );
            c.findings.forEach((want, j) => {
              const got = findings[j]!;
              const picked: Record<string, unknown> = { rule: got.rule, severity: got.severity, line: got.line, column: got.column };
              const expected: Record<string, unknown> = { rule: want.rule, severity: want.severity, line: want.line, column: want.column };
              for (const k of ['endLine', 'endColumn', 'file', 'claim'] as const) {
                if (want[k] !== undefined) {
                  picked[k] = got[k];
                  expected[k] = want[k];
                }
              }
              if (want.related) {
                picked['related'] = got.related.map((r) => r.claim);
                expected['related'] = [...want.related];
              }
              expect(picked, got.message).toEqual(expected);
              if (typeof want.message === 'string') expect(got.message).toBe(want.message);
              else if (want.message) expect(got.message).toMatch(want.message);
            });
            // A run given one file (a pre-commit hook) finds exactly the full run's findings in or about that file:
            // checks that skip work outside the scope must not skip a finding elsewhere that names a given file.
            if (filesOf(c).length > 1) {
              for (const { path } of filesOf(c)) {
                const want = findings.filter((f) => f.file === path || f.related.some((r) => r.file === path));
                const given = await runCase(ruleId, c, path);
                expect(given.map((f) => JSON.stringify(f)), `given ${path}`).toEqual(want.map((f) => JSON.stringify(f)));
              }
            }
            await checkIncremental(ruleId, c, findings);
          });
        });
      });
    });
  }
}

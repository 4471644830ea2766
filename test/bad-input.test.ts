/**
 * Bad input, table-driven (issue 9, point 8). Each folder of
 * test/fixtures/bad-input/ is one case: `files/` holds the project files
 * (the bad file, a configuration, rule files), `case.json` what to set up on
 * disk that git cannot hold (folders named like claim files, FIFOs, links),
 * the command-line arguments, and what must come out: the exit code, the
 * findings by rule, file, line and column, rules that must not appear, or,
 * for exit 2, the one line on stderr. Every case runs beside
 * `_good/claims/good.yaml`, whose known finding must still be reported
 * whenever the run lints (exit 0 or 1): one bad file never hides the rest.
 *
 * The cases run in process through the CLI's `run` (argument parsing to exit
 * code); a few are also run through the built binary at the end.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { lineLengths } from '../src/engine/load/location.js';
import { claimlint } from './helpers/cli.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/bad-input');

interface Expected {
  rule: string;
  file: string;
  line: number;
  column: number;
}

interface Case {
  description: string;
  args?: string[];
  setup?: Array<{ mkdir?: string; fifo?: string; symlink?: string; to?: string }>;
  exit: 0 | 1 | 2;
  findings?: Expected[];
  absent?: string[];
  stderr?: string;
  unchanged?: string[];
}

/** The known finding of the good file, reported in every run that lints. */
const GOOD_FINDING: Expected = { rule: 'evidence/none', file: 'claims/good.yaml', line: 10, column: 11 };

const names = readdirSync(FIXTURES).filter((n) => !n.startsWith('_')).sort();

function setUp(name: string, spec: Case): string {
  const dir = mkdtempSync(join(tmpdir(), `claimlint-bad-${name}-`));
  cpSync(join(FIXTURES, '_good'), dir, { recursive: true });
  if (existsSync(join(FIXTURES, name, 'files'))) cpSync(join(FIXTURES, name, 'files'), dir, { recursive: true });
  for (const s of spec.setup ?? []) {
    const at = (p: string) => {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      return join(dir, p);
    };
    if (s.mkdir) mkdirSync(at(s.mkdir), { recursive: true });
    if (s.fifo) execFileSync('mkfifo', [at(s.fifo)]);
    if (s.symlink) symlinkSync(s.to!, at(s.symlink));
  }
  return dir;
}

async function runCase(name: string, spec: Case) {
  const dir = setUp(name, spec);
  const before = new Map((spec.unchanged ?? []).map((f) => [f, readFileSync(join(dir, f))]));
  let stdout = '';
  let stderr = '';
  const code = await run(['-f', 'json', ...(spec.args ?? [])], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    env: {},
    cwd: dir,
  });
  return { dir, code, stdout, stderr, before };
}

describe('bad input: each case is a located finding (or one usage line), the rest still checked', () => {
  it('has at least 60 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(60);
  });

  for (const name of names) {
    const spec = JSON.parse(readFileSync(join(FIXTURES, name, 'case.json'), 'utf8')) as Case;
    it(`${name}: ${spec.description}`, async () => {
      const { dir, code, stdout, stderr, before } = await runCase(name, spec);
      expect({ code, stderr: code === 2 ? undefined : stderr }).toEqual({ code: spec.exit, stderr: code === 2 ? undefined : '' });
      for (const [f, bytes] of before) expect(readFileSync(join(dir, f)).equals(bytes)).toBe(true);
      // No temporary file left behind, whatever happened.
      expect(readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (spec.exit === 2) {
        expect(stdout).toBe('');
        expect(stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(stderr).toMatch(new RegExp(spec.stderr!));
        expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
        return;
      }
      const out = JSON.parse(stdout) as { findings: Array<Expected & { endLine: number; endColumn: number; message: string }> };
      const got = out.findings.map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column }));
      for (const e of [...(spec.findings ?? []), GOOD_FINDING]) expect(got).toContainEqual(e);
      for (const rule of spec.absent ?? []) expect(got.map((f) => f.rule)).not.toContain(rule);
      // Every finding's range lies inside its file.
      for (const f of out.findings) {
        // A file that cannot be read (a FIFO must not even be opened) has its finding at 1:1.
        const path = join(dir, f.file);
        const text = existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : '';
        const lengths = lineLengths(text);
        expect(f.line, `${f.rule} ${f.file}`).toBeGreaterThanOrEqual(1);
        expect(f.endLine).toBeLessThanOrEqual(Math.max(1, lengths.length));
        expect(f.column).toBeLessThanOrEqual((lengths[f.line - 1] ?? 0) + 1);
        expect(f.endColumn).toBeLessThanOrEqual((lengths[f.endLine - 1] ?? 0) + 1);
        expect(f.message).not.toMatch(/\n\s+at /);
      }
    });
  }
});

describe('bad input through the built binary', () => {
  for (const name of ['alias-bomb', 'fifo', 'latin1', 'output-over-claim-file']) {
    const spec = JSON.parse(readFileSync(join(FIXTURES, name, 'case.json'), 'utf8')) as Case;
    it(`${name}: exit ${spec.exit}`, () => {
      const dir = setUp(name, spec);
      const r = claimlint(['-f', 'json', ...(spec.args ?? [])], { cwd: dir });
      expect(r.code).toBe(spec.exit);
      if (spec.exit === 2) expect(r.stderr).toMatch(new RegExp(spec.stderr!));
      else expect(JSON.parse(r.stdout).findings.map((f: Expected) => f.rule)).toContain(spec.findings![0]!.rule);
    });
  }
});

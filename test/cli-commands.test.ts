/**
 * The commands of the binary: the registry in --help, per-command help,
 * mistyped commands, init, --print-config, --stdin, report's exit code,
 * --timing and --debug. Spawns the built binary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, claimlint, project } from './helpers/cli.js';
import { COMMANDS } from '../src/commands/index.js';

const source = (id: string, extra = '') =>
  `source:\n  id: ${id}\n  title: Source ${id}\n  kind: blog\n  url: https://example.org/${id}\n  authors: [A. Writer]\n  published: 2024-01-01\n${extra}claims:\n` +
  `  - id: old\n    text: "Ketamine was first made in the 1960s"\n    subject: ketamine\n    aspect: history\n    property: origin\n    value: { decade: 1960 }\n`;

describe('commands', () => {
  it('--help lists every command of the registry, and the --debug and --timing flags', () => {
    const r = claimlint(['--help'], { cwd: project({}) });
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(r.stdout).toMatch(/--debug/);
    expect(r.stdout).toMatch(/--timing/);
    expect(r.stdout).toMatch(/--print-config <file>/);
    expect(r.stdout).toMatch(/--stdin-filename <path>/);
  });

  it.each(['rules', 'report', 'init'])('claimlint %s --help shows that command\'s help', (name) => {
    const r = claimlint([name, '--help'], { cwd: project({}) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: claimlint ${name}\\b`));
    expect(r.stderr).toBe('');
  });

  it('a mistyped or unknown command is a usage error with a did-you-mean (exit 2)', () => {
    const cwd = project({ 'claims/a.yaml': source('a') });
    const r = claimlint(['inti'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claimlint: unknown command "inti" \(did you mean "init"\?\)/);
    expect(existsSync(join(cwd, 'claimlint.config.yaml'))).toBe(false);
    expect(claimlint(['rulez'], { cwd }).stderr).toMatch(/did you mean "rules"/);
    const other = claimlint(['frobnicate'], { cwd });
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/unknown command "frobnicate"; commands: lint, report, rules, init/);
    // A path is still a path.
    expect(claimlint(['claims/a.yaml'], { cwd }).code).toBe(0);
    expect(claimlint(['./nope'], { cwd }).stderr).toMatch(/no files match/);
  });
});

describe('claimlint init', () => {
  it('writes a commented configuration and a valid example claim that lints clean', () => {
    const cwd = project({});
    const r = claimlint(['init'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote claimlint\.config\.yaml/);
    expect(r.stderr).toMatch(/wrote claims\/example\.yaml/);
    const config = readFileSync(join(cwd, 'claimlint.config.yaml'), 'utf8');
    expect(config).toMatch(/^# /m);
    expect(readFileSync(join(cwd, 'claims/example.yaml'), 'utf8')).toMatch(/# verbatim from the source/);
    const lint = claimlint(['--format', 'json'], { cwd });
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout)).toMatchObject({ summary: { claims: 1, errors: 0, warnings: 0, infos: 0 }, findings: [] });
  });

  it('never overwrites a file, and says what it skipped', () => {
    const cwd = project({ 'claimlint.config.yaml': 'files: ["claims/**/*.yaml"]\n', 'claims/a.yaml': source('a') });
    const r = claimlint(['init'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped claimlint\.config\.yaml: it exists/);
    expect(r.stderr).toMatch(/skipped claims\/example\.yaml: the register already has 1 claim file/);
    expect(readFileSync(join(cwd, 'claimlint.config.yaml'), 'utf8')).toBe('files: ["claims/**/*.yaml"]\n');
    expect(existsSync(join(cwd, 'claims/example.yaml'))).toBe(false);
  });
});

describe('--print-config <file>', () => {
  const cwd = project({
    'claimlint.config.yaml': 'rules:\n  evidence/none: error\n  refs/unused: { severity: warning }\noverrides:\n  - files: ["claims/marketing/**"]\n    rules:\n      evidence/none: info\n',
    'claims/a.yaml': source('a'),
  });

  it('prints the severities and options in effect for the file, after overrides and --rule, as YAML', () => {
    const plain = claimlint(['--print-config', 'claims/a.yaml', '--rule', 'refs/unused:off'], { cwd });
    expect(plain.code).toBe(0);
    const a = parse(plain.stdout) as { file: string; config: string; rules: Record<string, { severity: string; options?: object }> };
    expect(a.file).toBe('claims/a.yaml');
    expect(a.config).toBe('claimlint.config.yaml');
    expect(a.rules['evidence/none']!.severity).toBe('error');
    expect(a.rules['refs/unused']!.severity).toBe('off');
    expect(a.rules['evidence/level-mismatch']!.options).toMatchObject({ smallStudy: 50 });
    const m = parse(claimlint(['--print-config', 'claims/marketing/x.yaml'], { cwd }).stdout) as typeof a;
    expect(m.rules['evidence/none']!.severity).toBe('info');
  });
});

describe('--stdin --stdin-filename', () => {
  const run = (args: string[], cwd: string, input: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('lints standard input in place of that file, within the whole register', () => {
    const cwd = project({ 'claims/a.yaml': source('a'), 'claims/b.yaml': source('b') });
    // The text on stdin dates the origin to the 1950s: a conflict between a.yaml (as given) and b.yaml on disk.
    const edited = source('a').replace('1960s', '1950s').replace('decade: 1960', 'decade: 1950');
    const r = run(['--stdin', '--stdin-filename', 'claims/a.yaml', '--format', 'json'], cwd, edited);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Array<{ rule: string; file: string; related: Array<{ file: string }> }> };
    const conflicts = out.findings.filter((f) => f.rule === 'conflict/value');
    expect(conflicts.map((f) => [f.file, ...f.related.map((x) => x.file)].sort())).toEqual([['claims/a.yaml', 'claims/b.yaml']]);
    expect(out.findings.every((f) => f.file === 'claims/a.yaml' || f.rule.startsWith('conflict/'))).toBe(true);
    // The file on disk is untouched, and without stdin it is clean.
    expect(claimlint(['claims/a.yaml'], { cwd }).code).toBe(0);
  });

  it('without --stdin-filename is a usage error (exit 2)', () => {
    const cwd = project({ 'claims/a.yaml': source('a') });
    const r = run(['--stdin'], cwd, source('a'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claimlint: --stdin needs --stdin-filename <path>/);
  });
});

describe('claimlint report and --format html exit codes', () => {
  const conflicting = () => project({ 'claims/a.yaml': source('a'), 'claims/b.yaml': source('b').replace(/1960/g, '1950') });

  it('claimlint report exits 0 with errors in the register; --format html keeps exit 1', () => {
    const cwd = conflicting();
    const r = claimlint(['report', '-o', 'out/report.html'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote out\/report\.html/);
    expect(readFileSync(join(cwd, 'out/report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(claimlint(['--format', 'html', '-o', 'plain.html'], { cwd }).code).toBe(1);
  });

  it('claimlint report exits 2 when the report cannot be written', () => {
    const cwd = conflicting();
    writeFileSync(join(cwd, 'blocker'), 'a file, not a folder');
    const r = claimlint(['report', '-o', 'blocker/report.html'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claimlint: cannot write blocker\/report\.html: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--timing and --debug', () => {
  it('--timing prints the time each rule took, to stderr', () => {
    const cwd = project({ 'claims/a.yaml': source('a') });
    const r = claimlint(['--timing', '--format', 'json'], { cwd, env: { CLAIMLINT_TIMING: undefined } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Rule +Time \(ms\)$/m);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(claimlint(['--format', 'json'], { cwd, env: { CLAIMLINT_TIMING: undefined } }).stderr).toBe('');
  });

  it('--debug adds a stack trace to an internal error', async () => {
    // Internal errors are hard to provoke from outside (bad input and bad paths are located usage errors),
    // so the CLI runs in process with an output that fails the way a broken stream would.
    const { run } = await import('../src/cli.js');
    const cwd = project({ 'claims/a.yaml': source('a') });
    const attempt = async (args: string[]) => {
      let stderr = '';
      const io = {
        stdout: () => {
          throw new Error('the output went away');
        },
        stderr: (s: string) => {
          stderr += s;
        },
        isTTY: false,
        env: {},
        cwd,
      };
      return { code: await run(['-f', 'json', ...args], io), stderr };
    };
    const plain = await attempt([]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe('claimlint: the output went away\n');
    const debug = await attempt(['--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^claimlint: the output went away\nError: the output went away\n\s+at /);
  });
});

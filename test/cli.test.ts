/**
 * End-to-end tests of the command line: each spawns dist/cli.js (built by
 * `npm test` before vitest runs) in a temporary project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';
import { yaml } from './helpers/rule-tester.js';

const CLEAN = yaml`
  source:
    id: clean
    title: A clean source
    kind: textbook
    authors: [A Writer]
    published: 2020
    url: https://example.org/book
    references:
      - id: "1"
        authors: [Domino EF]
        title: Taming the ketamine tiger
        venue: Anesthesiology
        year: 2010
        url: https://example.org/domino-2010
  claims:
    - id: first-use
      text: "Ketamine was first given to people in 1964."
      subject: ketamine
      aspect: history
      property: first-human-use
      value: { year: 1964 }
      evidence:
        - cites: ["1"]
`;

const WARN_ONLY = yaml`
  source:
    id: warn
    title: Warnings only
    kind: blog
    authors: [A Writer]
    published: 2024-01-01
    url: https://example.org/warn
  claims:
    - id: bare
      text: "Ketamine is one of the oldest medications around."
      subject: ketamine
      aspect: history
      property: age
`;

const ORIGIN_1950 = yaml`
  source:
    id: early
    title: Early
    kind: blog
    authors: [A Writer]
    published: 2024-01-01
    url: https://example.org/early
    references:
      - id: "1"
        title: History of anaesthesia, the ketamine story
  claims:
    - id: origin
      text: "While Ketamine has been around since the 1950's"
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: 1950 }
      evidence:
        - cites: ["1"]
`;

const ORIGIN_1960 = yaml`
  source:
    id: guide
    title: Guide
    kind: marketing
    authors: [A Writer]
    published: 2024-01-01
    url: https://example.org/guide
  claims:
    - id: origin
      text: "Ketamine is a dissociative anesthetic developed in the 1960s"
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: 1960 }
      evidence:
        - kind: named-source
          name: Somebody
`;

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);

describe('exit codes', () => {
  it('0 when the register is clean, with a summary line', () => {
    const r = claimlint([], { cwd: project({ 'claims/clean.yaml': CLEAN }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems (1 claim in 1 file)');
    expect(r.stderr).toBe('');
  });

  it('1 when there are errors, with findings grouped by file and counted', () => {
    const r = claimlint(['--no-color'], { cwd: project({ 'claims/a.yaml': ORIGIN_1950, 'claims/b.yaml': ORIGIN_1960 }) });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('claims/b.yaml');
    expect(r.stdout).toMatch(/^ {2}14:12 {2}error {2}Conflicting origin for ketamine: the 1960s here, the 1950s in early\/origin {2}conflict\/value$/m);
    expect(r.stdout).toMatch(/↳ claims\/a\.yaml:\d+:\d+ early\/origin/);
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings, 0 infos\) in 2 claims in 2 files/);
  });

  it('0 with warnings only, 1 when they exceed --max-warnings', () => {
    const cwd = project({ 'claims/w.yaml': WARN_ONLY });
    expect(claimlint([], { cwd }).code).toBe(0);
    expect(claimlint(['--max-warnings', '1'], { cwd }).code).toBe(0);
    const over = claimlint(['--max-warnings', '0'], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (1; maximum: 0)');
  });

  it('--quiet with --max-warnings: the report says why it failed, and the JSON summary keeps the true counts', () => {
    const cwd = project({ 'claims/w.yaml': WARN_ONLY });
    const text = claimlint(['--quiet', '--max-warnings', '0', '--no-color'], { cwd });
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('no problems');
    expect(text.stdout).toContain('ℹ 1 warning, more than --max-warnings 0; hidden by --quiet');
    expect(text.stdout).toMatch(/1 problem \(0 errors, 1 warning, 0 infos\)/);
    const json = claimlint(['--quiet', '--max-warnings', '0', '--format', 'json'], { cwd });
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { summary: { errors: number; warnings: number }; findings: unknown[]; notes: string[] };
    expect(out.findings).toEqual([]);
    expect(out.summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(out.notes).toEqual(['1 warning, more than --max-warnings 0; hidden by --quiet']);
    // Within the limit: exit 0, and the note says only what was hidden.
    const within = claimlint(['--quiet', '--max-warnings', '1', '--format', 'json'], { cwd });
    expect(within.code).toBe(0);
    expect((JSON.parse(within.stdout) as { notes: string[] }).notes).toEqual(['1 warning hidden by --quiet']);
  });

  it('2 for an unknown option, in one line without a stack trace', () => {
    const r = claimlint(['--nope'], { cwd: project({ 'claims/clean.yaml': CLEAN }) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^claimlint: Unknown option '--nope'/);
    noStack(r.stderr);
  });

  it('2 for a bad option value', () => {
    const cwd = project({ 'claims/clean.yaml': CLEAN });
    expect(claimlint(['--max-warnings', 'many'], { cwd }).stderr).toMatch(/--max-warnings expects a whole number/);
    expect(claimlint(['--format', 'xml'], { cwd }).code).toBe(2);
    expect(claimlint(['--rule', 'evidence/none'], { cwd }).stderr).toMatch(/--rule expects <id>:<off\|info\|warning\|error>/);
    const unknown = claimlint(['--rule', 'evidence/nonee:off'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule "evidence\/nonee" \(did you mean "evidence\/none"\?\)/);
  });

  it('2 when no claim files are found, or a given file does not exist', () => {
    const empty = claimlint([], { cwd: project({ 'README.md': '# nothing' }) });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no claim files found/);
    const missing = claimlint(['claims/nope.yaml'], { cwd: project({ 'claims/clean.yaml': CLEAN }) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no files match "claims\/nope\.yaml"/);
  });
});

describe('configuration errors (exit 2, naming the file, line, column and key)', () => {
  const withConfig = (config: string) => project({ 'claims/clean.yaml': CLEAN, 'claimlint.config.yaml': config });

  it('an unknown top-level key', () => {
    const r = claimlint([], { cwd: withConfig('files: [claims/*.yaml]\nrulez: {}\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claimlint: claimlint\.config\.yaml:2:1: \(root\) has an unknown field "rulez": did you mean "rules"\?/);
  });

  it('an unknown rule id', () => {
    const r = claimlint([], { cwd: withConfig('rules:\n  conflict/valu: error\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:2:3: unknown rule "conflict\/valu" \(did you mean "conflict\/value"\?\)/);
  });

  it('a bad severity', () => {
    const r = claimlint([], { cwd: withConfig('rules:\n  evidence/none: loud\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:2:18: rules\.evidence\/none must be one of: off, info, warning, error \(got "loud"\)/);
  });

  it('a bad rule option', () => {
    const r = claimlint([], { cwd: withConfig('rules:\n  numbers/inconsistent:\n    options:\n      tolerance: -1\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:4:18: rules\.numbers\/inconsistent: options\.tolerance must be >= 0/);
  });

  it('malformed YAML in the configuration', () => {
    const r = claimlint([], { cwd: withConfig('rules: [\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:\d+:\d+: invalid YAML/);
    noStack(r.stderr);
  });

  it('a --config file that does not exist', () => {
    const r = claimlint(['--config', 'nope.yaml'], { cwd: project({ 'claims/clean.yaml': CLEAN }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: configuration file not found: nope.yaml\n');
  });

  it('a rule folder with a rule extending an unknown check kind', () => {
    const cwd = project({
      'claims/clean.yaml': CLEAN,
      'claimlint.config.yaml': 'ruleFolders: [house]\n',
      'house/x.yaml': 'id: house/x\nextends: existance\nseverity: error\nsummary: x\n',
    });
    const r = claimlint([], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/house\/x\.yaml:2:10: rule "house\/x" extends unknown check kind "existance"/);
  });
});

describe('formats and options', () => {
  const cwd = project({ 'claims/a.yaml': ORIGIN_1950, 'claims/b.yaml': ORIGIN_1960, 'claims/w.yaml': WARN_ONLY });

  it('json: tool, summary and findings in a stable order', () => {
    const r = claimlint(['--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      tool: { name: string; version: string };
      summary: Record<string, number>;
      findings: Array<Record<string, unknown>>;
    };
    expect(out.tool.name).toBe('claimlint');
    expect(out.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(out.summary).toEqual({ files: 3, sources: 3, claims: 3, errors: 1, warnings: 1, infos: 0 });
    expect(Object.keys(out.findings[0]!)).toEqual([
      'rule', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'claim', 'text', 'related', 'fingerprint',
    ]);
    const conflict = out.findings.find((f) => f['rule'] === 'conflict/value')!;
    expect(conflict).toMatchObject({
      file: 'claims/b.yaml',
      claim: 'guide/origin',
      text: 'Ketamine is a dissociative anesthetic developed in the 1960s',
      related: [{ claim: 'early/origin', file: 'claims/a.yaml', text: "While Ketamine has been around since the 1950's" }],
    });
    const order = out.findings.map((f) => `${String(f['file'])}:${String(f['line']).padStart(5, '0')}`);
    expect(order).toEqual([...order].sort());
  });

  it('--quiet reports errors only', () => {
    const r = claimlint(['--quiet', '--format', 'json'], { cwd });
    const out = JSON.parse(r.stdout) as { findings: Array<{ severity: string }> };
    expect(out.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('--rule turns a rule off or changes its severity', () => {
    expect(claimlint(['--rule', 'conflict/value:off'], { cwd }).code).toBe(0);
    const r = claimlint(['--rule', 'evidence/none:error', '--rule', 'conflict/value:off', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { summary: { errors: number } }).summary.errors).toBe(1);
  });

  it('--output-file writes the report atomically and leaves stdout empty', () => {
    const r = claimlint(['--format', 'json', '--output-file', 'out/report.json'], { cwd });
    expect(r.stdout).toBe('');
    const written = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8')) as { summary: { errors: number } };
    expect(written.summary.errors).toBe(1);
  });

  it('colour: off when piped or with NO_COLOR / --no-color, on with FORCE_COLOR or --color', () => {
    const esc = '\u001b[';
    expect(claimlint([], { cwd }).stdout).not.toContain(esc);
    expect(claimlint([], { cwd, env: { FORCE_COLOR: '1' } }).stdout).toContain(esc);
    expect(claimlint(['--no-color'], { cwd, env: { FORCE_COLOR: '1' } }).stdout).not.toContain(esc);
    expect(claimlint(['--color'], { cwd, env: { NO_COLOR: '1' } }).stdout).toContain(esc);
    expect(claimlint([], { cwd, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(esc);
  });

  it('given files limit the report to findings in them or related to them', () => {
    const onlyW = claimlint(['claims/w.yaml', '--format', 'json'], { cwd });
    const w = JSON.parse(onlyW.stdout) as { findings: Array<{ file: string }>; summary: { files: number } };
    expect(w.findings.map((f) => f.file)).toEqual(['claims/w.yaml']);
    expect(w.summary.files).toBe(3);
    // The conflict sits in b.yaml (a.yaml's cluster prevails: as many sources, the earlier claim), but its other
    // side is in a.yaml: reported for a.yaml too, where a full run puts it (a hook finds what CI finds).
    const onlyA = JSON.parse(claimlint(['claims/a.yaml', '--format', 'json'], { cwd }).stdout) as {
      findings: Array<{ rule: string; file: string; line: number; column: number; severity: string; related: Array<{ file: string }> }>;
    };
    expect(onlyA.findings.map((f) => [f.rule, f.severity, f.file, f.line, f.column, f.related.map((r) => r.file)])).toEqual([
      ['conflict/value', 'error', 'claims/b.yaml', 14, 12, ['claims/a.yaml']],
    ]);
  });

  it('a given file that the configuration ignores is skipped (a staged draft in a hook)', () => {
    const drafts = project({
      'claimlint.config.yaml': 'ignores: ["claims/drafts/**"]\n',
      'claims/a.yaml': ORIGIN_1950,
      'claims/drafts/b.yaml': ORIGIN_1960,
    });
    const r = claimlint(['claims/drafts/b.yaml', '--format', 'json'], { cwd: drafts });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
    // without the ignore, the same file conflicts with the register
    const plain = project({ 'claims/a.yaml': ORIGIN_1950, 'claims/drafts/b.yaml': ORIGIN_1960 });
    expect(claimlint(['claims/drafts/b.yaml'], { cwd: plain }).code).toBe(1);
  });

  it('--help and --version', () => {
    const help = claimlint(['--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: claimlint/);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(claimlint(['--version'], { cwd }).stdout).toBe(`${pkg.version}\n`);
  });

  it('claimlint rules lists every rule with severity and summary; --format json adds kind, docs and standard', () => {
    const table = claimlint(['rules'], { cwd });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^conflict\/value\s+error\s+Two claims on the same subject/m);
    const rules = JSON.parse(claimlint(['rules', '--format', 'json'], { cwd }).stdout) as Array<Record<string, unknown>>;
    const none = rules.find((r) => r['id'] === 'evidence/none')!;
    expect(none).toMatchObject({ severity: 'warning', kind: 'evidence-missing', docs: 'docs/rules/evidence/none.md' });
    expect(typeof none['standard']).toBe('string');
  });
});

describe('bad input gets a finding, and the rest of the register is still checked', () => {
  it('a malformed file among good ones', () => {
    const cwd = project({
      'claims/broken.yaml': 'source:\n  id: broken\n  title: "unclosed\n',
      'claims/a.yaml': ORIGIN_1950,
      'claims/b.yaml': ORIGIN_1960,
    });
    const r = claimlint(['--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    noStack(r.stderr);
    const out = JSON.parse(r.stdout) as { findings: Array<{ rule: string; file: string; line: number }> };
    expect(out.findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['conflict/value claims/b.yaml', 'register/yaml-syntax claims/broken.yaml']);
  });

  it('control characters in claim data cannot reach the terminal', () => {
    const evil = yaml`
      source:
        id: evil
        title: Evil
        kind: blog
        references:
          - id: "1"
            title: "\u001b[2J\u001b]0;pwned\u0007 cleared your screen"
      claims: []
    `;
    const r = claimlint([], { cwd: project({ 'claims/evil.yaml': evil }) });
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('\\x1b[2J');
  });

  it('the linter never writes to claim files', () => {
    const cwd = project({ 'claims/a.yaml': ORIGIN_1950, 'claims/b.yaml': ORIGIN_1960 });
    claimlint([], { cwd });
    expect(readFileSync(join(cwd, 'claims/a.yaml'), 'utf8')).toBe(ORIGIN_1950);
    expect(existsSync(join(cwd, 'claims/a.yaml.tmp'))).toBe(false);
  });
});

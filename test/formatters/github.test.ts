import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/engine/report/finding.js';
import github, { ANNOTATIONS_PER_SEVERITY, STEP_SUMMARY_LIMIT, annotationMessage, annotationTitle, stepSummary, workflowCommand } from '../../src/formatters/github.js';
import { markdownCell } from '../../src/formatters/markdown-text.js';
import { claimlint } from '../helpers/cli.js';
import { CTX, HOSTILE, e2eProject, finding, mixedResult, related, result } from '../helpers/results.js';

/** What @actions/core prints for the same annotation. */
function viaActionsCore(f: Finding): string {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const props: core.AnnotationProperties = { title: annotationTitle(f), file: f.file, startLine: f.line, endLine: f.endLine };
    if (f.line === f.endLine) Object.assign(props, { startColumn: f.column, endColumn: f.endColumn });
    const send = { error: core.error, warning: core.warning, info: core.notice }[f.severity];
    send(annotationMessage(f), props);
  } finally {
    spy.mockRestore();
  }
  return out;
}

/**
 * A workflow command split as the runner splits it: the command, the raw
 * (still escaped) `key=value` properties in a map, and the raw data. Values
 * and data are compared escaped, byte for byte; only the order of the
 * properties, which the runner does not keep, is left out.
 */
function split(line: string): { command: string; props: Record<string, string>; data: string } {
  expect(line.startsWith('::')).toBe(true);
  const end = line.indexOf('::', 2);
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const props: Record<string, string> = {};
  if (space >= 0) {
    for (const kv of info.slice(space + 1).split(',')) {
      const eq = kv.indexOf('=');
      expect(props).not.toHaveProperty(kv.slice(0, eq));
      props[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
  }
  return { command, props, data: line.slice(end + 2) };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'claimlint-gh-'));

afterEach(() => vi.restoreAllMocks());

describe('github workflow commands', () => {
  it('are what @actions/core prints, escaped byte for byte, for hostile messages, titles and files', () => {
    const nasty = [
      '100% sure',
      'line\r\nbreak and lone\rCR and lone\nLF',
      'a: b, c',
      '::error::injected',
      '::stop-commands::token',
      '%0A%0D%25%3A%2C',
      HOSTILE,
    ];
    const findings: Finding[] = [];
    for (const s of nasty) {
      findings.push(finding({ message: s }));
      findings.push(finding({ claim: `src/${s}`, severity: 'warning' }));
      findings.push(finding({ file: `claims/${s}.yaml`, severity: 'info', related: [related({ claim: s, file: `claims/${s}` })] }));
      findings.push(finding({ rule: `x/${s}`, claim: null, endLine: 14 }));
    }
    for (const f of findings) {
      const ours = workflowCommand(f);
      const theirs = viaActionsCore(f);
      expect(theirs.endsWith('\n')).toBe(true);
      expect(ours).not.toMatch(/[\r\n]/);
      expect(split(ours)).toEqual(split(theirs.slice(0, -1)));
      // identical, property order included
      expect(ours).toBe(theirs.slice(0, -1));
    }
  });

  it('prints one command per finding, worst first, each on one line', () => {
    const out = github(mixedResult(), { ...CTX, env: {} } as typeof CTX);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::error', '::error', '::warning', '::notice']);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) title=[^:]*,file=[^:]*::/);
    // within a severity, the stable file/line order
    expect(lines[0]).toContain('file=claims/b.yaml');
    expect(lines[1]).toContain('file=claims/we|rd%2C na%3Ame%250A.yaml');
    expect(lines[0]).toBe(
      '::error title=conflict/value (guide/origin),file=claims/b.yaml,line=12,endLine=12,col=12,endColumn=70::' +
        'Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin%0A↳ claims/a.yaml:48:11 early/origin',
    );
    // a multi-line range: no columns (the runner would drop them)
    expect(lines[2]).toBe('::warning title=evidence/none (early/bare),file=claims/a.yaml,line=20,endLine=21::Claim early/bare has no evidence');
    expect(lines[3]).toMatch(/^::notice title=refs\/unused,file=claims\/a\.yaml,line=3,endLine=3,col=5,endColumn=9::Reference 1 is never cited /);
    // the hostile file name and claim id, escaped as properties
    expect(lines[1]).toMatch(/^::error title=conflict\/value \(x%3Ay%2Cz\/%250D\),file=claims\/we\|rd%2C na%3Ame%250A\.yaml,line=4,endLine=4,col=1,endColumn=20::/);
    expect(lines[3]).toContain('%250A ::error::pwned %0D%0A::warning file=x::y');
  });

  it('makes paths relative to GITHUB_WORKSPACE when run in a subfolder of it', () => {
    const r = { ...mixedResult(), cwd: '/home/runner/work/repo/repo/content' };
    const out = github(r, { ...CTX, env: { GITHUB_WORKSPACE: '/home/runner/work/repo/repo' } } as typeof CTX);
    expect(out.split('\n')[0]).toContain(',file=content/claims/b.yaml,');
    expect(out.split('\n')[0]).toContain('%0A↳ content/claims/a.yaml:48:11 early/origin');
    // outside the workspace, or at its root: unchanged
    for (const ws of ['/elsewhere', '/home/runner/work/repo/repo/content']) {
      expect(github(r, { ...CTX, env: { GITHUB_WORKSPACE: ws } } as typeof CTX).split('\n')[0]).toContain(',file=claims/b.yaml,');
    }
  });

  it(`annotates at most ${ANNOTATIONS_PER_SEVERITY} findings of each kind, worst first, and counts the rest in the job summary`, () => {
    const many = [
      ...Array.from({ length: 25 }, (_, i) => finding({ line: i + 1, endLine: i + 1, severity: 'error', message: `error ${i}` })),
      ...Array.from({ length: 3 }, (_, i) => finding({ line: i + 1, endLine: i + 1, severity: 'warning', message: `warning ${i}` })),
      ...Array.from({ length: 15 }, (_, i) => finding({ line: i + 1, endLine: i + 1, severity: 'info', message: `info ${i}` })),
    ];
    const file = join(tmp(), 'summary.md');
    const out = github(result(many), { ...CTX, env: { GITHUB_STEP_SUMMARY: file } } as typeof CTX);
    const lines = out.trimEnd().split('\n');
    const kinds = lines.filter((l) => l.startsWith('::')).map((l) => l.slice(2, l.indexOf(' ')));
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(3).fill('warning'), ...Array(10).fill('notice')]);
    expect(lines.filter((l) => l.startsWith('::error')).map((l) => l.split('::')[2])).toEqual(Array.from({ length: 10 }, (_, i) => `error ${i}`));
    expect(lines.at(-1)).toBe('claimlint: 20 more findings not annotated (at most 10 of each kind, worst first); the job summary counts all 43');
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('| error | 25 |\n| warning | 3 |\n| info | 15 |');
    expect(md).toContain('> 20 more findings are not annotated: GitHub shows 10 annotations of each kind per step');
    // Without a summary file, the cap holds too.
    expect(github(result(many), { ...CTX, env: {} } as typeof CTX).trimEnd().split('\n')).toHaveLength(24);
  });

  it('prints nothing for a clean register', () => {
    expect(github(result([]), { ...CTX, env: {} } as typeof CTX)).toBe('');
  });
});

describe('github step summary', () => {
  it('is appended to GITHUB_STEP_SUMMARY, with counts by severity and rule and an escaped table', () => {
    const file = join(tmp(), 'summary.md');
    writeFileSync(file, '# Earlier step output\n');
    const r = mixedResult();
    const out = github(r, { ...CTX, env: { GITHUB_STEP_SUMMARY: file } } as typeof CTX);
    expect(out.split('\n')).toHaveLength(5);
    const md = readFileSync(file, 'utf8');
    expect(md.startsWith('# Earlier step output\n\n## claimlint: ❌ 4 problems\n')).toBe(true);
    expect(md).toContain('2 errors, 1 warning and 1 info in 10 claims in 3 files.');
    expect(md).toContain('| error | 2 |\n| warning | 1 |\n| info | 1 |');
    expect(md).toContain('| conflict/value | 2 | 0 | 0 |');
    expect(md).toContain('| evidence/none | 0 | 1 | 0 |');
    expect(md).toContain(
      '| claims/b.yaml:12:12 | error | conflict/value | Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin<br>↳ claims/a.yaml:48:11 early/origin | guide/origin |',
    );
    // untrusted text: no raw HTML, no unescaped pipes, no mention, no link
    expect(md).not.toMatch(/<(?!br>)/);
    expect(md).toContain(markdownCell(HOSTILE));
    expect(markdownCell(HOSTILE)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt; %0A ::error::pwned <br>::warning file=x::y \\| &amp; done @&#8203;octocat \\[x\\](1) \\`code\\` \\*em\\*',
    );
    expect(md).toContain('| claims/we\\|rd, na:me%0A.yaml:4:1 |');
    // every table row has exactly the columns of its header
    const rows = md.split('\n').filter((l) => l.startsWith('| claims/'));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    // worst first
    expect(rows.map((l) => l.split(' | ')[1])).toEqual(['error', 'error', 'warning', 'info']);
  });

  it('says when the register is clean', () => {
    expect(stepSummary(result([]))).toBe('## claimlint: no problems\n\n✔ No problems found in 10 claims in 1 file.\n');
  });

  it('stays under 1 MiB, cutting the table with a count of the findings not shown', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding({ line: i + 1, endLine: i + 1, severity: i % 3 === 0 ? 'info' : 'error', message: `${'é|<'.repeat(150)} ${i}` }),
    );
    const file = join(tmp(), 'summary.md');
    writeFileSync(file, 'x'.repeat(1000));
    github(result(many), { ...CTX, env: { GITHUB_STEP_SUMMARY: file } } as typeof CTX);
    const size = statSync(file).size;
    expect(size).toBeLessThan(STEP_SUMMARY_LIMIT);
    expect(size).toBeGreaterThan(STEP_SUMMARY_LIMIT - 5000);
    const md = readFileSync(file, 'utf8');
    const shown = md.split('\n').filter((l) => l.startsWith('| claims/')).length;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(3000);
    expect(md).toContain(`_${(3000 - shown).toLocaleString('en-US')} more findings not shown (report size limit)._\n`);
    // ... and says that the findings beyond the annotation cap are not annotated.
    expect(md.trimEnd().endsWith('the counts above include every finding.')).toBe(true);
    // the worst (errors) are the ones kept
    expect(new Set(md.split('\n').filter((l) => l.startsWith('| claims/')).map((l) => l.split(' | ')[1]))).toEqual(new Set(['error']));
  });
});

describe('end to end', () => {
  it('claimlint --format github prints annotations, worst first, and writes the step summary', () => {
    const cwd = e2eProject();
    const summary = join(cwd, 'summary.md');
    const r = claimlint(['--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) title=[^:]+,file=claims\/\w+\.yaml,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?::[^\r\n]+$/);
    expect(lines[0]).toMatch(
      /^::error title=conflict\/value \(guide\/origin\),file=claims\/guide\.yaml,line=11,endLine=11,col=12,endColumn=\d+::Conflicting origin for ketamine: the 1960s here, the 1950s in early\/origin%0A↳ claims\/early\.yaml:10:11 early\/origin$/,
    );
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/^## claimlint: ❌ \d+ problems\n/);
    expect(md).toContain('| conflict/value | 1 | 0 | 0 |');
    expect(md).toContain('| claims/guide.yaml:11:12 | error | conflict/value |');
  });
});

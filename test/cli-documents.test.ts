/**
 * Findings located in source documents, end to end through the built
 * binary: claim/unregistered on a Markdown article (own content by a
 * `content:` glob), in the github format, with --changed-since, a baseline,
 * an HTML-comment suppression, and the article named on the command line.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';
import { git } from './helpers/git.js';

const article = [
  '---',
  'title: Ketamine for pain',
  '---',
  '# Ketamine for pain',
  '',
  'Ketamine has been used since the 1960s in anaesthesia.',
  '',
  '<!-- claimlint-disable-next-line claim/unregistered -- a patient quoted, not our claim -->',
  'Patients say it works every time and changed their lives.',
  '',
].join('\n');

const register = [
  'source:',
  '  id: article',
  '  title: Ketamine for pain',
  '  kind: blog',
  '  authors: [A Writer]',
  '  published: 2025-01-01',
  '  url: https://example.org/article',
  '  document: content/article.md',
  'claims:',
  '  - id: history',
  '    text: Ketamine has been used since the 1960s in anaesthesia',
  '    subject: ketamine',
  '    aspect: history',
  '    property: use',
  '    evidence: [{ kind: expert-opinion }]',
  '',
].join('\n');

const files = {
  'claimlint.config.yaml': 'files: [claims/**/*.yaml]\ncontent: [content/**/*.md]\n',
  'claims/article.yaml': register,
  'content/article.md': article,
};
const only = ['--rule', 'evidence/none:off', '--rule', 'source/metadata:off'];

function repo(): string {
  const dir = project(files);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'article');
  return dir;
}

const added = 'Success rates exceed 60% for certain disorders.';

describe('claim/unregistered end to end (Markdown)', () => {
  it('a registered article is clean; the suppressed sentence is not reported', () => {
    const r = claimlint([...only, '--format', 'json'], { cwd: project(files) });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('a sentence added to the article is annotated on its line of the article (github format)', () => {
    const dir = project(files);
    appendFileSync(join(dir, 'content/article.md'), `\n${added}\n`);
    const r = claimlint([...only, '--format', 'github'], { cwd: dir });
    expect(r.code).toBe(0); // info
    const line = r.stdout.split('\n').find((l) => l.startsWith('::notice'));
    expect(line).toContain('file=content/article.md,line=11,endLine=11,col=1,endColumn=48');
    expect(line).toContain('::Statement not in the register: “Success rates exceed 60%25 for certain disorders.” (a percentage, a causal or efficacy statement)');
  });

  it('--changed-since: only sentences new since the revision; the document is read at the revision', () => {
    const dir = repo();
    appendFileSync(join(dir, 'content/article.md'), '\nIt improves sleep in 3 of 4 patients within 2 days.\n');
    git(dir, 'commit', '-qam', 'first unregistered sentence');
    appendFileSync(join(dir, 'content/article.md'), `\n${added}\n`);
    const r = claimlint([...only, '--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; message: string }> };
    expect(out.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['content/article.md:13']);
    expect(out.findings[0]!.message).toContain(added);
  });

  it('a baseline keeps the known statements out, whatever line they move to', () => {
    const dir = project(files);
    appendFileSync(join(dir, 'content/article.md'), '\nIt improves sleep in 3 of 4 patients within 2 days.\n');
    expect(claimlint([...only, '--write-baseline', 'baseline.json'], { cwd: dir }).code).toBe(0);
    appendFileSync(join(dir, 'content/article.md'), `\n${added}\n`);
    const r = claimlint([...only, '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { findings: Array<{ message: string }> };
    expect(out.findings.map((f) => f.message.slice(0, 60))).toEqual([expect.stringContaining('Success rates exceed 60%')]);
  });

  it('a project with own content and no claim files yet', () => {
    const dir = project({ 'claimlint.config.yaml': 'content: [content/**/*.md]\n', 'content/a.md': `# A\n\n${added}\n` });
    const r = claimlint(['--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: Array<{ rule: string; line: number }> }).findings.map((f) => `${f.rule}:${f.line}`)).toEqual(['claim/unregistered:3']);
  });

  it('a suppression in the article without a reason, or that suppresses nothing, is reported in the article', () => {
    const dir = project(files);
    appendFileSync(join(dir, 'content/article.md'), '\n<!-- claimlint-disable-next-line claim/unregistered -->\nWe are open on Mondays.\n');
    const r = claimlint([...only, '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { findings: Array<{ rule: string; file: string; line: number }> };
    expect(out.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'suppress/missing-reason content/article.md:11',
      'suppress/unused content/article.md:11',
    ]);
    expect(r.code).toBe(1);
  });

  it('the article named on the command line limits the report to it; it is not read as a claim file', () => {
    const dir = project(files);
    appendFileSync(join(dir, 'content/article.md'), `\n${added}\n`);
    const r = claimlint([...only, 'content/article.md', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Array<{ rule: string; file: string }> };
    expect(out.findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['claim/unregistered content/article.md']);
  });
});

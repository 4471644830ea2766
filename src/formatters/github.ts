/**
 * GitHub Actions output: one workflow command per finding, which the runner
 * turns into an annotation on the file and line, and — when
 * GITHUB_STEP_SUMMARY is set — a Markdown summary appended to that file.
 *
 *     ::error title=conflict/value (guide/origin),file=claims/b.yaml,line=11,endLine=11,col=12,endColumn=70::Conflicting origin…
 *
 * File paths are made relative to GITHUB_WORKSPACE when claimlint runs in
 * a subfolder of it, since GitHub places annotations from the repository root.
 *
 * Escaping is exactly @actions/core's (`issueCommand`): in the message `%`,
 * CR and LF are percent-encoded; in properties also `:` and `,`. Claim text
 * can therefore neither end the command nor start another one. Each command
 * is byte for byte what `core.error(message, {title, file, startLine, ...})`
 * prints, properties in the same order, once control characters other than
 * CR and LF (ESC, BEL, NUL, the C1 range, bidirectional overrides) are shown
 * as visible `\xNN` escapes: a log viewed raw cannot be driven by claim text.
 */
import { appendFileSync, existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../engine/report/finding.js';
import type { LintResult } from '../engine/run/linter.js';
import type { Severity } from '../model.js';
import { markdownReport, utf8Bytes } from './markdown-text.js';
import { worstFirst } from './order.js';
import { escapeInvisible } from './terminal-text.js';
import type { Formatter, FormatterContext } from './types.js';

/** The formatter context, with the environment to read GITHUB_STEP_SUMMARY from (default process.env). */
export interface GithubFormatterContext extends FormatterContext {
  env?: Readonly<Record<string, string | undefined>>;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** @actions/core's escapeData. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core's escapeProperty. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotation title: the rule id, and the claim id when there is one. */
export function annotationTitle(f: Finding): string {
  return f.claim === null ? f.rule : `${f.rule} (${f.claim})`;
}

/** The annotation message: the finding's message, then one line per related claim or reference. */
export function annotationMessage(f: Finding): string {
  return [f.message, ...f.related.map((r) => `↳ ${r.file}:${r.line}:${r.column} ${r.claim}`)].join('\n');
}

/**
 * The workflow command for one finding. Columns are given only for a
 * single-line range: the runner drops them otherwise.
 */
export function workflowCommand(f: Finding): string {
  const single = f.line === f.endLine;
  // The order @actions/core's toCommandProperties gives, so the command is byte-identical to core.error(...).
  const props: Array<[string, string | number]> = [
    ['title', annotationTitle(f)],
    ['file', f.file],
    ['line', f.line],
    ['endLine', f.endLine],
    ...(single ? [['col', f.column] as [string, number], ['endColumn', f.endColumn] as [string, number]] : []),
  ];
  // Control characters (ESC, BEL, NUL, C1) from claim data are shown as visible escapes first, in every field.
  const shown = props.filter(([, v]) => v !== '' && v !== 0).map(([k, v]) => `${k}=${escapeProperty(escapeInvisible(String(v)).replace(/\t/g, ' '))}`);
  return `::${COMMAND[f.severity]} ${shown.join(',')}::${escapeData(escapeInvisible(annotationMessage(f)).replace(/\t/g, ' '))}`;
}

/**
 * GitHub reads an annotation's file relative to the repository root
 * (GITHUB_WORKSPACE), while findings are relative to the working directory:
 * when claimlint runs in a subfolder of the workspace, paths are rebased.
 */
export function rebase(f: Finding, cwd: string, workspace: string | undefined): Finding {
  if (!workspace) return f;
  const base = resolve(workspace);
  const inside = (file: string) => {
    const rel = relative(base, resolve(cwd, file));
    return rel === '' || rel.split(sep)[0] === '..' || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
  };
  const file = inside(f.file);
  if (file === undefined) return f;
  return { ...f, file, related: f.related.map((r) => ({ ...r, file: inside(r.file) ?? r.file })) };
}

/**
 * At most this many annotations of each kind (error, warning, notice), the
 * worst first: GitHub shows 10 of each kind per step and drops the rest, so
 * printing more only makes the log huge. The job summary counts them all.
 */
export const ANNOTATIONS_PER_SEVERITY = 10;

/** The findings to annotate (worst first, at most `cap` of each severity) and how many are left out. */
export function annotated(findings: readonly Finding[], cap = ANNOTATIONS_PER_SEVERITY): { shown: Finding[]; left: number } {
  const taken: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const shown = worstFirst([...findings]).filter((f) => taken[f.severity]++ < cap);
  return { shown, left: findings.length - shown.length };
}

/** The job summary's line about the findings left without an annotation. */
export function notAnnotatedNote(left: number, cap = ANNOTATIONS_PER_SEVERITY): string {
  return left > 0
    ? `> ${left} more finding${left === 1 ? ' is' : 's are'} not annotated: GitHub shows ${cap} annotations of each kind per step, so claimlint annotates the worst ${cap} errors, warnings and notices; the counts above include every finding.\n`
    : '';
}

/** GitHub's limit on a step summary: 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/**
 * The Markdown step summary: counts by severity and by rule, and a table of
 * the findings, within `limitBytes`; `note` (about findings not annotated)
 * comes after the counts' report.
 */
export function stepSummary(result: LintResult, limitBytes = STEP_SUMMARY_LIMIT - 1, note = ''): string {
  const text = markdownReport(result, { title: 'claimlint', limit: limitBytes - utf8Bytes(note) - 1, measure: utf8Bytes });
  return note && text ? `${text}${text.endsWith('\n') ? '' : '\n'}${note}` : text;
}

/** Append the step summary to the file named by GITHUB_STEP_SUMMARY, keeping the file under 1 MiB. */
export function appendStepSummary(result: LintResult, path: string, note = ''): void {
  const used = existsSync(path) ? statSync(path).size : 0;
  const room = STEP_SUMMARY_LIMIT - 1 - used - 1;
  if (room <= 0) return;
  const text = stepSummary(result, room, note);
  if (text) appendFileSync(path, `${used > 0 ? '\n' : ''}${text}`);
}

const github: Formatter = (result, ctx: GithubFormatterContext) => {
  const env = ctx.env ?? process.env;
  const summaryFile = env['GITHUB_STEP_SUMMARY'];
  const { shown, left } = annotated(result.findings);
  if (summaryFile) appendStepSummary(result, summaryFile, notAnnotatedNote(left));
  const lines = shown.map((f) => `${workflowCommand(rebase(f, result.cwd, env['GITHUB_WORKSPACE']))}\n`);
  // A plain log line, not a workflow command: it must not take an annotation's place.
  if (left > 0) lines.push(`claimlint: ${left} more finding${left === 1 ? '' : 's'} not annotated (at most ${ANNOTATIONS_PER_SEVERITY} of each kind, worst first); the job summary counts all ${result.findings.length}\n`);
  return lines.join('');
};

export default github;

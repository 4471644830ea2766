/**
 * Markdown for GitHub (step summaries, pull-request comments), shared by the
 * `github` and `markdown` formatters. Claim text, messages and file names are
 * untrusted: they are escaped so they can neither break a table, nor inject
 * HTML, links or images, nor mention (and so notify) people.
 */
import type { Finding } from '../engine/report/finding.js';
import type { LintResult } from '../engine/run/linter.js';
import { countsByRule, plural, worstFirst } from './order.js';
import { escapeInvisible } from './terminal-text.js';

/** A zero-width space, as an entity: it breaks what GitHub would link or mention, and shows nothing. */
const ZWSP = '&#8203;';

/**
 * Escape untrusted text for inline Markdown (GitHub Flavored Markdown):
 * control characters become visible `\xNN` escapes, Markdown punctuation
 * that could start emphasis, code, links, images or strike-through is
 * backslash-escaped, `|` is escaped for tables, `<`, `>` and `&` become
 * entities (no raw HTML), `$` is escaped (no math), and a zero-width space
 * breaks mentions (`@name`, e-mail addresses), issue references (`#12`)
 * and GFM's autolinks (bare URLs, `www.`). Newlines are kept (as `\n`); see {@link markdownCell}.
 */
export function markdownInline(s: string): string {
  return escapeInvisible(s.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
    .replace(/[\\`*_[\]~|$]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Mentions (and e-mail autolinks), issue references ("#12") and GFM's other autolinks (a scheme's "://", "www.")
    // get a zero-width space that breaks them (issue references first: the entity itself holds a "#").
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/:(?=\/\/)/g, `:${ZWSP}`)
    .replace(/(?<![\p{L}\p{N}_-])(www)\./giu, `$1.${ZWSP}`);
}

/** {@link markdownInline} for one table cell: newlines become `<br>`. */
export function markdownCell(s: string): string {
  return markdownInline(s).replace(/\n/g, '<br>');
}

/** Cut text to at most `max` characters, marking the cut. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

const MAX_CELL = 2000;

/** One table row for a finding: location, severity, rule, message (with the related claims), claim. */
export function findingRow(f: Finding): string {
  const related = f.related.map((r) => `↳ ${markdownCell(`${r.file}:${r.line}:${r.column}`)} ${markdownCell(r.claim)}`);
  const message = [markdownCell(clip(f.message, MAX_CELL)), ...related].join('<br>');
  const cells = [markdownCell(`${f.file}:${f.line}:${f.column}`), f.severity, markdownCell(f.rule), message, f.claim === null ? '' : markdownCell(f.claim)];
  return `| ${cells.join(' | ')} |\n`;
}

export const FINDINGS_TABLE_HEAD = '| Location | Severity | Rule | Message | Claim |\n| --- | --- | --- | --- | --- |\n';

export interface MarkdownReportOptions {
  /** Heading text (Markdown, trusted), e.g. `claimlint`. */
  title: string;
  /** Heading level, 2 by default. */
  level?: number;
  /** Size limit of the whole report, in the unit of `measure`. */
  limit: number;
  /** Size of a string: UTF-8 bytes for step summaries, characters for comments. */
  measure?: (s: string) => number;
  /** Lines placed first, before the heading (e.g. an HTML comment marker). */
  preamble?: string;
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * A Markdown report of a lint result: heading with counts, counts by
 * severity and by rule, and the findings as a table, worst first. The table
 * is cut to keep the report within `limit`, with a line saying how many
 * findings are not shown. Returns '' if not even the heading fits.
 */
export function markdownReport(result: LintResult, opts: MarkdownReportOptions): string {
  const measure = opts.measure ?? ((s: string) => s.length);
  const hashes = '#'.repeat(opts.level ?? 2);
  const { errors, warnings, infos, claims, files } = result.summary;
  const total = result.findings.length;
  const scope = `${plural(claims, 'claim')} in ${plural(files, 'file')}`;
  const notes = (result.notes ?? []).map((n) => `- ${markdownInline(n).replace(/\n/g, ' ')}\n`).join('') + (result.notes?.length ? '\n' : '');
  let head = opts.preamble ?? '';
  if (total === 0) {
    head += `${hashes} ${opts.title}: no problems\n\n✔ No problems found in ${scope}.\n${notes ? `\n${notes.trimEnd()}\n` : ''}`;
    return measure(head) <= opts.limit ? head : '';
  }
  const mark = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : 'ℹ️';
  head += `${hashes} ${opts.title}: ${mark} ${plural(total, 'problem')}\n\n`;
  head += `${plural(errors, 'error')}, ${plural(warnings, 'warning')} and ${plural(infos, 'info')} in ${scope}.\n\n`;
  head += notes;
  head += '| Severity | Findings |\n| --- | ---: |\n';
  head += `| error | ${errors} |\n| warning | ${warnings} |\n| info | ${infos} |\n\n`;
  head += '| Rule | Errors | Warnings | Infos |\n| --- | ---: | ---: | ---: |\n';
  for (const c of countsByRule(result.findings)) head += `| ${markdownCell(c.rule)} | ${c.error} | ${c.warning} | ${c.info} |\n`;
  head += `\n${hashes}# Findings\n\n${FINDINGS_TABLE_HEAD}`;
  const footer = (n: number) => `\n_${plural(n, 'more finding')} not shown (report size limit)._\n`;
  let size = measure(head);
  if (size + measure(footer(total)) > opts.limit) return '';
  const rows: string[] = [];
  const sorted = worstFirst(result.findings);
  for (const [i, f] of sorted.entries()) {
    const row = findingRow(f);
    const rest = total - i - 1;
    const rowSize = measure(row);
    if (size + rowSize + (rest > 0 ? measure(footer(rest)) : 0) > opts.limit) break;
    rows.push(row);
    size += rowSize;
  }
  const hidden = total - rows.length;
  return `${head}${rows.join('')}${hidden > 0 ? footer(hidden) : ''}`;
}

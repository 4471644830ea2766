/**
 * Hover: on a finding, its rule's summary and the finding itself; on a
 * claim's `subject` or `property`, every other claim of the register on the
 * same subject and property with its value, source and evidence level (the
 * disagreement table in small).
 */
import type { Diagnostic, Hover, Position } from 'vscode-languageserver/node';
import type { RuleInfo } from '../engine/run/linter.js';
import type { ClaimSummary } from '../engine/register/claim-summary.js';
import type { Vocabulary } from '../engine/register/vocabulary.js';
import { markdownCell, markdownInline } from '../formatters/markdown-text.js';
import { messageText, ruleHref } from './diagnostics.js';
import { claimIndexAtLine, parsed, rangeOf, rawClaims } from './document.js';

function contains(d: Diagnostic, p: Position): boolean {
  const { start, end } = d.range;
  const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return afterStart && beforeEnd;
}

export function diagnosticsAt(diagnostics: readonly Diagnostic[], p: Position): Diagnostic[] {
  return diagnostics.filter((d) => contains(d, p));
}

export function findingHover(diagnostics: readonly Diagnostic[], rules: ReadonlyMap<string, RuleInfo>): string | undefined {
  if (diagnostics.length === 0) return undefined;
  return diagnostics
    .map((d) => {
      const rule = rules.get(String(d.code));
      const href = ruleHref(rule);
      const title = href ? `[${markdownInline(String(d.code))}](${href})` : markdownInline(String(d.code ?? 'claimlint'));
      const lines = [`**${title}** (${rule?.severity ?? 'claimlint'}): ${markdownInline(rule?.summary ?? '')}`, '', markdownInline(messageText(d))];
      if (rule?.standard) lines.push('', `Standard: ${markdownInline(rule.standard)}`);
      return lines.join('\n');
    })
    .join('\n\n---\n\n');
}

const LEVEL = (c: ClaimSummary): string => {
  if (c.level === null) return 'not evidence';
  if (c.level !== undefined) return `level ${c.level}`;
  return c.band === 'unrated' ? 'unrated' : 'none';
};

/** Claims sharing subject and property with the claim at `line` (hovering its subject or property). */
export function subjectHover(
  path: string,
  text: string,
  position: Position,
  claims: Record<string, ClaimSummary>,
  vocabulary: Vocabulary,
): string | undefined {
  const file = parsed(path, text);
  if (!file.doc || file.syntaxErrors.length) return undefined;
  const line = position.line + 1;
  const index = claimIndexAtLine(file, line);
  if (index === undefined) return undefined;
  const raw = rawClaims(file).find((c) => c.index === index)!;
  const onField = (['subject', 'property'] as const).some((f) => {
    const key = rangeOf(file, ['claims', index, f], { key: true });
    const value = rangeOf(file, ['claims', index, f]);
    return typeof raw.data[f] === 'string' && (key.line === line || value.line === line);
  });
  if (!onField) return undefined;
  const subject = String(raw.data['subject']);
  const property = String(raw.data['property']);
  const sKey = vocabulary.subject(subject);
  const pKey = vocabulary.property(property);
  const self = file.source && raw.id ? `${file.source.id}/${raw.id}` : undefined;
  const same = Object.values(claims).filter((c) => c.id !== self && vocabulary.subject(c.subject) === sKey && vocabulary.property(c.property) === pKey);
  const head = `**${markdownInline(subject)} · ${markdownInline(property)}**: `;
  if (same.length === 0) return `${head}no other claim in the register on this subject and property.`;
  const rows = same
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((c) => `| ${markdownCell(c.id)} | ${markdownCell(c.value)} | ${markdownCell(c.sourceTitle)} (${markdownCell(c.sourceKind)}) | ${LEVEL(c)} |`);
  return [
    `${head}${same.length} other claim${same.length === 1 ? '' : 's'} in the register`,
    '',
    '| claim | value | source | evidence |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function hoverOf(markdown: string | undefined): Hover | null {
  return markdown ? { contents: { kind: 'markdown', value: markdown } } : null;
}

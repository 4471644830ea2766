/**
 * Quick fixes for findings: a claim-scoped suppression with a reason to fill
 * in, removal of an unused suppression, a schema finding's did-you-mean, and
 * quoting a reference id written as a number.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { DiagnosticData } from './diagnostics.js';
import { messageText, SOURCE } from './diagnostics.js';
import { parsed, rangeOf, rawClaims } from './document.js';

/**
 * A suppression comment for these rules. Without a reason it ends with
 * `--` and nothing after it: `suppress/missing-reason` then reports it at
 * once, so the author is asked for the reason rather than handed a
 * placeholder that would pass as one.
 */
function directive(rules: readonly string[], reason: string): string {
  return `# claimlint-disable-next-line ${rules.join(', ')} --${reason ? ` ${reason}` : ''}`;
}

const DIRECTIVE_LINE = /^(\s*)#\s*claimlint-disable-next-line(?=\s|$)([^\n]*)$/;

function lineText(text: string, line: number): string {
  return text.split(/\r?\n/)[line] ?? '';
}

function fix(title: string, uri: string, edits: TextEdit[], diagnostic: Diagnostic, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: edits } }, ...(preferred ? { isPreferred: true } : {}) };
}

/**
 * A `# claimlint-disable-next-line <rule> -- <reason>` line above `line`
 * (0-based), at that line's indentation; when the line above already is such
 * a directive, the rule is added to it.
 */
function suppressAbove(text: string, line: number, rule: string): TextEdit[] {
  const target = lineText(text, line);
  const indent = /^\s*/.exec(target)![0];
  const above = line > 0 ? lineText(text, line - 1) : '';
  const m = DIRECTIVE_LINE.exec(above);
  if (m) {
    const body = m[2]!;
    const sep = body.indexOf('--');
    const rules = (sep >= 0 ? body.slice(0, sep) : body).split(/[\s,]+/).filter((r) => r !== '');
    if (rules.length === 0 || rules.includes(rule)) return [];
    const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    const newText = `${m[1]}${directive([...rules, rule], reason)}`;
    return [{ range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText }];
  }
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${directive([rule], '')}\n` }];
}

/** The 0-based line of the `- ` that opens claim `fullId`'s item in this file. */
function claimItemLine(path: string, text: string, fullId: string): number | undefined {
  const file = parsed(path, text);
  if (!file.doc || file.syntaxErrors.length) return undefined;
  const sourceId = file.source?.id;
  const local = fullId.slice(fullId.indexOf('/') + 1);
  if (sourceId && !fullId.startsWith(`${sourceId}/`)) return undefined;
  const raw = rawClaims(file).find((c) => c.id === local);
  if (!raw) return undefined;
  return rangeOf(file, ['claims', raw.index]).line - 1;
}

function suppressionActions(uri: string, path: string, text: string, d: Diagnostic): CodeAction[] {
  const rule = String(d.code);
  // Suppressions are YAML comments: none in a source document, none for a file that does not parse.
  if (rule.startsWith('suppress/') || rule === 'register/yaml-syntax' || !/\.ya?ml$/i.test(path)) return [];
  const data = d.data as DiagnosticData | undefined;
  const out: CodeAction[] = [];
  const itemLine = data?.claim ? claimItemLine(path, text, data.claim) : undefined;
  if (itemLine !== undefined) {
    const edits = suppressAbove(text, itemLine, rule);
    if (edits.length) out.push(fix(`Suppress ${rule} for claim ${data!.claim} (give a reason)`, uri, edits, d));
  } else {
    const edits = suppressAbove(text, d.range.start.line, rule);
    if (edits.length) out.push(fix(`Suppress ${rule} on this line (give a reason)`, uri, edits, d));
  }
  return out;
}

function removeUnused(uri: string, text: string, d: Diagnostic): CodeAction[] {
  const line = d.range.start.line;
  const l = lineText(text, line);
  const hash = d.range.start.character;
  if (l[hash] !== '#') return [];
  const idle = /names (.+), which reported nothing here/.exec(messageText(d));
  if (idle) {
    // Only some of the named rules are idle: drop those from the list.
    const drop = new Set(idle[1]!.split(/,\s*/));
    const m = /^(#\s*claimlint-[a-z-]+\s+)([^-\n]*?)(\s*--.*)?$/.exec(l.slice(hash));
    if (!m) return [];
    const kept = m[2]!.split(/[\s,]+/).filter((r) => r !== '' && !drop.has(r));
    const newText = `${m[1]}${kept.join(', ')}${m[3] ?? ''}`;
    return [fix(`Remove ${[...drop].join(', ')} from the suppression`, uri, [{ range: { start: { line, character: hash }, end: { line, character: l.length } }, newText }], d, true)];
  }
  const wholeLine = l.slice(0, hash).trim() === '';
  const range = wholeLine
    ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
    : { start: { line, character: l.slice(0, hash).trimEnd().length }, end: { line, character: l.length } };
  return [fix('Remove the unused suppression', uri, [{ range, newText: '' }], d, true)];
}

function replaceAction(title: string, uri: string, d: Diagnostic, newText: string): CodeAction {
  return fix(title, uri, [{ range: d.range, newText }], d, true);
}

function didYouMean(uri: string, text: string, d: Diagnostic): CodeAction[] {
  const m = /did you mean "([^"]+)"\?/.exec(messageText(d));
  if (!m) return [];
  const { start, end } = d.range;
  if (start.line !== end.line) return [];
  const current = lineText(text, start.line).slice(start.character, end.character);
  if (current === '' || current === m[1]) return [];
  const quote = /^(["']).*\1$/.exec(current)?.[1];
  return [replaceAction(`Change "${current.replace(/^["']|["']$/g, '')}" to "${m[1]}"`, uri, d, quote ? `${quote}${m[1]}${quote}` : m[1]!)];
}

function quoteNumber(uri: string, text: string, d: Diagnostic): CodeAction[] {
  if (!/must be a string \(got number /.test(messageText(d))) return [];
  if (!/(\.cites\[\d+\]|\.references\[\d+\]\.id) must be a string/.test(messageText(d))) return [];
  const { start, end } = d.range;
  if (start.line !== end.line) return [];
  const current = lineText(text, start.line).slice(start.character, end.character);
  if (!/^[+-]?\d[\d_.eE+-]*$/.test(current)) return [];
  return [replaceAction(`Quote the reference id: "${current}"`, uri, d, JSON.stringify(current))];
}

export function codeActions(uri: string, path: string, text: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE || d.code === undefined || d.code === 'configuration') continue;
    if ((d.data as DiagnosticData | undefined)?.mirror) continue; // fixed where it is reported
    if (d.code === 'suppress/unused') out.push(...removeUnused(uri, text, d));
    if (d.code === 'register/schema') out.push(...quoteNumber(uri, text, d));
    out.push(...didYouMean(uri, text, d));
    out.push(...suppressionActions(uri, path, text, d));
  }
  return out;
}

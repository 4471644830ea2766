/**
 * Completion: field names and enum values from the claim-file schema,
 * subjects and properties already used in the register (consistent names
 * are what make conflicts detectable), and the source's own reference ids
 * inside `cites:`.
 */
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { ClaimSummary } from '../engine/register/claim-summary.js';
import { cursorAt, type Segment } from './cursor.js';
import { claimIndexAtLine, parsed, rawClaims, rawReferences, referenceIdsByScan } from './document.js';
import { fieldsAt, isMappingAt, valuesAt } from './schema.js';

function usedValues(claims: Record<string, ClaimSummary>, field: 'subject' | 'property', except: string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of Object.values(claims)) if (c.id !== except) counts.set(c[field], (counts.get(c[field]) ?? 0) + 1);
  return counts;
}

/** The full id of the claim being edited at (0-based) `line`: its half-typed value is no suggestion. */
function claimAt(path: string, text: string, line: number): string | undefined {
  const file = parsed(path, text);
  if (!file.doc || file.syntaxErrors.length || !file.source) return undefined;
  const index = claimIndexAtLine(file, line + 1);
  const id = rawClaims(file).find((c) => c.index === index)?.id;
  return id ? `${file.source.id}/${id}` : undefined;
}

function referenceIds(path: string, text: string): string[] {
  const file = parsed(path, text);
  const ids = rawReferences(file).map((r) => r.id);
  return ids.length ? ids : referenceIdsByScan(text);
}

/** A YAML scalar as it must be written: numbers-as-text and odd strings quoted. */
function yamlScalar(value: string): string {
  return /^[A-Za-z_][\w .\-/]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/\s$/.test(value)
    ? value
    : JSON.stringify(value);
}

export function completions(path: string, text: string, position: Position, claims: () => Record<string, ClaimSummary>): CompletionItem[] {
  const cursor = cursorAt(text, position.line, position.character);
  const line = text.split(/\r?\n/)[position.line] ?? '';
  const quoted = /["']$/.test(line.slice(0, cursor.start));
  const range = { start: { line: position.line, character: cursor.start }, end: position };
  const item = (label: string, kind: CompletionItemKind, detail: string, insert = label, sortText?: string): CompletionItem => ({
    label,
    kind,
    detail,
    textEdit: { range, newText: insert },
    ...(sortText ? { sortText } : {}),
  });
  const valueItems = (valuePath: Segment[]): CompletionItem[] => {
    const last = [...valuePath].reverse().find((s) => s !== '*');
    const inList = valuePath[valuePath.length - 1] === '*';
    if (last === 'cites' && inList) {
      return referenceIds(path, text).map((id) => item(id, CompletionItemKind.Reference, 'reference of this source', quoted ? id : JSON.stringify(id)));
    }
    if ((last === 'subject' || last === 'property') && valuePath.length === 3 && valuePath[0] === 'claims') {
      const counts = usedValues(claims(), last, claimAt(path, text, position.line));
      // Most used first: the name the register already agrees on.
      const width = String(Math.max(0, ...counts.values())).length;
      return [...counts].map(([v, n]) =>
        item(v, CompletionItemKind.Value, `${last} used by ${n} claim${n === 1 ? '' : 's'}`, quoted ? v : yamlScalar(v), `${String(10 ** width - n).padStart(width + 1, '0')}${v}`),
      );
    }
    return valuesAt(valuePath).map((v) => item(v, CompletionItemKind.EnumMember, `${last ?? ''} value`));
  };
  if (cursor.mode === 'key' && !isMappingAt(cursor.path)) return valueItems(cursor.path);
  if (cursor.mode === 'key') {
    return fieldsAt(cursor.path).map((f) => ({
      ...item(f.name, CompletionItemKind.Field, f.description ?? 'field', `${f.name}: `),
      ...(f.description ? { documentation: f.description } : {}),
    }));
  }
  return valueItems(cursor.path);
}

/**
 * Findings as LSP diagnostics, and the bookkeeping that republishes exactly
 * the files whose diagnostics changed (a conflict found or fixed in one file
 * also appears in or leaves the other file).
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import type { RuleInfo } from '../engine/run/linter.js';
import type { Finding } from '../engine/report/finding.js';
import type { Severity } from '../model.js';
import { docsUrl } from '../paths.js';
import type { ConfigProblem } from './engine.js';

export const SOURCE = 'claimlint';

/** What a diagnostic carries for code actions. */
export interface DiagnosticData {
  claim: string | null;
  fingerprint: string;
  /** Shown on the other claim of a conflict or duplicate; the finding itself is located elsewhere. */
  mirror?: true;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** A 1-based line/column range (as findings give it) in LSP's 0-based form. */
export function lspRange(r: { line: number; column: number; endLine: number; endColumn: number }): Range {
  const start = { line: Math.max(0, r.line - 1), character: Math.max(0, r.column - 1) };
  const end = { line: Math.max(0, r.endLine - 1), character: Math.max(0, r.endColumn - 1) };
  const after = end.line > start.line || (end.line === start.line && end.character >= start.character);
  return { start, end: after ? end : start };
}

/** The rule's page: a URL as given, or a docs path of the repository. */
export function ruleHref(rule: RuleInfo | undefined): string | undefined {
  if (!rule?.docs) return undefined;
  return /^https?:\/\//.test(rule.docs) ? rule.docs : docsUrl(rule.docs);
}

export function toDiagnostic(f: Finding, root: string, rules: ReadonlyMap<string, RuleInfo>): Diagnostic {
  const href = ruleHref(rules.get(f.rule));
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({
    location: { uri: uriOf(resolve(root, r.file)), range: lspRange(r) },
    message: `${r.kind} ${r.claim}${r.text ? `: ${r.text}` : ''}`,
  }));
  const data: DiagnosticData = { claim: f.claim, fingerprint: f.fingerprint };
  return {
    range: lspRange(f),
    severity: SEVERITY[f.severity],
    code: f.rule,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: f.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}

export function problemDiagnostic(p: ConfigProblem): Diagnostic {
  const at = { line: p.line, column: p.column, endLine: p.line, endColumn: p.column };
  return { range: lspRange(at), severity: DiagnosticSeverity.Error, source: SOURCE, code: 'configuration', message: p.message };
}

/** Diagnostics by document URI for a set of findings keyed by absolute path. */
export function diagnosticsByUri(
  byFile: ReadonlyMap<string, readonly Finding[]>,
  root: string,
  rules: ReadonlyMap<string, RuleInfo>,
): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const add = (uri: string, d: Diagnostic) => {
    const list = out.get(uri);
    if (list) list.push(d);
    else out.set(uri, [d]);
  };
  for (const [path, findings] of byFile) {
    const uri = uriOf(path);
    for (const f of findings) {
      const d = toDiagnostic(f, root, rules);
      add(uri, d);
      // A conflict is between two claims: the other claim's file shows it too, as information pointing back.
      for (const r of f.related) {
        if (r.kind !== 'claim' || r.file === f.file) continue;
        const data: DiagnosticData = { claim: r.claim, fingerprint: f.fingerprint, mirror: true };
        add(uriOf(resolve(root, r.file)), {
          ...d,
          range: lspRange(r),
          severity: DiagnosticSeverity.Information,
          message: `${f.claim ?? f.file} (${f.file}:${f.line}) reports: ${f.message}`,
          relatedInformation: [{ location: { uri, range: d.range }, message: `reported here: ${f.claim ?? f.file}` }],
          data,
        });
      }
    }
  }
  return out;
}

/** A short fingerprint of what a document was sent (the JSON itself would double the memory held). */
function digest(diagnostics: Diagnostic[]): string {
  return diagnostics.length === 0 ? '' : createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64');
}

export interface Publication {
  uri: string;
  diagnostics: Diagnostic[];
  version?: number;
}

/**
 * Remembers what each document was last sent and yields only the documents
 * whose diagnostics differ (an empty list clears a document).
 */
export class DiagnosticBook {
  private readonly sent = new Map<string, { key: string; diagnostics: Diagnostic[] }>();

  /**
   * The diagnostics to publish so that `next` (every document that has any)
   * is what clients show. An open document whose version moved on is
   * published even when its diagnostics did not change, so its client knows
   * they are current for what it shows.
   */
  update(next: ReadonlyMap<string, Diagnostic[]>, versions: ReadonlyMap<string, number> = new Map()): Publication[] {
    const changes: Publication[] = [];
    const keyOf = (uri: string, diagnostics: Diagnostic[]) => `${versions.get(uri) ?? ''}|${digest(diagnostics)}`;
    const add = (uri: string, diagnostics: Diagnostic[]) => {
      const version = versions.get(uri);
      changes.push({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    };
    for (const [uri, diagnostics] of next) {
      const key = keyOf(uri, diagnostics);
      if (this.sent.get(uri)?.key === key) continue;
      this.sent.set(uri, { key, diagnostics });
      add(uri, diagnostics);
    }
    for (const [uri, entry] of [...this.sent]) {
      if (next.has(uri)) continue;
      if (entry.diagnostics.length === 0 && entry.key === keyOf(uri, [])) continue;
      if (versions.has(uri)) this.sent.set(uri, { key: keyOf(uri, []), diagnostics: [] });
      else this.sent.delete(uri);
      add(uri, []);
    }
    for (const uri of versions.keys()) {
      if (next.has(uri) || this.sent.has(uri)) continue;
      this.sent.set(uri, { key: keyOf(uri, []), diagnostics: [] });
      add(uri, []);
    }
    return changes;
  }

  /** What a document shows now. */
  current(uri: string): Diagnostic[] {
    return this.sent.get(uri)?.diagnostics ?? [];
  }
}

/** A diagnostic's message as plain text (LSP 3.18 allows Markdown content). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

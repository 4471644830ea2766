/**
 * Findings as LSP diagnostics, and the bookkeeping that republishes exactly
 * the files whose diagnostics changed (a conflict found or fixed in one file
 * also appears in or leaves the other file).
 */
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

/** Everything a mirror diagnostic shows, as a key: equal keys, equal diagnostics. */
function mirrorKey(f: Finding, r: Finding['related'][number]): string {
  return JSON.stringify([f.rule, f.fingerprint, f.claim, f.file, f.line, f.column, f.endLine, f.endColumn, f.message, r.claim, r.file, r.line, r.column, r.endLine, r.endColumn]);
}

/** Diagnostics by document URI for a set of findings keyed by absolute path. */
export function diagnosticsByUri(
  byFile: ReadonlyMap<string, readonly Finding[]>,
  root: string,
  rules: ReadonlyMap<string, RuleInfo>,
): Map<string, Diagnostic[]> {
  const index = new DiagnosticIndex(root, rules);
  for (const [path, findings] of byFile) index.set(path, findings);
  return index.all();
}

/**
 * Every document's diagnostics, kept by the file whose findings give them,
 * so that after a run only the files whose findings changed are converted
 * again, and only the documents those findings touch (the files themselves
 * and the other claims of their conflicts, before and after) are looked at.
 */
export class DiagnosticIndex {
  /** By file of findings (URI): the diagnostics its findings give, by document URI. */
  private readonly from = new Map<string, Map<string, Diagnostic[]>>();
  /** By document URI: the files of findings that give it diagnostics. */
  private readonly into = new Map<string, Set<string>>();
  /**
   * By file of findings (URI): the diagnostics it shows on other files, by
   * what they show. A run that gives a diagnostic equal to one of the last
   * run gets the same object, so the book sees which documents did not
   * change without serialising them (a conflict's other file is not sent
   * again when only this file's side of the conflict moved).
   */
  private readonly keyed = new Map<string, Map<string, Diagnostic>>();

  constructor(
    private readonly root: string,
    private readonly rules: ReadonlyMap<string, RuleInfo>,
  ) {}

  /** Replace the findings located in a file (absolute path); returns the URIs whose diagnostics may have changed. */
  set(path: string, findings: readonly Finding[]): Set<string> {
    const source = uriOf(path);
    const touched = new Set<string>([source]);
    for (const uri of this.from.get(source)?.keys() ?? []) {
      touched.add(uri);
      const set = this.into.get(uri);
      set?.delete(source);
      if (set?.size === 0) this.into.delete(uri);
    }
    this.from.delete(source);
    const old = this.keyed.get(source) ?? new Map<string, Diagnostic>();
    this.keyed.delete(source);
    if (findings.length === 0) return touched;
    const keyed = new Map<string, Diagnostic>();
    const next = new Map<string, Diagnostic[]>();
    const add = (uri: string, d: Diagnostic) => {
      const list = next.get(uri);
      if (list) list.push(d);
      else next.set(uri, [d]);
    };
    for (const f of findings) {
      // The file's own diagnostics are new: its findings changed, it is sent again anyway.
      const d = toDiagnostic(f, this.root, this.rules);
      add(source, d);
      // A conflict is between two claims: the other claim's file shows it too, as information pointing back.
      for (const r of f.related) {
        if (r.kind !== 'claim' || r.file === f.file) continue;
        const key = mirrorKey(f, r);
        const mirror = keyed.get(key) ?? old.get(key) ?? (() => {
          const data: DiagnosticData = { claim: r.claim, fingerprint: f.fingerprint, mirror: true };
          return {
            ...d,
            range: lspRange(r),
            severity: DiagnosticSeverity.Information,
            message: `${f.claim ?? f.file} (${f.file}:${f.line}) reports: ${f.message}`,
            relatedInformation: [{ location: { uri: source, range: d.range }, message: `reported here: ${f.claim ?? f.file}` }],
            data,
          } satisfies Diagnostic;
        })();
        keyed.set(key, mirror);
        add(uriOf(resolve(this.root, r.file)), mirror);
      }
    }
    this.from.set(source, next);
    this.keyed.set(source, keyed);
    for (const uri of next.keys()) {
      touched.add(uri);
      const set = this.into.get(uri);
      if (set) set.add(source);
      else this.into.set(uri, new Set([source]));
    }
    return touched;
  }

  /** A document's diagnostics: its own findings' first, then those other files show on it. */
  get(uri: string): Diagnostic[] {
    const sources = this.into.get(uri);
    if (!sources) return [];
    const order = [...sources].sort((a, b) => (a === uri ? -1 : b === uri ? 1 : a < b ? -1 : a > b ? 1 : 0));
    return order.flatMap((s) => this.from.get(s)?.get(uri) ?? []);
  }

  /** Every document that has diagnostics, with them. */
  all(): Map<string, Diagnostic[]> {
    return new Map([...this.into.keys()].sort().map((uri) => [uri, this.get(uri)]));
  }
}

/** Whether two lists hold the same diagnostic objects in the same order (the index reuses a finding's diagnostics). */
function sameObjects(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export interface Publication {
  uri: string;
  diagnostics: Diagnostic[];
  version?: number;
}

/**
 * Remembers what each document was last sent and yields only the documents
 * whose diagnostics differ (an empty list clears a document). Diagnostics
 * are compared as objects: the {@link DiagnosticIndex} gives a diagnostic
 * equal to one it gave before as the same object, so nothing is serialised
 * to compare (a list rebuilt equal is at worst sent again).
 */
export class DiagnosticBook {
  private readonly sent = new Map<string, { diagnostics: Diagnostic[]; version: number | undefined }>();

  /**
   * The diagnostics to publish so that `next` (every document that has any)
   * is what clients show. An open document whose version moved on is
   * published even when its diagnostics did not change, so its client knows
   * they are current for what it shows.
   */
  update(next: ReadonlyMap<string, Diagnostic[]>, versions: ReadonlyMap<string, number> = new Map()): Publication[] {
    const changes = this.updateSome(next, versions);
    // Documents not in `next` have none: cleared, and open ones told so for their version.
    const rest = new Map<string, Diagnostic[]>();
    for (const uri of [...this.sent.keys(), ...versions.keys()]) if (!next.has(uri)) rest.set(uri, []);
    changes.push(...this.updateSome(rest, versions));
    return changes;
  }

  /**
   * The same for the documents in `next` only (an empty list: the document
   * has none); every other document keeps what it was sent.
   */
  updateSome(next: ReadonlyMap<string, Diagnostic[]>, versions: ReadonlyMap<string, number> = new Map()): Publication[] {
    const changes: Publication[] = [];
    for (const [uri, diagnostics] of next) {
      const version = versions.get(uri);
      const sent = this.sent.get(uri);
      if (sent ? sent.version === version && sameObjects(sent.diagnostics, diagnostics) : diagnostics.length === 0 && version === undefined) continue;
      // A closed document without diagnostics needs no entry: what it was sent last is an empty list.
      if (diagnostics.length === 0 && version === undefined) this.sent.delete(uri);
      else this.sent.set(uri, { diagnostics, version });
      changes.push({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    }
    return changes;
  }

  /**
   * The documents whose last publication is for another version than
   * `versions` gives (edited since, or closed since: then without one).
   */
  outdated(versions: ReadonlyMap<string, number>): string[] {
    const out: string[] = [];
    for (const [uri, v] of versions) if (this.sent.get(uri)?.version !== v) out.push(uri);
    for (const [uri, e] of this.sent) if (e.version !== undefined && !versions.has(uri)) out.push(uri);
    return out;
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

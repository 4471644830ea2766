/**
 * Findings as LSP diagnostics, and the bookkeeping that republishes exactly
 * the files whose diagnostics changed (a conflict found or fixed in one file
 * also appears in or leaves the other file).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import type { RuleInfo } from '../engine/run/linter.js';
import type { Finding, RelatedLocation } from '../engine/report/finding.js';
import type { Range as Span } from '../engine/load/location.js';
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

/** URIs of paths, made once per path: every diagnostic pointing into a file shares its URI string. */
class Uris {
  private readonly byPath = new Map<string, string>();
  constructor(private readonly root: string) {}
  /** The URI of a path as findings show it (relative to the root) or absolute. */
  of(path: string): string {
    let uri = this.byPath.get(path);
    if (uri === undefined) this.byPath.set(path, (uri = uriOf(resolve(this.root, path))));
    return uri;
  }
}

export function toDiagnostic(f: Finding, root: string, rules: ReadonlyMap<string, RuleInfo>, uris = new Uris(root)): Diagnostic {
  const href = ruleHref(rules.get(f.rule));
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({
    location: { uri: uris.of(r.file), range: lspRange(r) },
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
  const index = new DiagnosticIndex(root, rules);
  for (const [path, findings] of byFile) index.set(path, findings);
  return new Map(index.uris().map((uri) => [uri, index.get(uri).diagnostics()]));
}

/**
 * What a document's diagnostics are made of, flat: a finding then which of
 * its related claims the diagnostic is shown on (-1: the finding itself),
 * for each diagnostic; or, for diagnostics not made from findings, the
 * diagnostics themselves.
 */
export type Part = Finding | number | Diagnostic;

/**
 * A document's diagnostics as the index gives them: what they are made of,
 * and the diagnostics themselves, made on demand. `parts` lists, in order,
 * each diagnostic's finding and which of its related claims it is shown on
 * (-1: the finding itself); equal parts (the same finding objects) make
 * equal diagnostics, so nothing is made or serialised to see that a
 * document did not change.
 */
export interface DocumentDiagnostics {
  readonly parts: readonly Part[];
  diagnostics(): Diagnostic[];
}

/** A list of diagnostics as they are, for the book (its parts are the diagnostics themselves). */
export function fixed(diagnostics: Diagnostic[]): DocumentDiagnostics {
  return { parts: diagnostics, diagnostics: () => diagnostics };
}

/**
 * Every document's diagnostics, kept as the findings that give them, so
 * that after a run only the documents the changed files' findings touch
 * (the files themselves and the other claims of their conflicts, before
 * and after) are looked at. Diagnostics are made when a document is
 * published and not kept: the server holds the findings once (in the
 * session), not a second time as diagnostics.
 */
export class DiagnosticIndex {
  /** By file of findings (URI): the parts it gives each document (itself first, then the other claims' documents). */
  private readonly from = new Map<string, Map<string, Part[]>>();
  /** By document URI: the files of findings that give it diagnostics. */
  private readonly into = new Map<string, Set<string>>();
  /** URIs of the files findings name, made once per file. */
  private readonly fileUris: Uris;

  constructor(
    private readonly root: string,
    private readonly rules: ReadonlyMap<string, RuleInfo>,
  ) {
    this.fileUris = new Uris(root);
  }

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
    if (findings.length === 0) return touched;
    const own: Part[] = [];
    const targets = new Map<string, Part[]>([[source, own]]);
    for (const f of findings) {
      own.push(f, -1);
      // A conflict is between two claims: the other claim's file shows it too.
      for (let i = 0; i < f.related.length; i++) {
        const r = f.related[i]!;
        if (r.kind !== 'claim' || r.file === f.file) continue;
        const uri = this.fileUris.of(r.file);
        const parts = targets.get(uri);
        if (parts) parts.push(f, i);
        else targets.set(uri, [f, i]);
      }
    }
    this.from.set(source, targets);
    for (const uri of targets.keys()) {
      touched.add(uri);
      const set = this.into.get(uri);
      if (set) set.add(source);
      else this.into.set(uri, new Set([source]));
    }
    return touched;
  }

  /** A document's diagnostics: its own findings' first, then those other files show on it. */
  get(uri: string): DocumentDiagnostics {
    const sources = this.into.get(uri);
    if (!sources) return fixed([]);
    const order = [...sources].sort((a, b) => (a === uri ? -1 : b === uri ? 1 : a < b ? -1 : a > b ? 1 : 0));
    const parts: Part[] = order.length === 1 ? (this.from.get(order[0]!)?.get(uri) ?? []) : order.flatMap((s) => this.from.get(s)?.get(uri) ?? []);
    return { parts, diagnostics: () => this.make(parts) };
  }

  /** Every document that has diagnostics, in order. */
  uris(): string[] {
    return [...this.into.keys()].sort();
  }

  private make(parts: readonly Part[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      const f = parts[i] as Finding;
      const at = parts[i + 1] as number;
      const d = toDiagnostic(f, this.root, this.rules, this.fileUris);
      if (at < 0) {
        out.push(d);
        continue;
      }
      // A conflict is between two claims: the other claim's file shows it too, as information pointing back.
      const r = f.related[at]!;
      const data: DiagnosticData = { claim: r.claim, fingerprint: f.fingerprint, mirror: true };
      out.push({
        ...d,
        range: lspRange(r),
        severity: DiagnosticSeverity.Information,
        message: `${f.claim ?? f.file} (${f.file}:${f.line}) reports: ${f.message}`,
        relatedInformation: [{ location: { uri: this.fileUris.of(f.file), range: d.range }, message: `reported here: ${f.claim ?? f.file}` }],
        data,
      });
    }
    return out;
  }
}

function sameSpan(a: Span, b: Span): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

function sameRelated(a: RelatedLocation, b: RelatedLocation): boolean {
  return a.kind === b.kind && a.claim === b.claim && a.file === b.file && a.text === b.text && sameSpan(a, b);
}

/** Whether two findings show the same diagnostic (the finding itself at -1, or on its related claim `at`). */
function samePart(a: Finding, b: Finding, at: number): boolean {
  if (a === b) return true;
  const same = a.rule === b.rule && a.message === b.message && a.claim === b.claim && a.file === b.file && a.fingerprint === b.fingerprint && sameSpan(a, b);
  if (!same) return false;
  if (at >= 0) return a.related[at] !== undefined && b.related[at] !== undefined && sameRelated(a.related[at]!, b.related[at]!);
  return a.severity === b.severity && a.related.length === b.related.length && a.related.every((r, i) => sameRelated(r, b.related[i]!));
}

const isFinding = (p: Part | undefined): p is Finding => typeof p === 'object' && 'fingerprint' in p && 'related' in p;

/** Whether two lists of parts make the same diagnostics; `identical` asks for the same objects (nothing compared by content). */
function sameParts(a: readonly Part[], b: readonly Part[], identical: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    // Diagnostics given as they are (a configuration problem) are new objects each time: compared as identical only.
    if (identical || !isFinding(x) || !isFinding(y)) return false;
    if (a[i + 1] !== b[i + 1] || !samePart(x, y, b[i + 1] as number)) return false;
    i++;
  }
  return true;
}

export interface Publication {
  uri: string;
  diagnostics: Diagnostic[];
  version?: number;
}

interface Sent {
  shown: DocumentDiagnostics;
  version: number | undefined;
  /** Kept for open documents only (hover and go to definition read them); others are made again when needed. */
  diagnostics: Diagnostic[] | undefined;
}

/** A document that may need publishing: its diagnostics (made on demand) and the version they are for. */
export interface Candidate {
  uri: string;
  shown: DocumentDiagnostics;
  version: number | undefined;
}

/**
 * Remembers what each document was last sent and yields only the documents
 * whose diagnostics differ (an empty list clears a document). Documents are
 * compared by their parts: the same objects, or findings made again with
 * the same content (a finding made again equal is not sent again), without
 * making or serialising any diagnostic.
 *
 * In two steps, so that a server makes one document's diagnostics at a
 * time, just before sending them: {@link candidates} says cheaply which
 * documents may have changed, {@link settle} makes one's diagnostics and
 * says whether to send them.
 */
export class DiagnosticBook {
  private readonly sent = new Map<string, Sent>();

  /**
   * The documents that may need publishing so that `next` is what clients
   * show. With `all`, `next` holds every document that has diagnostics and
   * any other document sent before is cleared; without, the documents not
   * in `next` keep what they were sent. An open document whose version
   * moved on is a candidate even when its diagnostics did not change, so
   * its client knows they are current for what it shows.
   */
  candidates(next: ReadonlyMap<string, DocumentDiagnostics | Diagnostic[]>, versions: ReadonlyMap<string, number> = new Map(), all = false): Candidate[] {
    const out: Candidate[] = [];
    const consider = (uri: string, given: DocumentDiagnostics | Diagnostic[]) => {
      const shown = Array.isArray(given) ? fixed(given) : given;
      const version = versions.get(uri);
      const sent = this.sent.get(uri);
      if (sent ? sent.version === version && sameParts(sent.shown.parts, shown.parts, true) : shown.parts.length === 0 && version === undefined) return;
      out.push({ uri, shown, version });
    };
    for (const [uri, given] of next) consider(uri, given);
    // Documents not in `next` have none: cleared, and open ones told so for their version.
    if (all) for (const uri of new Set([...this.sent.keys(), ...versions.keys()])) if (!next.has(uri)) consider(uri, []);
    return out;
  }

  /** Make a candidate's diagnostics and record them: the publication to send, or undefined when they are what was sent. */
  settle(c: Candidate): Publication | undefined {
    const { uri, shown, version } = c;
    const sent = this.sent.get(uri);
    if (sent && sent.version === version && sameParts(sent.shown.parts, shown.parts, false)) {
      // Made again equal: remember the new parts (the old findings can go), send nothing.
      this.sent.set(uri, { ...sent, shown });
      return undefined;
    }
    const diagnostics = shown.diagnostics();
    const keep = version !== undefined ? diagnostics : undefined;
    // A closed document without diagnostics needs no entry: what it was sent last is an empty list.
    if (diagnostics.length === 0 && version === undefined) this.sent.delete(uri);
    else this.sent.set(uri, { shown, version, diagnostics: keep });
    return { uri, diagnostics, ...(version !== undefined ? { version } : {}) };
  }

  /** Both steps at once, for every document of `next` (and, with `all`, clearing the others). */
  update(next: ReadonlyMap<string, DocumentDiagnostics | Diagnostic[]>, versions: ReadonlyMap<string, number> = new Map(), all = true): Publication[] {
    return this.candidates(next, versions, all).flatMap((c) => this.settle(c) ?? []);
  }

  /** {@link update} for the documents in `next` only (an empty list: the document has none); every other document keeps what it was sent. */
  updateSome(next: ReadonlyMap<string, DocumentDiagnostics | Diagnostic[]>, versions: ReadonlyMap<string, number> = new Map()): Publication[] {
    return this.update(next, versions, false);
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

  /** What a document shows now (made again for a closed document: only open documents' diagnostics are kept). */
  current(uri: string): Diagnostic[] {
    const sent = this.sent.get(uri);
    return sent ? (sent.diagnostics ?? sent.shown.diagnostics()) : [];
  }
}

/** A diagnostic's message as plain text (LSP 3.18 allows Markdown content). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

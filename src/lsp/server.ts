/**
 * `claimlint lsp`: a language server on stdio. Diagnostics while typing
 * (debounced, whole register kept up to date incrementally, every file whose
 * findings changed is republished and no other), hover, completion, go to
 * definition and quick fixes.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { packageInfo } from '../paths.js';
import { codeActions } from './code-actions.js';
import { completions } from './completion.js';
import { definition } from './definition.js';
import { DiagnosticBook, DiagnosticIndex, problemDiagnostic, uriOf, type Candidate, type DocumentDiagnostics } from './diagnostics.js';
import { forget } from './document.js';
import { LspEngine, type EngineOutcome, type EngineSnapshot } from './engine.js';
import { diagnosticsAt, findingHover, hoverOf, subjectHover } from './hover.js';

export interface ServerOptions {
  /** Quiet time after a keystroke before linting (ms); `initializationOptions.debounceMs` overrides it. */
  debounceMs?: number;
}

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** Files whose change on disk can change findings: claim files, configuration, rules, source documents. */
const WATCHED = /\.(ya?ml|txt|md|markdown|html?)$/i;

export function startServer(connection: Connection, opts: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const book = new DiagnosticBook();
  let engine: LspEngine | undefined;
  let snapshot: EngineSnapshot | undefined;
  let index = new DiagnosticIndex('', new Map());
  let problemDiagnostics = new Map<string, Diagnostic[]>();
  let watcher: FSWatcher | undefined;
  let shuttingDown = false;
  /** Documents left for the next publication (a change came before they were sent). */
  let deferred = new Set<string>();

  /**
   * Publish a run's outcome. After (re)opening, every document is
   * reconciled; after an update, only the documents the changed files'
   * findings touch (those files, the other claims of their conflicts before
   * and after) and the open documents whose version moved on.
   */
  let published: EngineOutcome | undefined;
  const publish = (outcome: EngineOutcome) => {
    // Every change that joined a run waits for its outcome: publish it once.
    if (!engine || shuttingDown || outcome === published) return;
    published = outcome;
    const versions = new Map<string, number>();
    let touched: Set<string> | 'all' = new Set();
    const touch = (uris: Iterable<string>) => {
      if (touched !== 'all') for (const uri of uris) touched.add(uri);
    };
    // A problem shown last time goes (or is replaced) with this outcome; documents deferred last time are looked at again.
    touch(problemDiagnostics.keys());
    touch(deferred);
    deferred = new Set();
    problemDiagnostics = new Map();
    if (outcome.ok) {
      const s = outcome.snapshot;
      snapshot = s;
      for (const [path, v] of s.versions) versions.set(uriOf(path), v);
      if (s.changed === 'all') {
        index = new DiagnosticIndex(engine.root, s.rules);
        for (const [path, findings] of s.byFile()) index.set(path, findings);
        touched = 'all';
      } else {
        for (const path of s.changed) touch(index.set(path, s.findingsIn(path)));
      }
    } else {
      // Keep the last findings; show the problem on the file at fault.
      const p = outcome.problem;
      if (p.file) problemDiagnostics.set(uriOf(p.file), [problemDiagnostic(p)]);
      else void connection.window.showErrorMessage(`claimlint: ${p.message}`);
      touch(problemDiagnostics.keys());
      connection.console.error(`claimlint: ${p.message}`);
    }
    const diagnosticsOf = (uri: string): DocumentDiagnostics => {
      const own = index.get(uri);
      const problems = problemDiagnostics.get(uri);
      return problems ? { parts: [...own.parts, ...problems], diagnostics: () => [...own.diagnostics(), ...problems] } : own;
    };
    let candidates: Candidate[];
    if (touched === 'all') {
      const all = new Map<string, DocumentDiagnostics>();
      for (const uri of [...index.uris(), ...problemDiagnostics.keys()]) all.set(uri, diagnosticsOf(uri));
      candidates = book.candidates(all, versions, true);
    } else {
      // Open documents edited since their last publication are published with their new version, closed ones without.
      touch(book.outdated(versions));
      candidates = book.candidates(new Map([...touched].map((uri) => [uri, diagnosticsOf(uri)])), versions);
    }
    // Open documents first (the one being typed in among them).
    candidates.sort((a, b) => Number(b.version !== undefined) - Number(a.version !== undefined));
    return send(candidates);
  };

  /**
   * Send the candidates one at a time: each document's diagnostics are made
   * just before they are sent and let go once written, so that publishing a
   * large register never holds all its diagnostics at once. Open documents
   * go first and at once. The others (conflict partners, files whose
   * related positions moved) follow when typing pauses: after a quiet
   * moment, unless another change is already on its way, in which case
   * they join its publication (made from the findings as they are then).
   */
  const send = async (candidates: Candidate[]) => {
    let i = 0;
    const sendOne = async (c: Candidate) => {
      const p = book.settle(c);
      if (p) await connection.sendDiagnostics({ uri: p.uri, diagnostics: p.diagnostics, ...(p.version !== undefined ? { version: p.version } : {}) });
    };
    for (; i < candidates.length && candidates[i]!.version !== undefined; i++) {
      if (shuttingDown) return;
      await sendOne(candidates[i]!);
    }
    if (i < candidates.length && engine) await new Promise((r) => setTimeout(r, engine!.debounce));
    for (; i < candidates.length; i++) {
      if (shuttingDown) return;
      if (engine?.busy()) {
        for (; i < candidates.length; i++) deferred.add(candidates[i]!.uri);
        return;
      }
      await sendOne(candidates[i]!);
    }
  };
  /** Outcomes are published in order, each after the last one's documents are sent: a document's publications never overtake each other. */
  let publishing: Promise<void> = Promise.resolve();
  const publishInOrder = (outcome: EngineOutcome) => {
    publishing = publishing.then(() => publish(outcome)).catch((e: unknown) => connection.console.error(`claimlint: ${String(e)}`));
  };

  const relint = (changed?: string) => {
    if (!engine) return;
    engine.relint(changed).then(publishInOrder, (e: unknown) => connection.console.error(`claimlint: ${String(e)}`));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = (folder && pathOf(folder)) ?? params.rootPath ?? process.cwd();
    const init = (params.initializationOptions ?? {}) as { debounceMs?: unknown };
    const debounceMs = typeof init.debounceMs === 'number' ? init.debounceMs : opts.debounceMs;
    engine = new LspEngine(root, debounceMs !== undefined ? { debounceMs } : {});
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '"', '-'] },
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'claimlint', version: packageInfo().version },
    };
  });

  connection.onInitialized(() => {
    if (!engine) return;
    const root = engine.root;
    // Files changed outside the editor (another tool, git checkout, a rule folder): lint again.
    try {
      watcher = fsWatch(root, { recursive: true }, (_event, name) => {
        if (!name || /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(String(name))) return;
        const path = resolve(root, String(name));
        if (!WATCHED.test(path)) return;
        if (documents.get(uriOf(path))) return; // open buffers are what counts; their edits arrive as didChange
        onWatched(path);
      });
      watcher.on('error', () => undefined);
    } catch {
      // No recursive watching here: the client's didChangeWatchedFiles still reloads.
    }
    relint();
  });

  const onWatched = (path: string) => {
    if (!engine) return;
    engine.fileChanged(path);
    relint(path);
  };

  connection.onNotification(DidChangeWatchedFilesNotification.type, (params) => {
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (path) onWatched(path);
    }
  });

  /** Buffers of register files stand in for the disk; other files (configuration, rules, documents) count when saved. */
  const edited = async (uri: string, text: string | undefined, version: number) => {
    const path = pathOf(uri);
    if (!engine || !path) return;
    engine.setText(path, text, version);
    if (text === undefined) forget(path);
    if (await engine.inRegister(path)) relint(path);
  };
  documents.onDidChangeContent((e) => edited(e.document.uri, e.document.getText(), e.document.version));
  documents.onDidClose((e) => edited(e.document.uri, undefined, e.document.version));
  documents.onDidSave(async (e) => {
    const path = pathOf(e.document.uri);
    if (engine && path && !(await engine.inRegister(path))) {
      engine.fileChanged(path);
      relint(path);
    }
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    if (!doc || !path) return null;
    const here = diagnosticsAt(book.current(doc.uri), params.position);
    const finding = snapshot ? findingHover(here, snapshot.rules) : undefined;
    if (finding) return hoverOf(finding);
    if (!snapshot || !/\.ya?ml$/i.test(path)) return null;
    return hoverOf(subjectHover(path, doc.getText(), params.position, snapshot.claims(), snapshot.vocabulary));
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    // Claim-file completion in claim files only (not in the configuration or a rule file).
    if (!doc || !path || !engine || !(await engine.inRegister(path))) return [];
    return completions(path, doc.getText(), params.position, () => snapshot?.claims() ?? {});
  });

  connection.onDefinition((params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    if (!doc || !path || !engine) return [];
    return definition(path, doc.uri, doc.getText(), params.position, engine.root, () => snapshot?.claims() ?? {}, book.current(doc.uri));
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    if (!doc || !path) return [];
    return codeActions(doc.uri, path, doc.getText(), params.context.diagnostics);
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    watcher?.close();
  });

  documents.listen(connection);
  connection.listen();
}

/** Run the server on stdin/stdout until the client says exit. */
export function runLanguageServer(argv: readonly string[]): Promise<number> {
  for (const a of argv) {
    // What clients pass by habit (vscode-languageclient adds --stdio and --clientProcessId).
    if (a !== '--stdio' && !/^--clientProcessId=\d+$/.test(a)) {
      process.stderr.write(`claimlint lsp: unknown option "${a}" (the server speaks LSP on stdin/stdout)\n`);
      return Promise.resolve(2);
    }
  }
  const connection = createConnection(process.stdin, process.stdout);
  startServer(connection);
  return new Promise<number>((done) => {
    connection.onExit(() => done(0));
  });
}

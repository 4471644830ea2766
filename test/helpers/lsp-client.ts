/**
 * A JSON-RPC client for `claimlint lsp` over stdio (vscode-languageserver-protocol),
 * as an editor would drive it: spawns the built binary, keeps the latest
 * diagnostics per document and lets a test wait for a publication.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { BIN } from './cli.js';

export interface Publication {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly proc: ChildProcessWithoutNullStreams;
  readonly root: string;
  readonly latest = new Map<string, Publication>();
  /** Every publication received, in order. */
  readonly published: Publication[] = [];
  /** Called for every publication as it arrives (the benchmark stamps its arrival time; tests never time anything). */
  private listeners: Array<(p: Publication) => void> = [];
  private waiters: Array<{ test: (p: Publication) => boolean; resolve: (p: Publication) => void }> = [];
  private versions = new Map<string, number>();
  stderr = '';

  /** `nodeArgs`: options for Node itself (the benchmark passes `--cpu-prof`). */
  constructor(root: string, args: string[] = ['lsp'], nodeArgs: string[] = []) {
    this.root = root;
    this.proc = spawn(process.execPath, [...nodeArgs, BIN, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      const p: Publication = { ...params };
      for (const l of this.listeners) l(p);
      this.latest.set(params.uri, p);
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.connection.listen();
  }

  onPublish(listener: (p: Publication) => void): void {
    this.listeners.push(listener);
  }

  uri(rel: string): string {
    return pathToFileURL(join(this.root, rel)).href;
  }

  async initialize(initializationOptions: Record<string, unknown> = { debounceMs: 20 }): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: 'test' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** The next publication for `rel` that satisfies `test` (or the latest one, if it already does). */
  waitFor(rel: string, test: (p: Publication) => boolean = () => true, timeoutMs = 20_000, acceptLatest = true): Promise<Publication> {
    const uri = this.uri(rel);
    const latest = this.latest.get(uri);
    if (acceptLatest && latest && test(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${rel} within ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map((d) => d.code))}\n${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  open(rel: string, text = readFileSync(join(this.root, rel), 'utf8')): Promise<void> {
    this.versions.set(rel, 1);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri(rel), languageId: 'yaml', version: 1, text },
    });
  }

  /** Replace the whole text of an open document; returns the new version. */
  async change(rel: string, text: string): Promise<number> {
    const version = (this.versions.get(rel) ?? 1) + 1;
    this.versions.set(rel, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri(rel), version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** Tell the server a file changed on disk (as clients relay their file watchers). */
  changedOnDisk(rel: string): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uri(rel), type: FileChangeType.Changed }] });
  }

  close(rel: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(rel) } });
  }

  /**
   * Resolves once the server has handled everything sent before: it answers
   * requests in order, after the notifications it sent while handling
   * earlier messages (a hover on a file that is not open answers null).
   */
  async settled(): Promise<void> {
    await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri('.settled') }, position: { line: 0, character: 0 } });
  }

  codes(rel: string): string[] {
    return (this.latest.get(this.uri(rel))?.diagnostics ?? []).map((d) => String(d.code));
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.proc.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/**
 * A minimal VS Code extension for claimlint: starts `claimlint lsp` (stdio)
 * for the workspace and hands it the YAML files. Everything else — what is
 * checked, hover, completion, quick fixes — comes from the server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function command(): string {
  const configured = workspace.getConfiguration('claimlint').get<string>('path', '');
  if (configured) return configured;
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder ? join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'claimlint.cmd' : 'claimlint') : undefined;
  return local && existsSync(local) ? local : 'claimlint';
}

export async function activate(context: ExtensionContext): Promise<void> {
  const run = { command: command(), args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      // Source documents get diagnostics too when findings are located in them.
      { scheme: 'file', pattern: '**/*.{txt,md,html}' },
    ],
    initializationOptions: { debounceMs: workspace.getConfiguration('claimlint').get<number>('debounceMs', 30) },
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
  };
  client = new LanguageClient('claimlint', 'claimlint', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * `--watch`: lint, then lint again whenever a file under the working
 * directory changes, until interrupted. A change to a claim file is applied
 * to a {@link LintSession}, which re-parses that file and re-runs the rules
 * only for the groups its claims belong to; a change to a source document
 * (HTML, Markdown, text) is applied to the session too, which re-reads the
 * documents and re-runs the checks that read them; any other YAML file (the
 * configuration, a rule folder, the vocabulary) opens a new session.
 */
import { watch as fsWatch } from 'node:fs';
import { resolve } from 'node:path';
import type { LintOptions, LintResult } from '../engine/run/linter.js';
import { LintSession } from '../engine/run/session.js';
import { isDocumentPath } from '../engine/document/document.js';
import { terminalSafe } from '../formatters/terminal-text.js';

export interface WatchIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  cwd: string;
}

/** Milliseconds to wait for more events after one: an editor's save is often a few events. */
const SETTLE_MS = 15;

export async function watchRegister(opts: LintOptions, emit: (result: LintResult) => Promise<number>, io: WatchIo): Promise<number> {
  const clear = () => {
    if (io.isTTY) io.stdout('\u001bc');
  };
  let session: LintSession | undefined;
  const pending = new Set<string>();
  let reopen = true;
  const once = async () => {
    const paths = [...pending];
    pending.clear();
    const code = await (async () => {
      if (reopen || !session) {
        reopen = false;
        session = await LintSession.open(opts);
      } else {
        const claimFiles = paths.filter((p) => session!.isClaimFile(p) || isDocumentPath(p));
        if (claimFiles.length < paths.length) {
          // Not a claim file: the configuration, a rule or a vocabulary changed.
          session = await LintSession.open(opts);
        } else {
          await session.updateMany(claimFiles.map((path) => ({ path })));
        }
      }
      const result = await session.result();
      clear();
      return emit(result);
    })().catch((e: unknown) => {
      session = undefined;
      io.stderr(`claimlint: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
      return 2;
    });
    io.stderr(`claimlint: watching for changes (exit code would be ${code}); press Ctrl+C to stop\n`);
  };
  // Watch first, then lint: a change made while the first run is under way is not lost.
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watcher = fsWatch(io.cwd, { recursive: true }, (_event, name) => {
    if (!name || !(/\.(ya?ml)$/.test(String(name)) || isDocumentPath(String(name))) || /(^|[\\/])(node_modules|\.git)[\\/]/.test(String(name))) return;
    pending.add(resolve(io.cwd, String(name)));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(once);
    }, SETTLE_MS);
  });
  running = running.then(once);
  await running;
  return new Promise<number>((done) => {
    const stop = () => {
      watcher.close();
      done(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

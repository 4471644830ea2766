/**
 * The language server's only access to the lint engine: everything the
 * server knows about the register comes through {@link LspEngine}. Today it
 * re-lints the whole register with `lint({ contents })` (open buffers stand
 * in for the files on disk), debounced so that a burst of keystrokes costs
 * one run; an incremental session can replace the body of `runOnce` without
 * touching the server.
 */
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_FILES, findConfigFile, loadConfig } from '../engine/run/config.js';
import { ConfigError } from '../engine/run/errors.js';
import { lint, type RuleInfo } from '../engine/run/linter.js';
import type { ClaimSummary } from '../engine/register/claim-summary.js';
import type { Finding } from '../engine/report/finding.js';
import { Vocabulary } from '../engine/register/vocabulary.js';
import { displayPath } from '../paths.js';

/** A configuration or rule-file problem, located when the engine says where. */
export interface ConfigProblem {
  /** Absolute path of the file at fault (the configuration file when the message names none). */
  file: string | undefined;
  line: number;
  column: number;
  message: string;
}

export interface EngineSnapshot {
  /** Findings by absolute path of the file they are located in (claim files, source documents, anything). */
  byFile: Map<string, Finding[]>;
  rules: Map<string, RuleInfo>;
  /** Every claim of the register by full id (computed on first call). */
  claims: () => Record<string, ClaimSummary>;
  vocabulary: Vocabulary;
  /** The version of each open buffer this snapshot reflects. */
  versions: Map<string, number>;
}

export type EngineOutcome = { ok: true; snapshot: EngineSnapshot } | { ok: false; problem: ConfigProblem };

interface Buffer {
  text: string;
  version: number;
}

interface Deferred {
  promise: Promise<EngineOutcome>;
  resolve: (o: EngineOutcome) => void;
  timer: NodeJS.Timeout | undefined;
}

export interface EngineOptions {
  /** Quiet time after the last change before a run starts (milliseconds). */
  debounceMs?: number;
}

/** The configuration a problem message names (`claimlint.config.yaml:3:5: ...` or a rule file). */
export function locateProblem(message: string, root: string, configFile: string | undefined): ConfigProblem {
  const m = /^(.+?):(\d+):(\d+): ([\s\S]*)$/.exec(message);
  if (m) return { file: resolve(root, m[1]!), line: Number(m[2]), column: Number(m[3]), message: m[4]! };
  return { file: configFile, line: 1, column: 1, message };
}

export class LspEngine {
  readonly root: string;
  private readonly buffers = new Map<string, Buffer>();
  private readonly debounceMs: number;
  private pending: Deferred | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private setup: Promise<{ vocabulary: Vocabulary; inRegister: (abs: string) => boolean; configFile: string | undefined }> | undefined;

  constructor(root: string, opts: EngineOptions = {}) {
    this.root = resolve(root);
    this.debounceMs = opts.debounceMs ?? 75;
  }

  /** An open buffer's text (undefined: closed, the file on disk counts again). */
  setText(path: string, text: string | undefined, version = 0): void {
    if (text === undefined) this.buffers.delete(path);
    else this.buffers.set(path, { text, version });
  }

  /** Configuration, rule folders or vocabulary changed: read them again on the next run. */
  reload(): void {
    this.setup = undefined;
  }

  /** The configuration file the register uses, if any. */
  async configFile(): Promise<string | undefined> {
    return (await this.settings().catch(() => undefined))?.configFile ?? safeFindConfig(this.root);
  }

  /** Whether a file belongs to the register (matches `files`, not `ignores`). */
  async inRegister(path: string): Promise<boolean> {
    return (await this.settings().catch(() => undefined))?.inRegister(path) ?? false;
  }

  /**
   * Lint again after `changedPath` (or anything) changed. Calls within the
   * debounce interval share one run; runs never overlap.
   */
  relint(_changedPath?: string): Promise<EngineOutcome> {
    if (!this.pending) {
      let resolveFn!: (o: EngineOutcome) => void;
      const promise = new Promise<EngineOutcome>((r) => (resolveFn = r));
      this.pending = { promise, resolve: resolveFn, timer: undefined };
    }
    const d = this.pending;
    clearTimeout(d.timer);
    d.timer = setTimeout(() => {
      if (this.pending === d) this.pending = undefined;
      const run = this.running.then(() => this.runOnce());
      this.running = run;
      void run.then(d.resolve);
    }, this.debounceMs);
    return d.promise;
  }

  private settings() {
    this.setup ??= (async () => {
      const loaded = await loadConfig(this.root);
      const root = loaded.root;
      const isFile = picomatch(loaded.config.files ?? DEFAULT_FILES, { dot: false });
      const isIgnored = picomatch([...(loaded.config.ignores ?? []), '**/node_modules/**'], { dot: true });
      return {
        vocabulary: new Vocabulary(loaded.config.vocabulary ?? {}),
        configFile: loaded.file,
        inRegister: (abs: string) => {
          const rel = displayPath(abs, root);
          return !rel.startsWith('../') && isFile(rel) && !isIgnored(rel);
        },
      };
    })();
    const s = this.setup;
    s.catch(() => {
      if (this.setup === s) this.setup = undefined; // a broken configuration is read again next time
    });
    return s;
  }

  private async runOnce(): Promise<EngineOutcome> {
    try {
      const settings = await this.settings();
      const contents = new Map<string, string>();
      const versions = new Map<string, number>();
      for (const [path, b] of this.buffers) {
        versions.set(path, b.version);
        // Only register files stand in for disk files: any other path given would be added to the register.
        if (settings.inRegister(path)) contents.set(path, b.text);
      }
      const result = await lint({ cwd: this.root, contents });
      const byFile = new Map<string, Finding[]>();
      for (const f of result.findings) {
        const abs = resolve(this.root, f.file);
        const list = byFile.get(abs);
        if (list) list.push(f);
        else byFile.set(abs, [f]);
      }
      return {
        ok: true,
        snapshot: {
          byFile,
          rules: new Map(result.rules.map((r) => [r.id, r])),
          claims: () => result.claims ?? {},
          vocabulary: settings.vocabulary,
          versions,
        },
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const configFile = safeFindConfig(this.root);
      if (e instanceof ConfigError) return { ok: false, problem: locateProblem(message, this.root, configFile) };
      // Not a configuration error: still a diagnostic, never a crash of the server.
      return { ok: false, problem: { file: configFile, line: 1, column: 1, message: `claimlint failed: ${message}` } };
    }
  }
}

function safeFindConfig(root: string): string | undefined {
  try {
    return findConfigFile(root);
  } catch {
    return undefined;
  }
}

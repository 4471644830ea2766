/**
 * The language server's only access to the lint engine: everything the
 * server knows about the register comes through {@link LspEngine}. Today it
 * runs every rule over the whole register on each change (`lintFiles`, as
 * `lint({ contents })` does, open buffers standing in for the files on
 * disk), keeping the parsed files and the loaded rules between runs so that
 * only what changed is read and parsed again, and debounced so that a burst
 * of keystrokes costs one run. An incremental session can replace the body
 * of `runOnce` without touching the server.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { parseClaimFile, type RegisterFile } from '../engine/load/loader.js';
import { DEFAULT_FILES, findConfigFile } from '../engine/run/config.js';
import { ConfigError } from '../engine/run/errors.js';
import { lintFiles, resolveSetup, type LintResult, type Resolved, type RuleInfo } from '../engine/run/linter.js';
import type { ClaimSummary } from '../engine/register/claim-summary.js';
import type { Finding } from '../engine/report/finding.js';
import type { Vocabulary } from '../engine/register/vocabulary.js';
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
  /** Waiting for the run in progress to end: at most one run waits, whatever the number of changes. */
  queued: boolean;
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
  private setup: Promise<Settings> | undefined;
  private lastSettings: Settings | undefined;
  /** Parsed files by absolute path, with the text they were parsed from. */
  private readonly parsedFiles = new Map<string, RegisterFile>();
  /** The register's files on disk; undefined: look again. */
  private listing: Promise<string[]> | undefined;

  constructor(root: string, opts: EngineOptions = {}) {
    this.root = resolve(root);
    this.debounceMs = opts.debounceMs ?? 75;
  }

  /** An open buffer's text (undefined: closed, the file on disk counts again). */
  setText(path: string, text: string | undefined, version = 0): void {
    if (text === undefined) {
      // The file on disk counts again: read it on the next run.
      this.buffers.delete(path);
      this.parsedFiles.delete(path);
    } else {
      this.buffers.set(path, { text, version });
    }
  }

  /** Configuration, rule folders or vocabulary changed: read them again on the next run. */
  reload(): void {
    this.setup = undefined;
    this.listing = undefined;
  }

  /**
   * A file changed, appeared or went away on disk: read it (and the list of
   * files) again on the next run. A YAML file outside the register (the
   * configuration, a rule file) reloads the setup.
   */
  fileChanged(path: string): void {
    this.parsedFiles.delete(path);
    this.listing = undefined;
    if (/\.ya?ml$/i.test(path) && !this.lastSettings?.inRegister(path)) this.setup = undefined;
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
   * debounce interval share one run, and so do all calls made while a run
   * waits for the one in progress; runs never overlap.
   */
  relint(_changedPath?: string): Promise<EngineOutcome> {
    if (!this.pending) {
      let resolveFn!: (o: EngineOutcome) => void;
      const promise = new Promise<EngineOutcome>((r) => (resolveFn = r));
      this.pending = { promise, resolve: resolveFn, timer: undefined, queued: false };
    }
    const d = this.pending;
    // Queued behind a run in progress: this change joins it (the run reads the buffers when it starts).
    if (d.queued) return d.promise;
    clearTimeout(d.timer);
    d.timer = setTimeout(() => {
      d.queued = true;
      const run = this.running.then(() => {
        if (this.pending === d) this.pending = undefined;
        return this.runOnce();
      });
      this.running = run;
      void run.then(d.resolve);
    }, this.debounceMs);
    return d.promise;
  }

  private settings(): Promise<Settings> {
    this.setup ??= (async () => {
      const resolved = await resolveSetup({ cwd: this.root });
      const loaded = resolved.config;
      const root = loaded.root;
      const isFile = picomatch(loaded.config.files ?? DEFAULT_FILES, { dot: false });
      const isIgnored = picomatch([...(loaded.config.ignores ?? []), '**/node_modules/**'], { dot: true });
      return {
        resolved,
        vocabulary: resolved.vocabulary,
        configFile: loaded.file,
        inRegister: (abs: string) => {
          const rel = displayPath(abs, root);
          return !rel.startsWith('../') && isFile(rel) && !isIgnored(rel);
        },
      };
    })();
    const s = this.setup;
    s.then((ok) => (this.lastSettings = ok)).catch(() => {
      if (this.setup === s) this.setup = undefined; // a broken configuration is read again next time
    });
    return s;
  }

  /** The register's claim files on disk, as `lint` finds them (`files` and `ignores` of the configuration). */
  private files(settings: Settings): Promise<string[]> {
    const { config } = settings.resolved;
    this.listing ??= fg(config.config.files ?? DEFAULT_FILES, {
      cwd: config.root,
      absolute: true,
      onlyFiles: true,
      ignore: [...(config.config.ignores ?? []), '**/node_modules/**'],
      dot: false,
    });
    const listing = this.listing;
    listing.catch(() => {
      if (this.listing === listing) this.listing = undefined;
    });
    return listing;
  }

  /** A file parsed from `text`, reusing the last parse when the text is the same. */
  private parse(path: string, text: string): RegisterFile {
    const hit = this.parsedFiles.get(path);
    if (hit && hit.text === text) return hit;
    const file = parseClaimFile(path, text);
    this.parsedFiles.set(path, file);
    return file;
  }

  private async runOnce(): Promise<EngineOutcome> {
    try {
      const settings = await this.settings();
      const versions = new Map<string, number>();
      const texts = new Map<string, string>();
      for (const [path, b] of this.buffers) {
        versions.set(path, b.version);
        // Only register files stand in for disk files: any other path given would be added to the register.
        if (settings.inRegister(path)) texts.set(path, b.text);
      }
      const paths = [...new Set([...(await this.files(settings)), ...texts.keys()])].sort();
      const files = await Promise.all(
        paths.map(async (p) => {
          const text = texts.get(p);
          if (text !== undefined) return this.parse(p, text);
          const cached = this.parsedFiles.get(p);
          if (cached) return cached;
          return this.parse(p, await readFile(p, 'utf8'));
        }),
      );
      // Age checks count from today, also in a server that runs for days.
      const setup: Resolved = { ...settings.resolved, external: { ...settings.resolved.external, now: new Date() } };
      const snapshotOf = (result: LintResult): EngineSnapshot => {
        const byFile = new Map<string, Finding[]>();
        for (const f of result.findings) {
          const abs = resolve(this.root, f.file);
          const list = byFile.get(abs);
          if (list) list.push(f);
          else byFile.set(abs, [f]);
        }
        return {
          byFile,
          rules: new Map(result.rules.map((r) => [r.id, r])),
          claims: () => result.claims ?? {},
          vocabulary: settings.vocabulary,
          versions,
        };
      };
      return { ok: true, snapshot: snapshotOf(lintFiles(setup, files, this.root)) };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const configFile = safeFindConfig(this.root);
      if (e instanceof ConfigError) return { ok: false, problem: locateProblem(message, this.root, configFile) };
      // Not a configuration error: still a diagnostic, never a crash of the server.
      return { ok: false, problem: { file: configFile, line: 1, column: 1, message: `claimlint failed: ${message}` } };
    }
  }
}

interface Settings {
  resolved: Resolved;
  vocabulary: Vocabulary;
  inRegister: (abs: string) => boolean;
  configFile: string | undefined;
}

function safeFindConfig(root: string): string | undefined {
  try {
    return findConfigFile(root);
  } catch {
    return undefined;
  }
}

/**
 * The language server's only access to the lint engine: everything the
 * server knows about the register comes through {@link LspEngine}, which
 * drives an incremental {@link LintSession} (src/engine/run/session.ts).
 *
 * The session is opened once per configuration, open buffers of claim files
 * standing in for the files on disk. After that, a change to a buffer, a
 * closed buffer (the disk counts again) or a file changed on disk is one
 * `update` of the session: that file is parsed again and each rule runs
 * again over the parts of the register the file touches only. Each run
 * says which files' findings changed, so that the server republishes those
 * only. A change to the configuration, a rule file or the vocabulary (any
 * YAML outside the register) reopens the session; so does a new day (age
 * checks count from today, also in a server that runs for days).
 *
 * Runs are debounced (a burst of keystrokes costs one run), never overlap,
 * and every change made while a run is in progress joins the next one.
 */
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import type { RegisterFile } from '../engine/load/loader.js';
import { DEFAULT_FILES, findConfigFile } from '../engine/run/config.js';
import { ConfigError } from '../engine/run/errors.js';
import { describeRules, resolveSetup, type Resolved, type RuleInfo } from '../engine/run/linter.js';
import { LintSession } from '../engine/run/session.js';
import { summarizeClaim, type ClaimSummary } from '../engine/register/claim-summary.js';
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
  /**
   * The files (absolute paths) whose findings changed since the last
   * snapshot; `all` when the session was (re)opened, and every file with
   * findings must be published again.
   */
  changed: ReadonlySet<string> | 'all';
  /** The findings located in a file (absolute path): claim files, source documents, anything. */
  findingsIn: (path: string) => readonly Finding[];
  /** Every finding by absolute path of the file it is located in. */
  byFile: () => Map<string, Finding[]>;
  rules: Map<string, RuleInfo>;
  /** Every claim of the register by full id (computed on first call, then kept until the register changes). */
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

/** An open session and what is derived from it once. */
interface Open {
  session: LintSession;
  rules: Map<string, RuleInfo>;
  /** The local day it was opened on (age checks count from it). */
  day: string;
}

const today = () => new Date().toDateString();

export class LspEngine {
  readonly root: string;
  private readonly buffers = new Map<string, Buffer>();
  private readonly debounceMs: number;
  private pending: Deferred | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private setup: Promise<Settings> | undefined;
  private lastSettings: Settings | undefined;
  private open: Open | undefined;
  /** Open the session again on the next run (configuration, rules or vocabulary changed). */
  private reopen = true;
  /**
   * Files changed since the last run: `buffer` (edited, opened or closed in
   * the editor: counts for claim files only) or `disk` (changed on disk).
   */
  private readonly changes = new Map<string, 'buffer' | 'disk'>();
  /** Bumped whenever the register may have changed: claim summaries are kept per version. */
  private version = 0;
  private claimCache: { version: number; claims: Record<string, ClaimSummary> } | undefined;
  /** Claim summaries per parsed file: a file the session did not parse again keeps its summaries. */
  private readonly fileClaims = new WeakMap<RegisterFile, ClaimSummary[]>();

  constructor(root: string, opts: EngineOptions = {}) {
    this.root = resolve(root);
    this.debounceMs = opts.debounceMs ?? 30;
  }

  /** An open buffer's text (undefined: closed, the file on disk counts again). */
  setText(path: string, text: string | undefined, version = 0): void {
    if (text === undefined) this.buffers.delete(path);
    else this.buffers.set(path, { text, version });
    if (!this.changes.has(path)) this.changes.set(path, 'buffer');
  }

  /** Configuration, rule folders or vocabulary changed: open the session again on the next run. */
  reload(): void {
    this.setup = undefined;
    this.reopen = true;
  }

  /**
   * A file changed, appeared or went away on disk: read it again on the next
   * run. A YAML file outside the register (the configuration, a rule file)
   * reloads the setup.
   */
  fileChanged(path: string): void {
    if (/\.ya?ml$/i.test(path) && !this.lastSettings?.inRegister(path)) this.reload();
    else this.changes.set(path, 'disk');
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
    // Queued behind a run in progress: this change joins it (the run reads the changes when it starts).
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

  /** Open the session over the register on disk, open buffers of claim files standing in for their files. */
  private async openSession(): Promise<Open> {
    const settings = await this.settings();
    const contents = new Map<string, string>();
    // Only register files stand in for disk files: any other path given would be added to the register.
    for (const [path, b] of this.buffers) if (settings.inRegister(path)) contents.set(path, b.text);
    // Age checks count from today: the setup is resolved once, its date is the day the session opens.
    const setup: Resolved = { ...settings.resolved, external: { ...settings.resolved.external, now: new Date() } };
    const session = await LintSession.open({ cwd: this.root, setup, contents });
    return { session, rules: new Map(describeRules(setup).map((r) => [r.id, r])), day: today() };
  }

  /** Whether a run is waiting (debounced or queued) or in progress: its outcome will follow. */
  busy(): boolean {
    return this.pending !== undefined || this.runs > 0;
  }

  /** Quiet time after a change before a run (milliseconds). */
  get debounce(): number {
    return this.debounceMs;
  }

  private runs = 0;

  private async runOnce(): Promise<EngineOutcome> {
    this.runs++;
    try {
      return await this.runOnceInner();
    } finally {
      this.runs--;
    }
  }

  private async runOnceInner(): Promise<EngineOutcome> {
    const versions = new Map<string, number>();
    for (const [path, b] of this.buffers) versions.set(path, b.version);
    try {
      let changed: ReadonlySet<string> | 'all';
      if (!this.open || this.reopen || this.open.day !== today()) {
        this.reopen = false;
        this.changes.clear();
        this.version++;
        try {
          this.open = await this.openSession();
        } catch (e) {
          this.reopen = true; // tried again on the next change
          this.open = undefined;
          // A folder without claim files yet is an empty register (as an editor opened anywhere finds it), not an error.
          if (e instanceof ConfigError && e.message.startsWith('no claim files found')) return { ok: true, snapshot: await this.emptySnapshot(versions) };
          throw e;
        }
        changed = 'all';
      } else {
        const session = this.open.session;
        const batch: Array<{ path: string; text?: string }> = [];
        for (const [path, how] of this.changes) {
          const claimFile = session.isClaimFile(path);
          // Buffers of other files (configuration, documents) count when saved, as a change on disk.
          if (how === 'buffer' && !claimFile) continue;
          const b = this.buffers.get(path);
          // A buffer of a claim file stands in for the disk; a closed file and any other file are read from the disk.
          batch.push(b && claimFile ? { path, text: b.text } : { path });
        }
        this.changes.clear();
        let shown: string[] = [];
        try {
          if (batch.length) shown = await session.updateMany(batch);
        } catch (e) {
          this.reopen = true; // the session may be half updated: start afresh next time
          throw e;
        }
        if (batch.length) this.version++;
        changed = new Set(shown.map((d) => resolve(this.root, d)));
      }
      return { ok: true, snapshot: this.snapshot(this.open, changed, versions) };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const configFile = safeFindConfig(this.root);
      if (e instanceof ConfigError) return { ok: false, problem: locateProblem(message, this.root, configFile) };
      // Not a configuration error: still a diagnostic, never a crash of the server.
      return { ok: false, problem: { file: configFile, line: 1, column: 1, message: `claimlint failed: ${message}` } };
    }
  }

  private async emptySnapshot(versions: Map<string, number>): Promise<EngineSnapshot> {
    const { resolved } = await this.settings();
    return {
      changed: 'all',
      findingsIn: () => [],
      byFile: () => new Map(),
      rules: new Map(describeRules(resolved).map((r) => [r.id, r])),
      claims: () => ({}),
      vocabulary: resolved.vocabulary,
      versions,
    };
  }

  private snapshot(open: Open, changed: ReadonlySet<string> | 'all', versions: Map<string, number>): EngineSnapshot {
    const { session } = open;
    const version = this.version;
    return {
      changed,
      findingsIn: (path) => session.findingsIn(path),
      byFile: () => {
        const out = new Map<string, Finding[]>();
        for (const f of session.findings()) {
          const abs = resolve(this.root, f.file);
          const list = out.get(abs);
          if (list) list.push(f);
          else out.set(abs, [f]);
        }
        return out;
      },
      rules: open.rules,
      claims: () => this.claimsOf(session, version),
      vocabulary: session.setup.vocabulary,
      versions,
    };
  }

  /**
   * Every claim of the register by full id (the first wins when ids repeat),
   * as `LintResult.claims` gives them; kept per version of the register, and
   * per parsed file, so only files parsed again are summarised again.
   */
  private claimsOf(session: LintSession, version: number): Record<string, ClaimSummary> {
    if (this.claimCache?.version === version) return this.claimCache.claims;
    const vocabulary = session.setup.vocabulary;
    const display = (abs: string) => displayPath(abs, this.root);
    const out: Record<string, ClaimSummary> = Object.create(null) as Record<string, ClaimSummary>;
    for (const file of session.registerFiles()) {
      let summaries = this.fileClaims.get(file);
      if (!summaries) this.fileClaims.set(file, (summaries = file.claims.map((c) => summarizeClaim(c, vocabulary, display))));
      for (const s of summaries) if (!Object.prototype.hasOwnProperty.call(out, s.id)) out[s.id] = s;
    }
    // A later run may have replaced the session's files already: keep only what this version computed.
    if (version === this.version) this.claimCache = { version, claims: out };
    return out;
  }
}

interface Settings {
  resolved: Resolved;
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

/**
 * The incremental engine: a lint session keeps the register and its findings
 * in memory, and after a file changes re-parses that file only and re-runs
 * each rule only for the parts of the register the file's old and new
 * claims touch. `--watch`, `--cache` and editors use it.
 *
 *   const session = await LintSession.open({ cwd });
 *   session.result();                                  // as lint() returns it
 *   const changed = await session.update(path, text);  // text, null (deleted) or undefined (read the disk)
 *   // `changed`: the files (as shown in findings) whose findings changed
 *
 * How the work is cut. Every check kind has a scope ({@link CHECK_SCOPES}):
 * what its findings can depend on.
 *  - `file`: the file the finding is in (schema, evidence, references...);
 *  - `source`: the files sharing a source id (duplicate ids);
 *  - `subject`: the claims about one subject, after vocabulary aliases (timeline);
 *  - `subject-property`: the claims sharing subject and property (conflicts);
 *  - `global`: anything (the safe default for a kind not listed).
 * A rule's findings are stored by unit: the file, source id, subject or
 * subject/property key they were found for. A change to a file re-runs each
 * rule over the units that the file's old and new contents belong to — over
 * a register made of those units only — and replaces their findings. A
 * group-scoped rule that reports a finding without a claim cannot be
 * attributed to a group: the session then runs that rule in full.
 *
 * Inline suppressions and the kinds that run after them (`phase:
 * 'after-suppressions'`) are applied per file, since a directive only
 * suppresses findings in its own file.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import picomatch from 'picomatch';
import { displayPath } from '../../paths.js';
import { compareFindings, type Finding } from '../report/finding.js';
import { parseClaimFile, type RegisterFile } from '../load/loader.js';
import type { Range } from '../load/location.js';
import { parseFiles } from '../load/pool.js';
import { Register } from '../register/register.js';
import type { Report } from './check.js';
import { DEFAULT_FILES } from './config.js';
import { discoverFiles, leaveOutKnown, makeResult, resolveSetup, type LintOptions, type LintResult, type Resolved } from './linter.js';
import { enabledSomewhere, findingOf } from './report-finding.js';
import type { Rule } from './rules.js';
import { applyDirectives, parseDirectives } from './suppressions.js';

export type CheckScope = 'file' | 'source' | 'subject' | 'subject-property' | 'global';

/** What each built-in check kind's findings depend on (see the module comment). Kinds not listed are `global`. */
export const CHECK_SCOPES: Readonly<Record<string, CheckScope>> = {
  'author-attribution': 'file',
  'broken-link': 'file',
  'context-missing': 'file',
  'count-arithmetic': 'file',
  'dangling-reference': 'file',
  'duplicate-reference': 'file',
  'evidence-missing': 'file',
  'evidence-only': 'file',
  'evidence-precision': 'file',
  existence: 'file',
  'one-sided': 'file',
  'retraction-list': 'file',
  schema: 'file',
  'secondary-citation': 'file',
  'source-metadata': 'file',
  'stale-evidence': 'file',
  suppression: 'file',
  'unsourced-statistic': 'file',
  'unused-reference': 'file',
  'update-notice': 'file',
  'wording-strength': 'file',
  'yaml-syntax': 'file',
  'duplicate-id': 'source',
  timeline: 'subject',
  'value-conflict': 'subject-property',
  'direction-conflict': 'subject-property',
  'magnitude-conflict': 'subject-property',
  'context-conflict': 'subject-property',
};

/** The index keys a file's contents belong to, by scope. */
export interface FileKeys {
  source: string[];
  subject: string[];
  'subject-property': string[];
}

type IndexedScope = keyof FileKeys;
const INDEXED: IndexedScope[] = ['source', 'subject', 'subject-property'];

/** One file of the session's register. */
interface Entry {
  path: string;
  display: string;
  text: string;
  hash: string;
  /** Parsed on first use when the entry came from the cache. */
  file?: RegisterFile;
  keys: FileKeys;
  claims: number;
  hasSource: boolean;
  /** Positions known from the cache for a file not parsed yet. */
  ranges?: Record<string, Range>;
}

/** A file of the session as the cache records it. */
export interface CachedFile {
  hash: string;
  keys: FileKeys;
  claims: number;
  hasSource: boolean;
  /** Positions looked up in the file, so that it need not be parsed with positions again. */
  ranges?: Record<string, Range>;
}

/** What the cache holds for a register: enough to restore a session without parsing unchanged files. */
export interface SessionState {
  files: Record<string, CachedFile>;
  units: Record<string, Record<string, Finding[]>>;
  globalRules: string[];
}

export interface SessionOptions extends LintOptions {
  /** A state saved by an earlier session with the same setup (see cache.ts): unchanged files are not parsed again. */
  state?: SessionState;
  /** The configuration and rules, when the caller resolved them already. */
  setup?: Resolved;
}

/** Content hash of a file's text. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function union(into: Set<string>, items: Iterable<string>): void {
  for (const i of items) into.add(i);
}

const unitId = (rule: string, key: string) => `${rule}\u0000${key}`;

export class LintSession {
  private readonly entries = new Map<string, Entry>();
  private readonly index: Record<IndexedScope, Map<string, Set<string>>> = {
    source: new Map(),
    subject: new Map(),
    'subject-property': new Map(),
  };
  /** Findings by rule id, then by unit key (before inline suppressions). */
  private readonly units = new Map<string, Map<string, Finding[]>>();
  /** Per shown file: the units with findings in it. */
  private readonly contributions = new Map<string, Set<string>>();
  /** Per shown file: its findings after suppressions, sorted. */
  private readonly final = new Map<string, Finding[]>();
  /** Group-scoped rules that reported a finding without a claim: run in full. */
  private readonly globalRules = new Set<string>();
  private readonly keyRegister: Register;
  private readonly isRegisterPath: (abs: string) => boolean;
  private scopeDisplays: Set<string> | undefined;
  /** Whether opening from a saved state found files changed, added or deleted. */
  changedSinceOpen = false;

  private constructor(
    readonly setup: Resolved,
    readonly cwd: string,
    private readonly opts: LintOptions,
  ) {
    this.keyRegister = new Register([], setup.vocabulary);
    const root = setup.config.root;
    const isMatch = picomatch(setup.config.config.files ?? DEFAULT_FILES, { dot: false });
    const isIgnored = picomatch([...(setup.config.config.ignores ?? []), '**/node_modules/**'], { dot: true });
    this.isRegisterPath = (abs) => {
      const rel = displayPath(abs, root);
      return !rel.startsWith('../') && isMatch(rel) && !isIgnored(rel);
    };
  }

  /** Load the register and lint it (or restore it from `opts.state`, linting only what changed). */
  static async open(opts: SessionOptions = {}): Promise<LintSession> {
    const cwd = resolve(opts.cwd ?? process.cwd());
    const setup = opts.setup ?? (await resolveSetup(opts));
    const session = new LintSession(setup, cwd, opts);
    const contents = opts.contents ?? new Map<string, string>();
    const discovered = await discoverFiles(setup, cwd, opts.patterns ?? [], contents);
    if (discovered.scope) session.scopeDisplays = new Set([...discovered.scope].map((p) => displayPath(p, cwd)));
    const paths = [...new Set([...discovered.register, ...contents.keys()])].sort();
    const texts = await Promise.all(paths.map((p) => contents.get(p) ?? readFile(p, 'utf8')));
    const state = opts.state;
    if (state) {
      session.restore(state, paths, texts);
    } else {
      const concurrency = opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {};
      const files = await parseFiles(paths.map((path, i) => ({ path, text: texts[i]! })), concurrency);
      files.forEach((f, i) => session.add(session.entryOf(f.path, texts[i]!, f)));
      session.lintAll();
    }
    return session;
  }

  /** Whether a path is a claim file of this register by the configuration's `files` and `ignores`. */
  isClaimFile(abs: string): boolean {
    return this.entries.has(abs) || this.isRegisterPath(abs);
  }

  /**
   * A file changed: `text` is its new content, `null` when it was deleted,
   * `undefined` to read it from the disk (deleted if it is gone). A path not
   * in the register yet is added. Returns the files (as shown in findings)
   * whose findings changed.
   */
  async update(path: string, text?: string | null): Promise<string[]> {
    return this.updateMany([{ path, text }]);
  }

  /** Several files changed at once (see {@link update}). */
  async updateMany(changes: Array<{ path: string; text?: string | null }>): Promise<string[]> {
    const resolved: Array<{ path: string; text: string | null }> = [];
    for (const c of changes) {
      const abs = resolve(this.cwd, c.path);
      const text =
        c.text !== undefined
          ? c.text
          : await readFile(abs, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
      resolved.push({ path: abs, text });
    }
    return this.apply(resolved);
  }

  /** The findings, sorted, limited to the files given on the command line if any. */
  findings(): Finding[] {
    const out: Finding[] = [];
    for (const d of [...this.final.keys()].sort()) for (const f of this.final.get(d)!) if (this.inScope(f)) out.push(f);
    return out;
  }

  /** The findings located in one file (path as shown in findings, or absolute). */
  findingsIn(file: string): Finding[] {
    const d = isAbsolute(file) ? displayPath(file, this.cwd) : file;
    return (this.final.get(d) ?? []).filter((f) => this.inScope(f));
  }

  /** The result as {@link lint} returns it, `--changed-since` and `--baseline` applied. */
  async result(): Promise<LintResult> {
    const counts = { files: 0, sources: 0, claims: 0 };
    for (const e of this.entries.values()) {
      counts.files++;
      if (e.hasSource) counts.sources++;
      counts.claims += e.claims;
    }
    const result = makeResult(this.setup, this.cwd, this.findings(), counts, () => this.fullRegister());
    const scope = this.scopeDisplays ? new Set([...this.scopeDisplays].map((d) => resolve(this.cwd, d))) : undefined;
    return leaveOutKnown(result, this.setup, this.opts, this.cwd, scope);
  }

  /** What the cache stores to restore this session later. */
  state(): SessionState {
    const files: Record<string, CachedFile> = {};
    for (const e of this.entries.values()) {
      const ranges = e.file?.ranges ?? e.ranges;
      files[e.path] = { hash: e.hash, keys: e.keys, claims: e.claims, hasSource: e.hasSource, ...(ranges && Object.keys(ranges).length ? { ranges } : {}) };
    }
    const units: Record<string, Record<string, Finding[]>> = {};
    for (const [rule, byKey] of this.units) units[rule] = Object.fromEntries(byKey);
    return { files, units, globalRules: [...this.globalRules] };
  }

  // ---- internals -------------------------------------------------------

  private inScope(f: Finding): boolean {
    const s = this.scopeDisplays;
    return !s || s.has(f.file) || f.related.some((r) => s.has(r.file));
  }

  private entryOf(path: string, text: string, file?: RegisterFile): Entry {
    const loaded = file ?? parseClaimFile(path, text);
    const keys: FileKeys = { source: [], subject: [], 'subject-property': [] };
    if (loaded.source) keys.source.push(loaded.source.id);
    const subjects = new Set<string>();
    const pairs = new Set<string>();
    for (const c of loaded.claims) {
      subjects.add(this.setup.vocabulary.subject(c.claim.subject));
      pairs.add(this.keyRegister.subjectPropertyKey(c));
    }
    keys.subject = [...subjects];
    keys['subject-property'] = [...pairs];
    return {
      path,
      display: displayPath(path, this.cwd),
      text,
      hash: contentHash(text),
      file: loaded,
      keys,
      claims: loaded.claims.length,
      hasSource: loaded.source !== undefined,
    };
  }

  private add(e: Entry): void {
    this.entries.set(e.path, e);
    for (const s of INDEXED) {
      for (const k of e.keys[s]) {
        const set = this.index[s].get(k);
        if (set) set.add(e.path);
        else this.index[s].set(k, new Set([e.path]));
      }
    }
  }

  private remove(e: Entry): void {
    this.entries.delete(e.path);
    for (const s of INDEXED) {
      for (const k of e.keys[s]) {
        const set = this.index[s].get(k);
        set?.delete(e.path);
        if (set?.size === 0) this.index[s].delete(k);
      }
    }
  }

  private loaded(e: Entry): RegisterFile {
    // Files restored from the cache are parsed only when a rule needs them; positions are then read lazily.
    return (e.file ??= parseClaimFile(e.path, e.text, { fast: true, ...(e.ranges ? { ranges: e.ranges } : {}) }));
  }

  private scopeOf(id: string, rule: Rule): CheckScope {
    return this.globalRules.has(id) ? 'global' : (CHECK_SCOPES[rule.kind.name] ?? 'global');
  }

  private activeRules(): Array<[string, Rule]> {
    return [...this.setup.rules].filter(([id, rule]) => rule.kind.phase !== 'after-suppressions' && enabledSomewhere(this.setup, id));
  }

  private sortedFiles(paths: Iterable<string>): RegisterFile[] {
    return [...paths]
      .sort()
      .map((p) => this.entries.get(p))
      .filter((e): e is Entry => e !== undefined)
      .map((e) => this.loaded(e));
  }

  private fullRegister(): Register {
    return new Register(this.sortedFiles(this.entries.keys()), this.setup.vocabulary);
  }

  /** The register a rule of this scope runs over to recompute the given units. */
  private registerFor(scope: CheckScope, keys: ReadonlySet<string>): Register {
    if (scope === 'global') return this.fullRegister();
    if (scope === 'file') return new Register(this.sortedFiles(keys), this.setup.vocabulary);
    const paths = new Set<string>();
    for (const k of keys) union(paths, this.index[scope].get(k) ?? []);
    const files = this.sortedFiles(paths);
    if (scope === 'source') return new Register(files, this.setup.vocabulary);
    // Only the claims of the touched groups, in register order: the file stands in with a shorter claim list.
    const keyOf = scope === 'subject' ? (c: RegisterFile['claims'][number]) => this.setup.vocabulary.subject(c.claim.subject) : (c: RegisterFile['claims'][number]) => this.keyRegister.subjectPropertyKey(c);
    const partial = files.map((f) => Object.create(f, { claims: { value: f.claims.filter((c) => keys.has(keyOf(c))) } }) as RegisterFile);
    return new Register(partial, this.setup.vocabulary);
  }

  /** The unit a report belongs to, or undefined when it cannot be told (the rule then runs in full). */
  private unitOf(scope: CheckScope, r: Report): string | undefined {
    switch (scope) {
      case 'global':
        return '';
      case 'file':
        return r.file.path;
      case 'source':
        return r.file.source?.id ?? `\u0000${r.file.path}`;
      case 'subject':
        return r.claim ? this.setup.vocabulary.subject(r.claim.claim.subject) : undefined;
      case 'subject-property':
        return r.claim ? this.keyRegister.subjectPropertyKey(r.claim) : undefined;
    }
  }

  /**
   * Run a rule over a register, returning its findings by unit; a report that
   * cannot be attributed makes the rule global (returns undefined).
   */
  private runRule(id: string, rule: Rule, scope: CheckScope, register: Register): Map<string, Finding[]> | undefined {
    const out = new Map<string, Finding[]>();
    let unattributed = false;
    const display = (abs: string) => displayPath(abs, this.cwd);
    const report = (r: Report) => {
      const unit = this.unitOf(scope, r);
      if (unit === undefined) {
        unattributed = true;
        return;
      }
      const finding = findingOf(this.setup, id, rule, r, display);
      if (!finding) return;
      const list = out.get(unit);
      if (list) list.push(finding);
      else out.set(unit, [finding]);
    };
    const options = this.setup.options.get(id) ?? rule.options;
    rule.kind.run({ register, external: this.setup.external, directives: [], vocabulary: this.setup.vocabulary, ruleId: id, report, inScope: () => true, options });
    if (unattributed) {
      this.globalRules.add(id);
      return undefined;
    }
    return out;
  }

  /** Replace a rule's findings for some units; marks the files whose findings may change. */
  private setUnits(id: string, found: Map<string, Finding[]>, keys: Iterable<string> | 'all', dirty: Set<string>): void {
    let byKey = this.units.get(id);
    if (!byKey) this.units.set(id, (byKey = new Map()));
    const replace = (key: string, next: Finding[] | undefined) => {
      const uid = unitId(id, key);
      const old = byKey.get(key);
      for (const f of old ?? []) {
        dirty.add(f.file);
        this.contributions.get(f.file)?.delete(uid);
      }
      if (next?.length) byKey.set(key, next);
      else byKey.delete(key);
      for (const f of next ?? []) {
        dirty.add(f.file);
        const set = this.contributions.get(f.file);
        if (set) set.add(uid);
        else this.contributions.set(f.file, new Set([uid]));
      }
    };
    const targets = keys === 'all' ? new Set([...byKey.keys(), ...found.keys()]) : new Set(keys);
    for (const key of targets) replace(key, found.get(key));
  }

  private lintAll(): void {
    const dirty = new Set<string>();
    for (const e of this.entries.values()) dirty.add(e.display);
    const register = this.fullRegister();
    for (const [id, rule] of this.activeRules()) this.runFull(id, rule, register, dirty);
    this.refresh(dirty);
  }

  private runFull(id: string, rule: Rule, register: Register, dirty: Set<string>): void {
    const scope = this.scopeOf(id, rule);
    const found = this.runRule(id, rule, scope, register) ?? this.runRule(id, rule, 'global', register)!;
    this.setUnits(id, found, 'all', dirty);
  }

  private apply(changes: Array<{ path: string; text: string | null }>): string[] {
    const touched: Record<CheckScope, Set<string>> = { file: new Set(), source: new Set(), subject: new Set(), 'subject-property': new Set(), global: new Set() };
    const dirty = new Set<string>();
    let any = false;
    for (const { path, text } of changes) {
      const old = this.entries.get(path);
      if (text === null ? !old : old?.text === text) continue;
      any = true;
      const next = text === null ? undefined : this.entryOf(path, text);
      for (const e of [old, next]) {
        if (!e) continue;
        touched.file.add(e.path);
        dirty.add(e.display);
        for (const s of INDEXED) union(touched[s], e.keys[s]);
      }
      if (old) this.remove(old);
      if (next) this.add(next);
    }
    if (!any) return [];
    this.recompute(touched, dirty);
    return this.refresh(dirty);
  }

  private recompute(touched: Record<CheckScope, Set<string>>, dirty: Set<string>): void {
    let full: Register | undefined;
    for (const [id, rule] of this.activeRules()) {
      const scope = this.scopeOf(id, rule);
      if (scope === 'global') {
        this.runFull(id, rule, (full ??= this.fullRegister()), dirty);
        continue;
      }
      const keys = touched[scope];
      if (keys.size === 0) continue;
      const found = this.runRule(id, rule, scope, this.registerFor(scope, keys));
      if (found) this.setUnits(id, found, keys, dirty);
      else {
        // The rule turned out not to attribute its findings: drop its units, run it in full from now on.
        this.setUnits(id, new Map(), 'all', dirty);
        this.runFull(id, rule, (full ??= this.fullRegister()), dirty);
      }
    }
  }

  /** Redo the findings after suppressions of the given files; returns those that changed. */
  private refresh(dirty: Set<string>): string[] {
    const changed: string[] = [];
    const byDisplay = new Map<string, Entry>();
    for (const e of this.entries.values()) if (dirty.has(e.display)) byDisplay.set(e.display, e);
    const after = [...this.setup.rules].filter(([id, rule]) => rule.kind.phase === 'after-suppressions' && enabledSomewhere(this.setup, id));
    const display = (abs: string) => displayPath(abs, this.cwd);
    for (const d of dirty) {
      const pre: Finding[] = [];
      for (const uid of this.contributions.get(d) ?? []) {
        const cut = uid.indexOf('\u0000');
        const rule = uid.slice(0, cut);
        const key = uid.slice(cut + 1);
        for (const f of this.units.get(rule)?.get(key) ?? []) if (f.file === d) pre.push(f);
      }
      if (this.contributions.get(d)?.size === 0) this.contributions.delete(d);
      const entry = byDisplay.get(d);
      let findings = pre;
      if (entry && entry.text.includes('claimlint-')) {
        const directives = parseDirectives(this.loaded(entry));
        findings = applyDirectives(pre, directives, display);
        for (const [id, rule] of after) {
          const report = (r: Report) => {
            const f = findingOf(this.setup, id, rule, r, display);
            if (f) findings.push(f);
          };
          const register = new Register([this.loaded(entry)], this.setup.vocabulary);
          const options = this.setup.options.get(id) ?? rule.options;
          rule.kind.run({ register, external: this.setup.external, directives, vocabulary: this.setup.vocabulary, ruleId: id, report, inScope: () => true, options });
        }
      }
      findings.sort(compareFindings);
      const old = this.final.get(d) ?? [];
      if (findings.length) this.final.set(d, findings);
      else this.final.delete(d);
      if (!sameFindings(old, findings)) changed.push(d);
    }
    return changed.sort();
  }

  /** Restore from a saved state: files whose hash is unchanged keep their keys and findings without being parsed. */
  private restore(state: SessionState, paths: string[], texts: string[]): void {
    const changes: Array<{ path: string; text: string | null }> = [];
    paths.forEach((p, i) => {
      const text = texts[i]!;
      const cached = state.files[p];
      const hash = contentHash(text);
      if (cached && cached.hash === hash) {
        this.add({
          path: p,
          display: displayPath(p, this.cwd),
          text,
          hash,
          keys: cached.keys,
          claims: cached.claims,
          hasSource: cached.hasSource,
          ...(cached.ranges ? { ranges: cached.ranges } : {}),
        });
      } else {
        changes.push({ path: p, text });
        if (cached) {
          // Restore it as it was, so the update sees its old keys and recomputes what they fed.
          this.add({ path: p, display: displayPath(p, this.cwd), text: '\u0000stale', hash: cached.hash, keys: cached.keys, claims: cached.claims, hasSource: cached.hasSource });
        }
      }
    });
    const now = new Set(paths);
    for (const [p, cached] of Object.entries(state.files)) {
      if (now.has(p)) continue;
      this.add({ path: p, display: displayPath(p, this.cwd), text: '\u0000stale', hash: cached.hash, keys: cached.keys, claims: cached.claims, hasSource: cached.hasSource });
      changes.push({ path: p, text: null });
    }
    this.changedSinceOpen = changes.length > 0;
    for (const id of state.globalRules) this.globalRules.add(id);
    const dirty = new Set<string>();
    for (const [rule, byKey] of Object.entries(state.units)) {
      if (!this.setup.rules.has(rule)) continue;
      this.setUnits(rule, new Map(Object.entries(byKey)), 'all', dirty);
    }
    for (const e of this.entries.values()) dirty.add(e.display);
    this.refresh(dirty);
    this.apply(changes);
  }
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (
      x.fingerprint !== y.fingerprint ||
      x.line !== y.line ||
      x.column !== y.column ||
      x.endLine !== y.endLine ||
      x.endColumn !== y.endColumn ||
      x.severity !== y.severity ||
      x.text !== y.text ||
      JSON.stringify(x.related) !== JSON.stringify(y.related)
    ) {
      return false;
    }
  }
  return true;
}

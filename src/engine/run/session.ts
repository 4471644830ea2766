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
 *  - `subject`: the dated claims (time values) about one subject, after
 *    vocabulary aliases (timeline, which reads no other claim);
 *  - `subject-property`: the claims sharing subject and property (conflicts);
 *  - `global`: anything (the safe default for a kind not listed).
 * A rule's findings are stored by unit: the file, source id, subject or
 * subject/property key they were found for. A change to a file re-runs each
 * rule over the units that the file's old and new contents belong to — over
 * a register made of those units only — and replaces their findings. A
 * group-scoped rule that reports a finding without a claim cannot be
 * attributed to a group: the session then runs that rule in full.
 *
 * Kinds that read the source documents (quote anchoring, document
 * existence, unregistered statements) or the citation graph run in full
 * when what they read beyond their unit changed (see DOCUMENT_KINDS,
 * NAMING_KINDS, WORK_KINDS); documents are read again after every change,
 * so that an edit to a `document:` file or to the team's own content is
 * seen.
 *
 * After the rules, the findings go through the same steps as in lint():
 * `supersedes` (across rules, by what each finding is about), inline
 * suppressions (claim files and own documents), then the kinds that run
 * after suppressions. Findings placed by a preference (files given on the
 * command line, `--changed-since`, `--baseline` with file digests) come from
 * a full lint of the session's files.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { existsSync, statSync, type BigIntStats } from 'node:fs';
import picomatch from 'picomatch';
import { displayPath } from '../../paths.js';
import { compareFindings, type Finding } from '../report/finding.js';
import { parseClaimFile, sourceOnlyFile, sourceRecordOf, type RegisterFile, type SourceRecord } from '../load/loader.js';
import { lineStarts, type Range } from '../load/location.js';
import { parseFiles, readFileText, type FileText } from '../load/pool.js';
import { readRegisterFileSync, statFingerprint, type ReadProblem } from '../load/read.js';
import type { DocumentStore } from '../document/store.js';
import { isDocumentPath } from '../document/document.js';
import { Register } from '../register/register.js';
import { citationsData, type CitationData } from '../register/citations.js';
import { disagreementsByGroup, type DisagreementGroup } from '../report/disagreements.js';
import { valueKind } from '../register/values.js';
import type { Claim } from '../../model.js';
import type { Report } from './check.js';
import { DEFAULT_FILES } from './config.js';
import {
  digest,
  discoverFiles,
  lintLoaded,
  loadRegisterDocuments,
  makeResult,
  onlyGivenNote,
  resolveSetup,
  type LintOptions,
  type LintResult,
  type Resolved,
} from './linter.js';
import { enabledSomewhere, findingOf } from './report-finding.js';
import type { Rule } from './rules.js';
import { applyDirectives, parseDirectives, parseDocumentDirectives, type Directive } from './suppressions.js';
import { applySupersedes } from './supersede.js';

export type CheckScope = 'file' | 'source' | 'subject' | 'subject-property' | 'global';

/** What each built-in check kind's findings depend on (see the module comment). Kinds not listed are `global`. */
export const CHECK_SCOPES: Readonly<Record<string, CheckScope>> = {
  'author-attribution': 'file',
  'broken-link': 'file',
  'context-missing': 'file',
  'draft-mark': 'file',
  'statistic-recompute': 'file',
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
  'self-contradiction': 'file',
  // A claim against the works it cites, on its own subject and property: see WORK_KINDS.
  'cited-misrepresentation': 'subject-property',
  'superseded-guidance': 'subject-property',
  // A claim against its document: see DOCUMENT_KINDS.
  'document-exists': 'file',
  'quote-anchor': 'file',
  // Statements of the own documents against the claims that quote them: see NAMING_KINDS.
  'unregistered-statement': 'global',
};

/**
 * Whether a claim belongs to the units of the `subject` scope: a claim with
 * a time value. The one subject-scoped kind, `timeline`, reads no other
 * claim, so an edit to an undated claim does not check its subject's
 * timeline again (nor read every file that holds a claim on the subject:
 * in a large register, nearly all of them).
 */
export function inSubjectScope(claim: Claim): boolean {
  return valueKind(claim.value) === 'time';
}

/**
 * Global kinds that read only the documents and the claim files that name
 * one (`source.document`): they run over those files only, and only when a
 * document changed or a changed file names (or named) one.
 */
export const NAMING_KINDS: ReadonlySet<string> = new Set(['unregistered-statement']);

/** Kinds that also read the source documents: by file while no document changes, in full when one does. */
export const DOCUMENT_KINDS: ReadonlySet<string> = new Set(['document-exists', 'quote-anchor']);

/**
 * Kinds that also read the citation graph: what the register's sources are
 * (ids, DOIs, titles, `superseded_by`...). They run over the touched groups
 * while no file's `source` block changes, and in full when one does (or a
 * file comes or goes).
 */
export const WORK_KINDS: ReadonlySet<string> = new Set(['cited-misrepresentation', 'superseded-guidance']);

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
  /** The source's `document:` and `own:`, which name the documents to read. */
  document?: string;
  own?: boolean;
  /** Why the file could not be read (it is then loaded empty with this problem). */
  readProblem?: ReadProblem;
  /** Positions known from the cache for a file not parsed yet. */
  ranges?: Record<string, Range>;
  /** A hash of the file's `source` block: the works of the register (see WORK_KINDS). */
  works: string;
  /** The source as loaded, for a file not parsed to stand in with in the citation graph (see WORK_KINDS). */
  sourceRecord?: SourceRecord;
  /** The claims' layout, from the cache (a file not parsed again); a parsed file's is worked out from it. */
  layout?: ClaimLayout;
  /** The file's stat fingerprint when its text was read, and when (see read.ts `statFingerprint`). */
  stat?: string;
  seen?: number;
}

/** A file of the session as the cache records it. */
export interface CachedFile {
  hash: string;
  keys: FileKeys;
  claims: number;
  hasSource: boolean;
  document?: string;
  own?: boolean;
  /** Positions looked up in the file, so that it need not be parsed with positions again. */
  ranges?: Record<string, Range>;
  /** See Entry.works (absent in an older cache: taken as changed). */
  works?: string;
  /** See Entry.sourceRecord (absent: the file is parsed when the citation graph needs its source). */
  sourceRecord?: SourceRecord;
  /** How the file's claims are laid out, to tell what the next edit did to them (absent: every group of the file is checked again). */
  layout?: ClaimLayout;
  /** The file's digest for baselines (see linter.ts `digest`), when a run computed it. */
  digest?: string;
  /**
   * The file's stat fingerprint (size, times, inode) when its text was read,
   * and when: a file that still has it, and was last written well before
   * then, is taken as unchanged without being read (see {@link unchangedByStat}).
   */
  stat?: string;
  seen?: number;
}

/** What a run needs of a cached file to tell that it is unchanged, without its keys, positions and layout. */
export type CachedFileHead = Omit<CachedFile, 'keys' | 'ranges' | 'layout' | 'sourceRecord'>;

/** A finding of a stored state, with its place in the store (the order of the findings shown in each file). */
export interface StoredFinding {
  index: number;
  finding: Finding;
}

/**
 * A saved state read part by part (cache.ts): a run given files of a
 * register that has not changed reads only the findings shown in them.
 */
export interface StoredState {
  files: Record<string, CachedFileHead>;
  documents?: string;
  /**
   * The findings shown in a file (after suppressions), and those shown in
   * other files that point into it; undefined when the store has none.
   */
  shown(display: string): { own: StoredFinding[]; into: StoredFinding[] } | undefined;
  /** The whole state (every part read). */
  full(): SessionState;
}

/** Everything a session holds that a store needs to write it (see cache.ts). */
export interface SessionSnapshot {
  files: Record<string, CachedFile>;
  /** Findings by rule, then unit (the same objects as in `shown`). */
  units: ReadonlyMap<string, ReadonlyMap<string, readonly Finding[]>>;
  /** Findings shown per file (as shown in findings), after suppressions. */
  shown: ReadonlyMap<string, readonly Finding[]>;
  about(f: Finding): readonly string[] | undefined;
  /** A finding's bytes as a store holds them (with its `about`), when it comes unchanged from one: written again as they are. */
  encoded(f: Finding): Buffer | undefined;
  globalRules: string[];
  documents: string;
  /** The register's disagreements by subject/property key (see {@link LintSession}); undefined when not known. */
  disagreements: ReadonlyMap<string, readonly DisagreementGroup[]> | undefined;
}

/**
 * How a file's claims are laid out: enough to tell, without the old text,
 * which claims an edit changed and which only moved (see {@link claimEdit}).
 */
export interface ClaimLayout {
  /** The source block's range (line, column, end line, end column); absent without a source. */
  source?: [number, number, number, number];
  /**
   * Per claim: its first and last lines, a hash of its text (its whole
   * lines, and its column), and the index of its subject key (-1 for an
   * undated claim, see {@link inSubjectScope}) and of its subject/property
   * key in the file's keys.
   */
  claims: Array<[number, number, string, number, number]>;
}

/** What the cache holds for a register: enough to restore a session without parsing unchanged files. */
export interface SessionState {
  files: Record<string, CachedFile>;
  /** Findings by rule and unit; `about` (for `supersedes`) kept beside each finding. */
  units: Record<string, Record<string, Array<Finding & { about?: readonly string[] }>>>;
  globalRules: string[];
  /** A hash of the documents read (paths and texts): global rules run again when it differs. */
  documents?: string;
  /** Each finding of `units` as the store held it (JSON, with its `about`): kept, so that saving it again copies the bytes. */
  encoded?: WeakMap<object, Buffer>;
  /** The register's disagreements by subject/property key (absent: worked out from the whole register when asked). */
  disagreements?: Record<string, DisagreementGroup[]>;
}

export interface SessionOptions extends LintOptions {
  /** A state saved by an earlier session with the same setup (see cache.ts): unchanged files are not parsed again. */
  state?: SessionState;
  /**
   * The same, read part by part: files its stat shows unchanged are not read
   * unless needed, and {@link LintSession.openShown} reads only the given files' findings.
   */
  stored?: StoredState;
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
  /** By file (as shown in findings): the units with findings elsewhere that point into it (related locations). */
  private readonly pointing = new Map<string, Set<string>>();
  /** Per shown file: its findings after suppressions, sorted. */
  private readonly final = new Map<string, Finding[]>();
  /** Group-scoped rules that reported a finding without a claim: run in full. */
  private readonly globalRules = new Set<string>();
  private readonly keyRegister: Register;
  private readonly isRegisterPath: (abs: string) => boolean;
  private scopeDisplays: Set<string> | undefined;
  /** Whether opening from a saved state found files or documents changed, added or deleted. */
  changedSinceOpen = false;
  /** The source documents and own content, read again after every change. */
  private documents!: DocumentStore;
  private documentsHash = '';
  /** Texts that stand in for documents on disk (`contents`, or given to {@link update}). */
  private readonly documentTexts = new Map<string, string>();
  /** What each finding is about, for `supersedes`. */
  private readonly about = new WeakMap<Finding, readonly string[]>();
  /** Findings restored unchanged from a store, with their stored bytes (see SessionState.encoded). */
  private readonly encoded = new WeakMap<Finding, Buffer>();
  /** File digests (for baselines) by entry. */
  private readonly digests = new WeakMap<Entry, string>();
  /** Whether the findings after suppressions were computed for every file once (then only changed files are redone). */
  private refreshed = false;
  /**
   * Restored from a store with only the findings of the files given (nothing
   * had changed): the session can report them, not be updated or saved.
   */
  private partial = false;
  /**
   * The register's disagreements (the JSON report's `disagreements`) by
   * subject/property key, worked out again for the groups a change touches,
   * as the conflict rules' findings are; undefined when not known (then
   * worked out from the whole register when a report asks).
   */
  private disagreeing: Map<string, readonly DisagreementGroup[]> | undefined;
  /** Each claim's subject and subject/property keys, computed once per parsed claim. */
  private readonly keys = new WeakMap<RegisterFile['claims'][number], { subject: string; pair: string }>();

  private keysOf(c: RegisterFile['claims'][number]): { subject: string; pair: string } {
    let k = this.keys.get(c);
    if (!k) this.keys.set(c, (k = { subject: this.setup.vocabulary.subject(c.claim.subject), pair: this.keyRegister.subjectPropertyKey(c) }));
    return k;
  }
  private subjectKey(c: RegisterFile['claims'][number]): string {
    return this.keysOf(c).subject;
  }
  private pairKey(c: RegisterFile['claims'][number]): string {
    return this.keysOf(c).pair;
  }

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
    const { session, read } = await LintSession.prepare(opts);
    // A store is read whole here: a run given files of an unchanged register reads less through openShown.
    const state = opts.stored ? opts.stored.full() : opts.state;
    if (state) {
      await session.restore(state, read);
    } else {
      const concurrency = opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {};
      const files = await parseFiles(read, concurrency);
      files.forEach((f, i) => session.add(session.entryOf(read[i]!, f)));
      await session.loadDocuments();
      session.lintAll();
    }
    return session;
  }

  /**
   * Files given, and nothing changed since `stored` was written: a session
   * that reports the given files' findings, read from the store alone (it
   * cannot be updated or saved). Otherwise no session, having read no more
   * than the files' stats and the texts of files that changed. Either way,
   * how many claim files the store holds, and how many were added, changed
   * or deleted since.
   */
  static async openShown(opts: SessionOptions & { stored: StoredState }): Promise<{ session?: LintSession; files: number; changed: number }> {
    const { session, read } = await LintSession.prepare(opts);
    const files = Object.keys(opts.stored.files).length;
    const now = new Set(read.map((r) => r.path));
    let changed = Object.keys(opts.stored.files).filter((p) => !now.has(p)).length;
    for (const r of read) if (opts.stored.files[r.path]?.hash !== hashOf(r)) changed++;
    if (changed === 0 && (await session.restoreShown(opts.stored, read))) return { session, files, changed };
    return { files, changed };
  }

  /** A new session with its files found and read (those a saved state shows unchanged by their stat, on demand). */
  private static async prepare(opts: SessionOptions): Promise<{ session: LintSession; read: FileText[] }> {
    const cwd = resolve(opts.cwd ?? process.cwd());
    const setup = opts.setup ?? (await resolveSetup(opts));
    const session = new LintSession(setup, cwd, opts);
    const contents = opts.contents ?? new Map<string, string>();
    const discovered = await discoverFiles(setup, cwd, opts.patterns ?? [], contents);
    if (discovered.scope) session.scopeDisplays = new Set([...discovered.scope].map((p) => displayPath(p, cwd)));
    for (const [p, text] of contents) if (isDocumentPath(p)) session.documentTexts.set(p, text);
    const paths = [...new Set([...discovered.register, ...[...contents.keys()].filter((p) => !isDocumentPath(p))])].sort();
    // With a saved state, a file its stat shows unchanged is not read (unless a rule needs its text).
    const stored = opts.stored?.files;
    const read = await Promise.all(paths.map(async (p) => (stored && !contents.has(p) && unchangedByStat(p, stored[p])) || readFileText(p, contents)));
    return { session, read };
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
    this.whole();
    const resolved: Array<FileText | { path: string; text: null }> = [];
    let documents = false;
    for (const c of changes) {
      const abs = resolve(this.cwd, c.path);
      if (!this.entries.has(abs) && (isDocumentPath(abs) || !this.isRegisterPath(abs))) {
        // A source document (or a file the register does not lint): documents are read again, global rules run again.
        if (typeof c.text === 'string') this.documentTexts.set(abs, c.text);
        else this.documentTexts.delete(abs);
        documents = true;
        continue;
      }
      if (c.text === null) resolved.push({ path: abs, text: null });
      else if (typeof c.text === 'string') resolved.push({ path: abs, text: c.text });
      else {
        const read = await readFileText(abs);
        // Gone: deleted. Any other problem is reported on the file, as lint() does.
        resolved.push(read.readProblem && !existsSync(abs) ? { path: abs, text: null } : read);
      }
    }
    return this.apply(resolved, documents);
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
    const scope = this.scopeDisplays ? new Set([...this.scopeDisplays].map((d) => resolve(this.cwd, d))) : undefined;
    const own = () => {
      const counts = { files: 0, sources: 0, claims: 0 };
      for (const e of this.entries.values()) {
        counts.files++;
        if (e.hasSource) counts.sources++;
        counts.claims += e.claims;
      }
      // Each file's digest is computed once per content (an entry is replaced when its file changes), when asked.
      const entries = [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
      const digests = () => {
        const out: Record<string, string> = {};
        for (const e of entries) {
          let d = this.digests.get(e);
          if (d === undefined) this.digests.set(e, (d = digest(e.text)));
          out[displayPath(e.path, this.setup.config.root)] = d;
        }
        return out;
      };
      // Restored for the given files only, the session knows no file's groups: the whole register tells.
      return makeResult(this.setup, this.cwd, this.findings(), counts, digests, () => this.fullRegister(), this.partial ? {} : {
        citations: () => this.citations(),
        disagreements: () => this.orderedDisagreements(),
      });
    };
    // Files given place findings as a full run does: the session's findings, limited to them (findings()).
    // Changed files preferred (--changed-since, --baseline) may place findings otherwise: a full lint of these files.
    const result = !this.opts.changedSince && !this.opts.baselineFile ? own() : await lintLoaded(this.setup, this.opts, this.cwd, this.sortedFiles(this.entries.keys()), this.documents, scope, own);
    // As lint() says it: how many files were given, and a note when they are the whole register.
    if (scope) {
      result.summary.given = scope.size;
      if ([...this.entries.keys()].every((p) => scope.has(p))) result.notes.push(onlyGivenNote(this.setup.config, this.cwd, scope.size));
    }
    return result;
  }

  /** What the cache stores to restore this session later. */
  state(): SessionState {
    const { files, units: raw, about, globalRules, documents, disagreements } = this.snapshot();
    const units: SessionState['units'] = {};
    for (const [rule, byKey] of raw) {
      units[rule] = Object.fromEntries(
        [...byKey].map(([key, list]) => [
          key,
          list.map((f) => {
            const a = about(f);
            return a ? { ...f, about: a } : f;
          }),
        ]),
      );
    }
    return { files, units, globalRules, documents, ...(disagreements ? { disagreements: Object.fromEntries(disagreements) as Record<string, DisagreementGroup[]> } : {}) };
  }

  /** The session's files, findings by unit and findings shown per file, as a store writes them (cache.ts). */
  snapshot(): SessionSnapshot {
    this.whole();
    const files: Record<string, CachedFile> = {};
    for (const e of this.entries.values()) {
      const ranges = e.file?.ranges ?? e.ranges;
      files[e.path] = {
        hash: e.hash,
        keys: e.keys,
        claims: e.claims,
        hasSource: e.hasSource,
        works: e.works,
        ...(e.document !== undefined ? { document: e.document } : {}),
        ...(e.own ? { own: true } : {}),
        ...(ranges && Object.keys(ranges).length ? { ranges } : {}),
        ...(e.sourceRecord ? { sourceRecord: e.sourceRecord } : {}),
      };
      // A file read with positions says how its claims lie; one never located (out of scope) keeps what the cache said.
      const layout = e.file?.scanned ? this.layoutOf(e) : e.layout;
      if (layout) files[e.path]!.layout = layout;
      const d = this.digests.get(e);
      if (d !== undefined) files[e.path]!.digest = d;
      if (e.stat !== undefined && e.seen !== undefined) Object.assign(files[e.path]!, { stat: e.stat, seen: e.seen });
    }
    return {
      files,
      units: this.units,
      shown: this.final,
      about: (f) => this.about.get(f),
      encoded: (f) => this.encoded.get(f),
      globalRules: [...this.globalRules],
      documents: this.documentsHash,
      disagreements: this.disagreeing,
    };
  }

  /** A session restored with the given files' findings only cannot be updated or saved (a programming error). */
  private whole(): void {
    if (this.partial) throw new Error('claimlint: a session restored for the files given only cannot be updated or saved');
  }

  // ---- Accessors for the language server (src/lsp/engine.ts) — additive, read-only ----

  /**
   * The register's claim files as parsed now, in register order (as a full
   * lint loads them). A file the session did not parse again is the same
   * object as before, so callers may cache what they derive from it.
   */
  registerFiles(): RegisterFile[] {
    return this.sortedFiles(this.entries.keys());
  }

  // ---- end of the language server accessors ----

  // ---- internals -------------------------------------------------------

  private inScope(f: Finding): boolean {
    const s = this.scopeDisplays;
    return !s || s.has(f.file) || f.related.some((r) => s.has(r.file));
  }

  private entryOf(read: FileText, file?: RegisterFile): Entry {
    const { path, text } = read;
    const loaded = file ?? parseClaimFile(path, text, read.readProblem ? { readProblem: read.readProblem } : {});
    const keys: FileKeys = { source: [], subject: [], 'subject-property': [] };
    if (loaded.source) keys.source.push(loaded.source.id);
    const subjects = new Set<string>();
    const pairs = new Set<string>();
    for (const c of loaded.claims) {
      if (inSubjectScope(c.claim)) subjects.add(this.subjectKey(c));
      pairs.add(this.pairKey(c));
    }
    keys.subject = [...subjects];
    keys['subject-property'] = [...pairs];
    const document = loaded.source?.document;
    const sourceRecord = sourceRecordOf(loaded);
    return {
      path,
      display: displayPath(path, this.cwd),
      text,
      hash: hashOf(read),
      ...(read.stat !== undefined && read.seen !== undefined ? { stat: read.stat, seen: read.seen } : {}),
      file: loaded,
      keys,
      claims: loaded.claims.length,
      hasSource: loaded.source !== undefined,
      works: loaded.source ? contentHash(JSON.stringify(loaded.source)) : '',
      ...(sourceRecord ? { sourceRecord } : {}),
      ...(typeof document === 'string' ? { document } : {}),
      ...(loaded.source?.own === true ? { own: true } : {}),
      ...(read.readProblem ? { readProblem: read.readProblem } : {}),
    };
  }

  /** Read the documents the files name and the configured own content (again). Returns whether they changed. */
  private async loadDocuments(): Promise<boolean> {
    // loadDocuments needs each file's source.document and source.own only: files not parsed yet stand in with those.
    const refs = [...this.entries.values()]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((e) => (e.file ?? { source: e.document !== undefined ? { document: e.document, own: e.own === true } : undefined }) as RegisterFile);
    const documents = await loadRegisterDocuments(this.setup, refs, this.documentTexts);
    const hash = createHash('sha1');
    for (const p of [...documentPaths(documents, refs)].sort()) hash.update(`${p}\u0000${documents.get(p)?.text ?? '\u0001'}\u0000${documents.own.has(p)}\u0000`);
    const digest = hash.digest('base64');
    const changed = digest !== this.documentsHash;
    this.documents = documents;
    this.documentsHash = digest;
    return changed;
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
    return (e.file ??= parseClaimFile(e.path, e.text, { fast: true, ...(e.ranges ? { ranges: e.ranges } : {}), ...(e.readProblem ? { readProblem: e.readProblem } : {}) }));
  }

  /**
   * A file as the citation graph reads it when none of its claims is in the
   * groups checked (WORK_KINDS): parsed already, or standing in with the
   * source the cache recorded (parsed only if a finding needs more of it),
   * or else parsed now.
   */
  private sourceOnly(e: Entry): RegisterFile {
    if (e.file || (e.hasSource && !e.sourceRecord)) return this.loaded(e);
    return sourceOnlyFile(e.path, e.sourceRecord, () => this.loaded(e)) ?? this.loaded(e);
  }

  /**
   * The disagreements in register order: the order of each group's first
   * claim, that is the files in path order and, in each, its
   * subject/property keys in the order of their first claims.
   */
  private orderedDisagreements(): DisagreementGroup[] {
    // Not known (a saved state without them): worked out from the whole register, and kept up to date from then on.
    const known = (this.disagreeing ??= disagreementsByGroup(this.fullRegister()));
    const seen = new Set<string>();
    const out: DisagreementGroup[] = [];
    for (const p of [...this.entries.keys()].sort()) {
      for (const k of this.entries.get(p)!.keys['subject-property']) {
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(...(known.get(k) ?? []));
      }
    }
    return out;
  }

  /**
   * The register's citations (the JSON report's `citations`) without parsing
   * every file: which reference is which work depends on the sources only,
   * so the graph is first made with the files not parsed standing in by
   * their sources (see {@link sourceOnly}); then the files of its citations
   * (citing and cited, whose claims the verdicts read) are parsed, and the
   * graph made again.
   */
  private citations(): CitationData[] {
    const display = (abs: string) => displayPath(abs, this.cwd);
    const entries = [...this.entries.keys()].sort().map((p) => this.entries.get(p)!);
    let files = entries.map((e) => this.sourceOnly(e));
    const graph = new Register(files, this.setup.vocabulary).citations;
    const involved = new Set(graph.citations.flatMap((c) => [c.from.path, c.to.path]));
    if (entries.every((e, i) => !involved.has(e.path) || files[i] === e.file)) return citationsData(graph, display);
    files = entries.map((e, i) => (involved.has(e.path) ? this.loaded(e) : files[i]!));
    return citationsData(new Register(files, this.setup.vocabulary).citations, display);
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
  private registerFor(scope: CheckScope, keys: ReadonlySet<string>, allFiles = false): Register {
    if (scope === 'global') return this.fullRegister();
    if (scope === 'file') return new Register(this.sortedFiles(keys), this.setup.vocabulary);
    // The files with claims in the touched groups (with `allFiles`, the others come too, for their sources only).
    const holding = new Set<string>();
    for (const k of keys) union(holding, this.index[scope].get(k) ?? []);
    const files = allFiles
      ? [...this.entries.keys()].sort().map((p) => (holding.has(p) ? this.loaded(this.entries.get(p)!) : this.sourceOnly(this.entries.get(p)!)))
      : this.sortedFiles(holding);
    if (scope === 'source') return new Register(files, this.setup.vocabulary);
    // Only the claims of the touched groups, in register order: the file stands in with a shorter claim list.
    const keyOf = scope === 'subject' ? (c: RegisterFile['claims'][number]) => this.subjectKey(c) : (c: RegisterFile['claims'][number]) => this.pairKey(c);
    const claimsOf = (f: RegisterFile) => (holding.has(f.path) ? f.claims.filter((c) => keys.has(keyOf(c))) : []);
    const partial = files.map((f) => Object.create(f, { claims: { value: claimsOf(f) } }) as RegisterFile);
    return new Register(partial, this.setup.vocabulary);
  }

  /** The unit a report belongs to, or undefined when it cannot be told (the rule then runs in full). */
  private unitOf(scope: CheckScope, r: Report): string | undefined {
    switch (scope) {
      case 'global':
        return '';
      case 'file':
        return r.document === undefined ? r.file.path : undefined;
      case 'source':
        return r.document === undefined ? (r.file.source?.id ?? `\u0000${r.file.path}`) : undefined;
      case 'subject':
        return r.claim ? this.subjectKey(r.claim) : undefined;
      case 'subject-property':
        return r.claim ? this.pairKey(r.claim) : undefined;
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
      const finding = findingOf(this.setup, id, rule, r, display, this.about);
      if (!finding) return;
      const list = out.get(unit);
      if (list) list.push(finding);
      else out.set(unit, [finding]);
    };
    this.runKind(id, rule, register, [], report);
    if (unattributed) {
      this.globalRules.add(id);
      return undefined;
    }
    return out;
  }

  /** Run a rule's check over a register: every file in scope, no file preferred (as lint() without given or changed files). */
  private runKind(id: string, rule: Rule, register: Register, directives: Directive[], report: (r: Report) => void): void {
    rule.kind.run({
      register,
      external: this.setup.external,
      directives,
      vocabulary: this.setup.vocabulary,
      documents: this.documents,
      display: (abs: string) => displayPath(abs, this.cwd),
      ruleId: id,
      report,
      inScope: () => true,
      prefers: () => false,
      options: this.setup.options.get(id) ?? rule.options,
    });
  }

  /** Replace a rule's findings for some units; marks the files whose findings may change. */
  private setUnits(id: string, found: Map<string, Finding[]>, keys: Iterable<string> | 'all', dirty: Set<string>): void {
    let byKey = this.units.get(id);
    if (!byKey) this.units.set(id, (byKey = new Map()));
    const replace = (key: string, next: Finding[] | undefined) => {
      const uid = unitId(id, key);
      const old = byKey.get(key);
      // The same findings as before: nothing to redo for their files (most units an edit touches are unchanged).
      if (old && next && sameFindings(old, next) && next.every((f, i) => String(this.about.get(f)) === String(this.about.get(old[i]!)))) {
        byKey.set(key, next);
        return;
      }
      for (const f of old ?? []) {
        dirty.add(f.file);
        this.contributions.get(f.file)?.delete(uid);
        for (const r of f.related) if (r.file !== f.file) this.pointing.get(r.file)?.delete(uid);
      }
      if (next?.length) byKey.set(key, next);
      else byKey.delete(key);
      const add = (index: Map<string, Set<string>>, file: string) => {
        const set = index.get(file);
        if (set) set.add(uid);
        else index.set(file, new Set([uid]));
      };
      for (const f of next ?? []) {
        dirty.add(f.file);
        add(this.contributions, f.file);
        for (const r of f.related) if (r.file !== f.file) add(this.pointing, r.file);
      }
    };
    const targets = keys === 'all' ? new Set([...byKey.keys(), ...found.keys()]) : new Set(keys);
    for (const key of targets) replace(key, found.get(key));
  }

  /**
   * Move the findings of claims that only moved in a file (lines added or
   * removed above them): every finding of a unit located in the file or
   * pointing into it gets the lines of its positions there shifted with the
   * claim they are in. False, with nothing changed, when a position is in
   * none of the claims that moved or stayed (nor in the source block): the
   * caller then checks every group of the file again. Units that are
   * checked again anyway (`recomputed`) are left alone.
   */
  private move(display: string, edit: ClaimEdit, dirty: Set<string>, recomputed: (rule: string, key: string) => boolean): boolean {
    // Old line ranges that moved or stayed, in order, each with its shift.
    const spans = [...edit.moved.map((m) => [m.line, m.endLine, m.delta] as const), ...edit.kept.map(([a, b]) => [a, b, 0] as const)].sort((x, y) => x[0] - y[0]);
    // Spans sharing a line (flow style) must move together, or a position on that line has two shifts.
    for (let i = 1; i < spans.length; i++) if (spans[i]![0] <= spans[i - 1]![1] && spans[i]![2] !== spans[i - 1]![2]) return false;
    const shift = (line: number): number | undefined => {
      let lo = 0;
      let hi = spans.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [a, b, d] = spans[mid]!;
        if (line < a) hi = mid - 1;
        else if (line > b) lo = mid + 1;
        else return line + d;
      }
      return undefined;
    };
    const plan: Array<[Map<string, Finding[]>, string, Finding[]]> = [];
    const marked = new Set<string>();
    for (const uid of new Set([...(this.contributions.get(display) ?? []), ...(this.pointing.get(display) ?? [])])) {
      const cut = uid.indexOf('\u0000');
      const id = uid.slice(0, cut);
      const byKey = this.units.get(id);
      const key = uid.slice(cut + 1);
      const list = byKey?.get(key);
      // Units checked again anyway (the file's own, the changed claims' groups) are left to that.
      if (!byKey || !list || recomputed(id, key)) continue;
      let changed = false;
      const next: Finding[] = [];
      for (const f of list) {
        let moved = f;
        if (f.file === display) {
          const line = shift(f.line);
          const endLine = shift(f.endLine);
          if (line === undefined || endLine === undefined) return false;
          if (line !== f.line || endLine !== f.endLine) moved = { ...f, line, endLine };
        }
        let related = f.related;
        for (let i = 0; i < f.related.length; i++) {
          const r = f.related[i]!;
          if (r.file !== display) continue;
          const line = shift(r.line);
          const endLine = shift(r.endLine);
          if (line === undefined || endLine === undefined) return false;
          if (line === r.line && endLine === r.endLine) continue;
          if (related === f.related) related = [...f.related];
          related[i] = { ...r, line, endLine };
        }
        if (related !== f.related) moved = { ...moved, related };
        if (moved !== f) {
          const about = this.about.get(f);
          if (about) this.about.set(moved, about);
          marked.add(f.file);
          changed = true;
        }
        next.push(moved);
      }
      if (changed) plan.push([byKey, key, next]);
    }
    for (const [byKey, key, next] of plan) byKey.set(key, next);
    for (const file of marked) dirty.add(file);
    return true;
  }

  /**
   * How a parsed file's claims lie (see {@link ClaimLayout}), when that can
   * tell an edit apart: the file read by the line scanner (no anchors or
   * aliases, whose data could come from elsewhere in the file), without
   * syntax errors, and no claim id repeated (which claim an id names could
   * change with the order, whatever the text). Undefined otherwise.
   */
  private layoutOf(e: Entry): ClaimLayout | undefined {
    const file = e.file;
    // The cache's layout is of the same text (same hash): no need to locate the claims again.
    if (!file || e.layout) return e.layout;
    let layout = LAYOUTS.get(file);
    if (layout === undefined) {
      layout = null;
      // The claims' ranges first (read, so that a lazily located file is scanned now): a file the scanner declines is parsed for them, and is then not `scanned`.
      const ranges = file.claims.map((c) => {
        const r = c.range();
        return { line: r.line, column: r.column, endLine: r.endLine };
      });
      if (file.scanned && file.syntaxErrors.length === 0 && new Set(file.claims.map((c) => c.fullId)).size === file.claims.length) {
        const starts = lineStarts(file.text);
        const subjects = new Map(e.keys.subject.map((k, i) => [k, i]));
        const pairs = new Map(e.keys['subject-property'].map((k, i) => [k, i]));
        const r = file.source ? file.sourceRange() : undefined;
        layout = {
          ...(r ? { source: [r.line, r.column, r.endLine, r.endColumn] as [number, number, number, number] } : {}),
          claims: file.claims.map((c, i) => {
            const at = ranges[i]!;
            // Whole lines: what shares a line with the claim (a flow list's other items) counts as part of it.
            const text = file.text.slice(starts[at.line - 1] ?? 0, starts[at.endLine] ?? file.text.length);
            // An undated claim is in no unit of the `subject` scope (-1).
            return [at.line, at.endLine, contentHash(`${at.column}\u0000${text}`), inSubjectScope(c.claim) ? subjects.get(this.subjectKey(c))! : -1, pairs.get(this.pairKey(c))!];
          }),
        };
      }
      LAYOUTS.set(file, layout);
    }
    return layout ?? undefined;
  }

  /**
   * What an edit did to a file's claims, when it changed nothing but claims:
   * the same source block at the same place, and both versions laid out
   * ({@link layoutOf}; the old one may come from the cache). A claim with
   * the same text at the same line is unchanged, and every finding about it
   * is the same; one with the same text at another line moved (its findings
   * move with it). A text that appears more than once counts as changed.
   * Undefined when anything else may have changed, or when claims kept
   * their text but not their order (which decides the order of a group's
   * claims in findings): every group of the file is then checked again.
   */
  private claimEdit(old: Entry, next: Entry): ClaimEdit | undefined {
    if (old.works !== next.works) return undefined;
    const before = this.layoutOf(old);
    const after = this.layoutOf(next);
    if (!before || !after || String(before.source) !== String(after.source)) return undefined;
    const keysOf = (e: Entry, c: ClaimLayout['claims'][number]) => [c[3] < 0 ? undefined : e.keys.subject[c[3]]!, e.keys['subject-property'][c[4]]!] as const;
    const where = (claims: ClaimLayout['claims']) => {
      const at = new Map<string, number>();
      const count = new Map<string, number>();
      claims.forEach((c, i) => {
        at.set(c[2], i);
        count.set(c[2], (count.get(c[2]) ?? 0) + 1);
      });
      return { at, count };
    };
    const [was, now] = [where(before.claims), where(after.claims)];
    const edit: ClaimEdit = { changed: [], moved: [], kept: [] };
    if (before.source) edit.kept.push([before.source[0], before.source[2]]);
    const matched = new Set<number>();
    let last = -1;
    let reordered = false;
    before.claims.forEach((c) => {
      const [line, endLine, hash] = c;
      const j = was.count.get(hash) === 1 && now.count.get(hash) === 1 ? now.at.get(hash) : undefined;
      if (j === undefined) {
        edit.changed.push(keysOf(old, c));
        return;
      }
      // Claims kept in another order: the order of a group's claims decides which a finding names first.
      if (j < last) reordered = true;
      last = j;
      matched.add(j);
      const d = after.claims[j]!;
      // The same text, so the same data and keys: unchanged where it was, moved elsewhere.
      if (d[0] === line && d[1] === endLine) edit.kept.push([line, endLine]);
      else edit.moved.push({ line, endLine, delta: d[0] - line });
    });
    after.claims.forEach((c, j) => {
      if (!matched.has(j)) edit.changed.push(keysOf(next, c));
    });
    return reordered ? undefined : edit;
  }

  private lintAll(): void {
    const dirty = new Set<string>();
    for (const e of this.entries.values()) dirty.add(e.display);
    const register = this.fullRegister();
    for (const [id, rule] of this.activeRules()) this.runFull(id, rule, register, dirty);
    this.disagreeing = disagreementsByGroup(register);
    this.refresh();
  }

  private runFull(id: string, rule: Rule, register: Register, dirty: Set<string>): void {
    const scope = this.scopeOf(id, rule);
    const found = this.runRule(id, rule, scope, register) ?? this.runRule(id, rule, 'global', register)!;
    this.setUnits(id, found, 'all', dirty);
  }

  private async apply(changes: Array<FileText | { path: string; text: null }>, documents = false): Promise<string[]> {
    const touched: Record<CheckScope, Set<string>> = { file: new Set(), source: new Set(), subject: new Set(), 'subject-property': new Set(), global: new Set() };
    const dirty = new Set<string>();
    let any = false;
    let works = false;
    let naming = false;
    /** Files whose moved claims' findings are to be moved, with every group of the file (old and new) should that fail. */
    const moves: Array<{ display: string; edit: ClaimEdit; all: Entry[] }> = [];
    for (const change of changes) {
      const { path, text } = change;
      const old = this.entries.get(path);
      if (text === null ? !old : old?.hash === hashOf(change as FileText)) continue;
      any = true;
      const next = text === null ? undefined : this.entryOf(change as FileText);
      if (old?.works !== next?.works) works = true;
      if (old?.document !== undefined || next?.document !== undefined) naming = true;
      // An edit inside claims (typing in one) touches the groups of the claims it changed only.
      const edit = old && next ? this.claimEdit(old, next) : undefined;
      for (const e of [old, next]) {
        if (!e) continue;
        touched.file.add(e.path);
        dirty.add(e.display);
        for (const s of INDEXED) if (!edit || s === 'source') union(touched[s], e.keys[s]);
      }
      const touch = ([subject, pair]: readonly [string | undefined, string]) => {
        if (subject !== undefined) touched.subject.add(subject);
        touched['subject-property'].add(pair);
      };
      for (const keys of edit?.changed ?? []) touch(keys);
      if (edit?.moved.length) moves.push({ display: next!.display, edit, all: [old!, next!] });
      if (old) this.remove(old);
      if (next) this.add(next);
    }
    // Claims that only moved keep their findings, moved with them; when that cannot be done, their groups are checked again.
    const recomputed = (id: string, key: string): boolean => {
      const rule = this.setup.rules.get(id);
      const scope = rule ? this.scopeOf(id, rule) : 'global';
      return scope === 'global' || touched[scope].has(key);
    };
    for (const m of moves) {
      if (this.move(m.display, m.edit, dirty, recomputed)) continue;
      // A finding could not be placed: check every group of the file again, as for any other edit.
      for (const e of m.all) for (const s of INDEXED) union(touched[s], e.keys[s]);
    }
    // Documents are read again after any change: a claim file may name another document.
    let documentsChanged = false;
    if (any || documents) {
      documentsChanged = await this.loadDocuments();
      documents = documentsChanged || any;
    }
    if (!documents) return [];
    this.recompute(touched, dirty, works, documentsChanged, naming);
    return this.refresh(dirty);
  }

  private recompute(touched: Record<CheckScope, Set<string>>, dirty: Set<string>, works = true, documents = true, naming = true): void {
    let full: Register | undefined;
    let namingFiles: Register | undefined;
    // One register per scope for all the rules of that scope.
    const registers = new Map<string, Register>();
    for (const [id, rule] of this.activeRules()) {
      const scope = this.scopeOf(id, rule);
      if (NAMING_KINDS.has(rule.kind.name) && !this.globalRules.has(id)) {
        if (documents || naming) {
          namingFiles ??= new Register(this.sortedFiles([...this.entries.values()].filter((e) => e.document !== undefined).map((e) => e.path)), this.setup.vocabulary);
          this.runFull(id, rule, namingFiles, dirty);
        }
        continue;
      }
      if (scope === 'global' || (works && WORK_KINDS.has(rule.kind.name)) || (documents && DOCUMENT_KINDS.has(rule.kind.name))) {
        this.runFull(id, rule, (full ??= this.fullRegister()), dirty);
        continue;
      }
      const keys = touched[scope];
      if (keys.size === 0) continue;
      // The kinds that read the citation graph need every file's source (claims of the touched groups only).
      const memo = WORK_KINDS.has(rule.kind.name) ? `${scope}+works` : scope;
      let register = registers.get(memo);
      if (!register) registers.set(memo, (register = this.registerFor(scope, keys, memo !== scope)));
      const found = this.runRule(id, rule, scope, register);
      if (found) this.setUnits(id, found, keys, dirty);
      else {
        // The rule turned out not to attribute its findings: drop its units, run it in full from now on.
        this.setUnits(id, new Map(), 'all', dirty);
        this.runFull(id, rule, (full ??= this.fullRegister()), dirty);
      }
    }
    // The disagreements of the touched groups, worked out again over the same register as the conflict rules'.
    const pairs = touched['subject-property'];
    if (this.disagreeing && pairs.size > 0) {
      let register = registers.get('subject-property');
      if (!register) registers.set('subject-property', (register = this.registerFor('subject-property', pairs)));
      const found = disagreementsByGroup(register);
      for (const k of pairs) {
        const d = found.get(k);
        if (d) this.disagreeing.set(k, d);
        else this.disagreeing.delete(k);
      }
    }
  }

  /** The inline directives of the claim files and own documents, of those `only` keeps (fresh: applying them records which were used). */
  private directives(only?: (abs: string) => boolean): Directive[] {
    if (!this.setup.inlineConfig) return [];
    const out: Directive[] = [];
    for (const e of [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      // A directive is a `# claimlint-...` comment: a file without that text has none, and is not parsed for it.
      if ((!only || only(e.path)) && e.text.includes('claimlint-')) out.push(...parseDirectives(this.loaded(e)));
    }
    for (const p of this.documents.own) {
      if (only && !only(p)) continue;
      const doc = this.documents.get(p);
      if (doc) out.push(...parseDocumentDirectives(p, doc.text));
    }
    return out;
  }

  /**
   * Redo the findings after the rules: `supersedes`, inline suppressions and
   * the kinds that run after them, as lint() does — for the files (as shown
   * in findings) in `dirty`, or all. All three work file by file. Returns the
   * files whose findings changed.
   */
  private refresh(only?: ReadonlySet<string>): string[] {
    // Before the first full refresh (a session restored from the cache), every file is redone.
    const dirty = this.refreshed ? only : undefined;
    this.refreshed = true;
    let findings: Finding[] = [];
    if (dirty) {
      const seen = new Set<string>();
      for (const d of dirty) {
        for (const uid of this.contributions.get(d) ?? []) {
          if (seen.has(uid)) continue;
          seen.add(uid);
          const cut = uid.indexOf('\u0000');
          for (const f of this.units.get(uid.slice(0, cut))?.get(uid.slice(cut + 1)) ?? []) if (dirty.has(f.file)) findings.push(f);
        }
      }
    } else {
      for (const byKey of this.units.values()) for (const list of byKey.values()) findings.push(...list);
    }
    findings = applySupersedes(findings, this.setup.supersedes, (f) => this.about.get(f));
    const display = (abs: string) => displayPath(abs, this.cwd);
    const directives = this.directives(dirty && ((abs: string) => dirty.has(display(abs))));
    findings = applyDirectives(findings, directives, display);
    const after = [...this.setup.rules].filter(([id, rule]) => rule.kind.phase === 'after-suppressions' && enabledSomewhere(this.setup, id));
    if (after.length) {
      // The kinds after suppressions read the directives; the register holds the files that have some.
      const withDirectives = new Set(directives.flatMap((d) => (d.file ? [d.file.path] : [])));
      const register = new Register(this.sortedFiles(withDirectives), this.setup.vocabulary);
      for (const [id, rule] of after) {
        const report = (r: Report) => {
          const f = findingOf(this.setup, id, rule, r, display);
          if (f) findings.push(f);
        };
        this.runKind(id, rule, register, directives, report);
      }
    }
    const next = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = next.get(f.file);
      if (list) list.push(f);
      else next.set(f.file, [f]);
    }
    for (const list of next.values()) list.sort(compareFindings);
    const changed: string[] = [];
    const files = dirty ?? new Set([...this.final.keys(), ...next.keys()]);
    for (const d of files) if (!sameFindings(this.final.get(d) ?? [], next.get(d) ?? [])) changed.push(d);
    if (!dirty) this.final.clear();
    for (const d of files) {
      const list = next.get(d);
      if (list) this.final.set(d, list);
      else this.final.delete(d);
    }
    return changed.sort();
  }

  /** A file as the cache saved it (not parsed); a file head only (no keys) is indexed under no key. */
  private cachedEntry(p: string, cached: CachedFile | CachedFileHead, read: FileText | string, hash: string, readProblem?: ReadProblem): Entry {
    // Read now (its stat as read now), or known unchanged by its stat (its text read if needed), or stale (the old state).
    const fresh = typeof read === 'string' ? undefined : read;
    const lazy = fresh?.hash !== undefined;
    const since = lazy ? cached : fresh;
    const entry: Entry = {
      path: p,
      display: displayPath(p, this.cwd),
      text: fresh ? (lazy ? '' : fresh.text) : (read as string),
      hash,
      keys: 'keys' in cached ? cached.keys : { source: [], subject: [], 'subject-property': [] },
      claims: cached.claims,
      hasSource: cached.hasSource,
      works: cached.works ?? '\u0000unknown',
      ...(cached.document !== undefined ? { document: cached.document } : {}),
      ...(cached.own ? { own: true } : {}),
      ...('ranges' in cached && cached.ranges ? { ranges: cached.ranges } : {}),
      ...('layout' in cached && cached.layout ? { layout: cached.layout } : {}),
      ...('sourceRecord' in cached && cached.sourceRecord ? { sourceRecord: cached.sourceRecord } : {}),
      ...(readProblem ? { readProblem } : {}),
      ...(since?.stat !== undefined && since.seen !== undefined ? { stat: since.stat, seen: since.seen } : {}),
    };
    if (lazy) Object.defineProperty(entry, 'text', { get: () => fresh!.text, enumerable: true });
    if (cached.digest !== undefined && cached.hash === hash) this.digests.set(entry, cached.digest);
    return entry;
  }

  /**
   * Files given, nothing changed since the store was written (every file's
   * hash, the file set, the documents): the findings shown in the given
   * files come from the store, and nothing else is read. Returns false,
   * having restored nothing, when that does not hold (or when the findings
   * are placed by a preference: `--changed-since`, `--baseline`).
   */
  private async restoreShown(stored: StoredState, read: FileText[]): Promise<boolean> {
    const scope = this.scopeDisplays;
    if (!scope || this.opts.changedSince || this.opts.baselineFile) return false;
    if (Object.keys(stored.files).length !== read.length) return false;
    const entries: Entry[] = [];
    for (const r of read) {
      const cached = stored.files[r.path];
      const hash = hashOf(r);
      if (!cached || cached.hash !== hash) return false;
      entries.push(this.cachedEntry(r.path, cached, r, hash, r.readProblem));
    }
    const shown: Array<{ own: StoredFinding[]; into: StoredFinding[] }> = [];
    for (const d of scope) {
      const s = stored.shown(d);
      if (!s) return false;
      shown.push(s);
    }
    for (const e of entries) this.add(e);
    this.documentsHash = stored.documents ?? '';
    if (await this.loadDocuments()) {
      for (const e of entries) this.remove(e);
      return false;
    }
    // Each file's findings in the order they are shown in it (the store's order), once each.
    const byFile = new Map<string, Map<number, Finding>>();
    for (const s of shown) {
      for (const { index, finding } of [...s.own, ...s.into]) {
        let m = byFile.get(finding.file);
        if (!m) byFile.set(finding.file, (m = new Map()));
        m.set(index, finding);
      }
    }
    for (const [d, m] of byFile) this.final.set(d, [...m].sort((a, b) => a[0] - b[0]).map(([, f]) => f));
    this.refreshed = true;
    this.partial = true;
    return true;
  }

  /** Restore from a saved state: files whose hash is unchanged keep their keys and findings without being parsed. */
  private async restore(state: SessionState, read: FileText[]): Promise<void> {
    const changes: FileText[] = [];
    const deleted: Array<{ path: string; text: null }> = [];
    for (const r of read) {
      const cached = state.files[r.path];
      const hash = hashOf(r);
      if (cached && cached.hash === hash) {
        this.add(this.cachedEntry(r.path, cached, r, hash, r.readProblem));
      } else {
        changes.push(r);
        // Restore it as it was, so the update sees its old keys and recomputes what they fed.
        if (cached) this.add(this.cachedEntry(r.path, cached, '\u0000stale', cached.hash));
      }
    }
    const now = new Set(read.map((r) => r.path));
    for (const [p, cached] of Object.entries(state.files)) {
      if (now.has(p)) continue;
      this.add(this.cachedEntry(p, cached, '\u0000stale', cached.hash));
      deleted.push({ path: p, text: null });
    }
    for (const id of state.globalRules) this.globalRules.add(id);
    for (const [rule, byKey] of Object.entries(state.units)) {
      if (!this.setup.rules.has(rule)) continue;
      const found = new Map<string, Finding[]>();
      for (const [key, list] of Object.entries(byKey)) {
        found.set(
          key,
          list.map((stored) => {
            const { about, ...f } = stored;
            if (about) this.about.set(f, about);
            const bytes = state.encoded?.get(stored);
            if (bytes) this.encoded.set(f, bytes);
            return f;
          }),
        );
      }
      this.setUnits(rule, found, 'all', new Set());
    }
    this.disagreeing = state.disagreements ? new Map(Object.entries(state.disagreements)) : undefined;
    // The documents as they are now: when they differ from the saved ones, the global rules run again.
    this.documentsHash = state.documents ?? '';
    const documentsChanged = await this.loadDocuments();
    this.changedSinceOpen = changes.length + deleted.length > 0 || documentsChanged;
    if (changes.length + deleted.length > 0) {
      await this.apply([...changes, ...deleted]);
      return;
    }
    if (documentsChanged) this.recompute({ file: new Set(), source: new Set(), subject: new Set(), 'subject-property': new Set(), global: new Set() }, new Set());
    this.refresh();
  }
}

/** A file's content hash; a file that could not be read hashes its problem, so it never matches a text. */
function hashOf(read: FileText): string {
  if (read.hash !== undefined) return read.hash;
  return read.readProblem ? `!${contentHash(JSON.stringify(read.readProblem))}` : contentHash(read.text);
}

/**
 * How long before a file was read its last write must be for its stat to be
 * trusted: a write in the same tick of a coarse clock (2 s on FAT) as the
 * read might not have moved its times. Git calls such files "racily clean".
 */
const RACY_MS = 2000;

/**
 * A cached file whose stat fingerprint (size, modification and change
 * times, inode) is the one recorded when its text was last read, and whose
 * last write was well before that read: taken as unchanged, with its cached
 * hash, and its text read only if something needs it. Undefined otherwise
 * (the file is then read and hashed).
 */
function unchangedByStat(path: string, cached: CachedFileHead | undefined): FileText | undefined {
  if (cached?.stat === undefined || cached.seen === undefined || cached.hash.startsWith('!')) return undefined;
  let s: BigIntStats;
  try {
    s = statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
  if (!s.isFile() || statFingerprint(s) !== cached.stat || Number(s.mtimeMs) >= cached.seen - RACY_MS) return undefined;
  let text: string | undefined;
  return {
    path,
    hash: cached.hash,
    stat: cached.stat,
    seen: cached.seen,
    get text() {
      if (text === undefined) {
        // Its stat was just as recorded: only a file deleted or broken since then fails here. It is then linted as
        // empty for this run (its old hash kept), and the next run, finding it changed, reports why it cannot be read.
        const r = readRegisterFileSync(path);
        text = 'text' in r ? r.text : '';
      }
      return text;
    },
  };
}

/** The paths of the documents a store may hold: those the files name and the own content read by glob. */
function documentPaths(store: DocumentStore, files: readonly RegisterFile[]): Set<string> {
  const out = new Set<string>(store.own);
  for (const f of files) {
    const doc = f.source?.document;
    if (typeof doc === 'string' && doc !== '') out.add(store.resolve(doc));
  }
  return out;
}

/** What an edit that changed nothing but claims did to them. */
interface ClaimEdit {
  /**
   * The keys (subject, subject/property) of the claims whose text changed,
   * before and after the edit: their groups are checked again (no subject
   * key for an undated claim, see {@link inSubjectScope}).
   */
  changed: Array<readonly [string | undefined, string]>;
  /** Claims with the same text at another line (lines added or removed above them): their old lines and the shift. */
  moved: Array<{ line: number; endLine: number; delta: number }>;
  /** Old line ranges that stayed where they were: the claims that did not move, and the source block. */
  kept: Array<[number, number]>;
}

/** Layouts of parsed files, worked out once per parse. */
const LAYOUTS = new WeakMap<RegisterFile, ClaimLayout | null>();

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (
      x.fingerprint !== y.fingerprint ||
      x.message !== y.message ||
      x.rule !== y.rule ||
      x.file !== y.file ||
      x.claim !== y.claim ||
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

import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { SEVERITY_RANK, type Severity, type SeveritySetting } from '../../model.js';
import { displayPath, PACKAGE_ROOT } from '../../paths.js';
import { didYouMean } from '../load/ajv.js';
import type { ExternalData, Report } from './check.js';
import { enabledSomewhere, findingOf, involves } from './report-finding.js';
import { loadRetractions, parseRetractions } from '../register/retractions.js';
import { DEFAULT_FILES, loadConfig, resolveFrom, validateConfig, type ClaimlintConfig, type LoadedConfig, type RuleSetting } from './config.js';
import { ConfigError } from './errors.js';
import { compareFindings, type Finding, type LintSummary } from '../report/finding.js';
import { makeBaseline, readBaseline, splitByFingerprint, type BaselineEntry } from '../report/baseline.js';
import { registerAtRevision } from '../report/git.js';
import { briefOf, summarizeClaim, summarizeClaims, type ClaimBrief, type ClaimSummary } from '../register/claim-summary.js';
import { parseClaimFile, type LoadedClaim, type RegisterFile } from '../load/loader.js';
import { globRegisterFiles } from '../load/read.js';
import { loadFiles } from '../load/pool.js';
import { Register } from '../register/register.js';
import { applyDirectives, parseDirectives, parseDocumentDirectives } from './suppressions.js';
import { diskReader, EMPTY_STORE, loadDocuments, type DocumentStore } from '../document/store.js';
import { isDocumentPath } from '../document/document.js';
import { citationsData, type CitationData } from '../register/citations.js';
import { disagreementsData, type DisagreementGroup } from '../report/disagreements.js';
import { applySupersedes } from './supersede.js';
import { BUILTIN_RULES_DIR, loadRules, validateOptions, type Rule } from './rules.js';
import { Vocabulary } from '../register/vocabulary.js';

export interface LintOptions {
  /** Working directory: config lookup starts here, paths are shown relative to it. */
  cwd?: string;
  /** Explicit configuration file (`--config`). */
  configFile?: string;
  /**
   * Files or globs given on the command line. The whole register is still
   * read (conflicts cross files), but only findings located in these files,
   * or whose related claims are in them, are reported.
   */
  patterns?: string[];
  /** Severity settings from `--rule id:severity`, applied over the configuration. */
  ruleSeverities?: Record<string, SeveritySetting>;
  /** A configuration given directly instead of a file (validated the same way). */
  config?: ClaimlintConfig;
  /** Run only these rules (all others off), as the rule tester does. */
  only?: string[];
  /** A Retraction Watch CSV file (`--retractions`). */
  retractionsFile?: string;
  /** The same, given as CSV text (API and tests). */
  retractionsCsv?: string;
  /** "Today" for age checks; default the current date. */
  now?: Date;
  /** Report only findings that are not already present at this git revision (`--changed-since`). */
  changedSince?: string;
  /** Report only findings not recorded in this baseline file (`--baseline`). */
  baselineFile?: string;
  /** `false` ignores inline `# claimlint-disable...` comments: nothing suppressed, none reported (`--no-inline-config`, for audits). */
  inlineConfig?: boolean;
  /**
   * Texts that replace files of the register (absolute path -> text): an
   * editor's unsaved buffer, `--stdin --stdin-filename`. A path not on disk
   * is added to the register, or, if the `content` globs match it, to the
   * own content (a new article not saved yet).
   */
  contents?: ReadonlyMap<string, string>;
  /** Parse files in this many worker threads (`--concurrency`); `auto` decides by CPUs and register size. */
  concurrency?: number | 'auto';
}

export interface RuleInfo {
  id: string;
  severity: SeveritySetting;
  defaultSeverity: Severity;
  summary: string;
  kind: string;
  docs: string | null;
  standard: string | null;
  builtin: boolean;
}

export interface LintResult {
  findings: Finding[];
  summary: LintSummary;
  /** The rules as configured, for formatters that describe them (SARIF). */
  rules: RuleInfo[];
  cwd: string;
  /** Every claim of the register by full id, for reports that show claims beside findings (HTML). */
  claims?: Record<string, ClaimSummary>;
  /**
   * The same summaries made one at a time and not kept (not enumerable):
   * what a report over a large register reads instead of `claims`, which
   * holds every claim's summary at once.
   */
  claimSummaries?: ClaimSummaries;
  /** The register's citation graph: references that are sources of the register, with each citing claim's verdict (lazy). */
  citations?: CitationData[];
  /** Each subject and property whose claims fall into disagreeing clusters, with the clusters (JSON `disagreements`). */
  disagreements?: DisagreementGroup[];
  /** Lines for the reader about what was left out (`--changed-since`, `--baseline`). */
  notes: string[];
  /** Baseline entries that no longer occur (fixed since the baseline was written). */
  fixed: BaselineEntry[];
  /** A digest of each file of the register, by path relative to the configuration's folder (for baselines). */
  fileDigests?: Record<string, string>;
}

export interface Resolved {
  config: LoadedConfig;
  external: ExternalData;
  rules: Map<string, Rule>;
  severities: Map<string, SeveritySetting>;
  options: Map<string, Record<string, unknown>>;
  overrides: Array<{ match: (file: string) => boolean; severities: Map<string, SeveritySetting> }>;
  vocabulary: Vocabulary;
  /** Whether inline suppression comments apply (`--no-inline-config` turns them off). */
  inlineConfig: boolean;
  /** Rule id -> the enabled rules its findings supersede (`supersedes` in rule YAML). */
  supersedes: Map<string, string[]>;
}

function settingSeverity(s: RuleSetting): SeveritySetting | undefined {
  return typeof s === 'string' ? s : s.severity;
}

function checkRuleId(rules: Map<string, Rule>, id: string, where: string): Rule {
  const rule = rules.get(id);
  if (!rule) {
    const hint = didYouMean(id, rules.keys());
    throw new ConfigError(`${where}: unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; run "claimlint rules" for the list`);
  }
  return rule;
}

/** Load configuration and rules, validating every rule setting. */
export async function resolveSetup(opts: LintOptions = {}): Promise<Resolved> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const config = opts.config ? validateConfig(opts.config, cwd) : await loadConfig(cwd, opts.configFile);
  const folders = [{ dir: BUILTIN_RULES_DIR, builtin: true }];
  (config.config.ruleFolders ?? []).forEach((f, i) => {
    const dir = resolveFrom(config.root, f);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ConfigError(`${config.locate(['ruleFolders', i])}: ruleFolders: folder not found: ${f}`);
    }
    folders.push({ dir, builtin: false });
  });
  const rules = await loadRules(folders, cwd);
  const severities = new Map<string, SeveritySetting>();
  const options = new Map<string, Record<string, unknown>>();
  for (const [id, rule] of rules) {
    severities.set(id, rule.definition.severity);
    options.set(id, rule.options);
  }
  const applySetting = (id: string, setting: RuleSetting, path: Array<string | number>, target: Map<string, SeveritySetting>) => {
    const rule = checkRuleId(rules, id, config.locate(path, { key: true }));
    const sev = settingSeverity(setting);
    if (sev) target.set(id, sev);
    if (typeof setting === 'object' && setting.options) {
      if (target !== severities) {
        throw new ConfigError(`${config.locate([...path, 'options'], { key: true })}: options can be set only in the top-level rules, not in overrides`);
      }
      const merged = { ...rule.options, ...setting.options };
      const problems = validateOptions(rule.kind, merged);
      if (problems.length) {
        const p = problems[0]!;
        throw new ConfigError(`${config.locate([...path, 'options', ...p.path], { key: p.atKey })}: rules.${id}: ${p.message}`);
      }
      options.set(id, merged);
    }
  };
  for (const [id, setting] of Object.entries(config.config.rules ?? {})) applySetting(id, setting, ['rules', id], severities);
  for (const [id, sev] of Object.entries(opts.ruleSeverities ?? {})) {
    checkRuleId(rules, id, '--rule');
    severities.set(id, sev);
  }
  if (opts.only) {
    for (const id of opts.only) checkRuleId(rules, id, 'only');
    for (const id of rules.keys()) if (!opts.only.includes(id)) severities.set(id, 'off');
  }
  const overrides = (config.config.overrides ?? []).map((o, i) => {
    const target = new Map<string, SeveritySetting>();
    for (const [id, setting] of Object.entries(o.rules)) applySetting(id, setting, ['overrides', i, 'rules', id], target);
    const isMatch = picomatch(o.files, { dot: true });
    return { match: (file: string) => isMatch(file), severities: target };
  });
  const vocabulary = new Vocabulary(config.config.vocabulary ?? {});
  const external: ExternalData = { now: opts.now ?? new Date() };
  if (opts.retractionsFile) {
    external.retractions = await loadRetractions(resolve(cwd, opts.retractionsFile), opts.retractionsFile);
  } else if (opts.retractionsCsv !== undefined) {
    external.retractions = parseRetractions(opts.retractionsCsv);
  }
  const supersedes = new Map<string, string[]>();
  for (const [id, rule] of rules) if (rule.definition.supersedes?.length) supersedes.set(id, rule.definition.supersedes);
  return { config, external, rules, severities, options, overrides, vocabulary, supersedes, inlineConfig: opts.inlineConfig !== false };
}

/** The claim files of the register, and the files given on the command line. */
export async function discoverFiles(
  setup: Resolved,
  cwd: string,
  patterns: string[],
  contents: ReadonlyMap<string, string>,
): Promise<{ register: string[]; scope?: Set<string> }> {
  const { config } = setup;
  const root = config.root;
  const ignore = config.config.ignores ?? [];
  const globs = config.config.files ?? DEFAULT_FILES;
  const register = new Set(await globRegisterFiles(globs, { cwd: root, ignore: [...ignore, '**/node_modules/**'] }));
  let scope: Set<string> | undefined;
  if (patterns.length) {
    scope = new Set();
    const isIgnored = picomatch(ignore, { dot: true });
    for (const p of patterns) {
      const abs = resolve(cwd, p);
      if (contents.has(abs) || (existsSync(abs) && statSync(abs).isFile())) {
        // A file named explicitly (a staged file in a hook) that the configuration ignores is skipped, not an error.
        if (!isIgnored(displayPath(abs, root))) scope.add(abs);
        continue;
      }
      const dirGlob = existsSync(abs) && statSync(abs).isDirectory() ? `${p.replace(/\/$/, '')}/**/*.{yaml,yml}` : p;
      const matched = await fg(dirGlob, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      const kept = matched.filter((m) => !isIgnored(displayPath(m, root)));
      if (kept.length === 0) throw new ConfigError(`no files match "${p}"`);
      for (const m of kept) scope.add(m);
    }
    // Source documents named on the command line (a content pull request's changed article) narrow the scope; they are not claim files.
    for (const f of scope) if (!isDocumentPath(f)) register.add(f);
  }
  // A project may lint only its own content (`content:` globs) before it has claim files.
  if (register.size === 0 && contents.size === 0 && !(scope && scope.size === 0) && !config.config.content?.length) {
    throw new ConfigError(
      `no claim files found (looked for ${globs.join(', ')} in ${displayPath(root, cwd)}); pass files, or set "files" in claimlint.config.yaml`,
    );
  }
  return { register: [...register].sort(), ...(scope ? { scope } : {}) };
}

/** Lint the register: load everything, run every enabled rule, return sorted findings. */
export async function lint(opts: LintOptions = {}): Promise<LintResult> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const setup = await resolveSetup(opts);
  const contents = opts.contents ?? new Map<string, string>();
  const discovered = await discoverFiles(setup, cwd, opts.patterns ?? [], contents);
  const { scope } = discovered;
  const paths = [...new Set([...discovered.register, ...[...contents.keys()].filter((p) => !isDocumentPath(p))])].sort();
  // Files outside the reported scope are read fast: their positions are parsed only if a finding needs them.
  const files: RegisterFile[] = await loadFiles(paths, {
    contents,
    fast: (p) => scope !== undefined && !scope.has(p) && !contents.has(p),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
  });
  const documents = await loadRegisterDocuments(setup, files, contents);
  const result = await lintLoaded(setup, opts, cwd, files, documents, scope);
  if (scope) {
    result.summary.given = scope.size;
    if (discovered.register.every((f) => scope.has(f))) result.notes.push(onlyGivenNote(setup.config, cwd, scope.size));
  }
  return result;
}

/** The source documents and own content of a register's files (`contents` stands in for files on disk). */
export function loadRegisterDocuments(setup: Resolved, files: readonly RegisterFile[], contents?: ReadonlyMap<string, string>): Promise<DocumentStore> {
  const { root } = setup.config;
  return loadDocuments(root, [...files], setup.config.config.content ?? [], diskReader(root, setup.config.config.ignores ?? [], contents));
}

/**
 * Lint loaded files and documents, leaving out the findings already present
 * at `--changed-since` or recorded in `--baseline` (with a note for each).
 * `current` gives the findings of the files as they are when no file is
 * preferred (the incremental session's); by default they are linted here.
 */
export async function lintLoaded(
  setup: Resolved,
  opts: LintOptions,
  cwd: string,
  files: RegisterFile[],
  documents: DocumentStore,
  scope?: ReadonlySet<string>,
  current?: () => LintResult,
): Promise<LintResult> {
  const { root } = setup.config;
  const content = setup.config.config.content ?? [];
  const ignores = setup.config.config.ignores ?? [];
  // Only new problems reported: a finding that involves a changed file and another sits in the changed one,
  // so that its annotation lands on the pull request's diff (files given on the command line come first).
  let old: LintResult | undefined;
  let changed: Set<string> | undefined;
  if (opts.changedSince) {
    const { config } = setup;
    const ref = opts.changedSince;
    const before = await registerAtRevision(config.root, opts.changedSince, config.config.files ?? DEFAULT_FILES, config.config.ignores ?? []);
    const oldFiles = before.map((f) => parseClaimFile(f.path, f.text));
    // The documents as they were at the revision too, so a sentence added to an article since then is new.
    const oldDocuments = await loadDocuments(root, oldFiles, content, {
      glob: (globs) => registerAtRevision(root, ref, globs, ignores),
      read: async (paths) => {
        const wanted = new Set(paths);
        const rel = paths.map((p) => displayPath(p, root));
        return (await registerAtRevision(root, ref, rel, [])).filter((f) => wanted.has(f.path));
      },
    });
    changed = changedFiles(files, new Map(before.map((f) => [f.path, digest(f.text)])));
    old = lintFiles(setup, oldFiles, cwd, scope, oldDocuments, changed);
  }
  const baseline = opts.baselineFile ? await readBaseline(resolve(cwd, opts.baselineFile), opts.baselineFile) : undefined;
  if (baseline?.files) {
    const known = new Map(Object.entries(baseline.files).map(([p, d]) => [resolve(setup.config.root, p), d]));
    changed = new Set([...(changed ?? []), ...changedFiles(files, known)]);
  }
  let result = current && !scope && !changed ? current() : lintFiles(setup, files, cwd, scope, documents, changed);
  if (opts.changedSince && old) {
    const split = splitByFingerprint(result.findings, makeBaseline(old.findings, { name: 'claimlint', version: '' }).findings);
    result = withFindings(result, split.fresh);
    result.notes.push(
      `${split.known} finding${split.known === 1 ? '' : 's'} already present at ${opts.changedSince} left out; ${split.fresh.length} new`,
    );
  }
  if (opts.baselineFile && baseline) {
    const split = splitByFingerprint(result.findings, baseline.findings);
    result = withFindings(result, split.fresh);
    result.notes.push(`${split.known} finding${split.known === 1 ? '' : 's'} in the baseline ${opts.baselineFile} left out`);
    if (split.gone.length) {
      result.fixed = split.gone;
      result.notes.push(
        `${split.gone.length} baseline finding${split.gone.length === 1 ? ' is' : 's are'} fixed: prune the baseline with --write-baseline ${opts.baselineFile}`,
      );
    }
  }
  return result;
}

/** Says that the register is only the files given, and why: cross-file checks had nothing else to compare with. */
export function onlyGivenNote(config: LoadedConfig, cwd: string, given: number): string {
  const files = `${given} file${given === 1 ? '' : 's'} given`;
  const why = config.file
    ? `the "files" of ${displayPath(config.file, cwd)} match no other claim file`
    : `no claimlint.config.yaml was found, and no folder from here upward holds a claims/ folder`;
  return `The register is only the ${files}: ${why}; conflicts with other claim files cannot be found`;
}

/** A short digest of a file's text, to tell which files changed. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The files whose text is not the one recorded (new files included). */
function changedFiles(files: readonly RegisterFile[], recorded: ReadonlyMap<string, string>): Set<string> {
  return new Set(files.filter((f) => recorded.get(f.path) !== digest(f.text)).map((f) => f.path));
}

/** The result with another list of findings, its counts redone. */
export function withFindings(result: LintResult, findings: Finding[]): LintResult {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  // Copy the properties as they are: the lazy `claims` stays lazy.
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)) as LintResult;
  out.findings = findings;
  out.summary = { ...result.summary, errors: count('error'), warnings: count('warning'), infos: count('info') };
  out.notes = [...result.notes];
  return out;
}

/**
 * Lint claim files given as text (paths relative to `cwd`), without reading
 * the disk for them: for editors, tests and the rule tester.
 */
export async function lintTexts(texts: Array<{ path: string; text: string }>, opts: LintOptions = {}): Promise<LintResult> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const setup = await resolveSetup(opts);
  const files = texts.map((t) => parseClaimFile(resolve(cwd, t.path), t.text));
  // Documents come from `contents` only: nothing is read from disk.
  const documents = await loadDocuments(setup.config.root, files, setup.config.config.content ?? [], {
    read: async (paths) => paths.flatMap((p) => (opts.contents?.has(p) ? [{ path: p, text: opts.contents.get(p)! }] : [])),
    glob: async (globs) => {
      const isMatch = picomatch([...globs], { dot: false });
      return [...(opts.contents ?? [])].filter(([p]) => isMatch(displayPath(p, setup.config.root))).map(([path, text]) => ({ path, text }));
    },
  });
  // `patterns` name files of `texts` (no globbing): findings are limited to them as for files given on the command line.
  const scope = opts.patterns?.length ? new Set(opts.patterns.map((p) => resolve(cwd, p))) : undefined;
  return lintFiles(setup, files, cwd, scope, documents);
}

/**
 * Run the configured rules over loaded files. `scope` limits what is
 * reported; a finding that involves two files sits in the one in `scope`,
 * else in the one in `prefer` (the changed files, when only new problems are
 * reported), else where the rule puts it.
 */
export function lintFiles(
  setup: Resolved,
  files: RegisterFile[],
  cwd: string,
  scope?: ReadonlySet<string>,
  documents: DocumentStore = EMPTY_STORE,
  prefer?: ReadonlySet<string>,
): LintResult {
  const register = new Register(files, setup.vocabulary);
  const display = (abs: string) => displayPath(abs, cwd);
  let findings: Finding[] = [];
  const directives = setup.inlineConfig
    ? [
        ...files.flatMap(parseDirectives),
        ...[...documents.own].flatMap((p) => {
          const doc = documents.get(p);
          return doc ? parseDocumentDirectives(p, doc.text) : [];
        }),
      ]
    : [];
  const about = new WeakMap<Finding, readonly string[]>();
  const inScope = (file: RegisterFile) => !scope || scope.has(file.path);
  // Only changed files (--changed-since, --baseline) are preferred: a run given files (a pre-commit hook) finds exactly what a full run finds.
  const preferred = prefer;
  const prefers = (file: RegisterFile) => preferred !== undefined && preferred.has(file.path);
  const runRule = (id: string, rule: Rule) => {
    if (!enabledSomewhere(setup, id)) return;
    const report = (r: Report) => {
      // Out of scope (neither in nor related to the given files): dropped before its positions are read.
      if (scope && !involves(r, scope)) return;
      const finding = findingOf(setup, id, rule, r, display, about);
      if (finding) findings.push(finding);
    };
    const ctx = { register, external: setup.external, directives, vocabulary: setup.vocabulary, documents, display, ruleId: id, report, inScope, prefers };
    const started = timing ? performance.now() : 0;
    rule.kind.run({ ...ctx, options: setup.options.get(id) ?? rule.options });
    if (timing) timing.set(id, performance.now() - started);
  };
  // CLAIMLINT_TIMING=1 prints the time each rule took (as ESLint's TIMING=1), to stderr.
  const timing = process.env['CLAIMLINT_TIMING'] ? new Map<string, number>() : undefined;
  const rules = [...setup.rules];
  for (const [id, rule] of rules) if (rule.kind.phase !== 'after-suppressions') runRule(id, rule);
  // One problem, one finding: a more specific finding hides the general ones it explains (before suppressions apply).
  findings = applySupersedes(findings, setup.supersedes, (f) => about.get(f));
  findings = applyDirectives(findings, directives, display);
  for (const [id, rule] of rules) if (rule.kind.phase === 'after-suppressions') runRule(id, rule);
  if (timing) {
    const rows = [...timing].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env['CLAIMLINT_TIMING']) > 1 ? Number(process.env['CLAIMLINT_TIMING']) : 10);
    process.stderr.write(`${'Rule'.padEnd(32)} Time (ms)\n${rows.map(([id, ms]) => `${id.padEnd(32)} ${ms.toFixed(1).padStart(9)}`).join('\n')}\n`);
  }

  // Findings outside the scope were dropped as they were reported.
  const counts = { files: files.length, sources: files.filter((f) => f.source).length, claims: register.claims.length };
  return makeResult(setup, cwd, findings.sort(compareFindings), counts, () => fileDigests(setup, files), () => register);
}

/** Claim summaries made on demand, nothing kept (see `LintResult.claimSummaries`). */
export interface ClaimSummaries {
  /** The summary of the claim with this full id (the first, when ids repeat), made anew on each call. */
  get(id: string): ClaimSummary | undefined;
  /** Every claim's summary in register order (the first of repeated ids), each made as it is reached. */
  all(): Iterable<ClaimSummary>;
  /** The brief of a claim: the summary's fields that cost no text work (where it is, what it is about, its evidence band). */
  brief(id: string): ClaimBrief | undefined;
  /** Every claim's brief, in the order of `all`. */
  briefs(): Iterable<ClaimBrief>;
}

/** `claimSummaries` over a result's `claims` (a result made without them, by hand or by an older caller). */
export function summariesOf(result: LintResult): ClaimSummaries {
  if (result.claimSummaries) return result.claimSummaries;
  const claims = result.claims ?? {};
  const get = (id: string) => (Object.prototype.hasOwnProperty.call(claims, id) ? claims[id] : undefined);
  return { get, all: () => Object.values(claims), brief: get, briefs: () => Object.values(claims) };
}

/** A lint result over sorted findings; the claim summaries (for the HTML report) are computed only when a formatter asks. */
export function makeResult(
  setup: Resolved,
  cwd: string,
  findings: Finding[],
  counts: Pick<LintSummary, 'files' | 'sources' | 'claims'>,
  digests: Record<string, string> | (() => Record<string, string>),
  registerOf: () => Register,
  /** The register's citations and disagreements when the caller knows them without the whole register (the incremental engine). */
  known: { citations?: () => CitationData[]; disagreements?: () => DisagreementGroup[] } = {},
): LintResult {
  let built: Register | undefined;
  const register = () => (built ??= registerOf());
  const display = (abs: string) => displayPath(abs, cwd);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  const result: LintResult = {
    findings,
    summary: { ...counts, errors: bySeverity.error, warnings: bySeverity.warning, infos: bySeverity.info },
    rules: describeRules(setup),
    cwd,
    notes: [],
    fixed: [],
    // Hashing every file costs a tenth of a second at 100,000 claims, and only a baseline being written needs it.
    get fileDigests(): Record<string, string> {
      return typeof digests === 'function' ? (digests = digests()) : digests;
    },
    set fileDigests(value: Record<string, string>) {
      digests = value;
    },
  };
  // Claim summaries (for the HTML report) read every claim's position: computed only when a formatter asks.
  let claims: Record<string, ClaimSummary> | undefined;
  Object.defineProperty(result, 'claims', {
    enumerable: true,
    configurable: true,
    get: () => {
      const r = register();
      return (claims ??= summarizeClaims(r.claims, r.vocabulary, display));
    },
  });
  let byId: Map<string, LoadedClaim> | undefined;
  const firstOfId = () => {
    if (!byId) {
      byId = new Map();
      for (const c of register().claims) if (!byId.has(c.fullId)) byId.set(c.fullId, c);
    }
    return byId;
  };
  // By id and in order, made with `make` (once the whole record exists, read from it: the same objects).
  const made = <T>(make: (c: LoadedClaim, vocab: Vocabulary, display: (abs: string) => string) => T) => ({
    one: (id: string): T | ClaimSummary | undefined => {
      if (claims) return Object.prototype.hasOwnProperty.call(claims, id) ? claims[id] : undefined;
      const c = firstOfId().get(id);
      return c && make(c, register().vocabulary, display);
    },
    *every(): Generator<T | ClaimSummary> {
      if (claims) {
        yield* Object.values(claims);
        return;
      }
      for (const c of firstOfId().values()) yield make(c, register().vocabulary, display);
    },
  });
  const full = made(summarizeClaim);
  const brief = made(briefOf);
  const summaries: ClaimSummaries = { get: full.one, all: full.every, brief: brief.one, briefs: brief.every };
  Object.defineProperty(result, 'claimSummaries', { enumerable: false, configurable: true, value: summaries });
  let citations: CitationData[] | undefined;
  Object.defineProperty(result, 'citations', {
    enumerable: true,
    configurable: true,
    get: () => (citations ??= known.citations ? known.citations() : citationsData(register().citations, display)),
  });
  let disagreements: DisagreementGroup[] | undefined;
  Object.defineProperty(result, 'disagreements', {
    enumerable: true,
    configurable: true,
    get: () => (disagreements ??= known.disagreements ? known.disagreements() : disagreementsData(register())),
  });
  return result;
}

/** The digest of each file's text by its path from the root (recorded in baselines). */
export function fileDigests(setup: Resolved, files: readonly Pick<RegisterFile, 'path' | 'text'>[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [displayPath(f.path, setup.config.root), digest(f.text)]));
}

export function describeRules(setup: Resolved): RuleInfo[] {
  return [...setup.rules.values()]
    .map((r) => ({
      id: r.definition.id,
      severity: setup.severities.get(r.definition.id) ?? 'off',
      defaultSeverity: r.definition.severity,
      summary: r.definition.summary,
      kind: r.kind.name,
      docs: r.definition.docs ?? null,
      standard: r.definition.standard ?? null,
      builtin: r.builtin,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export { SEVERITY_RANK, PACKAGE_ROOT };

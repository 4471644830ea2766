import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { SEVERITY_RANK, type Severity, type SeveritySetting } from '../../model.js';
import { displayPath, PACKAGE_ROOT } from '../../paths.js';
import { didYouMean } from '../load/ajv.js';
import type { ExternalData, Report } from './check.js';
import { enabledSomewhere, findingOf } from './report-finding.js';
import { loadRetractions, parseRetractions } from '../register/retractions.js';
import { DEFAULT_FILES, loadConfig, resolveFrom, validateConfig, type ClaimlintConfig, type LoadedConfig, type RuleSetting } from './config.js';
import { ConfigError } from './errors.js';
import { compareFindings, type Finding, type LintSummary } from '../report/finding.js';
import { makeBaseline, readBaseline, splitByFingerprint, type BaselineEntry } from '../report/baseline.js';
import { registerAtRevision } from '../report/git.js';
import { summarizeClaims, type ClaimSummary } from '../register/claim-summary.js';
import { parseClaimFile, type RegisterFile } from '../load/loader.js';
import { loadFiles } from '../load/pool.js';
import { Register } from '../register/register.js';
import { applyDirectives, parseDirectives } from './suppressions.js';
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
  /**
   * Texts that replace files of the register (absolute path -> text): an
   * editor's unsaved buffer, `--stdin --stdin-filename`. A path not on disk
   * is added to the register.
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
  /** Lines for the reader about what was left out (`--changed-since`, `--baseline`). */
  notes: string[];
  /** Baseline entries that no longer occur (fixed since the baseline was written). */
  fixed: BaselineEntry[];
}

export interface Resolved {
  config: LoadedConfig;
  external: ExternalData;
  rules: Map<string, Rule>;
  severities: Map<string, SeveritySetting>;
  options: Map<string, Record<string, unknown>>;
  overrides: Array<{ match: (file: string) => boolean; severities: Map<string, SeveritySetting> }>;
  vocabulary: Vocabulary;
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
  return { config, external, rules, severities, options, overrides, vocabulary };
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
  const register = new Set(
    await fg(globs, { cwd: root, absolute: true, onlyFiles: true, ignore: [...ignore, '**/node_modules/**'], dot: false }),
  );
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
    for (const f of scope) register.add(f);
  }
  if (register.size === 0 && contents.size === 0 && !(scope && scope.size === 0)) {
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
  const paths = [...new Set([...discovered.register, ...contents.keys()])].sort();
  // Files outside the reported scope are read fast: their positions are parsed only if a finding needs them.
  const files: RegisterFile[] = await loadFiles(paths, {
    contents,
    fast: (p) => scope !== undefined && !scope.has(p) && !contents.has(p),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
  });
  return leaveOutKnown(lintFiles(setup, files, cwd, scope), setup, opts, cwd, scope);
}

/** Leave out the findings already present at `--changed-since` or recorded in `--baseline`, with a note for each. */
export async function leaveOutKnown(
  result: LintResult,
  setup: Resolved,
  opts: LintOptions,
  cwd: string,
  scope?: ReadonlySet<string>,
): Promise<LintResult> {
  if (opts.changedSince) {
    const { config } = setup;
    const before = await registerAtRevision(config.root, opts.changedSince, config.config.files ?? DEFAULT_FILES, config.config.ignores ?? []);
    const old = lintFiles(setup, before.map((f) => parseClaimFile(f.path, f.text)), cwd, scope);
    const split = splitByFingerprint(result.findings, makeBaseline(old.findings, { name: 'claimlint', version: '' }).findings);
    result = withFindings(result, split.fresh);
    result.notes.push(
      `${split.known} finding${split.known === 1 ? '' : 's'} already present at ${opts.changedSince} left out; ${split.fresh.length} new`,
    );
  }
  if (opts.baselineFile) {
    const baseline = await readBaseline(resolve(cwd, opts.baselineFile), opts.baselineFile);
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
  return lintFiles(setup, texts.map((t) => parseClaimFile(resolve(cwd, t.path), t.text)), cwd);
}

/** Run the configured rules over loaded files. `scope` limits what is reported. */
export function lintFiles(setup: Resolved, files: RegisterFile[], cwd: string, scope?: ReadonlySet<string>): LintResult {
  const register = new Register(files, setup.vocabulary);
  const display = (abs: string) => displayPath(abs, cwd);
  let findings: Finding[] = [];
  const directives = files.flatMap(parseDirectives);
  const inScope = (file: RegisterFile) => !scope || scope.has(file.path);
  const runRule = (id: string, rule: Rule) => {
    if (!enabledSomewhere(setup, id)) return;
    const report = (r: Report) => {
      // Out of scope (neither in nor related to the given files): dropped before its positions are read.
      if (scope && !scope.has(r.file.path) && !(r.related ?? []).some((x) => scope.has('sourceRange' in x ? x.path : x.file.path))) return;
      const finding = findingOf(setup, id, rule, r, display);
      if (finding) findings.push(finding);
    };
    const ctx = { register, external: setup.external, directives, vocabulary: setup.vocabulary, ruleId: id, report, inScope };
    const started = timing ? performance.now() : 0;
    rule.kind.run({ ...ctx, options: setup.options.get(id) ?? rule.options });
    if (timing) timing.set(id, performance.now() - started);
  };
  // CLAIMLINT_TIMING=1 prints the time each rule took (as ESLint's TIMING=1), to stderr.
  const timing = process.env['CLAIMLINT_TIMING'] ? new Map<string, number>() : undefined;
  const rules = [...setup.rules];
  for (const [id, rule] of rules) if (rule.kind.phase !== 'after-suppressions') runRule(id, rule);
  findings = applyDirectives(findings, directives, display);
  for (const [id, rule] of rules) if (rule.kind.phase === 'after-suppressions') runRule(id, rule);
  if (timing) {
    const rows = [...timing].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env['CLAIMLINT_TIMING']) > 1 ? Number(process.env['CLAIMLINT_TIMING']) : 10);
    process.stderr.write(`${'Rule'.padEnd(32)} Time (ms)\n${rows.map(([id, ms]) => `${id.padEnd(32)} ${ms.toFixed(1).padStart(9)}`).join('\n')}\n`);
  }

  // Findings outside the scope were dropped as they were reported.
  const counts = { files: files.length, sources: files.filter((f) => f.source).length, claims: register.claims.length };
  return makeResult(setup, cwd, findings.sort(compareFindings), counts, () => register);
}

/** A lint result over sorted findings; the claim summaries (for the HTML report) are computed only when a formatter asks. */
export function makeResult(
  setup: Resolved,
  cwd: string,
  findings: Finding[],
  counts: Pick<LintSummary, 'files' | 'sources' | 'claims'>,
  register: () => Register,
): LintResult {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const result: LintResult = {
    findings,
    summary: { ...counts, errors: count('error'), warnings: count('warning'), infos: count('info') },
    rules: describeRules(setup),
    cwd,
    notes: [],
    fixed: [],
  };
  // Claim summaries read every claim's position.
  let claims: Record<string, ClaimSummary> | undefined;
  Object.defineProperty(result, 'claims', {
    enumerable: true,
    configurable: true,
    get: () => {
      const r = register();
      return (claims ??= summarizeClaims(r.claims, r.vocabulary, (abs) => displayPath(abs, cwd)));
    },
  });
  return result;
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

/**
 * The default command: lint the register and report the findings.
 * `claimlint [options] [files or globs...]`.
 */
import { resolve } from 'node:path';
import type { LintOptions, LintResult } from '../engine/run/linter.js';
import { bytesOf, chunksOf, FORMAT_NAMES, loadFormatter, writeReportAtomic, type AnyFormatter as Formatter } from '../formatters/index.js';
import { terminalSafe } from '../formatters/terminal-text.js';
import { packageInfo } from '../paths.js';
import { guardOutputPaths, writeFileAtomic } from '../output/write.js';
import { cacheOf, concurrencyOf, DEFAULT_CACHE_LOCATION } from './perf-options.js';
import { parseCommandLine, parseRuleFlags, plural, wantColor } from './options.js';
import { UsageError, type CliIo, type Command } from './types.js';

/** The engine is loaded on demand: --help and --version start without it. */
export const engine = () => import('../engine/run/linter.js');

export const LINT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  retractions: { type: 'string' },
  'changed-since': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'print-config': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-inline-config': { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  debug: { type: 'boolean' },
  timing: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type LintValues = ReturnType<typeof parseLint>['values'];

export function parseLint(argv: string[], command = 'claimlint') {
  return parseCommandLine(argv, LINT_OPTIONS, command);
}

export const LINT_OPTIONS_HELP = `Options:
  -f, --format <name>       output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -o, --output-file <path>  write the report to a file instead of stdout
      --max-warnings <n>    exit 1 when there are more than n warnings
      --quiet               report errors only
      --rule <id:severity>  set a rule's severity (off, info, warning, error); repeatable
  -c, --config <path>       use this configuration file instead of searching for one
      --print-config <file> print the rule severities and options in effect for this file, as YAML
      --stdin               lint the text on standard input in place of the file --stdin-filename names
      --stdin-filename <path>
                            the file standard input stands for (required with --stdin)
      --retractions <file>  a Retraction Watch CSV; sources and references with a DOI in it are flagged
      --changed-since <ref> report and fail only on findings not already present at this git revision
      --baseline <file>     report and fail only on findings not recorded in this baseline
      --write-baseline <file>
                            record the current findings as the baseline, then exit 0
      --no-inline-config    ignore # claimlint-disable comments (for audits)
      --color, --no-color   force colour on or off (also NO_COLOR, FORCE_COLOR)
  -w, --watch               lint again whenever a claim file, a source document or the configuration changes
                            (only what a changed file touches is linted again)
      --cache               keep parsed files' findings in a cache and lint only what changed
      --cache-location <path>
                            the cache file, or a folder if it ends with / (default: ${DEFAULT_CACHE_LOCATION})
      --concurrency <n|auto>
                            parse files in n worker threads (auto: by the number of CPUs and files)
      --timing              print the time each rule took, to stderr (also CLAIMLINT_TIMING=1)
      --debug               print a stack trace with internal errors (also CLAIMLINT_DEBUG=1)
  -h, --help                show this help
  -v, --version             show the version`;

const HELP = `Usage: claimlint [options] [files or globs...]

Lint a register of evidence claims (YAML claim files). The whole register is
always read, since conflicts cross files; given files or globs limit the
report to findings in those files or whose related claims are in them.
Without arguments the register comes from claimlint.config.yaml ("files"),
else claims/**/*.{yaml,yml}.

${LINT_OPTIONS_HELP}

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 usage or configuration error.`;

/** `--timing` and `--debug` do what the environment variables do. */
export function applyDiagnosticFlags(values: { timing?: boolean | undefined; debug?: boolean | undefined }, io: CliIo): void {
  if (values.timing) {
    io.env['CLAIMLINT_TIMING'] ||= '1';
    // The engine reads the timing switch from the process environment.
    process.env['CLAIMLINT_TIMING'] ||= '1';
  }
  if (values.debug) io.env['CLAIMLINT_DEBUG'] ||= '1';
}

/** The lint options common to every run from the command line. */
function lintOptions(values: LintValues, io: CliIo): LintOptions {
  return {
    cwd: io.cwd,
    ruleSeverities: parseRuleFlags(values.rule),
    ...(values.config ? { configFile: values.config } : {}),
    ...(values.retractions ? { retractionsFile: values.retractions } : {}),
  };
}

/** `--stdin --stdin-filename <path>`: the text stands in for that file. */
async function stdinContents(values: LintValues, positionals: string[], io: CliIo): Promise<{ patterns: string[]; contents?: Map<string, string> }> {
  if (!values.stdin) {
    if (values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename is used only with --stdin');
    return { patterns: positionals };
  }
  const name = values['stdin-filename'];
  if (name === undefined || name.trim() === '') {
    throw new UsageError('--stdin needs --stdin-filename <path>: the claim file the text stands for (it places the text in the register)');
  }
  if (positionals.length) throw new UsageError('--stdin lints standard input only; give no files or globs with it');
  if (values.watch) throw new UsageError('--stdin cannot be combined with --watch');
  if (!io.readStdin) throw new UsageError('--stdin: no standard input to read');
  const text = await io.readStdin();
  return { patterns: [name], contents: new Map([[resolve(io.cwd, name), text]]) };
}

/** The files a run writes, and the files it reads that an output must not replace. */
const outputTargets = (v: LintValues) =>
  [['-o', v['output-file']], ['--write-baseline', v['write-baseline']]].flatMap(([option, path]) => (path ? [{ option: option!, path }] : []));
const inputFiles = (v: LintValues) =>
  [['--baseline', v['write-baseline'] ? undefined : v.baseline], ['--retractions', v.retractions]].flatMap(([option, path]) => (path ? [{ option: option!, path }] : []));

/** The engine's options for a run from the command line (files, stdin, `--changed-since`, `--baseline`, `--concurrency`...). */
async function runOptions(values: LintValues, positionals: string[], io: CliIo): Promise<LintOptions> {
  const input = await stdinContents(values, positionals, io);
  return {
    ...lintOptions(values, io),
    patterns: input.patterns,
    ...(input.contents ? { contents: input.contents } : {}),
    ...(values['changed-since'] ? { changedSince: values['changed-since'] } : {}),
    ...(values.baseline && !values['write-baseline'] ? { baselineFile: values.baseline } : {}),
    ...(values['no-inline-config'] ? { inlineConfig: false } : {}),
    ...concurrencyOf(values),
  };
}

/** One lint run: lint (through the cache with --cache), format, write; returns the exit code. */
export async function lintOnce(values: LintValues, positionals: string[], io: CliIo, formatter: Formatter, maxWarnings: number): Promise<number> {
  const opts = await runOptions(values, positionals, io);
  const cache = cacheOf(values, io.cwd);
  const result = cache ? await (await import('../engine/run/cache.js')).lintWithCache(opts, cache) : await (await engine()).lint(opts);
  return emit(result, values, io, formatter, maxWarnings);
}

/** Write a result (report or baseline) and return the exit code. */
async function emit(result: LintResult, values: LintValues, io: CliIo, formatter: Formatter, maxWarnings: number): Promise<number> {
  const tool = { name: 'claimlint', version: packageInfo().version };
  const { withFindings } = await engine();
  if (values['write-baseline']) {
    const path = values['write-baseline'];
    const { makeBaseline } = await import('../engine/report/baseline.js');
    writeFileAtomic(resolve(io.cwd, path), `${JSON.stringify(makeBaseline(result.findings, tool, result.fileDigests), null, 2)}\n`, path);
    io.stderr(`claimlint: wrote ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} to the baseline ${path}\n`);
    return 0;
  }
  const warnings = result.summary.warnings;
  const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings;
  let shown: LintResult = result;
  if (values.quiet) {
    // Only errors are shown; the summary keeps the true counts, and the report says what was hidden.
    shown = withFindings(result, result.findings.filter((f) => f.severity === 'error'));
    shown.summary = result.summary;
    const { infos } = result.summary;
    if (tooManyWarnings) shown.notes.push(`${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}; hidden by --quiet`);
    else if (warnings + infos > 0) {
      const hidden = [warnings ? plural(warnings, 'warning') : '', infos ? plural(infos, 'info') : ''].filter(Boolean).join(' and ');
      shown.notes.push(`${hidden} hidden by --quiet`);
    }
  }
  const outFile = values['output-file'];
  // Streamed: the formatter's chunks are written in batches, to stdout or atomically to the file.
  const out = formatter(shown, { color: wantColor(values, io, outFile !== undefined), tool, env: io.env });
  if (outFile) writeReportAtomic(resolve(io.cwd, outFile), out, outFile);
  else if (io.stdoutBytes && typeof out !== 'string') for (const bytes of bytesOf(out)) io.stdoutBytes(bytes);
  else for (const chunk of chunksOf(out)) io.stdout(chunk);
  if (result.summary.errors > 0) return 1;
  if (tooManyWarnings) {
    io.stderr(`claimlint found too many warnings (${warnings}; maximum: ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/** `--print-config <file>`: the rule settings in effect for one file, as YAML. */
async function printConfig(values: LintValues, io: CliIo): Promise<number> {
  const file = values['print-config']!;
  const { resolveSetup } = await engine();
  const { effectiveRules } = await import('../engine/run/effective-config.js');
  const { stringify } = await import('yaml');
  const { displayPath } = await import('../paths.js');
  const setup = await resolveSetup(lintOptions(values, io));
  const abs = resolve(io.cwd, file);
  const out = {
    file: displayPath(abs, io.cwd),
    config: setup.config.file ? displayPath(setup.config.file, io.cwd) : null,
    rules: effectiveRules(setup, abs),
  };
  io.stdout(`# The rule settings claimlint applies to ${terminalSafe(out.file)}: configuration, overrides and --rule\n${stringify(out)}`);
  return 0;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseLint(argv);
  applyDiagnosticFlags(values, io);
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageInfo().version}\n`);
    return 0;
  }
  if (values['print-config'] !== undefined) return printConfig(values, io);
  return runLint(values, positionals, io);
}

/** Lint with parsed options (also used by `claimlint report`). */
export async function runLint(values: LintValues, positionals: string[], io: CliIo): Promise<number> {
  const formatName = values.format ?? 'stylish';
  const formatter = await loadFormatter(formatName);
  if (!formatter) throw new UsageError(`unknown format "${formatName}"; choose one of: ${FORMAT_NAMES.join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings']) || Number(values['max-warnings']) > 2 ** 31 - 1) {
      throw new UsageError(`--max-warnings expects a whole number from 0 to 2147483647, got "${values['max-warnings']}"`);
    }
    maxWarnings = Number(values['max-warnings']);
  }
  await guardOutputPaths(outputTargets(values), {
    cwd: io.cwd,
    patterns: positionals,
    inputs: inputFiles(values),
    ...(values.config ? { configFile: values.config } : {}),
  });
  cacheOf(values, io.cwd); // usage errors (--cache-location without --cache) before anything runs
  if (values.watch) {
    const opts = await runOptions(values, positionals, io);
    const { watchRegister } = await import('./watch.js');
    return watchRegister(opts, (r) => emit(r, values, io, formatter, maxWarnings), io);
  }
  return lintOnce(values, positionals, io, formatter, maxWarnings);
}

const lintCommand: Command = {
  name: 'lint',
  summary: 'lint the register and report the findings (the default command)',
  usage: 'claimlint [options] [files or globs...]',
  help: HELP,
  run,
};

export default lintCommand;

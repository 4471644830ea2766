#!/usr/bin/env node
/**
 * The claimlint command line. Exit codes: 0 no findings at the failing
 * level, 1 findings at it (or too many warnings), 2 usage or configuration
 * error — always reported as one line, never a stack trace.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './engine/run/errors.js';
import type { LintOptions, LintResult } from './engine/run/linter.js';
import { chunksOf, FORMAT_NAMES, loadFormatter, writeReportAtomic, type AnyFormatter as Formatter } from './formatters/index.js';
import { cacheOf, concurrencyOf } from './commands/perf-options.js';

/** The engine is loaded on demand: --help and --version start without it. */
const engine = () => import('./engine/run/linter.js');
import { terminalSafe } from './formatters/terminal-text.js';
import type { SeveritySetting } from './model.js';
import { isMainModule, packageInfo } from './paths.js';

const HELP = `Usage: claimlint [options] [files or globs...]
       claimlint report [-o file.html] [options]     (an HTML report to open in a browser)
       claimlint rules [--format stylish|json] [--config file]

Lint a register of evidence claims (YAML claim files). The whole register is
always read, since conflicts cross files; given files or globs limit the
report to findings in those files or whose related claims are in them.
Without arguments the register comes from claimlint.config.yaml ("files"),
else claims/**/*.{yaml,yml}.

Options:
  -f, --format <name>       output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -o, --output-file <path>  write the report to a file instead of stdout
      --max-warnings <n>    exit 1 when there are more than n warnings
      --quiet               report errors only
      --rule <id:severity>  set a rule's severity (off, info, warning, error); repeatable
  -c, --config <path>       use this configuration file instead of searching for one
      --retractions <file>  a Retraction Watch CSV; sources and references with a DOI in it are flagged
      --changed-since <ref> report and fail only on findings not already present at this git revision
      --baseline <file>     report and fail only on findings not recorded in this baseline
      --write-baseline <file>
                            record the current findings as the baseline, then exit 0
      --color, --no-color   force colour on or off (also NO_COLOR, FORCE_COLOR)
  -w, --watch               lint again whenever a claim file or the configuration changes
                            (only what a changed file touches is linted again)
      --cache               keep parsed files' findings in a cache and lint only what changed
      --cache-location <path>
                            the cache file, or a folder if it ends with / (default: ${'node_modules/.cache/claimlint/'})
      --concurrency <n|auto>
                            parse files in n worker threads (auto: by the number of CPUs and files)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 usage or configuration error.
Docs: https://github.com/claimlint/claimlint#readme`;

class UsageError extends ConfigError {}

interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
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
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        watch: { type: 'boolean', short: 'w' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${msg} (see claimlint --help)`);
  }
}

function wantColor(values: { color?: boolean; 'no-color'?: boolean }, io: CliIo, toFile: boolean): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && !toFile;
}

function parseRuleFlags(flags: string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const flag of flags ?? []) {
    const i = flag.lastIndexOf(':');
    const id = flag.slice(0, i).trim();
    const sev = flag.slice(i + 1).trim();
    if (i <= 0 || !['off', 'info', 'warning', 'error'].includes(sev)) {
      throw new UsageError(`--rule expects <id>:<off|info|warning|error>, got "${flag}"`);
    }
    out[id] = sev as SeveritySetting;
  }
  return out;
}

/** Write a file atomically: a temporary file in the same folder, then rename. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

async function listRules(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv);
  const { describeRules, resolveSetup } = await engine();
  const setup = await resolveSetup({ cwd: io.cwd, ...(values.config ? { configFile: values.config } : {}) });
  const rules = describeRules(setup);
  const format = values.format ?? 'stylish';
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  if (format !== 'stylish') throw new UsageError(`claimlint rules supports --format stylish or json, not "${format}"`);
  const wId = Math.max(...rules.map((r) => r.id.length));
  // Summaries of user rules come from their YAML files: shown as text, not as terminal control.
  for (const r of rules) io.stdout(`${r.id.padEnd(wId)}  ${r.severity.padEnd(7)}  ${terminalSafe(r.summary)}\n`);
  return 0;
}

type Values = ReturnType<typeof parse>['values'];

/** The engine's options from the command line. */
function lintOptions(values: Values, positionals: string[], io: CliIo): LintOptions {
  return {
    cwd: io.cwd,
    patterns: positionals,
    ruleSeverities: parseRuleFlags(values.rule),
    ...(values.config ? { configFile: values.config } : {}),
    ...(values.retractions ? { retractionsFile: values.retractions } : {}),
    ...(values['changed-since'] ? { changedSince: values['changed-since'] } : {}),
    ...(values.baseline && !values['write-baseline'] ? { baselineFile: values.baseline } : {}),
  };
}

/** Write a result (report, baseline) and return the exit code. */
async function emit(result: LintResult, values: Values, io: CliIo, formatter: Formatter, maxWarnings: number): Promise<number> {
  const tool = { name: 'claimlint', version: packageInfo().version };
  const { withFindings } = await engine();
  if (values['write-baseline']) {
    const path = values['write-baseline'];
    const { makeBaseline } = await import('./engine/report/baseline.js');
    writeFileAtomic(resolve(io.cwd, path), `${JSON.stringify(makeBaseline(result.findings, tool), null, 2)}\n`);
    io.stderr(`claimlint: wrote ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} to the baseline ${path}\n`);
    return 0;
  }
  const warnings = result.summary.warnings;
  const shown: LintResult = values.quiet ? withFindings(result, result.findings.filter((f) => f.severity === 'error')) : result;
  const outFile = values['output-file'];
  const ctx = { color: wantColor(values, io, outFile !== undefined), tool, env: io.env };
  if (outFile) writeReportAtomic(resolve(io.cwd, outFile), formatter(shown, ctx));
  else for (const chunk of chunksOf(formatter(shown, ctx))) io.stdout(chunk);
  if (result.summary.errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`claimlint found too many warnings (${warnings}; maximum: ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/** One lint run: lint (through the cache with --cache), format, write; returns the exit code. */
async function lintOnce(values: Values, positionals: string[], io: CliIo, formatter: Formatter, maxWarnings: number): Promise<number> {
  const opts = { ...lintOptions(values, positionals, io), ...concurrencyOf(values) };
  const cache = cacheOf(values, io.cwd);
  const result = cache ? await (await import('./engine/run/cache.js')).lintWithCache(opts, cache) : await (await engine()).lint(opts);
  return emit(result, values, io, formatter, maxWarnings);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === 'rules') return await listRules(argv.slice(1), io);
    const report = argv[0] === 'report';
    const { values, positionals } = parse(report ? argv.slice(1) : argv);
    if (values.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    if (values.version) {
      io.stdout(`${packageInfo().version}\n`);
      return 0;
    }
    if (report) {
      if (values.format && values.format !== 'html') throw new UsageError('claimlint report writes HTML; use --format with plain claimlint for other formats');
      values.format = 'html';
      values['output-file'] ??= 'claimlint-report.html';
    }
    const formatName = values.format ?? 'stylish';
    const formatter = await loadFormatter(formatName);
    if (!formatter) throw new UsageError(`unknown format "${formatName}"; choose one of: ${FORMAT_NAMES.join(', ')}`);
    let maxWarnings = -1;
    if (values['max-warnings'] !== undefined) {
      if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number, got "${values['max-warnings']}"`);
      maxWarnings = Number(values['max-warnings']);
    }
    const once = () => lintOnce(values, positionals, io, formatter, maxWarnings);
    if (values.watch) {
      const { watchRegister } = await import('./commands/watch.js');
      return await watchRegister({ ...lintOptions(values, positionals, io), ...concurrencyOf(values) }, (r) => emit(r, values, io, formatter, maxWarnings), io);
    }
    const code = await once();
    if (report) io.stderr(`claimlint: wrote ${values['output-file']}; open it in a browser\n`);
    return code;
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`claimlint: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    io.stderr(`claimlint: ${err.code ? `${err.code}: ` : ''}${terminalSafe(err.message ?? String(e))}\n`);
    if (io.env['CLAIMLINT_DEBUG']) io.stderr(`${err.stack ?? ''}\n`);
    return 2;
  }
}


if (isMainModule(import.meta.url)) {
  // A reader that goes away (`claimlint | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  });
  process.exitCode = code;
}

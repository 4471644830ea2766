/**
 * `claimlint report`: write the HTML report. A report is not a check: it
 * exits 0 whatever it finds, and 2 when it could not be made or written
 * (`claimlint --format html` keeps the linter's exit codes instead).
 */
import { LINT_OPTIONS_HELP, applyDiagnosticFlags, parseLint, runLint } from './lint.js';
import { UsageError, type CliIo, type Command } from './types.js';

const HELP = `Usage: claimlint report [-o file.html] [options] [files or globs...]

Write the HTML report of the register to a file (default
claimlint-report.html) to open in a browser: counts, the evidence behind each
subject, where sources disagree, and the findings by severity, file, claim or
rule. The file is self-contained and loads nothing from the network.

A report is not a check: claimlint report exits 0 whatever it finds, and 2
when the report could not be written (or on a usage or configuration error).
To fail a build on findings and write HTML, use claimlint --format html -o
file.html, which keeps the linter's exit codes.

Takes the linter's options (--config, --rule, --retractions, --changed-since,
--baseline, --quiet, ...); --format can only be html.

${LINT_OPTIONS_HELP}`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseLint(argv, 'claimlint report');
  applyDiagnosticFlags(values, io);
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (values.format && values.format !== 'html') throw new UsageError('claimlint report writes HTML; use --format with plain claimlint for other formats');
  if (values.watch) throw new UsageError('claimlint report does not watch; use claimlint --watch');
  if (values['print-config'] !== undefined || values['write-baseline'] !== undefined) {
    throw new UsageError(`claimlint report writes a report; use ${values['print-config'] !== undefined ? '--print-config' : '--write-baseline'} with plain claimlint`);
  }
  values.format = 'html';
  values['output-file'] ??= 'claimlint-report.html';
  await runLint(values, positionals, io);
  io.stderr(`claimlint: wrote ${values['output-file']}; open it in a browser\n`);
  return 0;
}

const report: Command = {
  name: 'report',
  summary: 'write the HTML report (exit 0 unless it cannot be written)',
  usage: 'claimlint report [-o file.html] [options]',
  help: HELP,
  run,
};

export default report;

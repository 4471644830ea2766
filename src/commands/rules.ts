/** `claimlint rules`: the rules with their configured severity. */
import { terminalSafe } from '../formatters/terminal-text.js';
import { engine } from './lint.js';
import { parseCommandLine } from './options.js';
import { UsageError, type CliIo, type Command } from './types.js';

const HELP = `Usage: claimlint rules [--format stylish|json] [--config file]

List every rule (built-in and from the configuration's rule folders) with its
configured severity and a one-line summary. --format json adds each rule's
default severity, check kind, docs page and the standard it is grounded in.

Options:
  -f, --format <name>   stylish (default) or json
  -c, --config <path>   use this configuration file instead of searching for one
  -h, --help            show this help`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(
    argv,
    { format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
    'claimlint rules',
  );
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`claimlint rules takes no files, got "${positionals[0]}" (see claimlint rules --help)`);
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

const rules: Command = {
  name: 'rules',
  summary: 'list the rules with their configured severity',
  usage: 'claimlint rules [--format stylish|json] [--config file]',
  help: HELP,
  run,
};

export default rules;

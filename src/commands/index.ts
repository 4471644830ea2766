/**
 * The commands of the binary. Adding one is one line here plus its module
 * (`src/commands/<name>.ts` exporting a `Command`); `claimlint --help` lists
 * them from this registry, and `claimlint <name> --help` shows each one's help.
 */
import type { Command } from './types.js';
import lint from './lint.js';
import report from './report.js';
import rules from './rules.js';
import init from './init.js';
import extract from './extract.js';
import lsp from './lsp.js';

/** In the order `claimlint --help` lists them; `lint` is the default command. */
export const COMMANDS: readonly Command[] = [lint, report, rules, init, extract, lsp];

export const DEFAULT_COMMAND = lint;

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/**
 * The command registry's shape: each command of the binary is one module
 * exporting a `Command`; `src/commands/index.ts` lists them, and the CLI
 * dispatches on the first argument (lint when it is not a command name).
 */
import { ConfigError } from '../engine/run/errors.js';

export interface CliIo {
  stdout: (s: string) => void;
  /** Bytes to standard output (a large report, encoded as it is made); without it, reports go through `stdout`. */
  stdoutBytes?: (b: Uint8Array) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard input as text (`--stdin`); read on demand. */
  readStdin?: () => Promise<string>;
}

export interface Command {
  /** What the user types: `claimlint <name>`. */
  name: string;
  /** One line for the command list in `claimlint --help`. */
  summary: string;
  /** Usage line(s), e.g. `claimlint init`. */
  usage: string;
  /** The full text of `claimlint <name> --help`. */
  help: string;
  /** Run with the arguments after the command name; returns the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A mistake in the command line: exit code 2, one line on stderr. */
export class UsageError extends ConfigError {}

/** "2 files", "1 file". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

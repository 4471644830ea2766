#!/usr/bin/env node
/**
 * The claimlint command line: dispatches to the commands of
 * src/commands/ (lint when the first argument is not a command name).
 * Exit codes: 0 no findings at the failing level, 1 findings at it (or too
 * many warnings), 2 usage or configuration error — always reported as one
 * line, never a stack trace (unless --debug / CLAIMLINT_DEBUG).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMANDS, DEFAULT_COMMAND, findCommand } from './commands/index.js';
import { LINT_OPTIONS_HELP } from './commands/lint.js';
import { UsageError, type CliIo } from './commands/types.js';
import { ConfigError } from './engine/run/errors.js';
import { terminalSafe } from './formatters/terminal-text.js';
import { isMainModule } from './paths.js';

export { writeFileAtomic } from './output/write.js';
export type { CliIo } from './commands/types.js';

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: ${COMMANDS.map((c) => c.usage).join('\n       ')}

Lint a register of evidence claims (YAML claim files). The whole register is
always read, since conflicts cross files; given files or globs limit the
report to findings in those files or whose related claims are in them.
Without arguments the register comes from claimlint.config.yaml ("files",
found upward), else claims/**/*.{yaml,yml} in the nearest folder upward that
has a claims/ folder.

Commands (claimlint <command> --help for each):
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

${LINT_OPTIONS_HELP}

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 usage or configuration error.
Docs: https://github.com/claimlint/claimlint#readme`;
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("inti" is one from "init"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function closestCommand(word: string): string | undefined {
  const ranked = COMMANDS.map((c) => ({ name: c.name, d: editDistance(word.toLowerCase(), c.name) })).sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

/**
 * A first argument that is neither a command, an option nor a path that
 * exists, and has no path or glob characters, is a mistyped command
 * (`claimlint inti`), not a file name.
 */
function unknownCommand(word: string, cwd: string): UsageError | undefined {
  if (word.startsWith('-') || /[./\\*?{}[\]]/.test(word) || existsSync(resolve(cwd, word))) return undefined;
  const hint = closestCommand(word);
  return new UsageError(
    `unknown command "${word}"${hint ? ` (did you mean "${hint}"?)` : ''}; commands: ${COMMANDS.map((c) => c.name).join(', ')}; to lint a file of that name, write ./${word}`,
  );
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const debug = () => Boolean(io.env['CLAIMLINT_DEBUG']) || argv.includes('--debug');
  try {
    const first = argv[0];
    const command = first !== undefined ? findCommand(first) : undefined;
    if (command) return await command.run(argv.slice(1), io);
    if (first === undefined || first.startsWith('-')) {
      if (argv.includes('-h') || argv.includes('--help')) {
        io.stdout(`${topHelp()}\n`);
        return 0;
      }
    } else {
      const unknown = unknownCommand(first, io.cwd);
      if (unknown) throw unknown;
    }
    return await DEFAULT_COMMAND.run(argv, io);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`claimlint: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    io.stderr(`claimlint: ${err.code ? `${err.code}: ` : ''}${terminalSafe(err.message ?? String(e))}\n`);
    if (debug()) io.stderr(`${err.stack ?? ''}\n`);
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
    stdoutBytes: (b) => process.stdout.write(b),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  });
  process.exitCode = code;
}

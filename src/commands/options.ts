/** Command-line helpers shared by the commands: argument parsing, colour, atomic writes. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
import type { SeveritySetting } from '../model.js';
import { UsageError, type CliIo } from './types.js';

/** parseArgs, its errors turned into one-line usage errors that point at the command's help. */
export function parseCommandLine<O extends OptionsConfig>(
  argv: string[],
  options: O,
  command: string,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${msg} (see ${command} --help)`);
  }
}

export function wantColor(values: { color?: boolean | undefined; 'no-color'?: boolean | undefined }, io: CliIo, toFile: boolean): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && !toFile;
}

export function parseRuleFlags(flags: string[] | undefined): Record<string, SeveritySetting> {
  // No prototype: `--rule __proto__:error` is an unknown rule like any other, not a prototype change.
  const out: Record<string, SeveritySetting> = Object.create(null) as Record<string, SeveritySetting>;
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

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

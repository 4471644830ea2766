import type { LintResult } from '../engine/run/linter.js';
import type { FormatterOutput } from './sink.js';

export interface FormatterContext {
  /** Whether to colour the output (terminal formatters only). */
  color: boolean;
  /** claimlint's name and version, for formats that record the tool. */
  tool: { name: string; version: string };
  /** The environment (the github format reads GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE); default process.env. */
  env?: Record<string, string | undefined>;
}

/** A formatter turns a lint result into the text written to stdout or `--output-file`. */
export type Formatter = (result: LintResult, ctx: FormatterContext) => string;

/** A formatter that yields its output in chunks, written as they are made (see sink.ts). */
export type StreamingFormatter = (result: LintResult, ctx: FormatterContext) => Iterable<string>;

/** Either kind: the command line writes both. */
export type AnyFormatter = (result: LintResult, ctx: FormatterContext) => FormatterOutput;

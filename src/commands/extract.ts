/**
 * `claimlint extract <document>`: a draft claim file from a source document
 * (plain text, Markdown or HTML). To stdout, or with `-o` to a claim file:
 * a new file is written whole; an existing one is never overwritten, only
 * the drafts whose quote is new are appended (the diff is shown first,
 * `--dry-run` shows it and writes nothing). Writes are atomic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { ConfigError } from '../engine/run/errors.js';
import { loadConfig } from '../engine/run/config.js';
import { parseDocumentText } from '../engine/document/document.js';
import { extract } from '../extract/draft.js';
import { mergeClaims, renderClaimFile } from '../extract/write.js';
import { writeFileAtomic } from '../output/write.js';
import { terminalSafe } from '../formatters/terminal-text.js';
import type { Command } from './types.js';

export const EXTRACT_HELP = `Usage: claimlint extract <document> [-o claims/<id>.yaml] [options]

Draft a claim file from a source document (plain text, Markdown or HTML):
the source block from what the document states, its numbered reference
list, and one draft claim per check-worthy sentence (verbatim text, where it
is, evidence from citation markers and named sources, a typed value where
unambiguous, aspect and subject), each marked draft: true for review.

Options:
  -o, --output-file <path>  write the claim file; an existing file is never
                            overwritten: only claims whose quote is new are added
      --dry-run             with -o: print the change as a diff, write nothing
      --subject <term>      the subject of every draft (default: the document's
                            most frequent subject term)
      --id <id>             the source id (default: from the document's file name)
  -c, --config <path>       configuration file (document paths are relative to its folder)
  -h, --help                show this help`;

export interface ExtractIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

class UsageError extends ConfigError {}

function idFrom(path: string): string {
  return (
    basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'source'
  );
}

/** Run `claimlint extract`; returns the exit code (2 for usage errors, which it throws as ConfigError for the CLI to print). */
export async function runExtract(argv: string[], io: ExtractIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'output-file': { type: 'string', short: 'o' },
        'dry-run': { type: 'boolean' },
        subject: { type: 'string' },
        id: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (see claimlint extract --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${EXTRACT_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('claimlint extract takes one document (see claimlint extract --help)');
  if (values['dry-run'] && !values['output-file']) throw new UsageError('--dry-run shows the change to a claim file: give it with -o');
  const docPath = resolve(io.cwd, positionals[0]!);
  if (!existsSync(docPath)) throw new UsageError(`${positionals[0]}: no such document`);
  const config = await loadConfig(io.cwd, values.config);
  const documentPath = relative(config.root, docPath).split(sep).join('/');
  const doc = parseDocumentText(docPath, readFileSync(docPath, 'utf8'));
  const id = values.id ?? idFrom(docPath);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new UsageError(`--id must be kebab-case (a-z, 0-9, -), got "${id}"`);
  const extraction = extract(doc, { id, documentPath, ...(values.subject ? { subject: values.subject } : {}) });
  const out = values['output-file'];
  const count = (n: number) => `${n} draft claim${n === 1 ? '' : 's'}`;
  if (!out) {
    io.stdout(renderClaimFile(extraction));
    io.stderr(`claimlint: ${count(extraction.claims.length)} and ${extraction.references.length} references from ${documentPath}\n`);
    return 0;
  }
  const target = resolve(io.cwd, out);
  const exists = existsSync(target);
  const before = exists ? readFileSync(target, 'utf8') : '';
  let after: string;
  let added: number;
  if (exists) {
    try {
      const merged = mergeClaims(before, extraction);
      after = merged.text;
      added = merged.added.length;
    } catch (e) {
      throw new UsageError(`${out}: ${(e as Error).message}`);
    }
  } else {
    after = renderClaimFile(extraction);
    added = extraction.claims.length;
  }
  if (added === 0) {
    io.stderr(`claimlint: ${out} already quotes every check-worthy sentence of ${documentPath}; nothing to add\n`);
    return 0;
  }
  // The change is shown before it is made (for an existing file), or instead of it (--dry-run).
  if (exists || values['dry-run']) io.stdout(createTwoFilesPatch(exists ? out : '/dev/null', out, before, after).split('\n').map(terminalSafe).join('\n'));
  if (values['dry-run']) {
    io.stderr(`claimlint: would add ${count(added)} to ${out} (dry run: nothing written)\n`);
    return 0;
  }
  writeFileAtomic(target, after);
  io.stderr(`claimlint: ${exists ? 'added' : 'wrote'} ${count(added)} ${exists ? 'to' : 'in'} ${out}; review each (draft: true), then run claimlint\n`);
  return 0;
}

const extractCommand: Command = {
  name: 'extract',
  summary: 'draft a claim file from a source document (text, Markdown or HTML)',
  usage: 'claimlint extract <document> [-o claims/<id>.yaml] [--dry-run]',
  help: EXTRACT_HELP,
  run: runExtract,
};

export default extractCommand;

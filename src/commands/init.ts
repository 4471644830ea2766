/**
 * `claimlint init`: a commented claimlint.config.yaml and, when the
 * register has no claim file yet, claims/example.yaml with one valid,
 * commented claim. Never overwrites a file: it says what it left alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCommandLine } from './options.js';
import { UsageError, type CliIo, type Command } from './types.js';

const HELP = `Usage: claimlint init

Start a register in the current folder: writes a commented
claimlint.config.yaml and, when there is no claim file yet,
claims/example.yaml with one valid, commented claim to copy. An existing file
is never overwritten: claimlint init says what it skipped. Exits 0.

Options:
  -h, --help   show this help`;

export const CONFIG_TEMPLATE = `# claimlint configuration: https://github.com/claimlint/claimlint/blob/main/docs/configuration.md
# Paths and globs are relative to this file.

# The claim files of the register (one YAML file per source document).
files: ["claims/**/*.{yaml,yml}"]

# Files left out of the register.
ignores: []

# Folders of your own rules (YAML files that extend a check kind); see docs/writing-rules.md.
# ruleFolders: [rules]

# Severities (off, info, warning, error) and options of the rules; "claimlint rules" lists them.
rules: {}
  # evidence/none: warning
  # evidence/level-mismatch:
  #   severity: warning
  #   options: { smallStudy: 50 }

# Severities for some files only (later entries win).
# overrides:
#   - files: ["claims/marketing/**"]
#     rules:
#       evidence/none: info

# Names your writers use for the same thing, so that conflicts are found across sources.
# vocabulary:
#   subjects:
#     esketamine: ["(s)-ketamine", spravato]
#   terms:
#     myocardial infarction: [heart attack, MI]
`;

export const EXAMPLE_CLAIMS = `# One claim file per source document: https://github.com/claimlint/claimlint/blob/main/docs/claim-format.md
source:
  id: example-review            # how other files and findings name this source
  title: An example systematic review
  kind: systematic-review       # systematic-review, rct, news, blog, clinic-page, ... (see the docs)
  authors: [A. Author, B. Author]
  published: 2024-05-01         # a date, a year-month or a year
  url: https://example.org/review
  references:                   # the source's own reference list, with its own ids
    - id: "1"
      authors: [C. Trialist]
      title: A randomized trial of the example intervention
      year: 2022
      design: rct
      n: 240
claims:
  - id: nausea-rate             # unique within this file
    text: "Nausea was the most common side effect, reported by 18% of participants"  # verbatim from the source
    at: "Results, paragraph 2"  # where in the source
    subject: example intervention
    aspect: harm                # efficacy, harm, mechanism, history, prevalence, regulatory, dosing, other
    property: nausea
    value: { number: 18, unit: "%" }  # a typed value: effect, quantity, counts, time, category or assertion
    context:                    # PICO: who and what the result applies to
      population: adults
      intervention: example intervention
      outcome: nausea
    evidence:
      - cites: ["1"]            # reference ids from the list above
`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }, 'claimlint init');
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`claimlint init takes no arguments, got "${positionals[0]}" (see claimlint init --help)`);
  const fg = (await import('fast-glob')).default;
  const write = (rel: string, text: string) => {
    const abs = join(io.cwd, rel);
    mkdirSync(dirname(abs), { recursive: true });
    try {
      // 'wx': create only, so an existing file (even one made a moment ago) is never overwritten.
      writeFileSync(abs, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      io.stderr(`claimlint: skipped ${rel}: it exists (left as it is)\n`);
      return;
    }
    io.stderr(`claimlint: wrote ${rel}\n`);
  };
  write('claimlint.config.yaml', CONFIG_TEMPLATE);
  const existing = await fg('claims/**/*.{yaml,yml}', { cwd: io.cwd, onlyFiles: true, ignore: ['**/node_modules/**'] });
  if (existing.length) io.stderr(`claimlint: skipped claims/example.yaml: the register already has ${existing.length} claim file${existing.length === 1 ? '' : 's'}\n`);
  else write('claims/example.yaml', EXAMPLE_CLAIMS);
  io.stderr('claimlint: run "claimlint" to lint the register, "claimlint rules" to list the rules\n');
  return 0;
}

const init: Command = {
  name: 'init',
  summary: 'write a commented claimlint.config.yaml and an example claim file',
  usage: 'claimlint init',
  help: HELP,
  run,
};

export default init;

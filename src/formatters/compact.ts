/**
 * One line per finding, `file:line:col: severity message [rule]`, and
 * nothing else — for editors' problem matchers and grep. File names and
 * messages go through terminalSafe, so a finding is always exactly one line.
 *
 * VS Code problemMatcher pattern:
 *   "regexp": "^(.+?):(\\d+):(\\d+): (error|warning|info) (.*) \\[([^\\]]+)\\]$",
 *   "file": 1, "line": 2, "column": 3, "severity": 4, "message": 5, "code": 6
 */
import { terminalSafe } from './terminal-text.js';
import type { StreamingFormatter } from './types.js';

/** The pattern that reads a line back: file, line, column, severity, message, rule. */
export const PROBLEM_MATCHER_REGEXP = '^(.+?):(\\d+):(\\d+): (error|warning|info) (.*) \\[([^\\]]+)\\]$';

const compact: StreamingFormatter = function* (result) {
  // Findings come sorted by file: a file's name is made safe once.
  let file: string | undefined;
  let shown = '';
  let lines: string[] = [];
  for (const f of result.findings) {
    if (f.file !== file) shown = terminalSafe((file = f.file));
    lines.push(`${shown}:${f.line}:${f.column}: ${f.severity} ${terminalSafe(f.message)} [${terminalSafe(f.rule)}]\n`);
    if (lines.length === 512) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
};

export default compact;

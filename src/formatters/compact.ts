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
  for (const f of result.findings) yield `${terminalSafe(f.file)}:${f.line}:${f.column}: ${f.severity} ${terminalSafe(f.message)} [${terminalSafe(f.rule)}]\n`;
};

export default compact;

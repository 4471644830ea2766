import type { Finding } from '../engine/report/finding.js';
import type { Formatter } from './types.js';

/** A finding in the documented JSON shape, keys in their documented order. */
export function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    claim: f.claim,
    text: f.text,
    related: f.related,
    fingerprint: f.fingerprint,
  };
}

/**
 * Machine-readable output: the tool, the summary, and every finding in a
 * stable order (file, line, column, rule).
 */
const json: Formatter = (result, { tool }) =>
  `${JSON.stringify(
    {
      tool,
      summary: result.summary,
      findings: result.findings.map(findingJson),
      notes: result.notes,
      fixed: result.fixed,
      citations: result.citations ?? [],
      disagreements: result.disagreements ?? [],
    },
    null,
    2,
  )}\n`;

export default json;

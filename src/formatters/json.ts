import type { Finding } from '../engine/report/finding.js';
import { jsonChunks, MappedArray } from './json-stream.js';
import type { StreamingFormatter } from './types.js';

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
 * stable order (file, line, column, rule); written finding by finding.
 */
const json: StreamingFormatter = function* (result, { tool }) {
  yield* jsonChunks({ tool, summary: result.summary, findings: new MappedArray(result.findings, findingJson), notes: result.notes, fixed: result.fixed, citations: result.citations ?? [], disagreements: result.disagreements ?? [] }, 2);
  yield '\n';
};

export default json;

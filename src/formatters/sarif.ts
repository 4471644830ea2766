/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure
 * DevOps, SARIF viewers): one run; every configured rule described in
 * tool.driver.rules (summary, docs link, default level, tags and the
 * standard it follows); each finding a result with its location, the other
 * side of a conflict as related locations, and a line-free fingerprint
 * (`claimlint/v1`) so alerts survive edits that move lines.
 *
 * GitHub accepts at most 25,000 results per run: beyond that the most
 * severe 25,000 are kept, and the run says how many were left out (an
 * invocation notification and `properties.omittedResults`).
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareFindings, type Finding, type RelatedLocation } from '../engine/report/finding.js';
import type { RuleInfo } from '../engine/run/linter.js';
import type { Severity } from '../model.js';
import { docsUrl, packageInfo } from '../paths.js';
import { clip } from './markdown-text.js';
import { plural, worstFirst } from './order.js';
import { jsonChunks } from './json-stream.js';
import type { Formatter, StreamingFormatter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub code scanning's limit on results per run. */
export const MAX_RESULTS = 25_000;
/** GitHub code scanning's limit on related locations per result. */
export const MAX_RELATED = 1_000;
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * A finding message as SARIF plain text. A SARIF viewer reads `[text](id)`
 * as a link to a related location, so brackets of that shape are escaped
 * with backslashes, as SARIF §3.11.6 requires of literal brackets.
 */
export function sarifText(s: string): string {
  return s.replace(/\[([^\]]*)\]\(/g, (_m, inner: string) => `\\[${inner}\\](`);
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/**
 * Where a finding is: relative to %SRCROOT% (the working directory) for
 * files inside it; an absolute file URI for files outside it, since a URI
 * reference climbing out of its base (`../other/x.yaml`) is not portable.
 */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file === '..' || file.startsWith('../') || isAbsolute(file)) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: pathToUri(file), uriBaseId: SRCROOT };
}

function physicalLocation(r: Finding | RelatedLocation, cwd: string) {
  return { artifactLocation: artifactLocation(r.file, cwd), region: region(r) };
}

function describeRule(rule: RuleInfo) {
  const level = LEVEL[rule.severity === 'off' ? rule.defaultSeverity : rule.severity];
  const url = rule.docs ? docsUrl(rule.docs) : undefined;
  const summary = rule.summary || rule.id;
  const sentence = /[.!?]$/.test(summary) ? summary : `${summary}.`;
  const tags = ['claimlint', rule.id.split('/')[0]!, rule.kind].filter((t, i, all) => t && all.indexOf(t) === i);
  return {
    id: rule.id,
    shortDescription: { text: sentence },
    fullDescription: { text: rule.standard ? `${sentence} Standard: ${rule.standard}.` : sentence },
    ...(url ? { helpUri: url } : {}),
    help: {
      text: url ? `${sentence} Documentation: ${url}` : sentence,
      markdown: url ? `${sentence} [Documentation](${url})` : sentence,
    },
    defaultConfiguration: { level, ...(rule.severity === 'off' ? { enabled: false } : {}) },
    properties: { tags, ...(rule.standard ? { standard: rule.standard } : {}) },
  };
}

/** For findings of a rule the result does not describe (API callers, tests): the id alone. */
function unknownRule(id: string): RuleInfo {
  return { id, severity: 'warning', defaultSeverity: 'warning', summary: id, kind: '', docs: null, standard: null, builtin: false };
}

/** The SARIF log as an object. */
export function sarifLog(result: Parameters<Formatter>[0], tool: { name: string; version: string }) {
  const rules = [...result.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const f of result.findings) {
    if (!index.has(f.rule)) {
      index.set(f.rule, rules.length);
      rules.push(unknownRule(f.rule));
    }
  }
  const total = result.findings.length;
  const kept = total > MAX_RESULTS ? worstFirst(result.findings).slice(0, MAX_RESULTS).sort(compareFindings) : result.findings;
  const omitted = total - kept.length;
  const results = kept.map((f) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule)!,
    level: LEVEL[f.severity],
    message: { text: sarifText(f.message) },
    locations: [{ physicalLocation: physicalLocation(f, result.cwd) }],
    ...(f.related.length
      ? {
          relatedLocations: f.related.slice(0, MAX_RELATED).map((r, i) => ({
            id: i + 1,
            physicalLocation: physicalLocation(r, result.cwd),
            message: { text: sarifText(`${r.kind === 'claim' ? 'Claim' : r.kind === 'source' ? 'Source' : r.kind === 'document' ? 'Document passage' : 'Reference'} ${r.claim}: ${clip(r.text, 200)}`) },
          })),
        }
      : {}),
    partialFingerprints: { 'claimlint/v1': f.fingerprint },
    ...(f.claim !== null ? { properties: { claim: f.claim } } : {}),
  }));
  const omittedNote = `${plural(omitted, 'finding')} left out: GitHub accepts at most ${MAX_RESULTS.toLocaleString('en-US')} results per run, so the ${MAX_RESULTS.toLocaleString('en-US')} most severe of ${total.toLocaleString('en-US')} are reported.`;
  // What the reader should know about what was left out: --baseline, --changed-since, the results limit.
  const notifications = [
    ...(result.notes ?? []).map((text) => ({ descriptor: { id: 'claimlint/note' }, level: 'note', message: { text: sarifText(text) } })),
    ...(omitted > 0 ? [{ descriptor: { id: 'claimlint/results-omitted' }, level: 'warning', message: { text: omittedNote } }] : []),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: (packageInfo().homepage ?? 'https://github.com/claimlint/claimlint').replace(/#.*$/, ''),
            rules: rules.map(describeRule),
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(result.cwd).href.replace(/\/$/, '')}/` } },
        columnKind: 'utf16CodeUnits',
        results,
        ...(omitted > 0 ? { properties: { omittedResults: omitted, totalResults: total } } : {}),
      },
    ],
  };
}

/**
 * JSON with `<`, `>`, `&` and the line separators U+2028/U+2029 as \u
 * escapes: the same data, and safe to embed in HTML `<script>` blocks.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNSAFE = /[<>&\u2028\u2029]/g;

/** Written result by result, with the escapes of {@link safeJson}. */
const sarif: StreamingFormatter = function* (result, { tool }) {
  // runs[0].results sits at depth 3: each result is a chunk.
  for (const chunk of jsonChunks(sarifLog(result, tool), 4)) yield chunk.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  yield '\n';
};

export default sarif;

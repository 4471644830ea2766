/**
 * From what a check reports to a finding: the configured severity (with
 * overrides by file), the message template, related locations and the
 * fingerprint. Shared by the one-shot linter and the incremental session.
 */
import type { Severity, SeveritySetting } from '../../model.js';
import { displayPath } from '../../paths.js';
import { interpolate, type Finding } from '../report/finding.js';
import { fingerprint } from '../report/fingerprint.js';
import { relatedOf, type Report } from './check.js';
import type { Resolved } from './linter.js';
import type { Rule } from './rules.js';

/** Whether a rule is on for some file (at its configured severity or through an override). */
export function enabledSomewhere(setup: Resolved, id: string): boolean {
  return (setup.severities.get(id) ?? 'off') !== 'off' || setup.overrides.some((o) => (o.severities.get(id) ?? 'off') !== 'off');
}

/** The severity configured for a rule in a file: the last override whose files match, else the rule's setting. */
export function configuredSeverity(setup: Resolved, file: string, id: string): SeveritySetting {
  let sev: SeveritySetting | undefined;
  if (setup.overrides.length) {
    const rel = displayPath(file, setup.config.root);
    for (const o of setup.overrides) if (o.match(rel) && o.severities.has(id)) sev = o.severities.get(id);
  }
  return sev ?? setup.severities.get(id) ?? 'off';
}

function demote(s: Severity): Severity {
  return s === 'error' ? 'warning' : 'info';
}

/** Where a report is located: the document it is in, else its claim file. */
export function reportPath(r: Report): string {
  return r.document ?? r.file.path;
}

/** The paths a report involves: where it is, its claim file, and its related locations. */
export function involves(r: Report, scope: ReadonlySet<string>): boolean {
  const relatedPath = (x: NonNullable<Report['related']>[number]) => ('sourceRange' in x ? x.path : 'document' in x ? x.document : x.file.path);
  return scope.has(reportPath(r)) || (r.file !== undefined && scope.has(r.file.path)) || (r.related ?? []).some((x) => scope.has(relatedPath(x)));
}

/**
 * The finding a report makes, or undefined when the rule is off for its
 * file; `about` (what the finding is about, for `supersedes`) is recorded in
 * the given map.
 */
export function findingOf(
  setup: Resolved,
  id: string,
  rule: Rule,
  r: Report,
  display: (abs: string) => string,
  about?: WeakMap<Finding, readonly string[]>,
): Finding | undefined {
  const at = reportPath(r);
  const configured = configuredSeverity(setup, at, id);
  if (configured === 'off') return undefined;
  let severity: Severity = r.severity ?? configured;
  if (r.demote) severity = demote(severity);
  const template = rule.messages[r.messageId ?? 'default'] ?? rule.messages['default']!;
  const { line, column, endLine, endColumn } = r.range;
  // Built with its keys in one order, so that every finding shares one hidden class (a spread made a class per
  // finding: a tenth of the heap at 100,000 claims).
  const full: Finding = {
    rule: id,
    severity,
    message: interpolate(template, r.data ?? {}),
    file: display(at),
    line,
    column,
    endLine,
    endColumn,
    claim: r.claim?.fullId ?? r.claimId ?? null,
    text: r.claim?.claim.text ?? null,
    related: (r.related ?? []).map((x) => relatedOf(x, display)),
    fingerprint: '',
  };
  const identity = { ...(r.key !== undefined ? { key: r.key } : {}), ...(r.relatedIsGroup ? { relatedIsGroup: true } : {}) };
  full.fingerprint = fingerprint(full, identity);
  if (r.about && about) about.set(full, r.about);
  return full;
}

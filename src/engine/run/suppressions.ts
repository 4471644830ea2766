/**
 * Inline suppressions in claim files, as YAML comments:
 *
 *   # claimlint-disable-next-line evidence/none -- the guide is quoted for its claim, not as evidence
 *   # claimlint-disable-line refs/unused -- kept for the reader
 *   # claimlint-disable conflict/value, conflict/direction -- file-wide
 *
 * No rule list means every rule. The reason after `--` is required.
 */
import type { Finding } from '../report/finding.js';
import type { Range } from '../load/location.js';
import type { RegisterFile } from '../load/loader.js';

export type DirectiveKind = 'disable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  file: RegisterFile;
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  /** The comment's position. */
  range: Range;
  /** The line whose findings it suppresses (undefined for file-wide). */
  target?: number;
  /** Rule ids it suppressed at least one finding of ('*' for a rule-less directive). */
  used: Set<string>;
}

const DIRECTIVE = /#\s*claimlint-(disable-next-line|disable-line|disable)(?=\s|$)([^\n]*)$/;

/** Directives in a file's comments (a `#` at the start of a line or after a space, outside quotes as far as a line tells). */
export function parseDirectives(file: RegisterFile): Directive[] {
  const out: Directive[] = [];
  const lines = file.text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const hash = m.index;
    if (hash > 0 && !/\s/.test(line[hash - 1]!)) return;
    const before = line.slice(0, hash);
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || (before.match(/'/g)?.length ?? 0) % 2 === 1) return;
    const kind = m[1] as DirectiveKind;
    const rest = m[2]!;
    const sep = rest.indexOf('--');
    const ruleText = sep >= 0 ? rest.slice(0, sep) : rest;
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const rules = ruleText
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => r !== '');
    const line1 = i + 1;
    out.push({
      file,
      kind,
      rules,
      ...(reason ? { reason } : {}),
      range: { line: line1, column: hash + 1, endLine: line1, endColumn: line.length + 1 },
      ...(kind === 'disable-line' ? { target: line1 } : kind === 'disable-next-line' ? { target: line1 + 1 } : {}),
      used: new Set(),
    });
  });
  return out;
}

/**
 * Remove the findings that directives suppress, marking each directive with
 * what it suppressed. Findings of the suppression rules themselves cannot be
 * suppressed.
 */
export function applyDirectives(findings: Finding[], directives: readonly Directive[], display: (abs: string) => string): Finding[] {
  if (directives.length === 0) return findings;
  const byFile = new Map<string, Directive[]>();
  for (const d of directives) {
    const key = display(d.file.path);
    const list = byFile.get(key);
    if (list) list.push(d);
    else byFile.set(key, [d]);
  }
  return findings.filter((f) => {
    if (f.rule.startsWith('suppress/')) return true;
    const ds = byFile.get(f.file);
    if (!ds) return true;
    let suppressed = false;
    for (const d of ds) {
      if (d.target !== undefined && d.target !== f.line) continue;
      if (d.rules.length > 0 && !d.rules.includes(f.rule)) continue;
      d.used.add(d.rules.length ? f.rule : '*');
      suppressed = true;
    }
    return !suppressed;
  });
}

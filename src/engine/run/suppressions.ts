/**
 * Inline suppressions in claim files, as YAML comments:
 *
 *   # claimlint-disable-next-line evidence/none -- the guide is quoted for its claim, not as evidence
 *   - id: origin-decade
 *
 * covers every finding located in the claim that starts on the next line
 * (from its `- id:` line to its last line), whichever line each rule reports
 * on; so does `# claimlint-disable-line` on the `- id:` line itself. The
 * same holds for an entry of the source's reference list. Elsewhere the
 * directives cover exactly one line:
 *
 *   # claimlint-disable-line refs/unused -- kept for the reader
 *   # claimlint-disable conflict/value, conflict/direction -- file-wide
 *
 * No rule list means every rule. The reason after `--` is required.
 *
 * In source documents (findings located in Markdown, HTML or plain text),
 * the same directives are written as HTML comments, which Markdown and HTML
 * do not render:
 *
 *   <!-- claimlint-disable-next-line claim/unregistered -- a quotation, not our claim -->
 */
import type { Finding } from '../report/finding.js';
import type { Range } from '../load/location.js';
import type { RegisterFile } from '../load/loader.js';

export type DirectiveKind = 'disable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  /** The claim file the directive is in; absent for a directive in a source document. */
  file?: RegisterFile;
  /** Absolute path of the file the directive is in. */
  path: string;
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  /** The comment's position. */
  range: Range;
  /** The first line whose findings it suppresses (undefined for file-wide). */
  target?: number;
  /** The last line it covers, when it covers a claim or reference entry (from its `- id:` line); else `target`. */
  through?: number;
  /** Rule ids it suppressed at least one finding of ('*' for a rule-less directive). */
  used: Set<string>;
}

const DIRECTIVE = /#\s*claimlint-(disable-next-line|disable-line|disable)(?=\s|$)([^\n]*)$/;
const HTML_DIRECTIVE = /<!--\s*claimlint-(disable-next-line|disable-line|disable)(?=\s|-->)(.*?)-->/;

/** Directives in a source document's HTML comments (`<!-- claimlint-disable-next-line rule -- reason -->`). */
export function parseDocumentDirectives(path: string, text: string): Directive[] {
  const out: Directive[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = HTML_DIRECTIVE.exec(line);
    if (!m) return;
    const line1 = i + 1;
    const kind = m[1] as DirectiveKind;
    out.push({
      path,
      kind,
      ...directiveRules(m[2]!),
      range: { line: line1, column: m.index + 1, endLine: line1, endColumn: m.index + m[0].length + 1 },
      ...(kind === 'disable-line' ? { target: line1 } : kind === 'disable-next-line' ? { target: line1 + 1 } : {}),
      used: new Set(),
    });
  });
  return out;
}

/** The rule list and the reason of a directive's text after its kind. */
function directiveRules(rest: string): { rules: string[]; reason?: string } {
  const sep = rest.indexOf('--');
  const ruleText = sep >= 0 ? rest.slice(0, sep) : rest;
  const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
  const rules = ruleText
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
  return { rules, ...(reason ? { reason } : {}) };
}

/** The first line of a claim or reference entry in block style: `  - id: ...`. */
const ENTRY_START = /^(\s*)-\s+id\s*:/;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

/**
 * The last line (1-based) of the block-style sequence entry starting on
 * line `start`: up to the last non-blank line before the next line indented
 * as much as its dash or less (the next entry, or the next key).
 */
function entryEnd(lines: readonly string[], start: number): number {
  const indent = ENTRY_START.exec(lines[start - 1]!)![1]!.length;
  let last = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLANK_OR_COMMENT.test(line)) continue;
    if (line.length - line.trimStart().length <= indent) break;
    last = i + 1;
  }
  return last;
}

/** Directives in a file's comments (a `#` at the start of a line or after a space, outside quotes as far as a line tells). */
export function parseDirectives(file: RegisterFile): Directive[] {
  const out: Directive[] = [];
  // A directive is a `# claimlint-...` comment: a file without that text has none (most files; not split into lines).
  if (!file.text.includes('claimlint-')) return out;
  const lines = file.text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const hash = m.index;
    if (hash > 0 && !/\s/.test(line[hash - 1]!)) return;
    const before = line.slice(0, hash);
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || (before.match(/'/g)?.length ?? 0) % 2 === 1) return;
    const kind = m[1] as DirectiveKind;
    const line1 = i + 1;
    const target = kind === 'disable-line' ? line1 : kind === 'disable-next-line' ? line1 + 1 : undefined;
    // On a claim's (or reference's) `- id:` line: the whole entry.
    const through = target !== undefined && ENTRY_START.test(lines[target - 1] ?? '') ? entryEnd(lines, target) : target;
    out.push({
      file,
      path: file.path,
      kind,
      ...directiveRules(m[2]!),
      range: { line: line1, column: hash + 1, endLine: line1, endColumn: line.length + 1 },
      ...(target !== undefined ? { target, through: through! } : {}),
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
    const key = display(d.path);
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
      if (d.target !== undefined && (f.line < d.target || f.line > (d.through ?? d.target))) continue;
      if (d.rules.length > 0 && !d.rules.includes(f.rule)) continue;
      d.used.add(d.rules.length ? f.rule : '*');
      suppressed = true;
    }
    return !suppressed;
  });
}

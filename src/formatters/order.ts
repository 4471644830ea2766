/** Orderings and counts shared by the CI formatters. */
import { compareFindings, type Finding } from '../engine/report/finding.js';
import { SEVERITY_RANK, type Severity } from '../model.js';

/**
 * Worst first: errors, then warnings, then infos; within a severity the
 * stable file, line, column, rule order. CI systems that cap what they show
 * (GitHub: 10 annotations of each kind per step, 25,000 SARIF results per
 * run) then keep the most important findings.
 */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareFindings(a, b));
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings per rule and severity, rules in id order. */
export function countsByRule(findings: readonly Finding[]): Array<{ rule: string } & Record<Severity, number>> {
  const byRule = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const c = byRule.get(f.rule) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    byRule.set(f.rule, c);
  }
  return [...byRule.keys()].sort().map((rule) => ({ rule, ...byRule.get(rule)! }));
}

/** Findings grouped by file, files in order of first appearance: one pass, no copying. */
export function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.file);
    if (list) list.push(f);
    else out.set(f.file, [f]);
  }
  return out;
}

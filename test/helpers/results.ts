/** Hand-made lint results for formatter tests. */
import type { Finding, RelatedLocation } from '../../src/engine/report/finding.js';
import { fingerprint } from '../../src/engine/report/fingerprint.js';
import type { LintResult, RuleInfo } from '../../src/engine/run/linter.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import { project } from './cli.js';

/** Text no output format may pass through unescaped. */
export const HOSTILE =
  '<img src=x onerror=alert(1)> </script> %0A ::error::pwned \r\n::warning file=x::y | & done @octocat [x](1) `code` *em*';

export const CTX: FormatterContext = { color: false, tool: { name: 'claimlint', version: '9.9.9' } };

export function related(p: Partial<RelatedLocation> = {}): RelatedLocation {
  return { kind: 'claim', claim: 'early/origin', file: 'claims/a.yaml', line: 48, column: 11, endLine: 48, endColumn: 60, text: 'Around since the 1950s', ...p };
}

export function finding(p: Partial<Omit<Finding, 'fingerprint'>> = {}): Finding {
  const f: Omit<Finding, 'fingerprint'> = {
    rule: 'conflict/value',
    severity: 'error',
    message: 'Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin',
    file: 'claims/b.yaml',
    line: 12,
    column: 12,
    endLine: 12,
    endColumn: 70,
    claim: 'guide/origin',
    text: 'Ketamine is a dissociative anesthetic developed in the 1960s',
    related: [],
    ...p,
  };
  return { ...f, fingerprint: fingerprint(f) };
}

export const RULES: RuleInfo[] = [
  { id: 'conflict/value', severity: 'error', defaultSeverity: 'error', summary: 'Two claims whose values are incompatible', kind: 'value-conflict', docs: 'docs/rules/conflict/value.md', standard: 'GRADE inconsistency', builtin: true },
  { id: 'evidence/none', severity: 'warning', defaultSeverity: 'warning', summary: 'A claim with no evidence at all', kind: 'evidence-missing', docs: 'docs/rules/evidence/none.md', standard: null, builtin: true },
  { id: 'refs/unused', severity: 'info', defaultSeverity: 'info', summary: 'A reference no claim cites', kind: 'unused-reference', docs: 'docs/rules/refs/unused.md', standard: null, builtin: true },
  { id: 'refs/duplicate', severity: 'off', defaultSeverity: 'warning', summary: 'The same work listed twice', kind: 'duplicate-reference', docs: null, standard: null, builtin: true },
];

/** A LintResult holding these findings, with the summary counted from them. */
export function result(findings: Finding[], p: Partial<Omit<LintResult, 'findings'>> = {}): LintResult {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const base: LintResult = {
    findings,
    summary: {
      files: new Set(findings.map((f) => f.file)).size || 1,
      sources: 1,
      claims: 10,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
    rules: RULES,
    cwd: '/virtual/project',
    notes: [],
    fixed: [],
  };
  return Object.assign(base, p);
}

/** One of each severity, in the linter's order (file, line), hostile text in messages, files, claims. */
export function mixedResult(): LintResult {
  return result([
    finding({ rule: 'refs/unused', severity: 'info', file: 'claims/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, claim: null, text: null, message: `Reference 1 is never cited ${HOSTILE}` }),
    finding({ rule: 'evidence/none', severity: 'warning', file: 'claims/a.yaml', line: 20, column: 7, endLine: 21, endColumn: 3, claim: 'early/bare', text: HOSTILE, message: 'Claim early/bare has no evidence' }),
    finding({ related: [related()] }),
    finding({ file: 'claims/we|rd, na:me%0A.yaml', line: 4, column: 1, endLine: 4, endColumn: 20, claim: 'x:y,z/%0D', message: HOSTILE, related: [related({ claim: 'a|b/<c>', text: HOSTILE })] }),
  ]);
}

/**
 * A temporary project for end-to-end runs of each format: a conflict
 * between two files (conflict/value, an error, with a related claim), claim
 * text full of hostile characters, and whatever else the rules find.
 */
export function e2eProject(): string {
  const hostile = String.raw`<img src=x onerror=alert(1)> </script> %0A ::error::pwned \r\n| & done`;
  return project({
    'claims/early.yaml': [
      'source:',
      '  id: early',
      '  title: Early',
      '  kind: blog',
      '  references:',
      '    - id: "1"',
      '      title: History of anaesthesia, the ketamine story',
      'claims:',
      '  - id: origin',
      `    text: "While Ketamine has been around since the 1950's ${hostile}"`,
      '    subject: ketamine',
      '    aspect: history',
      '    property: origin',
      '    value: { decade: 1950 }',
      '    evidence:',
      '      - cites: ["1"]',
      '',
    ].join('\n'),
    'claims/guide.yaml': [
      'source:',
      '  id: guide',
      '  title: Guide',
      '  kind: marketing',
      'claims:',
      '  - id: origin',
      '    text: "Ketamine is a dissociative anesthetic developed in the 1960s"',
      '    subject: ketamine',
      '    aspect: history',
      '    property: origin',
      '    value: { decade: 1960 }',
      '    evidence:',
      '      - kind: named-source',
      '        name: Somebody',
      '',
    ].join('\n'),
  });
}

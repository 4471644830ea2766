/**
 * Claim-scoped inline suppressions: a directive on the line before a
 * claim's (or reference's) `- id:` line, or at the end of that line, covers
 * every finding located in the entry; elsewhere directives cover one line;
 * `--no-inline-config` ignores them all. Every suppression example in the
 * README and docs/*.md is linted here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '../src/engine/run/linter.js';
import { claimlint, project } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const DIRECTIVE = /#\s*claimlint-disable(?:-next-line|-line)?\b.*$/;

/** Every ```yaml block of a page that holds a suppression directive. */
function suppressionExamples(page: string): Array<{ line: number; text: string }> {
  const markdown = readFileSync(join(ROOT, page), 'utf8');
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .filter((m) => DIRECTIVE.test(m[1]!.split('\n').find((l) => DIRECTIVE.test(l)) ?? ''))
    .map((m) => ({ line: markdown.slice(0, m.index).split('\n').length, text: m[1]! }));
}

/** The rules a block's directives name. */
function namedRules(text: string): string[] {
  return [...text.matchAll(/#\s*claimlint-disable(?:-next-line|-line)?\s+([^\n]*?)\s+--/g)].flatMap((m) => m[1]!.split(/[\s,]+/).filter(Boolean));
}

const lint = async (text: string, inlineConfig = true) =>
  (await lintTexts([{ path: 'claims/example.yaml', text }], { cwd: '/virtual', inlineConfig, now: new Date('2026-11-23') })).findings;

const PAGES = ['README.md', 'docs/github-actions.md', 'docs/claim-format.md', 'docs/pre-commit.md', 'docs/configuration.md', 'docs/editors.md'];
const EXAMPLES = PAGES.flatMap((page) => suppressionExamples(page).map((e) => ({ page, ...e })));

describe('suppression examples in the docs', () => {
  it('finds them', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
  });

  it.each(EXAMPLES.map((e) => [`${e.page} line ${e.line}`, e] as const))('%s: each directive suppresses what it names, and nothing is unused', async (_name, example) => {
    const rules = namedRules(example.text);
    expect(rules.length).toBeGreaterThan(0);
    const findings = await lint(example.text);
    expect(findings.filter((f) => f.rule.startsWith('suppress/')).map((f) => `${f.line}: ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => rules.includes(f.rule))).toEqual([]);
    // Without the directives (or with --no-inline-config), each named rule fires.
    const stripped = example.text.split('\n').map((l) => l.replace(DIRECTIVE, '').trimEnd()).join('\n');
    const bare = await lint(stripped);
    const ignored = await lint(example.text, false);
    for (const rule of rules) {
      expect(bare.some((f) => f.rule === rule), `${rule} fires without the directive`).toBe(true);
      expect(ignored.some((f) => f.rule === rule), `${rule} fires with inline config off`).toBe(true);
    }
  });
});

const SOURCE = `source:
  id: s
  title: A source
  kind: blog
  references:
    - id: "1"
      title: A review
      url: https://example.org/review
claims:
`;
/** A claim with an unsourced statistic (reported on `value:`) and no evidence (reported on `text:`). */
const statistic = (id: string, before = '', onId = '') => `${before}  - id: ${id}${onId}
    text: "Success rates exceed 60%"
    subject: ketamine
    aspect: efficacy
    property: ${id}
    value: { number: 60, unit: "%", bound: more-than }
    evidence:
      - kind: unattributed
`;

describe('claim-scoped directives', () => {
  const rule = 'evidence/unsourced-statistic';
  const rulesOf = (findings: Awaited<ReturnType<typeof lint>>) => findings.map((f) => `${f.rule} ${f.claim ?? ''} ${f.line}`);

  it('fires without a directive (on the value line, not the id line)', async () => {
    const findings = (await lint(SOURCE + statistic('a'))).filter((f) => f.rule === rule);
    expect(findings.map((f) => f.line)).toEqual([15]);
  });

  it('a next-line directive above `- id:` covers findings on any line of the claim, and only that claim', async () => {
    const text = SOURCE + statistic('a', `  # claimlint-disable-next-line ${rule} -- quoted\n`) + statistic('b');
    const findings = await lint(text);
    expect(rulesOf(findings.filter((f) => f.rule === rule || f.rule.startsWith('suppress/')))).toEqual([`${rule} s/b 24`]);
  });

  it('a directive at the end of the `- id:` line covers the claim', async () => {
    const findings = await lint(SOURCE + statistic('a', '', `  # claimlint-disable-line ${rule} -- quoted`));
    expect(findings.filter((f) => f.rule === rule || f.rule.startsWith('suppress/'))).toEqual([]);
  });

  it('a directive without rules above `- id:` covers every rule in the claim', async () => {
    const findings = await lint(SOURCE + statistic('a', '  # claimlint-disable-next-line -- under review\n'));
    expect(findings.filter((f) => f.claim === 's/a' || f.rule.startsWith('suppress/'))).toEqual([]);
  });

  it('a next-line directive inside the claim still covers exactly the next line', async () => {
    const text = SOURCE + statistic('a').replace('    text:', `    # claimlint-disable-next-line ${rule} -- on text, but the finding is on value\n    text:`);
    const findings = await lint(text);
    expect(rulesOf(findings.filter((f) => f.rule === rule || f.rule.startsWith('suppress/')))).toEqual([`suppress/unused  11`, `${rule} s/a 16`]);
  });

  it('a directive above a reference entry covers that reference', async () => {
    const text = SOURCE.replace('    - id: "1"', '    # claimlint-disable-next-line refs/unused -- listed for the reader\n    - id: "1"') + statistic('a');
    const findings = await lint(text);
    expect(findings.filter((f) => f.rule === 'refs/unused' || f.rule.startsWith('suppress/'))).toEqual([]);
    expect((await lint(SOURCE + statistic('a'))).some((f) => f.rule === 'refs/unused')).toBe(true);
  });
});

describe('--no-inline-config', () => {
  it('ignores every directive: the findings come back and no directive is reported', () => {
    const cwd = project({ 'claims/a.yaml': SOURCE + statistic('a', `  # claimlint-disable-next-line ${'evidence/unsourced-statistic'}\n`) });
    const on = JSON.parse(claimlint(['--format', 'json'], { cwd }).stdout) as { findings: Array<{ rule: string }> };
    expect(on.findings.map((f) => f.rule)).toContain('suppress/missing-reason');
    expect(on.findings.map((f) => f.rule)).not.toContain('evidence/unsourced-statistic');
    const off = claimlint(['--format', 'json', '--no-inline-config'], { cwd });
    expect(off.code).toBe(1);
    const rules = (JSON.parse(off.stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule);
    expect(rules).toContain('evidence/unsourced-statistic');
    expect(rules.filter((r) => r.startsWith('suppress/'))).toEqual([]);
  });
});

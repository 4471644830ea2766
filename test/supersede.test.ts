/**
 * One problem, one finding: a more specific finding hides the general one
 * on the same claim (or source) and cause (`supersedes` in rule YAML).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, lintTexts } from '../src/engine/run/linter.js';
import { applySupersedes } from '../src/engine/run/supersede.js';
import type { Finding } from '../src/engine/report/finding.js';
import { yaml } from './helpers/rule-tester.js';
import { project } from './helpers/cli.js';

const header = (extra = '') => yaml`
  source:
    id: blog
    title: A blog
    kind: blog
    url: https://example.org/blog
    authors: [A. Writer]
    published: 2024-01-01
    references:
      - id: "1"
        title: A small trial
        url: https://example.org/trial
        design: rct
        n: 34
      - id: "2"
        title: A case series
        url: https://example.org/series
        design: case-series
` + extra;

async function run(text: string, only: string[]) {
  const result = await lintTexts([{ path: 'claims/blog.yaml', text }], { cwd: '/virtual', only, now: new Date('2026-11-23') });
  return result.findings.map((f) => ({ rule: f.rule, line: f.line, message: f.message }));
}

const claim = (id: string, text: string, value: string, evidence: string[] = [], aspect = 'efficacy') =>
  `  - id: ${id}\n    text: "${text}"\n    subject: ketamine\n    aspect: ${aspect}\n    property: response\n` +
  `    context: { population: adults with depression, intervention: ketamine, outcome: response }\n` +
  (value ? `    value: ${value}\n` : '') +
  (evidence.length ? `    evidence:\n${evidence.map((e) => `      - ${e}\n`).join('')}` : '');

describe('supersedes: one problem, one finding', () => {
  it('an unsourced statistic hides "no evidence" on the same claim, and reads as a sentence', async () => {
    const text = `${header()}claims:\n${claim('rate', '62% of patients (13 of 26) responded', '{ percent: 62, numerator: 13, denominator: 26 }')}${claim('other', 'Ketamine is old', '', [], 'history')}`;
    const found = await run(text, ['evidence/none', 'evidence/unsourced-statistic']);
    expect(found.map((f) => f.rule).sort()).toEqual(['evidence/none', 'evidence/unsourced-statistic']);
    const stat = found.find((f) => f.rule === 'evidence/unsourced-statistic')!;
    expect(stat.message).toBe('Claim "rate" states 62% (13 of 26) with no citable source: cite the study it comes from, or remove the figure');
    // evidence/none remains for the claim with no figure only.
    expect(found.find((f) => f.rule === 'evidence/none')!.message).toMatch(/^Claim "other"/);
    // With the specific rule off, the general one reports the claim again.
    const without = await run(text, ['evidence/none']);
    expect(without.map((f) => f.message.slice(0, 13)).sort()).toEqual(['Claim "other"', 'Claim "rate" ']);
  });

  it('a schema error on `published` hides "no publication date", but not the other metadata findings', async () => {
    const text = yaml`
      source:
        id: blog
        title: A blog
        kind: blog
        published: March 2023
      claims: []
    `;
    const found = await run(text, ['register/schema', 'source/metadata']);
    expect(found.filter((f) => f.rule === 'register/schema').map((f) => f.line)).toEqual([5]);
    const meta = found.filter((f) => f.rule === 'source/metadata').map((f) => f.message);
    expect(meta).toHaveLength(2);
    expect(meta.join('\n')).not.toMatch(/publication date/);
    expect(meta.join('\n')).toMatch(/no author or publisher/);
    expect(meta.join('\n')).toMatch(/no URL or DOI/);
    const alone = await run(text, ['source/metadata']);
    expect(alone.map((f) => f.message).join('\n')).toMatch(/publication date/);
  });

  it('strong wording on a single small trial hides "imprecise" for the same claim and cause; a level-4 mismatch does not', async () => {
    const text =
      header() +
      'claims:\n' +
      claim('small', 'Ketamine demonstrated a response in depression', '{ effect: benefit }', ['cites: ["1"]']) +
      claim('series', 'Ketamine demonstrated a response in a case series', '{ effect: benefit }', ['cites: ["2"]']);
    const found = await run(text, ['evidence/level-mismatch', 'evidence/imprecise']);
    const rulesFor = (id: string) => found.filter((f) => f.message.startsWith(`Claim "${id}"`)).map((f) => f.rule).sort();
    expect(rulesFor('small')).toEqual(['evidence/level-mismatch']);
    expect(rulesFor('series')).toEqual(['evidence/imprecise', 'evidence/level-mismatch']);
    const imprecise = await run(text, ['evidence/imprecise']);
    expect(imprecise.filter((f) => f.message.startsWith('Claim "small"'))).toHaveLength(1);
  });

  it('a repeated reference hides "not cited" for that entry only', async () => {
    const text =
      header(yaml`
        claims: []
      `).replace(
        '      design: case-series\n',
        '      design: case-series\n    - id: "3"\n      title: A small trial again\n      url: https://example.org/trial\n',
      );
    const found = await run(text, ['refs/duplicate', 'refs/unused']);
    expect(found.filter((f) => f.rule === 'refs/duplicate').map((f) => f.message)).toEqual([expect.stringMatching(/^Reference "3" repeats reference "1"/)]);
    expect(found.filter((f) => f.rule === 'refs/unused').map((f) => f.message.slice(0, 14)).sort()).toEqual(['Reference "1" ', 'Reference "2" ']);
  });

  it('a dangling citation hides "unsourced statistic" on the same claim', async () => {
    const text = `${header()}claims:\n${claim('rate', '62% responded', '{ number: 62, unit: "%" }', ['cites: ["7"]'])}`;
    const found = await run(text, ['refs/dangling', 'evidence/unsourced-statistic']);
    expect(found.map((f) => f.rule)).toEqual(['refs/dangling']);
  });

  it('matches by rule, file, claim and what the findings are about, in one pass', () => {
    const f = (rule: string, claim: string | null, file = 'a.yaml') => ({ rule, claim, file }) as Finding;
    const general = f('x/general', 'a/1');
    const otherClaim = f('x/general', 'a/2');
    const otherFile = f('x/general', 'a/1', 'b.yaml');
    const specific = f('x/specific', 'a/1');
    const aboutField = f('x/general', null);
    const specificField = f('x/specific', null);
    const about = new Map<Finding, string[]>([
      [aboutField, ['source.published']],
      [specificField, ['source.url']],
    ]);
    const kept = applySupersedes([general, otherClaim, otherFile, specific, aboutField, specificField], new Map([['x/specific', ['x/general']]]), (x) => about.get(x));
    expect(kept).toEqual([otherClaim, otherFile, specific, aboutField, specificField]);
  });

  it('a rule that supersedes an unknown rule is a configuration error naming its file', async () => {
    const dir = project({ 'claims/a.yaml': header('claims: []\n') });
    mkdirSync(join(dir, 'my-rules'));
    writeFileSync(
      join(dir, 'my-rules', 'mine.yaml'),
      'id: my/rule\nextends: evidence-missing\nseverity: warning\nsummary: mine\nsupersedes: [evidence/nnone]\n',
    );
    await expect(lint({ cwd: dir, config: { ruleFolders: ['my-rules'] } })).rejects.toThrow(
      /my-rules\/mine\.yaml: rule "my\/rule" supersedes unknown rule "evidence\/nnone" \(did you mean "evidence\/none"\?\)/,
    );
  });
});

describe('supersedes in the built-in rules', () => {
  it("is stated on the docs pages of both rules, each linking the other's page", async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const root = join(import.meta.dirname, '..', 'rules');
    const defs = readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(root, f), 'utf8'));
    const pairs = defs.flatMap((text) => {
      const id = /^id: (\S+)/m.exec(text)![1]!;
      const list = /^supersedes: \[(.*)\]/m.exec(text)?.[1];
      return list ? list.split(',').map((s) => [id, s.trim()] as const) : [];
    });
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    const page = (id: string) => readFileSync(join(import.meta.dirname, '..', 'docs', 'rules', `${id}.md`), 'utf8');
    const name = (id: string) => id.split('/')[1]!;
    for (const [specific, general] of pairs) {
      expect(page(specific), specific).toMatch(/## Precedence/);
      expect(page(specific), specific).toContain(`${name(general)}.md`);
      expect(page(general), general).toMatch(/## Precedence/);
      expect(page(general), general).toContain(`${name(specific)}.md`);
    }
  });
});

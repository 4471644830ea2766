/**
 * The HTML report in a real browser: Debian's Chromium, driven headless by
 * playwright-core (no browser download). Two reports: the bundled register,
 * and a temporary project whose claim texts try to run script. Each page is
 * opened from a file:// URL with every request, dialog, console message and
 * page error recorded: nothing may load from anywhere but the file itself,
 * and nothing from the claims may run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../src/engine/run/linter.js';
import htmlFormatter from '../../src/formatters/html.js';
import type { Formatter } from '../../src/formatters/types.js';
import jsonFormatter from '../../src/formatters/json.js';
import { outputText } from '../../src/formatters/sink.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import { project } from '../helpers/cli.js';
import { TRIAL_DOI, trialFile } from '../helpers/citations.js';
import { yaml } from '../helpers/rule-tester.js';

const json: Formatter = (r, c) => outputText(jsonFormatter(r, c));
/** The page as one string (the formatter yields it in pieces). */
const html: Formatter = (r, c) => outputText(htmlFormatter(r, c));

const CHROMIUM = '/usr/bin/chromium';
const REPO = resolve(import.meta.dirname, '../..');
const RESULTS = join(REPO, 'test-results');
const CTX: FormatterContext = { color: false, tool: { name: 'claimlint', version: 'test' } };

const PWN_IMG = '<img src=x onerror="window.__pwned=1">';
const PWN_ALERT = '<img src=x onerror=alert(1)>';
const PWN_BREAKOUT = '</script><script>window.__pwned=2;alert(2)</script>';
const PWN_SVG = '<svg onload="window.__pwned=3"></svg>';
const PWN_COMMENT = '<!-- <script>window.__pwned=4</script>';

/** Two trials of one treatment in different populations, with opposite results: a conflict in context (conflict/context). */
function contextProject(): string {
  const trial = (id: string, population: string, effect: string) => yaml`
    source:
      id: ${id}
      title: Trial ${id}
      kind: blog
      published: 2024
      references:
        - id: "1"
          title: A randomized controlled trial of ketamine for migraine in ${population}
          design: rct
          year: 2020
    claims:
      - id: migraine
        text: "Ketamine ${effect === 'benefit' ? 'relieved' : 'did not relieve'} migraine in ${population}."
        subject: ketamine
        aspect: efficacy
        property: migraine
        value: { effect: ${effect} }
        context:
          population: ${population}
          intervention: intranasal ketamine
          outcome: migraine pain
        evidence:
          - { cites: ["1"] }
  `;
  return project({ 'claims/trial-a.yaml': trial('trial-a', 'adults', 'benefit'), 'claims/trial-b.yaml': trial('trial-b', 'children', 'no-benefit') });
}

/**
 * A blog citing a trial of the register by DOI with a different effect size
 * (76% against the trial's 44%: evidence/misrepresents-cited), and a second
 * blog citing it correctly: the 44% cluster prevails (two sources against one);
 * and eleven blogs citing it on strokes, which it says nothing on.
 */
function citationProject(): string {
  const blog = (id: string, size: number, property = 'myocardial-infarction') => yaml`
    source:
      id: ${id}
      title: Blog ${id}
      kind: blog
      published: 2024
      url: https://example.org/${id}
      references:
        - id: "1"
          doi: ${TRIAL_DOI}
    claims:
      - id: heart-attacks
        text: "Aspirin cut heart attacks by ${size}%"
        subject: aspirin
        aspect: efficacy
        property: ${property}
        value: { effect: benefit, size: { number: ${size}, unit: "%" } }
        evidence:
          - cites: ["1"]
  `;
  // Eleven more blogs cite the trial for strokes, which it says nothing on: the citations come ten at a time.
  const strokes = Object.fromEntries(
    Array.from({ length: 11 }, (_, i) => {
      const id = `stroke-blog-${String(i + 1).padStart(2, '0')}`;
      return [`claims/${id}.yaml`, blog(id, 20, 'stroke')];
    }),
  );
  return project({
    'claims/wonder-blog.yaml': blog('wonder-blog', 76),
    'claims/careful-blog.yaml': blog('careful-blog', 44),
    'claims/hennekens-1989.yaml': trialFile({ ownStudy: true }),
    ...strokes,
  });
}

/** A project whose texts, titles, subjects, names, quotes and URLs carry script, with a conflict and a citation of one source by another. */
function hostileProject(): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return project({
    'claims/early.yaml': yaml`
      source:
        id: early
        title: ${q(`Early ${PWN_SVG}`)}
        kind: blog
        published: 2026-04-29
        references:
          - id: "1"
            title: ${q(`History ${PWN_BREAKOUT}`)}
            url: ${q('javascript:window.__pwned=5')}
            doi: 10.1000/hostile-guide
            design: rct
      claims:
        - id: origin
          text: ${q(`${PWN_IMG} around since the 1950s ${PWN_COMMENT}`)}
          subject: ketamine
          aspect: history
          property: origin
          value: { decade: 1950 }
          context:
            population: ${q(`adults ${PWN_ALERT}`)}
          evidence:
            - cites: ["1"]
              name: ${q(`Hocking ${PWN_IMG}`)}
        - id: bare
          text: ${q(`${PWN_BREAKOUT} no evidence here`)}
          subject: ${q(PWN_SVG)}
          aspect: efficacy
          property: pain
          value: { effect: benefit }
    `,
    'claims/guide.yaml': yaml`
      source:
        id: guide
        title: ${q(`Guide ${PWN_ALERT}`)}
        kind: marketing
        doi: 10.1000/hostile-guide
      claims:
        - id: origin
          text: ${q(`${PWN_ALERT} developed in the 1960s`)}
          subject: ketamine
          aspect: history
          property: origin
          value: { decade: 1960 }
          context:
            population: ${q(`children ${PWN_IMG}`)}
          evidence:
            - kind: testimonial
              quote: ${q(PWN_BREAKOUT)}
    `,
  });
}

/** The browser globals the page functions touch (the project's TypeScript has no DOM library). */
interface BrowserGlobals {
  __pwned?: unknown;
  document: { documentElement: { scrollWidth: number; scrollHeight: number } };
  getComputedStyle(e: unknown): { backgroundColor: string };
}

const pwned = (page: Page) => page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned);
const scrollWidth = (page: Page) => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth);

interface Watched {
  page: Page;
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

let browser: Browser;
let dir: string;
let hostileDir: string;
let contextDir: string;
let citationDir: string;
let inContext: { result: LintResult; file: string };
let citing: { result: LintResult; file: string };
let bundled: { result: LintResult; file: string };
let hostile: { result: LintResult; file: string };

async function report(cwd: string, name: string): Promise<{ result: LintResult; file: string }> {
  const result = await lint({ cwd, now: new Date('2026-11-23') });
  const file = join(dir, name);
  writeFileSync(file, html(result, CTX));
  return { result, file };
}

async function open(file: string, width = 1280): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const w: Watched = { page, requests: [], dialogs: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (r) => w.requests.push(r.url()));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // The data is inflated and the first page rendered after load.
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return w;
}

/** Nothing loaded from the network, no dialog, no console error, no uncaught error. */
function expectClean(w: Watched): void {
  for (const url of w.requests) expect(url, 'only the file itself and data: URLs may load').toMatch(/^(?:file|data):/);
  expect(w.dialogs, 'no script from the report may open a dialog').toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  expect(w.pageErrors).toEqual([]);
}

async function visibleCount(page: Page): Promise<number> {
  return Number(await page.getAttribute('#visible-count', 'data-visible'));
}

/** data-* of the finding rows the reader can see. */
async function visibleRows(page: Page): Promise<Array<{ severity: string; rule: string; source: string }>> {
  return page.$$eval('li.finding', (lis) =>
    lis
      .filter((li) => (li as unknown as { checkVisibility(): boolean }).checkVisibility())
      .map((li) => ({ severity: li.getAttribute('data-severity')!, rule: li.getAttribute('data-rule')!, source: li.getAttribute('data-source')! })),
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The HTML report is tested in Debian's Chromium, and ${CHROMIUM} is missing: run \`apt-get install chromium\` (as root; .ci/run does it) and run the tests again.`,
    );
  }
  dir = mkdtempSync(join(tmpdir(), 'claimlint-report-'));
  hostileDir = hostileProject();
  contextDir = contextProject();
  citationDir = citationProject();
  [bundled, hostile, inContext, citing] = await Promise.all([
    report(REPO, 'report.html'),
    report(hostileDir, 'hostile.html'),
    report(contextDir, 'context.html'),
    report(citationDir, 'citations.html'),
  ]);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const d of [dir, hostileDir, contextDir, citationDir]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('the HTML report of the bundled register, in Chromium', { timeout: 120_000 }, () => {
  it('shows the counts of the JSON summary', async () => {
    const w = await open(bundled.file);
    const summary = (JSON.parse(json(bundled.result, CTX)) as { summary: Record<string, number> }).summary;
    for (const key of ['errors', 'warnings', 'infos', 'files', 'sources', 'claims']) {
      const shown = await w.page.textContent(`[data-summary="${key}"]`);
      expect(Number(shown), key).toBe(summary[key]);
    }
    const total = bundled.result.findings.length;
    expect(await w.page.locator('li.finding').count()).toBe(total);
    expect(await visibleCount(w.page)).toBe(total);
    expect(await w.page.textContent('#visible-count')).toBe(`Showing ${total} of ${total} findings`);
    // The evidence overview: one bar per subject, each an accessible image.
    expect(await w.page.locator('#evidence svg.bar[role="img"]').count()).toBeGreaterThan(0);
    expect(await w.page.getAttribute('#evidence svg.bar', 'aria-label')).toMatch(/^ketamine: \d+ claims; Level 1: \d+/);
    expectClean(w);
    await w.page.close();
  });

  it('filters by severity, rule, source and text', async () => {
    const w = await open(bundled.file);
    const { page } = w;
    const findings = bundled.result.findings;
    const total = findings.length;
    const errors = findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);

    await page.uncheck('#filter-error');
    expect(await visibleCount(page)).toBe(total - errors);
    let rows = await visibleRows(page);
    expect(rows).toHaveLength(total - errors);
    expect(rows.some((r) => r.severity === 'error')).toBe(false);
    expect(await page.locator('li.finding[data-severity="error"]').first().isHidden()).toBe(true);
    await page.check('#filter-error');
    expect(await visibleCount(page)).toBe(total);

    const byRule = findings.filter((f) => f.rule === 'conflict/value').length;
    expect(byRule).toBeGreaterThan(0);
    await page.selectOption('#filter-rule', 'conflict/value');
    rows = await visibleRows(page);
    expect(rows).toHaveLength(byRule);
    expect(new Set(rows.map((r) => r.rule))).toEqual(new Set(['conflict/value']));
    expect(await visibleCount(page)).toBe(byRule);
    await page.selectOption('#filter-rule', 'conflict/*');
    expect(await visibleCount(page)).toBe(findings.filter((f) => f.rule.startsWith('conflict/')).length);
    await page.selectOption('#filter-rule', '');

    const bySource = findings.filter((f) => f.file === 'claims/ketam-guide.yaml').length;
    await page.selectOption('#filter-source', 'ketam-guide');
    rows = await visibleRows(page);
    expect(rows).toHaveLength(bySource);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['ketam-guide']));
    // Filters combine: ketam-guide's errors only.
    await page.uncheck('#filter-warning');
    await page.uncheck('#filter-info');
    rows = await visibleRows(page);
    expect(rows.length).toBe(findings.filter((f) => f.file === 'claims/ketam-guide.yaml' && f.severity === 'error').length);
    expect(rows.every((r) => r.source === 'ketam-guide' && r.severity === 'error')).toBe(true);
    // Grouped by file, only the groups with something to show are there.
    await page.selectOption('#group-by', 'file');
    expect(await page.locator('section.group[data-file="claims/earlywine-2026.yaml"]').count()).toBe(0);
    expect(await page.locator('section.group[data-file="claims/ketam-guide.yaml"]').count()).toBe(1);
    await page.selectOption('#group-by', '');

    await page.click('#filter-reset');
    await expect.poll(() => visibleCount(page)).toBe(total);

    await page.fill('#filter-text', 'Harvard Medical School');
    const harvard = findings.filter((f) => `${f.message}\n${f.text ?? ''}`.toLowerCase().includes('harvard medical school')).length;
    expect(harvard).toBeGreaterThan(0);
    expect(await visibleCount(page)).toBe(harvard);
    await page.fill('#filter-text', 'no finding says this 0xdeadbeef');
    expect(await visibleCount(page)).toBe(0);
    expect(await page.isVisible('#no-match')).toBe(true);
    expectClean(w);
    await page.close();
  });

  it('shows a conflict as its claims side by side, with the differing facets highlighted', async () => {
    const w = await open(inContext.file);
    const { page } = w;
    // A conflict in context: the population differs (two trials; the bundled register has none).
    const conflict = page.locator('li.finding[data-rule="conflict/context"]').first();
    // An info: collapsed until opened.
    expect(await conflict.locator('details.finding-more').getAttribute('open')).toBeNull();
    expect(await conflict.locator('.claim-panel').count()).toBe(0);
    await conflict.locator('details.finding-more > summary').click();
    const panels = conflict.locator('.claim-panel');
    // The body is built on the details' toggle event, which fires after the click returns: wait for it.
    await panels.nth(1).waitFor();
    expect(await panels.count()).toBe(2);
    const [a, b] = [await panels.nth(0).boundingBox(), await panels.nth(1).boundingBox()];
    expect(a && b).toBeTruthy();
    expect(Math.abs(a!.y - b!.y), 'side by side: same top').toBeLessThan(2);
    expect(b!.x, 'side by side: B right of A').toBeGreaterThan(a!.x + a!.width - 1);
    for (const i of [0, 1]) {
      const panel = panels.nth(i);
      expect(await panel.locator('blockquote.claim-text').textContent()).toBeTruthy();
      const differs = panel.locator('tr.differs');
      expect(await differs.count(), `claim ${i}: a highlighted facet`).toBeGreaterThan(0);
      expect(await differs.locator('th').allTextContents()).toContain('Population');
      const bg = await differs.first().evaluate((tr) => (globalThis as unknown as BrowserGlobals).getComputedStyle(tr).backgroundColor);
      expect(bg, 'the highlight is visible').not.toMatch(/^(?:transparent|rgba\(0, 0, 0, 0\))$/);
      expect(await differs.first().textContent()).toMatch(/differs/i);
      // Source and location, evidence with reference, and the claim's best level.
      expect(await panel.locator('.panel-head').textContent()).toMatch(/claims\/trial-[ab]\.yaml:\d+:\d+/);
      expect(await panel.locator('ul.evidence li').count()).toBeGreaterThan(0);
    }
    // Each finding links to its rule's documentation, with the summary inline.
    const link = conflict.locator('a.rule-link');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/.+\/docs\/rules\/conflict\/context\.md$/);
    await conflict.locator('details.rule-details > summary').last().click();
    expect(await conflict.locator('details.rule-details').last().textContent()).toContain(
      bundled.result.rules.find((r) => r.id === 'conflict/context')!.summary,
    );
    expectClean(w);
    await page.close();
    // The conflict between two sources over a value (the bundled register's origin decades): the value row differs.
    const wb = await open(bundled.file);
    const value = wb.page.locator('li.finding[data-rule="conflict/value"]').first();
    expect(await value.locator('.claim-panel').count()).toBe(2);
    expect(await value.locator('tr.differs th').allTextContents()).toContain('Value');
    expectClean(wb);
    await wb.page.close();
  });

  it('lists the findings worst first, groups them by file, claim or rule, and keeps infos collapsed', async () => {
    const w = await open(bundled.file);
    const { page } = w;
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    const flat = (await visibleRows(page)).map((r) => rank[r.severity]!);
    expect(flat).toHaveLength(bundled.result.findings.length);
    expect(flat).toEqual([...flat].sort((a, b) => a - b));
    // Errors and warnings open, infos collapsed (their details built only when opened).
    expect(await page.locator('li.finding[data-severity="error"] details.finding-more[open]').count()).toBe(bundled.result.summary.errors);
    expect(await page.locator('li.finding[data-severity="info"] details.finding-more[open]').count()).toBe(0);
    expect(await page.locator('li.finding[data-severity="info"] details.finding-more .rule-details').count()).toBe(0);
    for (const by of ['file', 'claim', 'rule'] as const) {
      await page.selectOption('#group-by', by);
      const groups = page.locator(`section.group[data-group="${by}"]`);
      // Groups come 50 at a time: show them all.
      expect(await groups.count()).toBeLessThanOrEqual(50);
      const more = page.locator('#finding-list > button.more');
      while (await more.isVisible()) await more.click();
      const keys = await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
      const expected = new Set(bundled.result.findings.map((f) => (by === 'file' ? f.file : by === 'rule' ? f.rule : f.claim ?? f.file)));
      expect(new Set(keys), by).toEqual(expected);
      // Every finding is in its group, once; groups with an error come first.
      expect(await page.locator('section.group li.finding').count()).toBe(bundled.result.findings.length);
      const worst = await groups.evaluateAll((els) => els.map((e) => e.querySelector('.worst')!.textContent));
      expect(worst.map((x) => rank[x!]!)).toEqual([...worst.map((x) => rank[x!]!)].sort((a, b) => a - b));
      if (by === 'rule') {
        const rows = await page.locator('section.group[data-key="conflict/value"] li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
        expect(rows.length).toBe(bundled.result.findings.filter((f) => f.rule === 'conflict/value').length);
        expect(new Set(rows)).toEqual(new Set(['conflict/value']));
      }
    }
    expect(await visibleCount(page)).toBe(bundled.result.findings.length);
    expectClean(w);
    await page.close();
  });

  it('shows where sources disagree: per subject and property, one row per claim with value, context and best evidence', async () => {
    const w = await open(bundled.file);
    const { page } = w;
    const tables = page.locator('#disagreements article.dis');
    expect(await tables.count()).toBeGreaterThan(0);
    const origin = page.locator('#disagreements article.dis[data-subject="ketamine"][data-property="origin"]');
    expect(await origin.count()).toBe(1);
    const rows = origin.locator('table.dis-table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const claimsInRows = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
    expect(claimsInRows).toEqual(expect.arrayContaining(['earlywine-2026/origin-decade', 'ketam-guide/origin-decade']));
    // The values differ: highlighted; the header names the columns; each row has a best-evidence level.
    const head = await origin.locator('table.dis-table thead th').allTextContents();
    expect(head.slice(0, 4)).toEqual(['Source', 'Claim', 'Value', 'Cluster']);
    expect(head.at(-1)).toBe('Best evidence');
    const valueCells = origin.locator('table.dis-table tbody tr td:nth-of-type(2)');
    expect(await valueCells.evaluateAll((els) => els.map((e) => e.className))).toContain('differs');
    expect(await rows.locator('td .lvl').count()).toBe(await rows.count());
    // Each row names the cluster of its claim; the clusters are tabled above, one of them prevailing.
    expect(await rows.locator('td .cluster-tag').count()).toBe(await rows.count());
    expect(await origin.locator('table.cluster-table tr[data-prevailing="true"]').count()).toBeGreaterThanOrEqual(1);
    // A disagreement in context: a facet column differs and is highlighted.
    const differing = page.locator('#disagreements td.differs');
    expect(await differing.count()).toBeGreaterThan(0);
    const bg = await differing.first().evaluate((td) => (globalThis as unknown as BrowserGlobals).getComputedStyle(td).backgroundColor);
    expect(bg).not.toMatch(/^(?:transparent|rgba\(0, 0, 0, 0\))$/);
    expectClean(w);
    await page.close();
  });

  it('lists who cites each register source, the disagreeing citation highlighted and linked to its finding', async () => {
    const w = await open(citing.file);
    const { page } = w;
    const cited = page.locator('#citations article.cited');
    expect(await cited.count()).toBe(1);
    const hennekens = page.locator('#citations article.cited[data-source="hennekens-1989"]');
    expect(await hennekens.locator('h3').textContent()).toContain("Final report on the aspirin component of the ongoing Physicians' Health Study");
    expect(await hennekens.locator('p.muted').first().textContent()).toBe('Cited by 13 sources; 1 citing claim it contradicts');
    // Ten citations at a time.
    const rows = hennekens.locator('tbody tr');
    expect(await rows.count()).toBe(10);
    const more = hennekens.locator('button.more');
    expect(await more.textContent()).toBe('Show 3 more (3 left)');
    await more.click();
    expect(await rows.count()).toBe(13);
    expect(await more.isHidden()).toBe(true);
    expect(await hennekens.locator('tbody tr[data-verdict="silent"]').count()).toBe(11);
    // The disagreeing citation first, highlighted: the blog's 76% against the trial's 44%.
    const bad = rows.first();
    expect(await bad.getAttribute('data-verdict')).toBe('contradicts');
    expect(await bad.getAttribute('data-claim')).toBe('wonder-blog/heart-attacks');
    expect(await bad.getAttribute('class')).toBe('disagrees');
    const bg = await bad.evaluate((tr) => (globalThis as unknown as BrowserGlobals).getComputedStyle(tr).backgroundColor);
    expect(bg, 'the highlight is visible').not.toMatch(/^(?:transparent|rgba\(0, 0, 0, 0\))$/);
    const cells = await bad.locator('th, td').allTextContents();
    expect(cells[0]).toContain('Blog wonder-blog (wonder-blog)');
    expect(cells[1]).toMatch(/^\[1\] by DOI$/);
    expect(cells[2]).toContain('says 76% (benefit)');
    expect(cells[3]).toContain('hennekens-1989/mi');
    expect(cells[3]).toContain('says 44% (benefit)');
    expect(cells[4]).toContain('disagrees');
    // The agreeing citation: not highlighted.
    expect(await rows.nth(1).getAttribute('data-verdict')).toBe('supports');
    expect(await rows.nth(1).getAttribute('class')).toBeNull();
    expect(await rows.nth(1).locator('.verdict').textContent()).toBe('agrees');
    // The link shows the finding: the list narrowed to it, scrolled to.
    const link = bad.locator('a.finding-link');
    const target = `#finding-${await link.getAttribute('data-finding')}`;
    await link.click();
    const finding = page.locator(target);
    await finding.waitFor();
    expect(await finding.getAttribute('data-rule')).toBe('evidence/misrepresents-cited');
    expect(await finding.locator('.message').textContent()).toMatch(/^Cites hennekens-1989 \(reference 1\), which says 44% \(benefit\) \(hennekens-1989\/mi\), not 76% \(benefit\)/);
    expect(await visibleCount(page)).toBe(1);
    expect(await finding.isVisible()).toBe(true);
    const box = await finding.boundingBox();
    expect(box && box.y >= 0 && box.y < 900, 'scrolled into view').toBe(true);
    expectClean(w);
    await page.close();
  });

  it('shows the clusters of each subject and property, the prevailing one marked', async () => {
    const w = await open(citing.file);
    const { page } = w;
    const dis = page.locator('#disagreements article.dis[data-subject="aspirin"][data-property="myocardial-infarction"]');
    expect(await dis.count()).toBe(1);
    const table = dis.locator('table.cluster-table');
    expect(await table.count()).toBe(1);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Cluster', 'Value', 'Sources', 'Claims', 'Best evidence']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    // The trial and the careful blog say 44%, the wonder blog 76%: 44% prevails, on sources.
    const prevailing = table.locator('tbody tr[data-prevailing="true"]');
    expect(await prevailing.count()).toBe(1);
    expect(await prevailing.locator('.prevailing-tag').textContent()).toBe('prevailing');
    const cells = await prevailing.locator('th, td').allTextContents();
    expect(cells[1]).toBe('44%');
    expect(await prevailing.locator('td .src-list li').allTextContents()).toEqual(
      expect.arrayContaining(["Final report on the aspirin component of the ongoing Physicians' Health Study (hennekens-1989)", 'Blog careful-blog (careful-blog)']),
    );
    expect(cells[3]).toBe('2');
    // The trial's own randomised study: level 2 is the 44% cluster's best evidence.
    expect(await prevailing.locator('td .lvl').textContent()).toBe('level 2');
    const other = table.locator('tbody tr:not([data-prevailing])');
    expect(await other.locator('td').nth(0).textContent()).toBe('76%');
    expect(await other.locator('td .src-list li').allTextContents()).toEqual(['Blog wonder-blog (wonder-blog)']);
    const bg = await prevailing.evaluate((tr) => (globalThis as unknown as BrowserGlobals).getComputedStyle(tr).backgroundColor);
    expect(bg, 'the prevailing cluster stands out').not.toMatch(/^(?:transparent|rgba\(0, 0, 0, 0\))$/);
    // Each claim row names its cluster.
    const letter = await prevailing.getAttribute('data-cluster');
    const claimRows = dis.locator('table.dis-table tbody tr');
    const byClaim = Object.fromEntries(await claimRows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-claim'), e.getAttribute('data-cluster')])));
    expect(byClaim['hennekens-1989/mi']).toBe(letter);
    expect(byClaim['wonder-blog/heart-attacks']).not.toBe(letter);
    expectClean(w);
    await page.close();
    // The bundled register: each cluster table marks exactly one prevailing cluster.
    const wb = await open(bundled.file);
    const tables = wb.page.locator('#disagreements table.cluster-table');
    expect(await tables.count()).toBeGreaterThan(0);
    const prevailingPerTable = await tables.evaluateAll((els) => els.map((t) => t.querySelectorAll('tbody tr[data-prevailing="true"]').length));
    expect(new Set(prevailingPerTable)).toEqual(new Set([1]));
    expectClean(wb);
    await wb.page.close();
  });

  it('looks right: the citations and cluster views at 1280px and 390px', async () => {
    mkdirSync(RESULTS, { recursive: true });
    for (const width of [1280, 390]) {
      const w = await open(citing.file, width);
      await w.page.locator('#citations').screenshot({ path: join(RESULTS, `report-citations-${width}.png`) });
      await w.page.locator('#disagreements').screenshot({ path: join(RESULTS, `report-clusters-${width}.png`) });
      expect(await scrollWidth(w.page), `no horizontal scrolling at ${width}px`).toBeLessThanOrEqual(width);
      expectClean(w);
      await w.page.close();
    }
  });

  it('looks right: screenshots at 1280px and on a narrow window', async () => {
    mkdirSync(RESULTS, { recursive: true });
    const w = await open(bundled.file);
    await w.page.selectOption('#filter-rule', 'conflict/*');
    // The top of the page: counts, the evidence overview, the filters and the first conflicts.
    const height = Math.min(3200, await w.page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollHeight));
    await w.page.screenshot({ path: join(RESULTS, 'report.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    // No horizontal scrolling at 1280px or at 390px.
    expect(await scrollWidth(w.page)).toBeLessThanOrEqual(1280);
    const narrow = await open(bundled.file, 390);
    expect(await scrollWidth(narrow.page)).toBeLessThanOrEqual(390);
    await narrow.page.selectOption('#filter-rule', 'conflict/value');
    await narrow.page.screenshot({ path: join(RESULTS, 'report-narrow.png'), fullPage: true });
    // The disagreement tables at both widths: the tables scroll inside their box, the page does not.
    await w.page.locator('#disagreements').screenshot({ path: join(RESULTS, 'report-disagreements-1280.png') });
    await narrow.page.locator('#disagreements').screenshot({ path: join(RESULTS, 'report-disagreements-390.png') });
    expect(await scrollWidth(narrow.page)).toBeLessThanOrEqual(390);
    expectClean(w);
    expectClean(narrow);
    await w.page.close();
    await narrow.page.close();
  }, 120_000);
});

describe('a report of hostile claim texts, in Chromium', { timeout: 120_000 }, () => {
  it('runs no script from the claims and shows their text as text', async () => {
    const w = await open(hostile.file);
    const { page } = w;
    expect(await pwned(page)).toBeUndefined();
    // Give any injected handler (an image error, an svg load) time to fire.
    await page.waitForTimeout(300);
    expect(await pwned(page)).toBeUndefined();
    // No element came from the claims: no img, no injected script or svg with handlers.
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(3);
    expect(await page.$$eval('*', (els) => els.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length)).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    // The texts are on the page, verbatim, as text.
    const body = (await page.textContent('body')) ?? '';
    for (const s of [PWN_IMG, PWN_ALERT, PWN_BREAKOUT, PWN_COMMENT]) expect(body).toContain(s);
    expect(await page.textContent('[data-summary="claims"]')).toBe(String(hostile.result.summary.claims));
    // The conflict still renders side by side, with its hostile facets as text.
    const conflict = page.locator('li.finding[data-conflict="true"]').first();
    expect(await conflict.getAttribute('data-rule')).toMatch(/^conflict\//);
    // An info conflict starts collapsed: open it.
    if ((await conflict.locator('details.finding-more[open]').count()) === 0) await conflict.locator('details.finding-more > summary').click();
    await conflict.locator('.claim-panel').nth(1).waitFor();
    expect(await conflict.locator('.claim-panel').count()).toBe(2);
    expect(await conflict.locator('tr.differs th').allTextContents()).toEqual(expect.arrayContaining(['Value', 'Population']));
    // The citation of one hostile source by another: its texts shown as text too.
    const cited = page.locator('#citations article.cited[data-source="guide"]');
    expect(await cited.count()).toBe(1);
    expect(await cited.locator('h3').textContent()).toContain(`Guide ${PWN_ALERT}`);
    expect(await cited.locator('tbody tr[data-claim="early/origin"] th').textContent()).toContain(`Early ${PWN_SVG}`);
    // Filtering does not bring anything to life either.
    await page.uncheck('#filter-error');
    await page.fill('#filter-text', 'img');
    await page.waitForTimeout(100);
    expect(await pwned(page)).toBeUndefined();
    expectClean(w);
    await page.close();
  });
});

/**
 * The HTML report's bound (issue 8): at 100,000 claims the file stays under
 * 20 MB and opens in Chromium in under 5 s. Not part of `npm test` (it takes
 * minutes; no timing is ever asserted).
 *
 *   npm run build && npx tsx scripts/bench-html.ts [--claims 100000] [--runs 3] [--no-cite-register] [--trace] [--keep] [--max-load 2.5] [--html report.html]
 *
 * Generates a register (scripts/generate-register.ts, 100 claims a file; by
 * default with --cite-register, so that the Citations view has a citation
 * graph to show), writes `claimlint --format html` with the built CLI, and
 * opens the file in headless Chromium (playwright-core driving Debian's
 * /usr/bin/chromium, as test/browser/report.test.ts does) --runs times, each
 * in a fresh browser. It reports the file size and, median of the runs, the
 * time from navigation to the report being interactive: the findings list
 * rendered with its filters live (the page script's `claimlint:list` mark,
 * read from the page's performance timeline, i.e. from navigation start);
 * and the time to everything rendered (`claimlint:ready`: the details —
 * claims, disagreements, citations — read after the list, and the finding
 * bodies, disagreement tables and Citations view built). Before measuring it waits until the 1-minute load average is below
 * --max-load (at most 3 minutes; the load is printed either way).
 *
 * --html opens an existing report instead (no register generated, nothing written).
 *
 * --trace records a Chromium performance trace of one more opening (written
 * next to the report) and prints where the renderer's main thread spent its
 * time, by trace event.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { generateRegister } from './generate-register.js';

const BIN = resolve(import.meta.dirname, '../dist/cli.js');
const CHROMIUM = '/usr/bin/chromium';
const BOUND = { mb: 20, seconds: 5 };

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    'no-cite-register': { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'max-load': { type: 'string', default: '2.5' },
    html: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write('Usage: npm run build && npx tsx scripts/bench-html.ts [--claims 100000] [--runs 3] [--no-cite-register] [--trace] [--keep] [--max-load 2.5] [--html report.html]\n');
  process.exit(0);
}
const claims = Number(values.claims);
const runs = Math.max(1, Number(values.runs));
const maxLoad = Number(values['max-load']);
if (!existsSync(BIN)) {
  process.stderr.write('bench-html: dist/cli.js is missing: run `npm run build` first.\n');
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`bench-html: ${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).\n`);
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg()[0]!.toFixed(2);

/** Wait (at most 3 minutes) until the 1-minute load average is below --max-load; say what it was. */
async function quietMachine(what: string): Promise<string> {
  const until = Date.now() + 3 * 60_000;
  while (loadavg()[0]! >= maxLoad && Date.now() < until) await new Promise((r) => setTimeout(r, 15_000));
  const l = load();
  if (loadavg()[0]! >= maxLoad) process.stdout.write(`  (load ${l} is still at or above ${maxLoad} after 3 minutes: ${what} measured anyway, an upper bound)\n`);
  return l;
}

interface Opening {
  /** From navigation start to the findings list rendered with its filters live (the `claimlint:list` mark): interactive. */
  list: number;
  /** From navigation start to the findings' data being read (inflated and parsed). */
  decoded: number;
  /** From navigation start to everything rendered: the details (claims, disagreements, citations) read too. */
  ready: number;
  /** From `goto` to the ready selector, in this process. */
  wall: number;
  findingsShown: number;
  /** Findings in the report (its summary). */
  findings: number;
}

async function openReport(page: Page, url: string): Promise<Opening> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 300_000 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
  const wall = performance.now() - started;
  // A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page does not have.
  const marks = (await page.evaluate(`({
    list: performance.getEntriesByName('claimlint:list')[0]?.startTime ?? NaN,
    decoded: performance.getEntriesByName('claimlint:decoded')[0]?.startTime ?? NaN,
    ready: performance.getEntriesByName('claimlint:ready')[0]?.startTime ?? NaN,
    shown: document.querySelectorAll('#finding-list li.finding').length,
    total: ['errors', 'warnings', 'infos'].reduce((n, k) => n + Number(document.querySelector('[data-summary="' + k + '"]').textContent), 0),
  })`)) as { list: number; decoded: number; ready: number; shown: number; total: number };
  if (marks.shown === 0) throw new Error('the report opened with no finding rendered');
  return { list: marks.list, decoded: marks.decoded, ready: marks.ready, wall, findingsShown: marks.shown, findings: marks.total };
}

/** Sum of the durations of complete trace events on the renderer's main thread, by name (the top ones). */
async function traceSummary(path: string): Promise<string[]> {
  const trace = JSON.parse(await readFile(path, 'utf8')) as { traceEvents: Array<{ name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }> };
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return ['(no renderer main thread in the trace)'];
  const byName = new Map<string, number>();
  for (const e of trace.traceEvents) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, ms]) => `${name.padEnd(28)} ${ms.toFixed(0).padStart(7)} ms`);
}

const dir = mkdtempSync(join(tmpdir(), 'claimlint-bench-html-'));
try {
  let out: string;
  if (values.html) {
    out = resolve(values.html);
    process.stdout.write(`bench-html: ${out}, ${cpus().length} CPUs\n`);
  } else {
    const cite = !values['no-cite-register'];
    process.stdout.write(`bench-html: ${claims.toLocaleString('en')} claims${cite ? ' (with a citation graph: --cite-register)' : ''}, ${cpus().length} CPUs\n`);
    generateRegister(dir, { claims, files: Math.max(1, Math.round(claims / 100)), citeRegister: cite });
    out = join(dir, 'report.html');
    const writeLoad = await quietMachine('the report');
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', BIN, '--format', 'html', '-o', out], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    const written = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`claimlint --format html exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
    process.stdout.write(`  written by claimlint --format html in ${sec(written)} (load ${writeLoad})\n`);
  }
  const mb = statSync(out).size / 1e6;
  process.stdout.write(`  file size: ${mb.toFixed(2)} MB (bound ${BOUND.mb} MB: ${mb < BOUND.mb ? 'within' : 'OVER'})\n`);

  // A fresh browser for each opening: nothing cached between runs, and no browser left idle while the machine calms down.
  const launch = () =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  const url = pathToFileURL(out).href;
  const openings: Opening[] = [];
  for (let i = 0; i < runs; i++) {
    const l = await quietMachine(`opening ${i + 1}`);
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const o = await openReport(page, url);
      openings.push(o);
      process.stdout.write(
        `  opening ${i + 1}: interactive (findings list rendered) ${sec(o.list)} after navigation (its data read at ${sec(o.decoded)}); ` +
          `everything rendered at ${sec(o.ready)} (${sec(o.wall)} from goto, in this process); ${o.findingsShown} of ${o.findings} findings on the first page; load ${l}\n`,
      );
    } finally {
      await browser.close();
    }
  }
  const list = median(openings.map((o) => o.list));
  process.stdout.write(
    `  median of ${runs}: interactive ${sec(list)} after navigation (bound ${BOUND.seconds} s: ${list < BOUND.seconds * 1000 ? 'within' : 'OVER'}); ` +
      `everything rendered ${sec(median(openings.map((o) => o.ready)))}; load now ${load()}\n`,
  );
  if (values.trace) {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const path = join(dir, 'trace.json');
      await browser.startTracing(page, { path, screenshots: false });
      await openReport(page, url);
      await browser.stopTracing();
      process.stdout.write(`  trace of one more opening (${path}${values.keep ? '' : ', deleted at the end: --keep keeps it'}), renderer main thread by event:\n`);
      for (const line of await traceSummary(path)) process.stdout.write(`    ${line}\n`);
    } finally {
      await browser.close();
    }
  }
} finally {
  if (values.keep) process.stdout.write(`  kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}

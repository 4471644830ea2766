/**
 * `npm run bench`: claimlint's speed and memory on generated registers,
 * beside the parse floors of the same files measured in the same run.
 * Not part of `npm test` (it takes minutes; timings are never asserted).
 *
 *   npm run bench -- [--sizes 1000,10000,100000] [--runs 3] [--huge] [--lsp] [--skip-one-group] [--keep]
 *
 * For each size (100 claims a file, scripts/generate-register.ts), and for a
 * register whose 5,000 claims share one subject and property:
 *  - cold: `claimlint --format json -o <file>`, median wall time of --runs
 *    runs (one run at 100,000 claims and more), CPU time and peak memory
 *    (GNU time), and the ratio to the js-yaml floor;
 *  - floors: reading and parsing every file with js-yaml (`load`) and with
 *    `yaml` (`parseDocument`), in this process;
 *  - warm: `--cache` after one file changed (cache primed first);
 *  - staged: one file given on the command line, as the pre-commit hook runs
 *    it (the default stylish report), without and with the cache (as the
 *    last run saw it, then changed since);
 *  - watch (10,000 claims): from writing a file to the report of `--watch`.
 * `--lsp` also measures the language server (scripts/bench-lsp.ts).
 * `--huge` also lints 300,000 claims once in every format (a crash check,
 * peak memory ≤ 2 GB). The machine's CPU count and load are printed: on a
 * busy machine the ratios say more than the times.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { generateRegister, rng } from './generate-register.js';

const BIN = resolve(import.meta.dirname, '../dist/cli.js');
const FORMATS = ['stylish', 'json', 'compact', 'sarif', 'junit', 'markdown', 'github', 'html'];

interface Measure {
  wall: number;
  cpu: number;
  /** Peak resident memory, MB. */
  rss: number;
  code: number | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Run claimlint under GNU time: wall (ms), user+system CPU (ms), peak RSS (MB). */
function claimlint(args: string[], cwd: string): Measure {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, '--max-old-space-size=4096', BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = performance.now() - started;
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [u, sy, m] = last.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) process.stderr.write(`bench: claimlint ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}\n`);
  return { wall, cpu: ((u ?? 0) + (sy ?? 0)) * 1000, rss: (m ?? 0) / 1024, code: r.status };
}

function medianRun(args: string[], cwd: string, runs: number): Measure {
  const ms = Array.from({ length: runs }, () => claimlint(args, cwd));
  return { wall: median(ms.map((m) => m.wall)), cpu: median(ms.map((m) => m.cpu)), rss: Math.max(...ms.map((m) => m.rss)), code: ms[0]!.code };
}

function claimFiles(dir: string): string[] {
  return readdirSync(join(dir, 'claims'))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => join(dir, 'claims', n));
}

/** The parse floors: read every file and parse it, in this process; median wall and CPU time of `runs`. */
function floors(dir: string, runs: number): { jsYaml: Floor; yaml: Floor } {
  const files = claimFiles(dir);
  const time = (parse: (text: string) => unknown): Floor => {
    const ms = Array.from({ length: runs }, () => {
      const t = performance.now();
      const c = process.cpuUsage();
      for (const f of files) parse(readFileSync(f, 'utf8'));
      const used = process.cpuUsage(c);
      return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
    });
    return { wall: median(ms.map((m) => m.wall)), cpu: median(ms.map((m) => m.cpu)) };
  };
  return {
    jsYaml: time((t) => load(t, { schema: CORE_SCHEMA })),
    yaml: time((t) => parseDocument(t, { uniqueKeys: true }).toJS()),
  };
}

interface Floor {
  wall: number;
  cpu: number;
}

/** A register of `claims` claims on one subject and property, with mixed values, 100 a file. */
function oneGroupRegister(dir: string, claims: number): void {
  const rand = rng(5);
  mkdirSync(join(dir, 'claims'), { recursive: true });
  writeFileSync(join(dir, 'claimlint.config.yaml'), 'files:\n  - claims/**/*.yaml\n');
  for (let f = 0; f < claims / 100; f++) {
    const lines = ['source:', `  id: s${f}`, `  title: Source ${f}`, '  kind: blog', `  published: ${2000 + (f % 25)}-01-01`, 'claims:'];
    for (let c = 0; c < 100; c++) {
      const decade = [1950, 1950, 1950, 1960, 1970][Math.floor(rand() * 5)]!;
      lines.push(
        `  - id: c${c}`,
        `    text: "Ketamine was first made in the ${decade}s."`,
        '    subject: ketamine',
        '    aspect: history',
        '    property: origin',
        `    value: { decade: ${decade} }`,
      );
    }
    writeFileSync(join(dir, 'claims', `s${String(f).padStart(3, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
}

/** Change one claim's text in a file (a new content hash, same groups). */
function touch(file: string, n: number): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/(\n\s*text: ")/, `$1(edit ${n}) `));
}

/** `--watch` on a register: ms from writing a file to the end of the report that follows, for `edits` edits. */
async function watchLatency(dir: string, edits: number): Promise<number[]> {
  const child = spawn(process.execPath, [BIN, '--watch', '--format', 'compact'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let runs = 0;
  let waiting: (() => void) | undefined;
  child.stdout.resume();
  child.stderr.on('data', (d: Buffer) => {
    runs += (d.toString().match(/watching for changes/g) ?? []).length;
    waiting?.();
  });
  const until = (n: number) =>
    new Promise<void>((done) => {
      waiting = () => {
        if (runs >= n) done();
      };
      waiting();
    });
  await until(1);
  const out: number[] = [];
  const file = claimFiles(dir)[0]!;
  for (let i = 0; i < edits; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const before = runs;
    const t = performance.now();
    touch(file, 1000 + i);
    await until(before + 1);
    out.push(performance.now() - t);
  }
  child.kill('SIGINT');
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      runs: { type: 'string', default: '3' },
      huge: { type: 'boolean', default: false },
      'skip-one-group': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      lsp: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  const root = mkdtempSync(join(tmpdir(), 'claimlint-bench-'));
  const log = (line: string) => {
    process.stdout.write(`${line}\n`);
    appendFileSync(join(root, 'bench.txt'), `${line}\n`);
  };
  log(`claimlint bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; registers in ${root}`);
  log('');
  log('Times are wall (CPU). On a busy machine, compare the CPU times and the ratios.');
  log('');
  log('| register | claimlint cold (median) | peak memory | js-yaml floor | yaml floor | cold / js-yaml (wall; CPU) | warm --cache, 1 file changed | warm / cold (wall; CPU) | 1 staged file | staged / js-yaml (wall; CPU) | staged with cache | staged with cache, file changed since |');
  log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const cases: Array<{ name: string; make: (dir: string) => void; claims: number }> = [
    ...sizes.map((n) => ({ name: `${n.toLocaleString('en-US')} claims`, claims: n, make: (d: string) => void generateRegister(d, { claims: n, files: Math.max(1, n / 100) }) })),
    ...(values['skip-one-group'] ? [] : [{ name: 'one group, 5,000 claims', claims: 5000, make: (d: string) => oneGroupRegister(d, 5000) }]),
  ];
  let watchDir: string | undefined;
  for (const c of cases) {
    const dir = join(root, c.name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    c.make(dir);
    const n = c.claims >= 100_000 ? 1 : runs;
    const floor = floors(dir, n);
    const cold = medianRun(['--format', 'json', '-o', join(root, 'out.json')], dir, n);
    claimlint(['--cache', '--format', 'json', '-o', join(root, 'out.json')], dir); // prime the cache
    const file = claimFiles(dir)[0]!;
    touch(file, 1);
    const warmChanged = claimlint(['--cache', '--format', 'json', '-o', join(root, 'out.json')], dir);
    // As the pre-commit hook runs: the file given, the default (stylish) report. (`--format json` would add the
    // register-wide disagreements and citations, which need every file parsed.)
    const staged = medianRun([file], dir, n);
    const stagedCached = medianRun(['--cache', file], dir, n);
    // The usual hook run: the staged file changed since the cache was written (it then lints as without the cache).
    touch(file, 2);
    const stagedChanged = medianRun(['--cache', file], dir, n);
    const both = (m: Measure) => `${s(m.wall)} (${s(m.cpu)})`;
    log(
      `| ${c.name} | ${both(cold)} | ${cold.rss.toFixed(0)} MB | ${both(floor.jsYaml)} | ${both(floor.yaml)} | ${(cold.wall / floor.jsYaml.wall).toFixed(1)}x; ${(cold.cpu / floor.jsYaml.cpu).toFixed(1)}x | ${both(warmChanged)}, ${warmChanged.rss.toFixed(0)} MB | ${((100 * warmChanged.wall) / cold.wall).toFixed(0)}%; ${((100 * warmChanged.cpu) / cold.cpu).toFixed(0)}% | ${both(staged)} | ${(staged.wall / floor.jsYaml.wall).toFixed(1)}x; ${(staged.cpu / floor.jsYaml.cpu).toFixed(1)}x | ${both(stagedCached)} | ${both(stagedChanged)} |`,
    );
    if (c.claims === 10_000 && c.name.endsWith('claims')) watchDir = dir;
  }
  if (watchDir) {
    const lat = await watchLatency(watchDir, 5);
    log('');
    log(`--watch, 10,000 claims: ${lat.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} from writing a file to the printed report (median ${median(lat).toFixed(0)} ms)`);
  }
  if (values.lsp) {
    // The language server (scripts/bench-lsp.ts): didChange -> publishDiagnostics at 10,000 claims, memory at 100,000.
    const { benchLsp } = await import('./bench-lsp.js');
    for (const edit of ['source', 'claim', 'line'] as const) {
      const r = await benchLsp({ edit, memoryClaims: edit === 'line' ? 100_000 : 0 });
      log('');
      log(`claimlint lsp, 10,000 claims, ${r.edits} edits of the ${edit}: didChange -> publishDiagnostics median ${r.latencyMs.median} ms, p90 ${r.latencyMs.p90} ms (server CPU per edit median ${r.cpuMsPerEdit.median} ms); load average ${loadavg()[0]!.toFixed(1)}`);
      if (r.memory) log(`claimlint lsp holding 100,000 claims: ${r.memory.rssMb} MB resident, peak ${r.memory.peakRssMb} MB`);
    }
  }
  if (values.huge) {
    const dir = join(root, 'huge');
    generateRegister(dir, { claims: 300_000, files: 3000 });
    log('');
    log('300,000 claims, every format once:');
    for (const format of FORMATS) {
      const m = claimlint(['--format', format, '-o', join(root, `huge.${format}`)], dir);
      log(`  ${format.padEnd(9)} exit ${m.code}, ${s(m.wall)}, peak ${m.rss.toFixed(0)} MB${m.rss > 2048 ? ' (over 2 GB)' : ''}`);
    }
  }
  log('');
  log(`Written to ${join(root, 'bench.txt')}`);
  if (!values.keep) {
    for (const entry of readdirSync(root)) if (entry !== 'bench.txt') rmSync(join(root, entry), { recursive: true, force: true });
  }
}

await main();

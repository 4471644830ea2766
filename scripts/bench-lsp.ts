/**
 * Benchmark of `claimlint lsp` (the built dist/cli.js), driven over stdio by
 * a JSON-RPC client as an editor drives it:
 *
 * - latency: a register of --claims claims (default 10,000 in 100 files,
 *   scripts/generate-register.ts) in a temporary folder; one claim file is
 *   opened, then edited --edits times (an unknown field added, then removed,
 *   so each edit changes its findings). Each time is from sending the
 *   `didChange` to receiving the `publishDiagnostics` for that version, so
 *   the debounce (--debounce ms, the server's default unless given) counts.
 *   --edit claim adds the field to the file's first claim instead of its
 *   source (a source failing the schema takes all the file's claims out of
 *   the register, and every group they were in is checked again); --edit
 *   line renames a key of the first claim in place, as typing within a
 *   line does (no line moves, one claim changes).
 * - memory: a register of --memory-claims claims (default 100,000 in 1,000
 *   files); the server lints it all, then its resident memory (VmRSS) and
 *   peak (VmHWM) are read from /proc. --memory-claims 0 skips this part.
 *
 * The server's CPU time per edit (from /proc) is given too: on a shared
 * machine the wall-clock latency mostly measures the other load.
 *
 * --cpu-prof <dir> writes a V8 CPU profile of the latency part's server
 * there (open it in Chrome DevTools, or summarise it by function).
 *
 *   npx tsx scripts/bench-lsp.ts [--claims 10000] [--edits 20] [--memory-claims 100000] [--edit source|claim|line] [--cpu-prof <dir>] [--json]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateRegister } from './generate-register.js';
import { LspClient } from '../test/helpers/lsp-client.js';
import { isMainModule } from '../src/paths.js';

/**
 * What each edit changes: `source` adds a line to the source block, `claim`
 * a line to the first claim (every claim below it moves), `line` rewrites
 * one line of the first claim in place (its `at:` key renamed), as typing
 * within a line does.
 */
export type LspEdit = 'source' | 'claim' | 'line';

export interface LspBenchResult {
  claims: number;
  edits: number;
  edit: LspEdit;
  debounceMs: number | 'default';
  firstDiagnosticsMs: number;
  latencyMs: { median: number; p90: number; min: number; max: number };
  /** CPU time the server spent per edit (user + system), independent of other load on the machine. */
  cpuMsPerEdit: { median: number; max: number };
  memory?: { claims: number; firstDiagnosticsMs: number; rssMb: number; peakRssMb: number };
}

/** How long to wait for one publication (a loaded machine and a 100k register take minutes). */
const WAIT_MS = Number(process.env['CLAIMLINT_BENCH_WAIT_MS'] ?? 1_800_000);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** CPU time (user + system) a process has used, from /proc (clock ticks of 10 ms). */
function procCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function procMemoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

async function startOn(dir: string, file: string, debounceMs: number | undefined, nodeArgs: string[] = []): Promise<{ client: LspClient; firstMs: number; text: string }> {
  const client = new LspClient(dir, ['lsp'], nodeArgs);
  const t = performance.now();
  await client.initialize(debounceMs !== undefined ? { debounceMs } : {});
  const text = readFileSync(join(dir, file), 'utf8');
  await client.open(file, text);
  await client.waitFor(file, (p) => p.version === 1, WAIT_MS);
  return { client, firstMs: performance.now() - t, text };
}

export async function benchLsp(
  opts: {
    claims?: number;
    edits?: number;
    memoryClaims?: number;
    debounceMs?: number;
    /** Write a V8 CPU profile of the latency part's server into this folder (node --cpu-prof). */
    cpuProfDir?: string;
    /** What each edit changes: the source block (default) or one claim. */
    edit?: LspEdit;
    progress?: (line: string) => void;
  } = {},
): Promise<LspBenchResult> {
  const claims = opts.claims ?? 10_000;
  const edits = opts.edits ?? 20;
  const memoryClaims = opts.memoryClaims ?? 100_000;
  const edit = opts.edit ?? 'source';
  const file = 'claims/source-000.yaml';
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-bench-lsp-'));
  try {
    generateRegister(dir, { claims, files: Math.max(1, Math.round(claims / 100)), seed: 1 });
    const profile = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
    const { client, firstMs, text } = await startOn(dir, file, opts.debounceMs, profile);
    // The first publication of every document sent before the first edit.
    await client.settled();
    const times: number[] = [];
    const cpu: number[] = [];
    const pid = client.proc.pid!;
    // Odd edits add an unknown field (a schema finding), even ones take it away: to the source (the file's claims
    // leave the register while it fails the schema), or to its first claim (that claim only).
    const edited =
      edit === 'source'
        ? text.replace(/^source:\n/m, 'source:\n  bench_field: 1\n')
        : edit === 'claim'
          ? // The first claim: the first list item after `claims:` (the source's reference list has `- id:` items too).
            text.replace(/^(claims:\n(?:[ \t]*(?:#.*)?\n)*)( +)- id: (.*)$/m, (_m, head: string, indent: string, id: string) => `${head}${indent}- id: ${id}\n${indent}  bench_field: 1`)
          : text.replace(/^( +)at: /m, '$1bench_field: ');
    if (edited === text) throw new Error(`${file} has no ${edit === 'source' ? '"source:"' : 'claim'} line to edit`);
    const flagged = (x: { diagnostics: Array<{ message: string | { value: string } }> }) =>
      x.diagnostics.some((d) => (typeof d.message === 'string' ? d.message : d.message.value).includes('bench_field'));
    const arrived = new WeakMap<object, number>();
    client.onPublish((p) => arrived.set(p, performance.now()));
    for (let i = 0; i < edits; i++) {
      const add = i % 2 === 0;
      const cpuBefore = procCpuMs(pid);
      const sent = performance.now();
      const version = await client.change(file, add ? edited : text);
      // The publication for this version that reflects the edit (the finding there, or gone).
      const p = await client.waitFor(file, (x) => x.version === version && flagged(x) === add, WAIT_MS, false);
      times.push(arrived.get(p)! - sent);
      cpu.push(procCpuMs(pid) - cpuBefore);
    }
    await client.stop();
    const sorted = [...times].sort((a, b) => a - b);
    const cpuSorted = [...cpu].sort((a, b) => a - b);
    const result: LspBenchResult = {
      claims,
      edits,
      edit,
      debounceMs: opts.debounceMs ?? 'default',
      firstDiagnosticsMs: Math.round(firstMs),
      latencyMs: {
        median: Math.round(quantile(sorted, 0.5)),
        p90: Math.round(quantile(sorted, 0.9)),
        min: Math.round(sorted[0]!),
        max: Math.round(sorted[sorted.length - 1]!),
      },
      cpuMsPerEdit: { median: quantile(cpuSorted, 0.5), max: cpuSorted[cpuSorted.length - 1]! },
    };
    opts.progress?.(
      `latency: ${JSON.stringify(result.latencyMs)} ms, server CPU per edit ${JSON.stringify(result.cpuMsPerEdit)} ms over ${edits} edits; first diagnostics after ${result.firstDiagnosticsMs} ms`,
    );
    if (memoryClaims > 0) {
      const big = mkdtempSync(join(tmpdir(), 'claimlint-bench-lsp-mem-'));
      try {
        generateRegister(big, { claims: memoryClaims, files: Math.max(1, Math.round(memoryClaims / 100)), seed: 1 });
        const started = await startOn(big, file, opts.debounceMs);
        // Every document's diagnostics sent (the server answers after the publications it queued).
        await started.client.settled();
        const pid = started.client.proc.pid!;
        result.memory = {
          claims: memoryClaims,
          firstDiagnosticsMs: Math.round(started.firstMs),
          rssMb: procMemoryMb(pid, 'VmRSS'),
          peakRssMb: procMemoryMb(pid, 'VmHWM'),
        };
        await started.client.stop();
      } finally {
        rmSync(big, { recursive: true, force: true });
      }
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      claims: { type: 'string' },
      edits: { type: 'string' },
      'memory-claims': { type: 'string' },
      debounce: { type: 'string' },
      'cpu-prof': { type: 'string' },
      edit: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const r = await benchLsp({
    ...(values.claims ? { claims: num(values.claims)! } : {}),
    ...(values.edits ? { edits: num(values.edits)! } : {}),
    ...(values['memory-claims'] ? { memoryClaims: num(values['memory-claims'])! } : {}),
    ...(values.debounce ? { debounceMs: num(values.debounce)! } : {}),
    ...(values['cpu-prof'] ? { cpuProfDir: values['cpu-prof'] } : {}),
    ...(values.edit === 'claim' || values.edit === 'source' || values.edit === 'line' ? { edit: values.edit } : {}),
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } else {
    const lines = [
      `claimlint lsp, ${r.claims.toLocaleString('en')} claims, debounce ${r.debounceMs}${r.debounceMs === 'default' ? '' : ' ms'}`,
      `  open to first diagnostics       ${r.firstDiagnosticsMs} ms`,
      `  didChange -> publishDiagnostics median ${r.latencyMs.median} ms, p90 ${r.latencyMs.p90} ms, min ${r.latencyMs.min} ms, max ${r.latencyMs.max} ms (${r.edits} edits of the ${r.edit})`,
      `  server CPU time per edit        median ${r.cpuMsPerEdit.median} ms, max ${r.cpuMsPerEdit.max} ms`,
    ];
    if (r.memory) {
      lines.push(
        `claimlint lsp holding ${r.memory.claims.toLocaleString('en')} claims`,
        `  open to first diagnostics       ${r.memory.firstDiagnosticsMs} ms`,
        `  resident memory                 ${r.memory.rssMb} MB (peak ${r.memory.peakRssMb} MB)`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../src/engine/run/linter.js';
import { docsUrl } from '../../src/paths.js';
import type { Formatter } from '../../src/formatters/types.js';
import sarifFormatter, { MAX_RESULTS, pathToUri, sarifText } from '../../src/formatters/sarif.js';
import { outputText } from '../../src/formatters/sink.js';

const sarif: Formatter = (r, c) => outputText(sarifFormatter(r, c));
import { claimlint } from '../helpers/cli.js';
import { CTX, HOSTILE, e2eProject, finding, mixedResult, related, result } from '../helpers/results.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The validator's native binary (node_modules/.bin/sarif-multitool runs it through a shell). */
const MULTITOOL = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

interface Problem {
  ruleId: string;
  level: string;
  text: string;
}

/**
 * Validate SARIF files with Microsoft's SARIF Multitool, all in one run (it
 * takes seconds to start): the JSON schema, the SARIF rules, and GitHub's
 * ingestion rules (rule kind Gh). Returns the problems it reports for each
 * file, by name, with their effective level.
 */
function validate(files: Record<string, string>): Record<string, Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-sarif-'));
  const inputs = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, `${name}.sarif`), text);
    return join(dir, `${name}.sarif`);
  });
  const output = join(dir, 'validation.sarif.log');
  const args = ['validate', ...inputs, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--max-file-size-in-kb', '200000'];
  const run = spawnSync(MULTITOOL, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(output, 'utf8')) as {
    runs: Array<{
      tool: { driver: { rules?: Array<{ id: string; defaultConfiguration?: { level?: string }; messageStrings?: Record<string, { text: string }> }> } };
      results?: Array<{
        ruleId: string;
        ruleIndex?: number;
        level?: string;
        message: { text?: string; id?: string; arguments?: string[] };
        locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
      }>;
      invocations?: Array<{ executionSuccessful: boolean }>;
    }>;
  };
  const r = log.runs[0]!;
  expect(r.invocations?.[0]?.executionSuccessful).toBe(true);
  const out: Record<string, Problem[]> = Object.fromEntries(Object.keys(files).map((name) => [name, []]));
  for (const x of r.results ?? []) {
    const rule = r.tool.driver.rules?.[x.ruleIndex ?? -1];
    const template = x.message.text ?? rule?.messageStrings?.[x.message.id ?? '']?.text ?? '';
    const uri = x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    const name = /([^/]+)\.sarif$/.exec(uri)?.[1] ?? '(run)';
    (out[name] ??= []).push({
      ruleId: x.ruleId,
      level: x.level ?? rule?.defaultConfiguration?.level ?? 'warning',
      text: template.replace(/\{(\d+)\}/g, (_m, i: string) => x.message.arguments?.[Number(i)] ?? ''),
    });
  }
  return out;
}

const errorsOf = (ps: Problem[]) => ps.filter((p) => p.level === 'error');
const parse = (text: string) => JSON.parse(text) as SarifLog;

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ message: { text: string } }> }>;
    properties?: Record<string, unknown>;
  }>;
}

/** 25,010 findings: 9 infos at the start and 1 at the end (the 10 to cut), errors and warnings between. */
function oversized(): LintResult {
  const n = MAX_RESULTS + 10;
  const isInfo = (i: number) => i < 9 || i === n - 1;
  return result(
    Array.from({ length: n }, (_, i) =>
      finding({
        file: `claims/f${String(Math.floor(i / 1000)).padStart(3, '0')}.yaml`,
        line: (i % 1000) + 1,
        endLine: (i % 1000) + 1,
        severity: isInfo(i) ? 'info' : i % 2 ? 'warning' : 'error',
        rule: isInfo(i) ? 'refs/unused' : 'conflict/value',
      }),
    ),
  );
}

const out = { synthetic: '', bundled: '', oversized: '', e2e: '' };
let bundledResult: LintResult;
let e2eCode: number | null = null;
let e2eStderr = '';
let problems: Record<string, Problem[]> = {};

beforeAll(async () => {
  out.synthetic = sarif({ ...mixedResult(), notes: ['12 findings recorded in the baseline are not shown.'] }, CTX);
  bundledResult = await lint({ cwd: ROOT });
  out.bundled = sarif(bundledResult, CTX);
  out.oversized = sarif(oversized(), CTX);
  const run = claimlint(['--format', 'sarif'], { cwd: e2eProject() });
  out.e2e = run.stdout;
  e2eCode = run.code;
  e2eStderr = run.stderr;
  // A copy with a result whose message is a bare string, to show the validator catches errors.
  const broken = JSON.parse(out.synthetic) as SarifLog;
  broken.runs[0]!.results[0]!['message'] = 'not an object';
  // The oversized run is checked structurally only: validating 25,000 results takes the validator a minute.
  problems = validate({ synthetic: out.synthetic, bundled: out.bundled, e2e: out.e2e, broken: JSON.stringify(broken) });
}, 120_000);

describe('sarif', () => {
  it('describes every rule and every finding, with related locations and line-free fingerprints', () => {
    const r = mixedResult();
    const text = out.synthetic;
    expect(text).toBe(sarif({ ...r, notes: ['12 findings recorded in the baseline are not shown.'] }, CTX));
    const log = parse(text);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'claimlint', version: '9.9.9' });
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(['conflict/value', 'evidence/none', 'refs/unused', 'refs/duplicate']);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'conflict/value',
      shortDescription: { text: 'Two claims whose values are incompatible.' },
      fullDescription: { text: 'Two claims whose values are incompatible. Standard: GRADE inconsistency.' },
      helpUri: docsUrl('docs/rules/conflict/value.md'),
      help: {
        text: `Two claims whose values are incompatible. Documentation: ${docsUrl('docs/rules/conflict/value.md')}`,
        markdown: `Two claims whose values are incompatible. [Documentation](${docsUrl('docs/rules/conflict/value.md')})`,
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['claimlint', 'conflict', 'value-conflict'], standard: 'GRADE inconsistency' },
    });
    expect(run.tool.driver.rules[2]!['defaultConfiguration']).toEqual({ level: 'note' });
    // a rule turned off: its default level, disabled
    expect(run.tool.driver.rules[3]!['defaultConfiguration']).toEqual({ level: 'warning', enabled: false });
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///virtual/project/');
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { descriptor: { id: 'claimlint/note' }, level: 'note', message: { text: '12 findings recorded in the baseline are not shown.' } },
        ],
      },
    ]);
    expect(run.results.map((x) => [x['ruleId'], x['ruleIndex'], x['level']])).toEqual([
      ['refs/unused', 2, 'note'],
      ['evidence/none', 1, 'warning'],
      ['conflict/value', 0, 'error'],
      ['conflict/value', 0, 'error'],
    ]);
    const conflict = run.results[2]!;
    expect(conflict).toEqual({
      ruleId: 'conflict/value',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin' },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'claims/b.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 12, endLine: 12, endColumn: 70 } } },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: { artifactLocation: { uri: 'claims/a.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 48, startColumn: 11, endLine: 48, endColumn: 60 } },
          message: { text: 'Claim early/origin: Around since the 1950s' },
        },
      ],
      partialFingerprints: { 'claimlint/v1': r.findings[2]!.fingerprint },
      properties: { claim: 'guide/origin' },
    });
    // the hostile finding: path percent-encoded, message kept as data
    const hostile = run.results[3]!;
    expect(hostile['locations'][0].physicalLocation.artifactLocation.uri).toBe('claims/we%7Crd%2C%20na%3Ame%250A.yaml');
    expect(hostile['message'].text).toBe(sarifText(HOSTILE));
    expect(hostile['message'].text).toContain('\\[x\\](1)');
    expect(hostile['properties']).toEqual({ claim: 'x:y,z/%0D' });
    // safe to embed in HTML: no raw < > &
    expect(text).not.toMatch(/[<>&]/);
    expect(text).toContain('\\u003cimg src=x onerror=alert(1)\\u003e \\u003c/script\\u003e');
  });

  it('fingerprints do not change when lines move', () => {
    const a = parse(sarif(result([finding({ related: [related()] })]), CTX)).runs[0]!.results[0]!;
    const b = parse(sarif(result([finding({ line: 40, endLine: 40, related: [related({ line: 90, endLine: 90 })] })]), CTX)).runs[0]!.results[0]!;
    expect(a['partialFingerprints']).toEqual(b['partialFingerprints']);
    expect(a['locations']).not.toEqual(b['locations']);
  });

  it('escapes only brackets that would read as embedded links', () => {
    expect(sarifText('see [here](1) and [this]')).toBe('see \\[here\\](1) and [this]');
    expect(pathToUri('claims/a b#c?.yaml')).toBe('claims/a%20b%23c%3F.yaml');
  });

  it('passes the SARIF Multitool validator (schema, SARIF and GitHub rules): synthetic result with related locations', () => {
    expect(parse(out.synthetic).runs[0]!.results.filter((x) => x['relatedLocations']).length).toBe(2);
    expect(errorsOf(problems['synthetic']!)).toEqual([]);
    // nor any warning or note
    expect(problems['synthetic']).toEqual([]);
  });

  it('passes the validator for the bundled register', () => {
    const log = parse(out.bundled);
    expect(log.runs[0]!.results).toHaveLength(bundledResult.findings.length);
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(bundledResult.rules.length);
    for (const rule of log.runs[0]!.tool.driver.rules) expect(rule['helpUri']).toMatch(/^https:\/\/.+\/docs\/rules\/.+\.md$/);
    expect(errorsOf(problems['bundled']!)).toEqual([]);
  });

  it('keeps the 25,000 worst results of a larger run and says how many were left out', () => {
    const run = parse(out.oversized).runs[0]!;
    expect(run.results).toHaveLength(MAX_RESULTS);
    expect(run.results.some((x) => x['level'] === 'note')).toBe(false);
    expect(run.properties).toEqual({ omittedResults: 10, totalResults: MAX_RESULTS + 10 });
    expect(run.invocations[0]!.toolExecutionNotifications![0]!.message.text).toBe(
      '10 findings left out: GitHub accepts at most 25,000 results per run, so the 25,000 most severe of 25,010 are reported.',
    );
    // still in the stable file/line order
    expect(run.results[0]!['locations'][0].physicalLocation.region.startLine).toBe(10);
    // otherwise the same as a small run
    expect(Object.keys(run).sort()).toEqual([...Object.keys(parse(out.synthetic).runs[0]!), 'properties'].sort());
  });

  it('end to end: claimlint --format sarif', () => {
    expect(e2eStderr).toBe('');
    expect(e2eCode).toBe(1);
    const log = parse(out.e2e);
    const conflict = log.runs[0]!.results.find((x) => x['ruleId'] === 'conflict/value')!;
    expect(conflict['locations'][0].physicalLocation.artifactLocation.uri).toBe('claims/guide.yaml');
    expect(conflict['relatedLocations'][0].message.text).toMatch(/^Claim early\/origin: While Ketamine has been around since the 1950's <img/);
    expect(out.e2e).not.toMatch(/[<>]/);
    expect(errorsOf(problems['e2e']!)).toEqual([]);
  });

  it('the validator does catch errors (so a pass means something), and reports nothing outside the files', () => {
    expect(errorsOf(problems['broken']!).map((p) => p.ruleId)).toContain('JSON1001');
    expect(problems['(run)'] ?? []).toEqual([]);
  });
});

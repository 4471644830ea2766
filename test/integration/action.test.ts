/**
 * The composite action and the example workflow: validated with
 * @action-validator/cli, and the action's lint step executed as the runner
 * would (bash, with the inputs as environment variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files) in a temporary git repository.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { project } from '../helpers/cli.js';
import { yaml } from '../helpers/rule-tester.js';
import { git } from '../helpers/git.js';

const root = join(import.meta.dirname, '..', '..');
const validator = join(root, 'node_modules', '.bin', 'action-validator');

function validate(file: string) {
  return spawnSync(validator, [file], { encoding: 'utf8' });
}

describe('action-validator', () => {
  it.each(['action.yml', '.github/workflows/claims.yml', '.github/workflows/ci.yml'])('%s is valid', (file) => {
    const r = validate(join(root, file));
    expect(r.stdout + r.stderr).not.toMatch(/"errors"/);
    expect(r.status).toBe(0);
  });

  it('rejects a broken action (so the check above can fail)', () => {
    const dir = project({ 'action.yml': readFileSync(join(root, 'action.yml'), 'utf8').replace('using: composite', 'using: composit') });
    expect(validate(join(dir, 'action.yml')).status).not.toBe(0);
  });
});

interface ActionStep {
  id?: string;
  run: string;
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { runs: { steps: ActionStep[] } };
const lintStep = action.runs.steps.find((s) => s.id === 'lint')!;

const claim = (id: string, decade: number) => `
  - id: ${id}
    text: "Ketamine dates from the ${decade}s."
    subject: ketamine
    aspect: history
    property: origin
    value: { decade: ${decade} }
    evidence:
      - cites: ["1"]
`;
const file = (id: string, decade: number) => yaml`
  source:
    id: ${id}
    title: Source ${id}
    kind: blog
    authors: [A Writer]
    published: 2024-01-01
    url: https://example.org/${id}
    references:
      - id: "1"
        authors: [Smith J]
        title: A history of anaesthetic agents in practice
        year: 2020
        url: https://example.org/${id}/history
  claims:
${claim('origin', decade)}`;


/** Run the action's lint step as the runner does; returns exit code, stdout, outputs and summary. */
function runLintStep(cwd: string, inputs: Record<string, string>) {
  const outputs = join(cwd, 'github-output.txt');
  const summary = join(cwd, 'step-summary.md');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  const r = spawnSync('bash', ['-e', '-c', lintStep.run], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      GITHUB_ACTION_PATH: root,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: summary,
      CLAIMLINT_PATHS: '',
      CLAIMLINT_CONFIG: '',
      CLAIMLINT_FAIL_LEVEL: 'error',
      CLAIMLINT_CHANGED_ONLY: 'true',
      CLAIMLINT_SARIF: 'claimlint.sarif',
      CLAIMLINT_BASE_SHA: '',
      ...inputs,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readFileSync(outputs, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

describe("the action's lint step", () => {
  // A repository whose base commit already holds one conflict; the pull request adds another.
  const cwd = project({ 'claims/a.yaml': file('a', 1950), 'claims/b.yaml': file('b', 1960) });
  git(cwd, 'init', '-q', '-b', 'main');
  git(cwd, 'add', 'claims');
  git(cwd, 'commit', '-q', '-m', 'base');
  const base = git(cwd, 'rev-parse', 'HEAD').trim();
  copyFileSync(join(cwd, 'claims/b.yaml'), join(cwd, 'claims/c.yaml'));
  writeFileSync(join(cwd, 'claims/c.yaml'), file('c', 1970));

  it('annotates and fails on the new conflict only, writes SARIF and the outputs', () => {
    const r = runLintStep(cwd, { CLAIMLINT_BASE_SHA: base });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.every((l) => l.includes('file=claims/c.yaml'))).toBe(true);
    expect(annotations[0]).toMatch(/^::error title=[^,]+,file=claims\/c\.yaml,line=\d+,/);
    expect(r.outputs).toContain('sarif-file=claimlint.sarif\n');
    expect(r.outputs).toContain('exit-code=1\n');
    const sarif = JSON.parse(readFileSync(join(cwd, 'claimlint.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(r.summary).toMatch(/claimlint/);
  });

  it('puts a conflict that the pull request creates on the changed file, even when the other file comes later', () => {
    // The pull request edits the older file a.yaml (which sorts first) to add a claim contradicting b.yaml.
    const pr = project({ 'claims/a.yaml': file('a', 1950), 'claims/b.yaml': file('b', 1950) });
    git(pr, 'init', '-q', '-b', 'main');
    git(pr, 'add', 'claims');
    git(pr, 'commit', '-q', '-m', 'base');
    const prBase = git(pr, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(pr, 'claims/a.yaml'), readFileSync(join(pr, 'claims/a.yaml'), 'utf8').replace('decade: 1950', 'decade: 1970'));
    const r = runLintStep(pr, { CLAIMLINT_BASE_SHA: prBase });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error title=[^,]+,file=claims\/a\.yaml,line=\d+,.*::Conflicting origin for ketamine: the 1970s here, the 1950s in b\/origin/);
    // The SARIF run of the same step puts it on the changed file too.
    const sarif = JSON.parse(readFileSync(join(pr, 'claimlint.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['claims/a.yaml']);
    // Without changed-only, the same conflict sits where the rule puts it (the later file), as before.
    const all = runLintStep(pr, { CLAIMLINT_BASE_SHA: prBase, CLAIMLINT_CHANGED_ONLY: 'false' });
    expect(all.stdout).toMatch(/^::error title=[^,]+,file=claims\/b\.yaml,.*the 1950s here, the 1970s in a\/origin/m);
   }, 120_000); // four runs of the CLI

  it('reports every finding when changed-only is off', () => {
    const r = runLintStep(cwd, { CLAIMLINT_BASE_SHA: base, CLAIMLINT_CHANGED_ONLY: 'false' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/file=claims\/b\.yaml/);
  });

  it('never fails with fail-level never, but still annotates', () => {
    const r = runLintStep(cwd, { CLAIMLINT_BASE_SHA: base, CLAIMLINT_FAIL_LEVEL: 'never' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::error /m);
    expect(r.outputs).toContain('exit-code=1\n');
  });

  it('rejects an unknown fail-level with an annotation', () => {
    const r = runLintStep(cwd, { CLAIMLINT_FAIL_LEVEL: 'sometimes' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("::error title=claimlint::fail-level must be error, warning or never, not 'sometimes'");
  });
});

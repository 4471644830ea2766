import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, project } from './helpers/cli.js';
import { yaml } from './helpers/rule-tester.js';

// Two sources (one claim in the same source would be conflict/within-source instead).
const other = yaml`
  source:
    id: a
    title: A
    kind: blog
  claims:
    - id: a
      text: "Ketamine dates from the 1950s."
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: 1950 }
`;
const file = (decade: number) => yaml`
  source:
    id: s
    title: S
    kind: blog
  claims:
    - id: b
      text: "Ketamine dates from the ${decade}s."
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: ${decade} }
`;

it('--watch lints again when a claim file changes, until interrupted', { timeout: 90_000 }, async () => {
  const cwd = project({ 'claims/a.yaml': other, 'claims/s.yaml': file(1950) });
  const child = spawn(process.execPath, [BIN, '--watch', '--format', 'json'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const waitFor = (n: number, after = 0, text = 'watching for changes') =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for run ${n}; stderr: ${stderr}`)), 40_000);
      const check = () => {
        if (stderr.slice(after).split(text).length - 1 >= n) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        check();
      });
      check();
    });
  await waitFor(1);
  expect(stderr).toContain('exit code would be 0');
  writeFileSync(join(cwd, 'claims/s.yaml'), file(1960));
  await waitFor(2);
  expect(stderr).toContain('exit code would be 1');
  expect(stdout).toContain('"conflict/value"');
  // A change to the configuration re-reads it: the rule is now off.
  writeFileSync(join(cwd, 'claimlint.config.yaml'), 'rules:\n  conflict/value: "off"\n');
  // (Saving a file can make more than one event: wait for the run after the configuration changed.)
  await waitFor(1, stderr.length, 'exit code would be 0');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
});

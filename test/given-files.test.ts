/**
 * A run given files (a pre-commit hook) reports exactly the findings of a
 * full run that those files touch: located in one of them, or naming one of
 * their claims or references. The checks skip work whose findings would be
 * out of scope (groups without a given claim, conflict findings naming no
 * given claim); this proves the skipping changes nothing, file by file.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run/linter.js';
import { generateRegister } from '../scripts/generate-register.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('a run given files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimlint-given-'));
    generateRegister(dir, { claims: 800, files: 16, seed: 5 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports what a full run reports in or about those files, for every file of a generated register', async () => {
    const full = await lint({ cwd: dir, now: NOW });
    const files = readdirSync(join(dir, 'claims')).filter((n) => n.endsWith('.yaml')).sort().map((n) => `claims/${n}`);
    expect(files.length).toBe(16);
    let conflicts = 0;
    for (const file of files) {
      const given = await lint({ cwd: dir, now: NOW, patterns: [file] });
      const want = full.findings.filter((f) => f.file === file || f.related.some((r) => r.file === file));
      expect(given.findings.map((f) => JSON.stringify(f)), file).toEqual(want.map((f) => JSON.stringify(f)));
      conflicts += want.filter((f) => f.rule.startsWith('conflict/') && f.file !== file).length;
    }
    // Findings located in other files but naming a given file's claims are among those compared.
    expect(conflicts).toBeGreaterThan(0);
  });

  // The checks that read the citation graph report at the citing claim and name the cited or newer work: a run given
  // that work's file (a guideline just published, say) must report them too, as a full run shows them about it.
  it('reports findings elsewhere that name a given guideline, for the checks that read the citation graph', async () => {
    const reg = mkdtempSync(join(tmpdir(), 'claimlint-given-works-'));
    try {
      mkdirSync(join(reg, 'claims'));
      const claim = (value: string, evidence = '') =>
        `    subject: aspirin\n    aspect: dosing\n    property: primary-prevention-start\n    value: { category: ${value} }\n    context: { population: adults aged 60 or older }\n${evidence}`;
      const guideline = (year: number, value: string, extra = '') =>
        `source:\n  id: uspstf-${year}\n  title: Aspirin for the prevention of cardiovascular disease, ${year}\n  kind: guideline\n  published: ${year}\n  doi: 10.1001/uspstf-${year}\n${extra}claims:\n  - id: start-60\n    text: "Recommendation on starting aspirin at 60 or older"\n${claim(value)}`;
      writeFileSync(join(reg, 'claims/new.yaml'), guideline(2022, 'not-recommended'));
      writeFileSync(join(reg, 'claims/old.yaml'), guideline(2009, 'recommended', '  superseded_by: uspstf-2022\n'));
      writeFileSync(
        join(reg, 'claims/blog.yaml'),
        [
          'source:\n  id: blog\n  title: Aspirin facts\n  kind: blog\n  published: 2023\n  references:',
          '    - { id: "1", title: "USPSTF 2009", doi: 10.1001/uspstf-2009 }',
          '    - { id: "2", title: "USPSTF 2022", doi: 10.1001/uspstf-2022 }',
          '    - { id: "3", title: "USPSTF aspirin recommendation", year: 2009, design: guideline }',
          'claims:',
          '  - id: cites-new\n    text: "Start aspirin at 60"',
          claim('recommended', '    evidence:\n      - cites: ["2"]'),
          '  - id: cites-old\n    text: "The 2009 advice on aspirin"',
          claim('recommended', '    evidence:\n      - cites: ["1"]'),
          '  - id: old-guidance\n    text: "Adults aged 60 or older should start a daily low-dose aspirin"',
          claim('recommended', '    evidence:\n      - cites: ["3"]'),
        ].join('\n'),
      );
      const full = await lint({ cwd: reg, now: NOW });
      const given = await lint({ cwd: reg, now: NOW, patterns: ['claims/new.yaml'] });
      const want = full.findings.filter((f) => f.file === 'claims/new.yaml' || f.related.some((r) => r.file === 'claims/new.yaml'));
      expect(given.findings.map((f) => JSON.stringify(f))).toEqual(want.map((f) => JSON.stringify(f)));
      // Located in blog.yaml, naming the guideline of new.yaml: misrepresenting it, resting on the work it supersedes, and
      // resting on older guidance it contradicts.
      // (cites-old twice: at its citation of the superseded work, and at its value the newer guideline contradicts).
      expect(given.findings.filter((f) => f.file === 'claims/blog.yaml').map((f) => `${f.rule} ${f.claim} ${f.line}`)).toEqual([
        'evidence/misrepresents-cited blog/cites-new 16',
        'currency/superseded blog/cites-old 25',
        'currency/superseded blog/cites-old 28',
        'currency/superseded blog/old-guidance 34',
      ]);
    } finally {
      rmSync(reg, { recursive: true, force: true });
    }
  });
});

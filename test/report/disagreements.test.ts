/**
 * The aggregate view of disagreement (issue 13 point 6): `disagreements` in
 * the lint result and in `--format json`, one entry per subject, property
 * and kind of disagreement, the prevailing cluster first.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '../../src/engine/run/linter.js';
import { lint } from '../../src/engine/run/linter.js';

const root = join(import.meta.dirname, '..', '..');

const file = (id: string, kind: string, claims: string) =>
  `source:\n  id: ${id}\n  title: ${id}\n  kind: ${kind}\n  published: 2020\nclaims:\n${claims}`;
const claim = (id: string, value: string, extra = '') =>
  `  - id: ${id}\n    text: "${id}"\n    subject: aspirin\n    aspect: history\n    property: first-synthesis\n    value: ${value}\n${extra}`;

describe('disagreements', () => {
  it('groups the register’s claims into clusters, the one with most sources first', async () => {
    const result = await lintTexts(
      [
        { path: 'claims/a.yaml', text: file('a', 'textbook', claim('year', '{year: 1897}')) },
        { path: 'claims/b.yaml', text: file('b', 'news', claim('year', '{year: 1897}')) },
        { path: 'claims/c.yaml', text: file('c', 'blog', claim('year', '{year: 1853}')) },
      ],
      { cwd: root },
    );
    expect(result.disagreements).toEqual([
      {
        subject: 'aspirin',
        property: 'first-synthesis',
        dimension: 'value',
        clusters: [
          { prevailing: true, value: '1897', sources: ['a', 'b'], claims: ['a/year', 'b/year'], bestLevel: null },
          { prevailing: false, value: '1853', sources: ['c'], claims: ['c/year'], bestLevel: null },
        ],
      },
    ]);
  });

  it('leaves out groups whose claims agree, and claims of one source', async () => {
    const result = await lintTexts(
      [
        { path: 'claims/a.yaml', text: file('a', 'textbook', claim('year', '{year: 1897}') + claim('other', '{year: 1853}')) },
        { path: 'claims/b.yaml', text: file('b', 'news', claim('year', '{year: 1897}')) },
      ],
      { cwd: root },
    );
    // a/other disagrees with b/year (another source), so the group is listed; a/year agrees with b/year.
    expect(result.disagreements?.map((d) => d.clusters.map((c) => c.claims))).toEqual([[['a/year', 'b/year'], ['a/other']]]);
    const agreeing = await lintTexts(
      [
        { path: 'claims/a.yaml', text: file('a', 'textbook', claim('year', '{year: 1897}')) },
        { path: 'claims/b.yaml', text: file('b', 'news', claim('year', '{decade: 1890}')) },
      ],
      { cwd: root },
    );
    expect(agreeing.disagreements).toEqual([]);
  });

  it('gives the bundled register’s disagreements: the origin decade, the migraine trials, esketamine', async () => {
    const result = await lint({ cwd: root });
    const seen = (result.disagreements ?? []).map((d) => `${d.subject}/${d.property}/${d.dimension}: ${d.clusters.map((c) => `${c.prevailing ? '*' : ''}${c.value}`).join(' | ')}`);
    expect(seen).toEqual([
      'ketamine/origin/value: *the 1950s | the 1960s',
      'ketamine/migraine/direction: *benefit | no-benefit',
      'esketamine/relation-to-ketamine/value: *"isomer" | "derivative"',
    ]);
  });
});

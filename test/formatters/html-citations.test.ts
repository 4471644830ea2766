/**
 * The HTML report's "Citations" view and the clusters of "Where sources
 * disagree", as data: what the page receives (deflated JSON), checked
 * against the JSON report's `citations` and `disagreements`. The rendering
 * is tested in Chromium (test/browser/report.test.ts).
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lintTexts, type LintOptions, type LintResult } from '../../src/engine/run/linter.js';
import htmlFormatter, { type CompactFinding, type Disagreement, type PageCitedSource } from '../../src/formatters/html.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import { TRIAL_DOI, trialFile } from '../helpers/citations.js';
import { yaml } from '../helpers/rule-tester.js';
import { outputText } from '../../src/formatters/sink.js';

/** The page as one string (the formatter yields it in pieces). */
const html = (...args: Parameters<typeof htmlFormatter>): string => outputText(htmlFormatter(...args));

const CTX: FormatterContext = { color: false, tool: { name: 'claimlint', version: '9.9.9' } };
const IMG = '<img src=x onerror=alert(1)>';
const DOI = TRIAL_DOI;

/** A blog citing a trial of the register by DOI, with a different effect size (76% against 44%), and a claim the trial says nothing on. */
const FILES = [
  {
    path: 'claims/blog.yaml',
    text: yaml`
      source:
        id: wonder-drug-blog
        title: "Aspirin, the wonder drug ${IMG}"
        kind: blog
        published: 2024
        references:
          - id: "1"
            doi: ${DOI}
      claims:
        - id: heart-attacks
          text: "The Physicians' Health Study cut heart attacks by 76% ${IMG}"
          subject: aspirin
          aspect: efficacy
          property: myocardial-infarction
          value: { effect: benefit, size: { number: 76, unit: "%" } }
          evidence:
            - cites: ["1"]
        - id: stroke
          text: "It cut strokes too"
          subject: aspirin
          aspect: efficacy
          property: stroke
          value: { effect: benefit }
          evidence:
            - cites: ["1"]
    `,
  },
  { path: 'claims/hennekens-1989.yaml', text: trialFile({ titleSuffix: IMG }) },
];

interface PageData {
  files: string[];
  ruleIds: string[];
  sourceIds: string[];
  findings: CompactFinding[];
  sources: Record<string, { title: string }>;
  disagreements: Disagreement[];
  cited: PageCitedSource[];
}

function pageData(result: LintResult): { page: string; data: PageData } {
  const page = html(result, CTX);
  // The findings' block and the details' block (claims, disagreements, citations), merged.
  const [core, details] = ['claimlint-data', 'claimlint-details'].map((id) => {
    const m = new RegExp(`<script type="application/octet-stream" id="${id}" data-encoding="deflate-raw\\+base64">([\\s\\S]*?)</script>`).exec(page);
    expect(m, id).not.toBeNull();
    return JSON.parse(inflateRawSync(Buffer.from(m![1]!, 'base64')).toString('utf8')) as Record<string, unknown>;
  });
  return { page, data: { ...core, ...details } as unknown as PageData };
}

const lintFiles = (opts: LintOptions = {}) => lintTexts(FILES, { cwd: '/virtual', now: new Date('2026-11-23'), ...opts });

describe('html formatter: citations within the register', () => {
  it('lists each cited source with who cites it, each citing claim with its verdict, values and finding', async () => {
    const result = await lintFiles();
    const { data } = pageData(result);
    expect(data.cited).toHaveLength(1);
    const cited = data.cited[0]!;
    expect(data.sourceIds[cited.source]).toBe('hennekens-1989');
    expect(data.files[cited.file]).toBe('claims/hennekens-1989.yaml');
    expect(cited.disagreeing).toBe(1);
    expect(cited.citations).toHaveLength(1);
    const citation = cited.citations[0]!;
    expect(data.sourceIds[citation.from]).toBe('wonder-drug-blog');
    expect(data.files[citation.file]).toBe('claims/blog.yaml');
    expect(citation).toMatchObject({ ref: '1', matchedBy: 'doi' });
    // The disagreeing claim, its value and the cited work's, and the index of its finding.
    const [mi, stroke] = citation.claims;
    expect(mi!.slice(0, 4)).toEqual(['wonder-drug-blog/heart-attacks', 1, '76% (benefit)', [['hennekens-1989/mi', '44% (benefit)']]]);
    const finding = data.findings[mi![4]]!;
    expect(data.ruleIds[finding[1]]).toBe('evidence/misrepresents-cited');
    expect(finding[6]).toBe('wonder-drug-blog/heart-attacks');
    expect(finding[0], 'an error').toBe(0);
    // The claim the cited work says nothing on: silent, with its info finding.
    expect(stroke!.slice(0, 4)).toEqual(['wonder-drug-blog/stroke', 2, 'benefit', []]);
    expect(data.ruleIds[data.findings[stroke![4]]![1]]).toBe('evidence/misrepresents-cited');
    expect(data.findings[stroke![4]]![0], 'an info').toBe(2);
    // The same graph as the JSON report's `citations`.
    expect(result.citations).toEqual([
      expect.objectContaining({ from: 'wonder-drug-blog', to: 'hennekens-1989', reference: '1', matchedBy: 'doi' }),
    ]);
  });

  it('gives a citing claim no finding link when its rule is off', async () => {
    const { data } = pageData(await lintFiles({ ruleSeverities: { 'evidence/misrepresents-cited': 'off' } }));
    expect(data.cited[0]!.citations[0]!.claims.map((c) => [c[1], c[4]])).toEqual([[1, -1], [2, -1]]);
  });

  it('puts disagreeing citations first, and cited sources with disagreements first', async () => {
    const extra = {
      path: 'claims/other.yaml',
      text: yaml`
        source:
          id: other-trial
          title: Another trial of aspirin and stroke
          kind: rct
          published: 1990
          doi: 10.1000/other
        claims:
          - id: stroke
            text: Aspirin reduced strokes
            subject: aspirin
            aspect: efficacy
            property: stroke
            value: { effect: benefit }
      `,
    };
    const blog2 = {
      path: 'claims/blog2.yaml',
      text: yaml`
        source:
          id: second-blog
          title: A second blog
          kind: blog
          published: 2024
          references:
            - { id: "a", doi: 10.1000/other }
            - { id: "b", doi: ${DOI} }
        claims:
          - id: stroke
            text: Aspirin reduces strokes
            subject: aspirin
            aspect: efficacy
            property: stroke
            value: { effect: benefit }
            evidence:
              - cites: ["a"]
          - id: mi
            text: Aspirin cut heart attacks by 44%
            subject: aspirin
            aspect: efficacy
            property: myocardial-infarction
            value: { effect: benefit, size: { number: 44, unit: "%" } }
            evidence:
              - cites: ["b"]
      `,
    };
    const result = await lintTexts([blog2, ...FILES, extra], { cwd: '/virtual', now: new Date('2026-11-23') });
    const { data } = pageData(result);
    expect(data.cited.map((c) => data.sourceIds[c.source])).toEqual(['hennekens-1989', 'other-trial']);
    const hennekens = data.cited[0]!;
    // The blog's disagreeing citation before the second blog's agreeing one, though the second blog comes first in the register.
    expect(hennekens.citations.map((c) => data.sourceIds[c.from])).toEqual(['wonder-drug-blog', 'second-blog']);
    expect(hennekens.citations[1]!.claims.map((c) => [c[0], c[1]])).toEqual([['second-blog/mi', 0]]);
    expect(data.cited[1]!.citations[0]!.claims.map((c) => [c[0], c[1]])).toEqual([['second-blog/stroke', 0]]);
  });
});

describe('html formatter: the clusters of each subject and property', () => {
  it('gives the clusters of the JSON report, the prevailing one marked, with sources, value, count and best level', async () => {
    const result = await lintFiles();
    const { data } = pageData(result);
    const d = data.disagreements.find((x) => x.subject === 'aspirin' && x.property === 'myocardial-infarction')!;
    expect(d).toBeDefined();
    const groups = result.disagreements!.filter((g) => g.subject === 'aspirin' && g.property === 'myocardial-infarction');
    expect(groups.length).toBeGreaterThan(0);
    expect(d.sets.map((s) => s.dimension)).toEqual(groups.map((g) => g.dimension));
    d.sets.forEach((set, i) => {
      expect(set.clusters.filter((c) => c.prevailing)).toHaveLength(1);
      expect(set.clusters.map((c) => ({ prevailing: c.prevailing, value: c.value, sources: c.sources.map((s) => data.sourceIds[s]), claims: c.claims, level: c.level }))).toEqual(
        groups[i]!.clusters.map((c) => ({ prevailing: c.prevailing, value: c.value, sources: c.sources, claims: c.claims.length, level: c.bestLevel })),
      );
    });
    expect(d.sets[0]!.clusters.map((c) => c.value).sort()).toEqual(['44%', '76%']);
    // Each claim row knows its cluster.
    const flat = d.sets.flatMap((s) => s.clusters);
    const clusterOfClaim = Object.fromEntries(d.claims.map((id, i) => [id, flat[d.clusterOf[i]!]!.value]));
    expect(clusterOfClaim).toEqual({ 'hennekens-1989/mi': '44%', 'wonder-drug-blog/heart-attacks': '76%' });
  });

  it('lists disagreeing clusters whose conflict findings are off, with no claim rows', async () => {
    const { data } = pageData(await lintFiles({ ruleSeverities: { 'conflict/magnitude': 'off' } }));
    const d = data.disagreements.find((x) => x.subject === 'aspirin' && x.property === 'myocardial-infarction')!;
    expect(d).toMatchObject({ findings: 0, claims: [], clusterOf: [] });
    expect(d.sets[0]!.clusters).toHaveLength(2);
  });

  it('sends register text only inside the deflated data, never into the markup', async () => {
    const { page, data } = pageData(await lintFiles());
    expect(page).not.toContain(IMG);
    expect(page).not.toContain('Physicians');
    expect(data.sources['hennekens-1989']!.title).toContain(IMG);
  });

  it('works on a result without citations or clusters', async () => {
    const result = await lintFiles();
    const bare: LintResult = { ...result, citations: undefined, disagreements: undefined, claims: result.claims };
    const { data } = pageData(bare);
    expect(data.cited).toEqual([]);
    for (const d of data.disagreements) expect(d.sets).toEqual([]);
  });
});

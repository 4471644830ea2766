/**
 * The HTML report: one self-contained file (nothing loaded from anywhere),
 * with every piece of claim text escaped for where it lands (markup,
 * attributes, the embedded JSON). The browser side is in
 * test/browser/report.test.ts.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lintTexts, type LintResult } from '../../src/engine/run/linter.js';
import { fingerprint } from '../../src/engine/report/fingerprint.js';
import type { Finding } from '../../src/engine/report/finding.js';
import htmlFormatter, { cspFor, escapeHtml, packChunks, scriptJson, type CompactFinding, type CompactRelated, type Disagreement } from '../../src/formatters/html.js';
import { loadFormatter } from '../../src/formatters/index.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import { yaml } from '../helpers/rule-tester.js';
import { outputText } from '../../src/formatters/sink.js';

/** The page as one string (the formatter yields it in pieces). */
const html = (...args: Parameters<typeof htmlFormatter>): string => outputText(htmlFormatter(...args));

const CTX: FormatterContext = { color: false, tool: { name: 'claimlint', version: '9.9.9' } };

const IMG = '<img src=x onerror=alert(1)>';
const BREAKOUT = '</script><script>alert(1)</script>';
const COMMENT = '<!-- <script>alert(2)</script>';

/** Two sources in conflict, with hostile text in claim texts, names, titles, subjects and references. */
const FILES = [
  {
    path: 'claims/early.yaml',
    text: yaml`
      source:
        id: early
        title: "Early ${IMG}"
        kind: blog
        published: 2026-04-29
        references:
          - id: "1"
            title: "History of anaesthesia ${BREAKOUT}"
            url: "javascript:alert(3)"
            year: 2017
            design: systematic-review
      claims:
        - id: origin
          text: "${IMG} has been around since the 1950s"
          subject: ketamine
          aspect: history
          property: origin
          value: { decade: 1950 }
          context:
            population: adults
          evidence:
            - cites: ["1"]
              name: "Hocking ${IMG}"
        - id: uncited
          text: "${BREAKOUT} ${COMMENT} \u2028 line separator"
          subject: "${IMG}"
          aspect: efficacy
          property: pain
          value: { effect: benefit }
    `,
  },
  {
    path: 'claims/guide.yaml',
    text: yaml`
      source:
        id: guide
        title: Guide
        kind: marketing
      claims:
        - id: origin
          text: "${BREAKOUT} developed in the 1960s"
          subject: ketamine
          aspect: history
          property: origin
          value: { decade: 1960 }
          context:
            population: adults
          evidence:
            - kind: testimonial
              quote: "${IMG}"
    `,
  },
];

async function hostileResult(): Promise<LintResult> {
  return lintTexts(FILES, { cwd: '/virtual', now: new Date('2026-11-23') });
}

interface EmbeddedData {
  summary: LintResult['summary'];
  files: string[];
  ruleIds: string[];
  sourceIds: string[];
  findings: CompactFinding[];
  claims: Record<string, { text: string; subject: string; evidence: Array<{ name?: string; quote?: string; references?: Array<{ title?: string; url?: string }> }> }>;
  rules: Record<string, { docs: string | null; summary: string }>;
  disagreements: Disagreement[];
  refs: Array<{ title?: string; url?: string }>;
  tails: string[];
  related: Record<string, CompactRelated[]>;
}

/**
 * The data blocks of a report, each base64 of deflated JSON: the findings
 * (`claimlint-data`, read first) and the details (`claimlint-details`:
 * claims, references, disagreements, citations), merged.
 */
function rawData(page: string): { blocks: string[]; data: EmbeddedData } {
  const blocks = ['claimlint-data', 'claimlint-details'].map((id) => {
    const m = new RegExp(`<script type="application/octet-stream" id="${id}" data-encoding="deflate-raw\\+base64">([\\s\\S]*?)</script>`).exec(page);
    expect(m, `the report embeds its data (${id}) as deflated, base64-encoded JSON`).not.toBeNull();
    return m![1]!;
  });
  const [core, details] = blocks.map((b) => JSON.parse(inflateRawSync(Buffer.from(b, 'base64')).toString('utf8')) as Record<string, unknown>);
  return { blocks, data: { ...core, ...details } as unknown as EmbeddedData };
}

/** The report's data with the compact findings read back into objects (as the page script does). */
function embedded(page: string): Omit<EmbeddedData, 'findings'> & {
  findings: Array<{ rule: string; severity: string; text: string | null; message: string; source: string; related: Array<{ claim: string }> }>;
} {
  const { data } = rawData(page);
  const sev = ['error', 'warning', 'info'];
  // Cited references travel once, by index, as the page script reads them back.
  for (const c of Object.values(data.claims)) {
    for (const e of c.evidence) if (e.references) e.references = (e.references as unknown as number[]).map((i) => data.refs[i]!);
  }
  return {
    ...data,
    findings: data.findings.map((a, i) => ({
      severity: sev[a[0]]!,
      rule: data.ruleIds[a[1]]!,
      // The message up to its last ": ", then the shared rest.
      message: a[10] < 0 ? a[5] : `${a[5]}: ${data.tails[a[10]]!}`,
      text: a[7] ?? (a[6] ? data.claims[a[6]]?.text ?? null : null),
      source: data.sourceIds[a[8]]!,
      related: (data.related[String(i)] ?? []).map((r) => ({ claim: r[1] })),
    })),
  };
}

/** The tags of some markup, with their attributes (names lowercased, values as written). */
function tags(markup: string): Array<{ name: string; attrs: Array<[string, string]> }> {
  const out: Array<{ name: string; attrs: Array<[string, string]> }> = [];
  for (const m of markup.matchAll(/<(!DOCTYPE html|\/?[a-zA-Z][\w-]*)((?:\s+[^\s"'<>\/=]+(?:="[^"<>]*")?)*)\s*\/?>/g)) {
    const attrs = [...m[2]!.matchAll(/([^\s"'<>\/=]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1]!.toLowerCase(), a[2] ?? '']);
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

describe('html formatter', () => {
  it('is registered as --format html', async () => {
    expect(await loadFormatter('html')).toBe(htmlFormatter);
  });

  it('is one self-contained page: no link, no external script, image, font or stylesheet', async () => {
    const page = html(await hostileResult(), CTX);
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const CSP = cspFor(script);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`);
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("img-src data:");
    // Only the page's own script runs: allowed by its hash, never 'unsafe-inline'.
    expect(CSP).toContain(`script-src 'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    expect(CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The CSP comes before anything that could load or run.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style'));
    // Markup and CSS, with the contents of the script elements left out (checked below).
    const markup = page.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(page).not.toMatch(/<img\b/i);
    expect(page).not.toMatch(/<iframe\b|<object\b|<embed\b|<base\b/i);
    expect(css).not.toMatch(/@import|@font-face|url\(/i);
    // Every "<" in the markup starts a tag we can read; no attribute loads anything: no src
    // at all, and every href is an in-page anchor.
    const elements = tags(markup);
    expect(elements.length).toBe((markup.match(/</g) ?? []).length);
    const attrs = elements.flatMap((t) => t.attrs);
    expect(attrs.map(([n]) => n)).not.toEqual(expect.arrayContaining(['src']));
    for (const [name] of attrs) expect(name).not.toMatch(/^(?:src|srcset|srcdoc|poster|action|formaction|background|on\w+)$/);
    const hrefs = attrs.filter(([n]) => n === 'href').map(([, v]) => v);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^#[\w-]+$/);
    for (const [, v] of attrs) expect(v).not.toMatch(/^\s*(?:(?:https?:)?\/\/|javascript:)/i);
    // The page script creates no element that loads: no src attribute, no script, image, link, frame or style sheet.
    expect(script).not.toMatch(/['"](?:src|srcset|srcdoc)['"]|\.src\s*=/);
    expect(script).not.toMatch(/createElement\(\s*['"](?:script|img|link|iframe|object|embed|style|audio|video|source)['"]/);
    expect(script).not.toMatch(/fetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|import\(/);
    // Exactly three script elements: the findings' data, the page script, and the details' data (read once the page is parsed).
    expect(page.match(/<script\b/gi)).toHaveLength(3);
    expect(page.match(/<\/script>/gi)).toHaveLength(3);
    expect(page.match(/<script type="application\/octet-stream"/gi)).toHaveLength(2);
  });

  it('shows hostile claim text only escaped, in the markup and in the embedded JSON', async () => {
    const result = await hostileResult();
    const page = html(result, CTX);
    for (const raw of [IMG, BREAKOUT, COMMENT, '<script>alert', 'onerror=alert(1)>']) expect(page).not.toContain(raw);
    expect(page).not.toContain('<!--');
    expect(page).not.toContain('\u2028');
    expect(page).not.toContain('\u2029');
    // Server-rendered text (the subject in the evidence overview, the source in the legend of bars) is entity-escaped.
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // The data block is base64: no character in it can close the element or open a comment.
    for (const block of rawData(page).blocks) expect(block).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    // ... and still carries the text exactly.
    const data = embedded(page);
    const texts = data.findings.map((f) => f.text);
    expect(texts).toContain(`${IMG} has been around since the 1950s`);
    expect(texts).toContain(`${BREAKOUT} developed in the 1960s`);
    const uncited = data.claims['early/uncited'];
    expect(uncited?.text).toBe(`${BREAKOUT} ${COMMENT} \u2028 line separator`);
    expect(uncited?.subject).toBe(IMG);
    expect(data.claims['early/origin']?.evidence[0]?.name).toBe(`Hocking ${IMG}`);
    expect(data.claims['early/origin']?.evidence[0]?.references?.[0]?.title).toBe(`History of anaesthesia ${BREAKOUT}`);
    expect(data.claims['guide/origin']?.evidence[0]?.quote).toBe(IMG);
  });

  it('embeds the summary, the findings with their source, the rules with docs links, and the claims a conflict needs', async () => {
    const result = await hostileResult();
    const data = embedded(html(result, CTX));
    expect(data.summary).toEqual(result.summary);
    expect(data.findings).toHaveLength(result.findings.length);
    // Messages read back whole from their head and their shared rest (each rest once).
    expect(data.findings.map((f) => f.message).sort()).toEqual(result.findings.map((f) => f.message).sort());
    expect(new Set(data.tails).size).toBe(data.tails.length);
    expect(data.tails.length).toBeLessThan(result.findings.length);
    const conflict = data.findings.find((f) => f.rule === 'conflict/value');
    expect(conflict, 'the two origins conflict').toBeDefined();
    expect(conflict!.source).toBe('guide');
    expect(conflict!.related.map((r) => r.claim)).toEqual(['early/origin']);
    // Both sides of the conflict travel with their evidence.
    expect(Object.keys(data.claims)).toEqual(expect.arrayContaining(['guide/origin', 'early/origin']));
    expect(data.rules['conflict/value']?.docs).toMatch(/^https:\/\/.+\/docs\/rules\/conflict\/value\.md$/);
    expect(data.rules['conflict/value']?.summary).toBeTruthy();
    // The counts at the top are the summary's.
    const page = html(result, CTX);
    for (const key of ['errors', 'warnings', 'infos', 'files', 'sources', 'claims'] as const) {
      expect(page).toContain(`data-summary="${key}">${result.summary[key]}<`);
    }
  });

  it('orders the findings worst first, and lists per subject and property the claims of its conflicts', async () => {
    const result = await hostileResult();
    const data = embedded(html(result, CTX));
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    const ranks = data.findings.map((f) => rank[f.severity]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(data.findings.map((f) => f.severity)).size).toBeGreaterThan(1);
    expect(data.disagreements).toHaveLength(1);
    const [d] = data.disagreements;
    expect(d).toMatchObject({ subject: 'ketamine', property: 'origin' });
    expect([...d!.claims].sort()).toEqual(['early/origin', 'guide/origin']);
    expect(d!.rules.map((i) => data.ruleIds[i])).toContain('conflict/value');
  });

  it('draws the evidence overview per subject as inline SVG with a legend and a table', async () => {
    const page = html(await hostileResult(), CTX);
    expect(page).toMatch(/<svg class="bar" role="img" aria-label="ketamine: 2 claims; Level 1: 1, Not evidence: 1"/);
    expect(page).toContain('Not evidence');
    expect(page).toContain('No evidence');
    expect(page).toContain('<table class="counts">');
  });

  it('counts a subject written with other separators as one, shown by the name of its first claim, and groups its disagreement as the engine does', async () => {
    const file = (id: string, subject: string, effect: string) => ({
      path: `claims/${id}.yaml`,
      text: `source:\n  id: ${id}\n  title: ${id}\n  kind: blog\nclaims:\n  - id: falls\n    text: "Vitamin D and falls"\n    subject: ${subject}\n    aspect: efficacy\n    property: falls\n    value: { effect: ${effect} }\n`,
    });
    const result = await lintTexts([file('a', 'Vitamin D', 'benefit'), file('b', 'vitamin_d', 'no-benefit')], { cwd: '/virtual', now: new Date('2026-11-23') });
    const page = html(result, CTX);
    expect(page).toMatch(/<svg class="bar" role="img" aria-label="vitamin d: 2 claims; No evidence: 2"/);
    expect(page).not.toContain('aria-label="vitamin_d');
    const data = embedded(page);
    expect(data.disagreements).toHaveLength(1);
    expect([...data.disagreements[0]!.claims].sort()).toEqual(['a/falls', 'b/falls']);
  });

  it('packs its data in segments that together are one raw deflate stream and one base64 text', () => {
    const value = { findings: Array.from({ length: 12000 }, (_, i) => [i, `claim ${i} \u2013 \u201ctext\u201d`, null, { n: i % 7 }]) };
    const pieces = [...packChunks(value, 4096)];
    expect(pieces.length).toBeGreaterThan(3);
    // Every piece but the last is whole base64 quads: no padding in the middle.
    for (const p of pieces.slice(0, -1)) expect(p.length % 4).toBe(0);
    const text = pieces.join('');
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(inflateRawSync(Buffer.from(text, 'base64')).toString('utf8'))).toEqual(value);
    expect(JSON.parse(inflateRawSync(Buffer.from([...packChunks([])].join(''), 'base64')).toString('utf8'))).toEqual([]);
  });

  it('escapes text for markup and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
    const tricky = { t: '</script><!-- \u2028\u2029 & >' };
    const s = scriptJson(tricky);
    expect(s).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(s)).toEqual(tricky);
  });

  it('works on a result made without claim summaries, and is deterministic', async () => {
    const base = {
      rule: 'evidence/none',
      severity: 'warning' as const,
      message: `No evidence ${IMG}`,
      file: 'claims/a.yaml',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      claim: 'a/x',
      text: BREAKOUT,
      related: [],
    };
    const f: Finding = { ...base, fingerprint: fingerprint(base) };
    const { claims: _claims, ...linted } = await hostileResult();
    const result: LintResult = {
      ...linted,
      findings: [f],
      summary: { files: 1, sources: 1, claims: 1, errors: 0, warnings: 1, infos: 0 },
      rules: [],
    };
    const page = html(result, CTX);
    expect(page).not.toContain(IMG);
    expect(page).not.toContain(BREAKOUT);
    expect(page).toContain('No claim details in this result');
    expect(embedded(page).findings[0]?.source).toBe('a');
    expect(html(result, CTX)).toBe(page);
  });

  it('reads claim summaries one at a time (claimSummaries), the same as the claims record holds them, and writes the same page', async () => {
    const result = await hostileResult();
    const lazy = result.claimSummaries!;
    expect(Object.keys(result)).not.toContain('claimSummaries');
    expect([...lazy.all()].map((c) => c.id)).toEqual(Object.keys(result.claims!));
    for (const [id, c] of Object.entries(result.claims!)) {
      expect(lazy.get(id)).toEqual(c);
      // A brief holds the summary's own values for its fields.
      const brief = lazy.brief(id)!;
      expect(Object.fromEntries(Object.keys(brief).map((k) => [k, c[k as keyof typeof c]]))).toEqual(brief);
    }
    expect([...lazy.briefs()].map((b) => b.id)).toEqual(Object.keys(result.claims!));
    expect(lazy.get('no-such/claim')).toBeUndefined();
    // The page made from the summaries one at a time equals the page made from the whole record.
    const fresh = await hostileResult();
    const fromRecord = html(Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(fresh), claimSummaries: { value: undefined } }) as LintResult, CTX);
    expect(html(await hostileResult(), CTX)).toBe(fromRecord);
  });

  it('keeps its own page script free of anything that would end the script element', async () => {
    const page = html(await hostileResult(), CTX);
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(script).not.toMatch(/<\/script|<!--/i);
    // The list is built with DOM calls, never by parsing strings as HTML.
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});

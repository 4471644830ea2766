/**
 * The editors' report: ONE self-contained HTML file (inline CSS, inline JS,
 * inline SVG; no fonts, no images, no network) that a content editor opens
 * in a browser. Counts at the top, an overview of the evidence behind each
 * subject's claims by CEBM level, and the findings, filterable by severity,
 * rule and source, with each conflict shown as its claims side by side.
 *
 * Bounded: the findings, claims and disagreements travel as compact JSON
 * (findings as arrays, files and rules by index), deflated and base64
 * encoded in a `<script type="application/octet-stream">` block; the page
 * inflates it with the browser's DecompressionStream and renders only what
 * is on screen, a page at a time (findings by severity, grouped by file,
 * claim or rule on request; infos collapsed until opened).
 *
 * Claim text is untrusted. Everything written into the markup goes through
 * escapeHtml; base64 holds no markup at all; the page script builds the
 * list with textContent only. A Content-Security-Policy forbids every load
 * and lets only the page's own script run, by its SHA-256 hash.
 */
import { createHash } from 'node:crypto';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { EVIDENCE_BANDS, type ClaimSummary, type EvidenceBand } from '../engine/register/claim-summary.js';
import { nameKey, normalizeTerm } from '../engine/register/vocabulary.js';
import type { CitationData, CitationVerdict, MatchedBy } from '../engine/register/citations.js';
import type { Finding } from '../engine/report/finding.js';
import type { DisagreementGroup } from '../engine/report/disagreements.js';
import type { EvidenceLevel } from '../model.js';
import { summariesOf, type ClaimSummaries, type LintResult } from '../engine/run/linter.js';
import { docsUrl } from '../paths.js';
import { jsonChunks, MappedArray, MappedRecord } from './json-stream.js';
import { bytesOf } from './sink.js';
import type { FormatterContext, StreamingFormatter } from './types.js';

/** Escape text for HTML content and for quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON that is safe inside a `<script>` element: no `<`, `>`, `&` or JS line terminators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The SHA-256 of the page script, as CSP writes it: only that script may run. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** The page's Content-Security-Policy: nothing loads, and only its own script (by hash) runs. */
export function cspFor(script: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptHash(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** Deflate (raw) and base64: the form the page's data travels in. */
export function packData(value: unknown): string {
  return [...packChunks(value)].join('');
}

/** About how much JSON (bytes) is deflated at a time. */
const PACK_SEGMENT = 1 << 20;

/**
 * `packData` in pieces, never holding the JSON text whole (at 300,000 claims
 * it would be hundreds of megabytes): the JSON is made in chunks, deflated a
 * segment at a time, each segment ended with a sync flush (byte-aligned, not
 * final) and the last with the final block, so the segments together are one
 * raw deflate stream; base64 is written in multiples of three bytes, the
 * rest carried to the next segment, so the pieces together are one base64
 * text.
 */
export function* packChunks(value: unknown, segment = PACK_SEGMENT): Generator<string> {
  let carry: Buffer = Buffer.alloc(0);
  const encode = (deflated: Buffer, last: boolean): string => {
    const bytes = carry.length ? Buffer.concat([carry, deflated]) : deflated;
    const whole = last ? bytes.length : bytes.length - (bytes.length % 3);
    carry = bytes.subarray(whole);
    return bytes.toString('base64', 0, whole);
  };
  // The JSON comes in small pieces; `bytesOf` gathers them, encoded, into segments.
  const segments = bytesOf(jsonChunks(value, 3, { compact: true }), segment)[Symbol.iterator]();
  let next = segments.next();
  while (!next.done) {
    const bytes = next.value;
    next = segments.next();
    if (next.done) {
      yield encode(deflateRawSync(bytes, { level: 6 }), true);
      return;
    }
    const out = encode(deflateRawSync(bytes, { level: 6, finishFlush: zlibConstants.Z_SYNC_FLUSH }), false);
    if (out) yield out;
  }
  yield encode(deflateRawSync(Buffer.alloc(0), { level: 6 }), true);
}

/**
 * A claim as the page needs it: no raw context (its facets are there), no
 * source title or kind (the sources table has them), the subject key only
 * when it differs from the subject, and cited references by index into a
 * shared table (a reference cited by many claims travels once).
 */
/** What the report keeps of a claim it shows while it builds the page (its summary is made again to be written). */
type ShownClaim = Pick<ClaimSummary, 'source' | 'subject' | 'subjectKey' | 'property'>;

function pageClaims(shown: ReadonlyMap<string, ShownClaim>, all: ClaimSummaries): { claims: MappedRecord; refs: MappedArray<unknown> } {
  const refs: unknown[] = [];
  const refIndex = new Map<string, number>();
  const pageClaim = (c: ClaimSummary) => {
    const { context: _context, sourceTitle: _title, sourceKind: _kind, subjectKey, evidence, ...rest } = c;
    return {
      ...rest,
      ...(subjectKey !== c.subject ? { subjectKey } : {}),
      evidence: evidence.map((e) => {
        if (!e.references) return e;
        return {
          ...e,
          references: e.references.map((r) => {
            const key = `${c.source}\u0000${JSON.stringify(r)}`;
            let i = refIndex.get(key);
            if (i === undefined) {
              i = refs.length;
              refs.push(r);
              refIndex.set(key, i);
            }
            return i;
          }),
        };
      }),
    };
  };
  // Each claim is put in the page's form as it is written (not all at once), and the reference table fills as
  // they are: it is written after them.
  return { claims: new MappedRecord([...shown.keys()], (id) => pageClaim(all.get(id)!)), refs: new MappedArray(refs, (r) => r) };
}

const SEVERITY_INDEX = { error: 0, warning: 1, info: 2 } as const;
const RELATED_KINDS = ['claim', 'reference', 'source', 'document'] as const;

/**
 * The findings in compact form, one array each:
 * `[severity (0 error, 1 warning, 2 info), rule index, file index, line,
 * column, message up to its last ": " (all of it when it has none), claim id
 * or null, claim text (null when the claim table has it), source index,
 * number of related claims, index of the rest of the message after ": " in
 * `tails` or -1]`. The rest of a message (the advice: "cite the study it
 * comes from, or remove the figure") is shared by many findings and travels
 * once. The related entries travel with the details (`related`, by finding
 * index), each `[kind index, id, file index, line, column, text or null]`.
 */
export type CompactFinding = [number, number, number, number, number, string, string | null, string | null, number, number, number];

/** A related entry of a finding: `[kind index, id, file index, line, column, text or null]`. */
export type CompactRelated = [number, string, number, number, number, string | null];

/**
 * For each subject and property with a conflict finding, the claims that
 * take part, for the "Where sources disagree" view (largest first).
 */
export interface Disagreement {
  subject: string;
  property: string;
  /** Indexes of the conflict rules reported. */
  rules: number[];
  /** Number of conflict findings. */
  findings: number;
  claims: string[];
  /**
   * The clusters the subject and property's claims fall into (the JSON
   * report's `disagreements`), one set per way they differ; empty when the
   * result has none.
   */
  sets: PageClusterSet[];
  /** For each of `claims`, the index of its cluster in the sets' clusters taken in order (-1: in none). */
  clusterOf: number[];
}

/** One way the claims of a subject and property differ, with its clusters (prevailing first). */
export interface PageClusterSet {
  dimension: DisagreementGroup['dimension'];
  clusters: PageCluster[];
}

/** A cluster as the page needs it: sources by index, the number of claims, the best evidence level. */
export interface PageCluster {
  prevailing: boolean;
  value: string;
  /** Indexes into `sourceIds`. */
  sources: number[];
  claims: number;
  /** Best CEBM level of the cluster's claims (1 best); null when none of them has rated evidence. */
  level: EvidenceLevel;
}

/** Subject (after aliases) and property: the key the conflict rules and the clusters group by. */
function groupKey(c: Pick<ClaimSummary, 'subjectKey' | 'property'>): string {
  return namesKey(c.subjectKey, c.property);
}

/** A subject and property as the engine groups them (spaces, hyphens and underscores alike; see vocabulary.ts). */
function namesKey(subject: string, property: string): string {
  return `${nameKey(normalizeTerm(subject))}\u0000${nameKey(normalizeTerm(property))}`;
}

/**
 * The "Where sources disagree" entries: the claims of each subject and
 * property's conflict findings, and the clusters the JSON report gives for
 * it (a subject and property with disagreeing clusters but no conflict
 * finding, because its rules are off or suppressed, gets an entry too).
 */
function disagreements(
  findings: readonly Finding[],
  claims: ReadonlyMap<string, ShownClaim>,
  all: ClaimSummaries,
  clusterGroups: readonly DisagreementGroup[],
  ruleIndex: (id: string) => number,
  sourceIndex: (id: string) => number,
): Disagreement[] {
  const groups = new Map<string, Disagreement & { seen: Set<string> }>();
  const entry = (key: string, subject: string, property: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { subject, property, rules: [], findings: 0, claims: [], sets: [], clusterOf: [], seen: new Set() };
      groups.set(key, g);
    }
    return g;
  };
  for (const f of findings) {
    if (!f.rule.startsWith('conflict/') || !f.claim) continue;
    const own = claims.get(f.claim);
    const others = f.related.filter((r) => r.kind === 'claim').map((r) => r.claim);
    if (!own || others.length === 0) continue;
    const g = entry(groupKey(own), own.subject, own.property);
    g.findings++;
    const r = ruleIndex(f.rule);
    if (!g.rules.includes(r)) g.rules.push(r);
    for (const id of [f.claim, ...others]) {
      if (g.seen.has(id) || !claims.has(id)) continue;
      g.seen.add(id);
      g.claims.push(id);
    }
  }
  // The clusters, and each listed claim's cluster (its index over the entry's sets, in order).
  const clusterOfClaim = new Map<Disagreement, Map<string, number>>();
  for (const group of clusterGroups) {
    const firstId = group.clusters[0]?.claims[0];
    const first = firstId === undefined ? undefined : (claims.get(firstId) ?? all.brief(firstId));
    const g = entry(first ? groupKey(first) : namesKey(group.subject, group.property), group.subject, group.property);
    let of = clusterOfClaim.get(g);
    if (!of) clusterOfClaim.set(g, (of = new Map()));
    let index = g.sets.reduce((n, set) => n + set.clusters.length, 0);
    for (const c of group.clusters) {
      for (const id of c.claims) if (!of.has(id)) of.set(id, index);
      index++;
    }
    g.sets.push({
      dimension: group.dimension,
      clusters: group.clusters.map((c) => ({
        prevailing: c.prevailing,
        value: c.value,
        sources: c.sources.map(sourceIndex),
        claims: c.claims.length,
        level: c.bestLevel,
      })),
    });
  }
  for (const [g, of] of clusterOfClaim) g.clusterOf = g.claims.map((id) => of.get(id) ?? -1);
  return [...groups.values()]
    .map(({ seen: _seen, ...g }) => g)
    .sort((a, b) => b.findings - a.findings || b.claims.length - a.claims.length || b.sets.length - a.sets.length || (a.subject + a.property < b.subject + b.property ? -1 : 1));
}

const VERDICTS: readonly CitationVerdict[] = ['supports', 'contradicts', 'silent', 'unchecked'];
const MISREPRESENTS = 'evidence/misrepresents-cited';

/**
 * A claim citing a register source, compact: `[claim id, verdict (index in
 * supports, contradicts, silent, unchecked), its value or null, the cited
 * work's claims on its subject and property as [id, value or null], index
 * of its evidence/misrepresents-cited finding or -1]`.
 */
export type PageCitingClaim = [string, number, string | null, Array<[string, string | null]>, number];

/** One reference of a source that is itself a source of the register. */
export interface PageCitation {
  /** Citing source and its file (indexes into `sourceIds` and `files`); the reference id in its list. */
  from: number;
  file: number;
  ref: string;
  matchedBy: MatchedBy;
  claims: PageCitingClaim[];
}

/** A source of the register cited by others, with every citation of it (disagreeing ones first). */
export interface PageCitedSource {
  /** Index into `sourceIds`, and its file. */
  source: number;
  file: number;
  /** Citing claims the source's own claims contradict. */
  disagreeing: number;
  citations: PageCitation[];
}

/**
 * The citation graph for the "Citations" view, grouped by cited source:
 * sources with disagreeing citations first, then the most cited. Claim
 * values come from the claim summaries; a citing claim's finding is found
 * by its claim id (one pass over the findings).
 */
function citedSources(
  citations: readonly CitationData[],
  findings: readonly Finding[],
  all: ClaimSummaries,
  sourceIndex: (id: string) => number,
  fileIndex: (file: string) => number,
): PageCitedSource[] {
  const findingOf = new Map<string, number>();
  findings.forEach((f, i) => {
    if (f.rule === MISREPRESENTS && f.claim && !findingOf.has(f.claim)) findingOf.set(f.claim, i);
  });
  // A claim is named by many citations: its value is looked up once.
  const values = new Map<string, string | null>();
  const valueOf = (id: string): string | null => {
    let v = values.get(id);
    if (v === undefined) values.set(id, (v = all.brief(id)?.value ?? null));
    return v;
  };
  const bySource = new Map<string, PageCitedSource & { citing: Set<string> }>();
  for (const c of citations) {
    let entry = bySource.get(c.to);
    if (!entry) bySource.set(c.to, (entry = { source: sourceIndex(c.to), file: fileIndex(c.toFile), disagreeing: 0, citations: [], citing: new Set() }));
    entry.citing.add(c.from);
    const claims = c.claims.map((x): PageCitingClaim => {
      if (x.verdict === 'contradicts') entry.disagreeing++;
      return [x.claim, VERDICTS.indexOf(x.verdict), valueOf(x.claim), x.cited.map((id): [string, string | null] => [id, valueOf(id)]), findingOf.get(x.claim) ?? -1];
    });
    entry.citations.push({ from: sourceIndex(c.from), file: fileIndex(c.file), ref: c.reference, matchedBy: c.matchedBy, claims });
  }
  const disagrees = (p: PageCitation) => (p.claims.some((x) => x[1] === 1) ? 0 : 1);
  return [...bySource.values()]
    .map(({ citing, ...e }) => ({ ...e, citations: e.citations.sort((a, b) => disagrees(a) - disagrees(b)), n: citing.size }))
    .sort((a, b) => b.disagreeing - a.disagreeing || b.n - a.n || a.source - b.source)
    .map(({ n: _n, ...e }) => e);
}

const BAND_STYLE: Record<EvidenceBand, { label: string; description: string; fill: string; ink: string }> = {
  '1': { label: 'Level 1', description: 'systematic review, meta-analysis', fill: '#0b4f8a', ink: '#ffffff' },
  '2': { label: 'Level 2', description: 'randomised trial', fill: '#2a74b8', ink: '#ffffff' },
  '3': { label: 'Level 3', description: 'cohort, non-randomised controlled', fill: '#5b9bd0', ink: '#0b1f33' },
  '4': { label: 'Level 4', description: 'case series, case-control, cross-sectional', fill: '#9cc6e6', ink: '#0b1f33' },
  '5': { label: 'Level 5', description: 'mechanism, expert opinion, narrative review, guideline', fill: '#d3e6f5', ink: '#0b1f33' },
  'not-evidence': { label: 'Not evidence', description: 'testimonial, anecdote, marketing, news, unattributed', fill: '#c2410c', ink: '#ffffff' },
  unrated: { label: 'Design unknown', description: 'cited or named, but the study design is not recorded', fill: '#6e6e6e', ink: '#ffffff' },
  none: { label: 'No evidence', description: 'the claim gives no evidence at all', fill: '#e4e4e4', ink: '#1f2328' },
};

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function legend(): string {
  const items = EVIDENCE_BANDS.map((b) => {
    const s = BAND_STYLE[b];
    return `<li><svg class="swatch" width="14" height="14" aria-hidden="true" focusable="false"><rect width="14" height="14" rx="3" fill="${s.fill}" stroke="#8c959f" stroke-width="${b === 'none' ? 1 : 0}"/></svg><span><strong>${escapeHtml(s.label)}</strong> <span class="muted">${escapeHtml(s.description)}</span></span></li>`;
  });
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

/** Per subject, a stacked bar of its claims by the best level of their evidence. */
/**
 * Claims by subject (after aliases, spellings that differ only in their
 * separators together, as the engine groups them) and evidence band,
 * counted as the summaries go by; each subject shown by the name of its
 * first claim.
 */
class BandCounts {
  readonly bySubject = new Map<string, Record<EvidenceBand, number>>();
  private readonly names = new Map<string, string>();
  add(c: Pick<ClaimSummary, 'subjectKey' | 'band'>): void {
    const key = nameKey(c.subjectKey);
    const name = this.names.get(key) ?? c.subjectKey;
    let counts = this.bySubject.get(name);
    if (!counts) {
      counts = Object.fromEntries(EVIDENCE_BANDS.map((b) => [b, 0])) as Record<EvidenceBand, number>;
      this.bySubject.set(name, counts);
      this.names.set(key, name);
    }
    counts[c.band]++;
  }
}

function evidenceOverview(bands: BandCounts): string {
  const bySubject = bands.bySubject;
  if (bySubject.size === 0) {
    return '<p class="muted">No claim details in this result, so no evidence overview.</p>';
  }
  const total = (r: Record<EvidenceBand, number>) => EVIDENCE_BANDS.reduce((n, b) => n + r[b], 0);
  const rows = [...bySubject].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const max = Math.max(...rows.map(([, r]) => total(r)));
  const bars = rows.map(([subject, counts], i) => {
    const n = total(counts);
    const described = EVIDENCE_BANDS.filter((b) => counts[b] > 0).map((b) => `${BAND_STYLE[b].label}: ${counts[b]}`);
    const aria = `${subject}: ${plural(n, 'claim')}; ${described.join(', ')}`;
    let x = 0;
    const segments = EVIDENCE_BANDS.filter((b) => counts[b] > 0).map((b) => {
      const s = BAND_STYLE[b];
      const w = (counts[b] / n) * 100;
      // Numbers only where the segment is wide enough to hold them (share of the widest bar).
      const label = (counts[b] / max) * 100 >= 4.5
        ? `<text x="${(x + w / 2).toFixed(3)}%" y="15" text-anchor="middle" fill="${s.ink}">${counts[b]}</text>`
        : '';
      const rect = `<rect x="${x.toFixed(3)}%" y="0" width="${w.toFixed(3)}%" height="22" fill="${s.fill}"><title>${escapeHtml(`${subject} — ${s.label}: ${plural(counts[b], 'claim')}`)}</title></rect>${label}`;
      x += w;
      return rect;
    });
    const width = Math.max((n / max) * 100, 2).toFixed(3);
    return `<div class="bar-row"><span class="bar-label" id="subject-${i}">${escapeHtml(subject)}</span><span class="bar-track"><svg class="bar" role="img" aria-label="${escapeHtml(aria)}" style="width:calc((100% - 3.5rem) * ${width} / 100)" height="22">${segments.join('')}</svg><span class="bar-total" aria-hidden="true">${n}</span></span></div>`;
  });
  const head = EVIDENCE_BANDS.map((b) => `<th scope="col">${escapeHtml(BAND_STYLE[b].label)}</th>`).join('');
  const body = rows
    .map(([subject, counts]) => `<tr><th scope="row">${escapeHtml(subject)}</th>${EVIDENCE_BANDS.map((b) => `<td>${counts[b]}</td>`).join('')}<td>${total(counts)}</td></tr>`)
    .join('');
  const unsupported = rows.reduce((n, [, r]) => n + r.none + r['not-evidence'], 0);
  const claims = rows.reduce((n, [, r]) => n + total(r), 0);
  return `<p class="lede">Each claim is counted once, at the best level of the evidence it gives (Oxford CEBM 2011: level 1 is strongest). ${escapeHtml(`${plural(claims, 'claim')} about ${plural(rows.length, 'subject')}; ${unsupported} with no evidence or only non-evidence.`)}</p>
${legend()}
<div class="bars">${bars.join('\n')}</div>
<details class="table-details"><summary>Show the numbers as a table</summary><div class="table-scroll"><table class="counts"><thead><tr><th scope="col">Subject</th>${head}<th scope="col">Total</th></tr></thead><tbody>${body}</tbody></table></div></details>`;
}

/** The source a finding belongs to: its claim's, its file's, or its file. */
function sourceOf(f: Finding, claims: ReadonlyMap<string, ShownClaim>, fileSource: Map<string, string>): string {
  const own = f.claim ? claims.get(f.claim) : undefined;
  if (own) return own.source;
  const byFile = fileSource.get(f.file);
  if (byFile) return byFile;
  const prefix = f.claim ? /^[^/#]+/.exec(f.claim)?.[0] : undefined;
  return prefix ?? f.file;
}

/** What the page embeds: the findings block, the details block, and what the markup shows of them. */
interface PageData {
  data: unknown;
  details: unknown;
  /** How many findings the list holds. */
  findings: number;
  bands: BandCounts;
}

function pageData(result: LintResult, tool: FormatterContext['tool']): PageData {
  // Claims are described one at a time (a large register's summaries would not fit at once): one pass over every
  // claim's brief for the sources and the evidence overview; the claims the findings show are summarised as written.
  const all = summariesOf(result);
  const fileSource = new Map<string, string>();
  const sources: Record<string, { title: string; kind: string }> = Object.create(null);
  const bands = new BandCounts();
  for (const c of all.briefs()) {
    if (!fileSource.has(c.file)) fileSource.set(c.file, c.source);
    sources[c.source] ??= { title: c.sourceTitle, kind: c.sourceKind };
    bands.add(c);
  }
  // Interned strings: files, rules and sources travel once, findings refer to them by index.
  const intern = () => {
    const list: string[] = [];
    const index = new Map<string, number>();
    const of = (s: string) => {
      let i = index.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        index.set(s, i);
      }
      return i;
    };
    return { list, of };
  };
  const files = intern();
  const ruleIds = intern();
  const sourceIds = intern();
  for (const r of result.rules) ruleIds.of(r.id);
  // Only the claims the findings show travel to the page.
  const shown = new Map<string, ShownClaim>();
  const keep = (id: string | null): boolean => {
    if (!id) return false;
    if (shown.has(id)) return true;
    const c = all.brief(id);
    if (c) shown.set(id, { source: c.source, subject: c.subject, subjectKey: c.subjectKey, property: c.property });
    return c !== undefined;
  };
  // Worst first: errors, then warnings, then infos; within a severity, the report order (file, line).
  const ordered = [...result.findings].sort((a, b) => SEVERITY_INDEX[a.severity] - SEVERITY_INDEX[b.severity]);
  const tails = intern();
  // One pass interns every file, rule, source and advice the findings name, in the order they are written, and
  // picks the claims shown; the compact findings and related entries are then made as they are written (the lists
  // travel before the findings, so they must be whole first), and never held all at once.
  const tailOf = (f: Finding) => {
    const cut = f.message.lastIndexOf(': ');
    return cut < 0 ? -1 : tails.of(f.message.slice(cut + 2));
  };
  const withRelated: string[] = [];
  // Each finding's source and advice, found once here (by index, as written).
  const sourceOfFinding = new Int32Array(ordered.length);
  const tailOfFinding = new Int32Array(ordered.length);
  ordered.forEach((f, i) => {
    keep(f.claim);
    if (f.related.length > 0) {
      withRelated.push(String(i));
      for (const r of f.related) {
        if (r.kind === 'claim') keep(r.claim);
        files.of(r.file);
      }
    }
    ruleIds.of(f.rule);
    files.of(f.file);
    sourceOfFinding[i] = sourceIds.of(sourceOf(f, shown, fileSource));
    tailOfFinding[i] = tailOf(f);
  });
  const compactRelated = (f: Finding): CompactRelated[] =>
    f.related.map((r): CompactRelated => {
      const inTable = r.kind === 'claim' && shown.has(r.claim);
      return [RELATED_KINDS.indexOf(r.kind), r.claim, files.of(r.file), r.line, r.column, inTable ? null : r.text];
    });
  const compactFinding = (f: Finding, i: number): CompactFinding => {
    const cut = f.message.lastIndexOf(': ');
    return [
      SEVERITY_INDEX[f.severity],
      ruleIds.of(f.rule),
      files.of(f.file),
      f.line,
      f.column,
      cut < 0 ? f.message : f.message.slice(0, cut),
      f.claim,
      f.claim !== null && shown.has(f.claim) ? null : f.text,
      sourceOfFinding[i]!,
      f.related.filter((r) => r.kind === 'claim').length,
      tailOfFinding[i]!,
    ];
  };
  const findings = new MappedArray(ordered, compactFinding);
  const related = new MappedRecord(withRelated, (i) => compactRelated(ordered[Number(i)]!));
  const rules: Record<string, { summary: string; standard: string | null; docs: string | null; severity: string }> = Object.create(null);
  for (const r of result.rules) {
    rules[r.id] = { summary: r.summary, standard: r.standard, docs: r.docs ? docsUrl(r.docs) : null, severity: r.severity };
  }
  // Two blocks: what the findings list needs (read first: the list is usable once it is in), and the details
  // (claims, cited references, disagreements, citations: read after the page is parsed). Made in this order:
  // the details intern more files and sources into the lists the first block carries.
  const details = {
    related,
    ...pageClaims(shown, all),
    disagreements: disagreements(ordered, shown, all, result.disagreements ?? [], ruleIds.of, sourceIds.of),
    cited: citedSources(result.citations ?? [], ordered, all, sourceIds.of, files.of),
  };
  const data = {
    tool,
    summary: result.summary,
    files: files.list,
    ruleIds: ruleIds.list,
    sourceIds: sourceIds.list,
    findings,
    tails: tails.list,
    rules,
    sources,
  };
  return { data, details, findings: ordered.length, bands };
}

/** A property's value, removed from the object: what it holds can be collected once its user is done. */
function take<K extends 'data' | 'details'>(page: Partial<Pick<PageData, K>>, key: K): unknown {
  const v = page[key];
  delete page[key];
  return v;
}

const html: StreamingFormatter = function* (result: LintResult, { tool }) {
  // Made in a function of its own: its working data (every shown claim's summary...) is not kept while writing.
  const page: Partial<PageData> & Pick<PageData, 'findings' | 'bands'> = pageData(result, tool);
  const s = result.summary;
  const problems = s.errors + s.warnings + s.infos;
  const title = problems === 0 ? 'claimlint report: no problems' : `claimlint report: ${plural(problems, 'problem')}`;
  const tile = (key: string, n: number, label: string, cls: string) =>
    `<li class="tile ${cls}"><span class="tile-num" data-summary="${key}">${n}</span><span class="tile-label">${escapeHtml(label)}</span></li>`;

  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(cspFor(SCRIPT))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${tool.name} ${tool.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to the findings</a>
<header class="page-head">
<div class="wrap">
<h1>claimlint report</h1>
<p class="muted">${escapeHtml(`${tool.name} ${tool.version} · ${plural(s.claims, 'claim')} in ${plural(s.files, 'file')} from ${plural(s.sources, 'source')}`)}</p>
<nav aria-label="Sections"><a href="#summary">Summary</a><a href="#evidence">Evidence by subject</a><a href="#disagreements">Where sources disagree</a><a href="#citations">Citations</a><a href="#findings">Findings</a></nav>
</div>
</header>
<main class="wrap">
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h" class="sr-only">Summary</h2>
<ul class="tiles">
${tile('errors', s.errors, s.errors === 1 ? 'error' : 'errors', 'tile-error')}
${tile('warnings', s.warnings, s.warnings === 1 ? 'warning' : 'warnings', 'tile-warning')}
${tile('infos', s.infos, s.infos === 1 ? 'info' : 'infos', 'tile-info')}
${tile('files', s.files, s.files === 1 ? 'file' : 'files', 'tile-plain')}
${tile('sources', s.sources, s.sources === 1 ? 'source' : 'sources', 'tile-plain')}
${tile('claims', s.claims, s.claims === 1 ? 'claim' : 'claims', 'tile-plain')}
</ul>
</section>
<section id="evidence" aria-labelledby="evidence-h">
<h2 id="evidence-h">Evidence behind the claims, by subject</h2>
${evidenceOverview(page.bands)}
</section>
<section id="disagreements" aria-labelledby="disagreements-h">
<h2 id="disagreements-h">Where sources disagree</h2>
<p class="lede">For each subject and property where sources disagree: the clusters its claims fall into (claims that agree with each other), the prevailing one marked — the one the others are reported against: most sources, then the best evidence — with each cluster's sources, value and best level of evidence; then, for the conflict findings, one row per claim: its source, its value, its cluster, its context (facets that differ between the rows highlighted) and the best level of its evidence.</p>
<div id="disagreement-list"><p class="muted">Loading…</p></div>
</section>
<section id="citations" aria-labelledby="citations-h">
<h2 id="citations-h">Citations within the register</h2>
<p class="lede">Sources of the register that other sources cite (matched by DOI, PubMed id, URL, or title and year). For each citation, the claims that rest on it and whether the cited work's own claims on the same subject and property agree; citations they contradict come first, highlighted, with a link to their finding.</p>
<div id="citation-list"><p class="muted">Loading…</p></div>
</section>
<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
<div class="filter-bar">
<form class="filters" id="filters" aria-label="Filter the findings">
<fieldset class="sev-filter"><legend>Severity</legend>
<label class="check check-error"><input type="checkbox" id="filter-error" name="severity" value="error" checked> Errors <span class="n">(${s.errors})</span></label>
<label class="check check-warning"><input type="checkbox" id="filter-warning" name="severity" value="warning" checked> Warnings <span class="n">(${s.warnings})</span></label>
<label class="check check-info"><input type="checkbox" id="filter-info" name="severity" value="info" checked> Infos <span class="n">(${s.infos})</span></label>
</fieldset>
<div class="field field-rule"><label for="filter-rule">Rule</label><select id="filter-rule"><option value="">All rules</option></select></div>
<div class="field field-source"><label for="filter-source">Source</label><select id="filter-source"><option value="">All sources</option></select></div>
<div class="field field-grow"><label for="filter-text">Search text</label><input type="search" id="filter-text" placeholder="message, claim text or id" autocomplete="off"></div>
<div class="field field-group"><label for="group-by">Group by</label><select id="group-by"><option value="">None (worst first)</option><option value="file">File</option><option value="claim">Claim</option><option value="rule">Rule</option></select></div>
</form>
<div class="count-line"><p class="visible-count" id="visible-count" aria-live="polite" data-visible="${page.findings}">Showing ${page.findings} of ${plural(page.findings, 'finding')}</p><button type="reset" form="filters" id="filter-reset">Reset filters</button></div>
</div>
<noscript><p class="notice">The list of findings needs JavaScript. Run <code>claimlint</code> in a terminal, or use <code>--format json</code>, to read them without it.</p></noscript>
<p id="loading" class="notice">Loading the findings…</p>
<div id="finding-list"></div>
<p id="no-match" class="notice" hidden>No findings match these filters.</p>
</section>
</main>
<footer class="wrap muted"><p>Made by ${escapeHtml(`${tool.name} ${tool.version}`)}. This file is self-contained: it loads nothing from the network. Claim texts are quoted from the register as written.</p></footer>
<script type="application/octet-stream" id="claimlint-data" data-encoding="deflate-raw+base64">`;
  yield* packChunks(take(page, 'data'));
  yield `</script>
<script>${SCRIPT}</script>
<script type="application/octet-stream" id="claimlint-details" data-encoding="deflate-raw+base64">`;
  yield* packChunks(take(page, 'details'));
  yield `</script>
</body>
</html>
`;
};

export default html;

const STYLE = `
:root{--bg:#f5f6f8;--card:#fff;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--accent:#0b57a4;
--err:#b42318;--err-bg:#fdecea;--err-ink:#8a1c12;--warn:#b54708;--warn-bg:#fff4d6;--warn-ink:#7a3d00;
--info:#1f6feb;--info-bg:#e7f0fd;--info-ink:#0b4f8a;--hl:#fff3b0;--hl-line:#d4a106}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.88em}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.wrap{max-width:1200px;margin:0 auto;padding:0 20px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px 12px;z-index:10}
.skip:focus{left:8px;top:8px}
.muted{color:var(--muted)}
.page-head{background:#14233a;color:#f3f6fa;padding:18px 0 12px;margin-bottom:20px}
.page-head h1{margin:0;font-size:1.55rem;letter-spacing:.01em}
.page-head .muted{color:#c5d0de;margin:.2rem 0 .6rem}
.page-head nav a{color:#dbe7ff;margin-right:18px;font-size:.93rem}
h2{font-size:1.2rem;margin:28px 0 10px}
section{margin-bottom:8px}
.tiles{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:12px}
.tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;display:flex;flex-direction:column;border-top:5px solid #8c959f}
.tile-num{font-size:1.9rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.tile-label{color:var(--muted);text-transform:uppercase;font-size:.78rem;letter-spacing:.06em;font-weight:600}
.tile-error{border-top-color:var(--err)}.tile-error .tile-num{color:var(--err-ink)}
.tile-warning{border-top-color:#e0a100}.tile-warning .tile-num{color:var(--warn-ink)}
.tile-info{border-top-color:var(--info)}.tile-info .tile-num{color:var(--info-ink)}
.tile-plain{border-top-color:#8c959f}
#evidence{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:4px 18px 14px;margin-top:22px}
#evidence h2{margin-top:14px}
.lede{margin:0 0 10px;color:var(--muted);max-width:80ch}
.legend{list-style:none;margin:0 0 14px;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15.5rem,1fr));gap:6px 18px;font-size:.84rem;line-height:1.35}
.legend li{display:flex;align-items:flex-start;gap:7px}
.legend .muted{display:block}
.legend .swatch{flex:none;margin-top:3px}
.bars{display:grid;gap:7px}
.bar-row{display:grid;grid-template-columns:minmax(7rem,13rem) 1fr;align-items:center;gap:10px}
.bar-label{font-weight:600;overflow-wrap:anywhere;font-size:.92rem}
.bar-track{display:flex;align-items:center;gap:8px;min-width:0}
.bar{display:block;border-radius:4px;overflow:hidden;min-width:8px}
.bar text{font-size:12px;font-weight:700;font-family:system-ui,sans-serif}
.bar-total{flex:none;font-variant-numeric:tabular-nums;color:var(--muted);font-size:.9rem}
.table-details{margin-top:12px}
.table-details summary{cursor:pointer;color:var(--accent)}
.table-scroll{overflow-x:auto}
table.counts{border-collapse:collapse;margin-top:8px;font-size:.88rem;font-variant-numeric:tabular-nums}
table.counts th,table.counts td{border:1px solid var(--line);padding:3px 8px;text-align:right}
table.counts th[scope=row],table.counts thead th:first-child{text-align:left}
.filter-bar{position:sticky;top:0;z-index:5;background:var(--bg);padding:8px 0 0;border-bottom:1px solid var(--line);box-shadow:0 6px 8px -8px rgba(20,35,58,.35)}
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end}
.filters fieldset{border:1px solid var(--line);border-radius:8px;margin:0;padding:2px 10px 6px;display:flex;flex-wrap:wrap;gap:4px 12px;background:var(--card)}
.filters legend{font-size:.8rem;font-weight:600;color:var(--muted);padding:0 4px}
.check{display:inline-flex;align-items:center;gap:5px;cursor:pointer;font-weight:600}
.check input{width:17px;height:17px;margin:0}
.check-error{color:var(--err-ink)}.check-warning{color:var(--warn-ink)}.check-info{color:var(--info-ink)}
.check .n{font-weight:400;color:var(--muted)}
.field{display:flex;flex-direction:column;gap:2px;min-width:0}
.field label{font-size:.8rem;font-weight:600;color:var(--muted)}
.field select,.field input{font:inherit;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;background:#fff;color:var(--ink);max-width:100%}
.field-rule{flex:0 1 14rem}.field-source{flex:0 1 17rem}
.field-grow{flex:1 1 10rem}.field-group{flex:0 1 11rem}
[hidden]{display:none!important}
.more{display:block;margin:12px auto 4px}
.finding-more>summary{cursor:pointer;color:var(--accent);font-size:.88rem;margin-top:6px;width:max-content;max-width:100%}
.group>h3{font-size:1rem;margin:0 0 8px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;overflow-wrap:anywhere}
.group{margin:18px 0 6px}
.group>ol,#flat{list-style:none;margin:0;padding:0;display:grid;gap:10px}
.group .worst{font-size:.72rem}
#disagreements{margin-top:22px}
.dis{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin:0 0 14px}
.dis h3{margin:0 0 6px;font-size:1rem;overflow-wrap:anywhere}
.dis .table-scroll{max-width:100%}
table.dis-table{border-collapse:collapse;font-size:.86rem;width:100%}
table.dis-table th,table.dis-table td{border:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:top;overflow-wrap:anywhere;min-width:6rem}
table.dis-table thead th{background:#eef1f4}
table.dis-table td.differs{background:var(--hl);box-shadow:inset 3px 0 0 var(--hl-line)}
table.dis-table td.one-sided{background:#f1f4f8}
.clusters{margin:4px 0 10px}
table.cluster-table{border-collapse:collapse;font-size:.86rem;width:100%;margin:4px 0 8px}
table.cluster-table th,table.cluster-table td{border:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
table.cluster-table thead th{background:#eef1f4}
table.cluster-table caption{text-align:left;caption-side:top;padding:2px 0}
table.cluster-table th,table.cluster-table td{min-width:5.5rem}
table.cluster-table td:nth-child(3){min-width:11rem}
table.cluster-table thead th{white-space:nowrap}
table.cite-table th,table.cite-table td{min-width:8rem}
table.cite-table td:nth-child(2){white-space:nowrap}
table.cluster-table tr.prevailing{background:#e9f5ec;box-shadow:inset 4px 0 0 #1a7f37}
.prevailing-tag{display:inline-block;white-space:nowrap;margin-left:6px;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 6px;border-radius:4px;background:#1a7f37;color:#fff}
.cluster-tag{display:inline-block;font-weight:700;font-size:.78rem;padding:0 6px;border-radius:4px;background:#eef1f4;border:1px solid var(--line)}
.cluster-tag.is-prevailing{background:#1a7f37;color:#fff;border-color:#1a7f37}
.src-list{margin:0;padding:0;list-style:none}
.src-list li{overflow-wrap:anywhere}
.link-button{border:0;background:none;padding:0;color:var(--accent);text-decoration:underline;font-size:inherit}
.link-button:hover{background:none}
#citations{margin-top:22px}
.cited{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin:0 0 14px}
.cited.has-disagreement{border-left:6px solid var(--err)}
.cited h3{margin:0 0 6px;font-size:1rem;overflow-wrap:anywhere}
table.cite-table{border-collapse:collapse;font-size:.86rem;width:100%}
table.cite-table th,table.cite-table td{border:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
table.cite-table thead th{background:#eef1f4}
table.cite-table tr.disagrees{background:var(--err-bg);box-shadow:inset 4px 0 0 var(--err)}
.verdict{display:inline-block;font-size:.74rem;font-weight:700;padding:0 6px;border-radius:4px;white-space:nowrap;background:#eef1f4;color:var(--ink)}
.verdict-contradicts{background:var(--err);color:#fff}.verdict-supports{background:#1a7f37;color:#fff}
.verdict-silent{background:var(--info-bg);color:var(--info-ink)}
.count-line{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:6px 12px;padding:6px 0 8px}
.count-line button{padding:3px 10px;font-size:.88rem}
.finding,.file-group,.group{scroll-margin-top:120px}
button{font:inherit;padding:6px 12px;border:1px solid #8c959f;border-radius:6px;background:#fff;color:var(--ink);cursor:pointer}
button:hover{background:#eef1f4}
.visible-count{margin:0;color:var(--muted)}
.visible-count strong{color:var(--ink)}
.notice{background:var(--card);border:1px dashed var(--line);border-radius:8px;padding:14px}
.file-group{margin:18px 0 6px}
.file-group>h3{font-size:1rem;margin:0 0 8px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.file-group>h3 .src-title{font-weight:400;color:var(--muted)}
.file-group>ol{list-style:none;margin:0;padding:0;display:grid;gap:10px}
.finding{background:var(--card);border:1px solid var(--line);border-left:6px solid #8c959f;border-radius:8px;padding:12px 14px;min-width:0}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:#e0a100}.finding.sev-info{border-left-color:var(--info)}
.finding-head{display:flex;gap:10px;align-items:flex-start}
.badge{flex:none;display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:2px 8px;border-radius:999px;margin-top:2px}
.badge-error{background:var(--err-bg);color:var(--err-ink)}
.badge-warning{background:var(--warn-bg);color:var(--warn-ink)}
.badge-info{background:var(--info-bg);color:var(--info-ink)}
.message{margin:0;font-weight:600;overflow-wrap:anywhere}
.finding-meta{display:flex;flex-wrap:wrap;gap:2px 14px;margin:6px 0 0;font-size:.86rem;color:var(--muted)}
.finding-meta code{overflow-wrap:anywhere}
.claim-text{margin:10px 0 0;padding:6px 12px;border-left:3px solid var(--line);background:#f8f9fb;font-style:italic;overflow-wrap:anywhere;white-space:pre-wrap}
.related{margin:8px 0 0;padding:0;list-style:none;font-size:.88rem;color:var(--muted)}
.related li{overflow-wrap:anywhere}
.rule-details{margin-top:8px;font-size:.88rem}
.rule-details summary{cursor:pointer;color:var(--accent);width:max-content;max-width:100%}
.rule-details p{margin:.35rem 0 0}
.conflict{margin-top:12px;display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,320px),1fr));gap:12px}
.claim-panel{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#fbfcfd;min-width:0}
.panel-head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;font-size:.85rem;color:var(--muted)}
.panel-tag{display:inline-block;background:#14233a;color:#fff;border-radius:4px;padding:0 7px;font-weight:700;font-size:.78rem}
.panel-src{font-weight:600;color:var(--ink)}
.claim-panel .claim-text{margin-top:8px}
table.facets{width:100%;border-collapse:collapse;margin-top:8px;font-size:.88rem}
table.facets th{text-align:left;font-weight:600;color:var(--muted);width:34%;padding:4px 8px 4px 6px;vertical-align:top}
table.facets td{padding:4px 6px;vertical-align:top;overflow-wrap:anywhere}
table.facets tr{border-top:1px solid #eaeef2}
table.facets tr.differs{background:var(--hl);box-shadow:inset 4px 0 0 var(--hl-line)}
table.facets tr.one-sided{background:#f1f4f8;box-shadow:inset 4px 0 0 #8c959f}
.diff-tag{display:inline-block;margin-left:6px;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 6px;border-radius:4px;background:#7a5a00;color:#fff;font-style:normal}
.one-sided .diff-tag{background:#57606a}
.absent{color:var(--muted);font-style:italic}
.evidence{margin:4px 0 0;padding-left:18px;font-size:.88rem}
.evidence li{margin:3px 0;overflow-wrap:anywhere}
.ev-kind{font-weight:600}
.ev-ref{display:block;padding-left:.9rem;text-indent:-.9rem;margin-top:1px}
.ev-missing{display:block;color:var(--err-ink)}
.ev-note{display:block;color:var(--muted);font-size:.95em}
.panel-at{margin:6px 0 0;font-size:.82rem}
.lvl{display:inline-block;margin-left:6px;font-size:.74rem;font-weight:700;padding:0 6px;border-radius:4px;white-space:nowrap;border:1px solid transparent}
.lvl-1{background:#0b4f8a;color:#fff}.lvl-2{background:#2a74b8;color:#fff}.lvl-3{background:#5b9bd0;color:#0b1f33}
.lvl-4{background:#9cc6e6;color:#0b1f33}.lvl-5{background:#d3e6f5;color:#0b1f33}
.lvl-not-evidence{background:#c2410c;color:#fff}.lvl-unrated{background:#6e6e6e;color:#fff}.lvl-none{background:#e4e4e4;color:#1f2328;border-color:#8c959f}
.notice-tag{display:inline-block;margin-left:6px;font-size:.72rem;font-weight:700;text-transform:uppercase;padding:0 6px;border-radius:4px;background:var(--err-bg);color:var(--err-ink)}
footer{padding:24px 20px 40px;font-size:.85rem}
@media (max-width:900px){.tiles{grid-template-columns:repeat(3,minmax(0,1fr))}}
@media (max-width:600px){
body{font-size:14px}.wrap{padding:0 12px}
.tiles{grid-template-columns:repeat(3,minmax(0,1fr));gap:8px}.tile{padding:8px 10px}.tile-num{font-size:1.45rem}
.bar-row{grid-template-columns:1fr;gap:2px}.bar text{display:none}
.filter-bar{position:static}.field,.field-rule,.field-source{flex:1 1 100%}
table.facets th{width:40%}
.finding{padding:10px}.claim-panel{padding:8px}#evidence{padding:2px 12px 12px}
}
@media print{.filters,.skip,.page-head nav{display:none}.finding{break-inside:avoid}body{background:#fff}}
`;

// The page script. Plain ES2020, no template literals; builds the DOM with
// textContent only, so no claim text is ever parsed as markup.
const SCRIPT = String.raw`
(function () {
  'use strict';
  var SEV_NAMES = ['error', 'warning', 'info'];
  var KIND_NAMES = ['claim', 'reference', 'source', 'document passage'];

  // The data: base64 of deflated JSON, inflated by the browser (no network, no eval).
  function decode(id) {
    var node = document.getElementById(id);
    var text = (node.textContent || '').trim();
    var bytes;
    // Native base64 decoding where the browser has it (Chrome 140, Firefox 133, Safari 18.2); otherwise atob, byte by byte.
    if (typeof Uint8Array.fromBase64 === 'function') bytes = Uint8Array.fromBase64(text);
    else {
      var bin = atob(text);
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    node.textContent = '';
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text().then(function (t) { return JSON.parse(t); });
  }

  // Compact findings (arrays) to the objects the rendering reads. The claims come later (attachDetails):
  // a finding's text and related entries are read back when asked for, by getters on the prototype.
  function expandCore(data) {
    var files = data.files, rules = data.ruleIds, sources = data.sourceIds;
    data.claims = Object.create(null);
    data.related = Object.create(null);
    data.refs = [];
    data.disagreements = [];
    data.cited = [];
    function claimOf(id) { return id && Object.prototype.hasOwnProperty.call(data.claims, id) ? data.claims[id] : null; }
    var tails = data.tails;
    function Finding(a, index) {
      this.index = index;
      this.severity = SEV_NAMES[a[0]]; this.rule = rules[a[1]]; this.file = files[a[2]]; this.line = a[3]; this.column = a[4];
      this.head = a[5]; this.tail = a[10]; this.claim = a[6]; this.rawText = a[7]; this.source = sources[a[8]];
      this.relatedClaims = a[9];
      this.expanded = null;
    }
    Object.defineProperty(Finding.prototype, 'message', {
      get: function () { return this.tail < 0 ? this.head : this.head + ': ' + tails[this.tail]; }
    });
    Object.defineProperty(Finding.prototype, 'text', {
      get: function () {
        if (this.rawText !== null) return this.rawText;
        var c = claimOf(this.claim);
        return c ? c.text : null;
      }
    });
    Object.defineProperty(Finding.prototype, 'related', {
      get: function () {
        if (this.expanded === null) {
          var raw = Object.prototype.hasOwnProperty.call(data.related, this.index) ? data.related[this.index] : [];
          this.expanded = raw.map(function (r) {
            var rc = r[5] === null ? claimOf(r[1]) : null;
            return { kind: KIND_NAMES[r[0]], claim: r[1], file: files[r[2]], line: r[3], column: r[4], text: r[5] !== null ? r[5] : rc ? rc.text : '' };
          });
        }
        return this.expanded;
      }
    });
    data.findings = data.findings.map(function (a, i) { return new Finding(a, i); });
    return data;
  }

  // The claims (cited references by index), disagreements and citations.
  function attachDetails(data, details) {
    Object.keys(details.claims).forEach(function (id) {
      var c = details.claims[id];
      var src = Object.prototype.hasOwnProperty.call(data.sources, c.source) ? data.sources[c.source] : null;
      c.sourceTitle = src ? src.title : c.source;
      if (c.subjectKey === undefined) c.subjectKey = c.subject;
      c.evidence.forEach(function (e) {
        if (e.references) e.references = e.references.map(function (i) { return details.refs[i]; });
      });
    });
    data.claims = details.claims;
    data.related = details.related;
    data.refs = details.refs;
    data.disagreements = details.disagreements;
    data.cited = details.cited;
    data.findings.forEach(function (f) { f.expanded = null; });
  }

  function failed(e) {
    var loading = document.getElementById('loading');
    var msg = 'The report could not be read: ' + String(e && e.message || e);
    if (loading) loading.textContent = msg;
    else document.body.prepend(document.createTextNode(msg));
  }

  if (typeof DecompressionStream === 'undefined') {
    document.getElementById('loading').textContent = 'This browser cannot unpack the report (it needs DecompressionStream: Chrome 80, Firefox 113, Safari 16.4 or later). Use claimlint --format json instead.';
    return;
  }
  // Performance marks let a profiler see where the opening time goes: claimlint:start (the page script runs),
  // decoded (the findings' data read), list (the findings list rendered and its filters live), details-decoded,
  // ready (everything rendered).
  function mark(name) { if (window.performance && performance.mark) performance.mark('claimlint:' + name); }
  mark('start');
  decode('claimlint-data').then(function (data) { mark('decoded'); start(expandCore(data)); }).catch(failed);

  function start(data) {
  var SEVERITIES = ['error', 'warning', 'info'];
  var FACETS = ['population', 'intervention.agent', 'intervention.route', 'intervention.dose', 'intervention.regimen', 'comparator', 'outcome', 'setting'];
  var FACET_LABEL = {
    population: 'Population', 'intervention.agent': 'Intervention: agent', 'intervention.route': 'Intervention: route',
    'intervention.dose': 'Intervention: dose', 'intervention.regimen': 'Intervention: regimen',
    comparator: 'Comparator', outcome: 'Outcome', setting: 'Setting'
  };
  var KIND_LABEL = {
    citation: 'Cites', testimonial: 'Testimonial', anecdote: 'Anecdote', 'expert-opinion': 'Expert opinion',
    mechanism: 'Mechanism', 'own-study': 'The source\'s own study', unattributed: 'Unattributed',
    'named-source': 'Named source', marketing: 'Marketing', unknown: 'Evidence'
  };
  var BAND_LABEL = {
    '1': 'level 1', '2': 'level 2', '3': 'level 3', '4': 'level 4', '5': 'level 5',
    'not-evidence': 'not evidence', unrated: 'design unknown', none: 'no evidence'
  };

  function el(tag, props, children) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === undefined || v === null || v === false) return;
        if (k === 'class') e.className = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === undefined || c === null || c === false) return;
      e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }
  function safeHref(u) {
    return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
  }
  function shortUrl(u) {
    var s = String(u).replace(/^https?:\/\/(www\.)?/i, '');
    return s.length > 64 ? s.slice(0, 40) + '…' + s.slice(-20) : s;
  }
  function has(obj, key) { return obj != null && Object.prototype.hasOwnProperty.call(obj, key); }
  function loc(file, line, column) { return file + ':' + line + (column ? ':' + column : ''); }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function levelTag(level, band) {
    var key = band || (level === null ? 'not-evidence' : level === undefined ? 'unrated' : String(level));
    return el('span', { class: 'lvl lvl-' + key }, [BAND_LABEL[key] || key]);
  }

  function ruleLink(id) {
    var r = has(data.rules, id) ? data.rules[id] : null;
    var href = r && safeHref(r.docs);
    return href
      ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', class: 'rule-link', title: 'Documentation of ' + id }, [el('code', null, [id])])
      : el('code', { class: 'rule-link' }, [id]);
  }

  function ruleDetails(id) {
    var r = has(data.rules, id) ? data.rules[id] : null;
    var d = el('details', { class: 'rule-details' }, [el('summary', null, ['About the rule ', el('code', null, [id])])]);
    if (r) {
      d.append(el('p', null, [r.summary]));
      if (r.standard) d.append(el('p', { class: 'muted' }, ['Standard: ' + r.standard]));
      var href = safeHref(r.docs);
      if (href) d.append(el('p', null, [el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, ['Read the rule\'s documentation'])]));
    } else {
      d.append(el('p', { class: 'muted' }, ['No description of this rule in the report.']));
    }
    return d;
  }

  function referenceLine(r) {
    var href = safeHref(r.url) || (r.doi ? 'https://doi.org/' + encodeURI(r.doi) : null);
    var title = r.title || (r.url ? shortUrl(r.url) : r.doi ? 'doi:' + r.doi : 'reference ' + r.id);
    var meta = [];
    if (r.authors && r.authors.length) meta.push(r.authors.length > 3 ? r.authors.slice(0, 3).join(', ') + ' et al.' : r.authors.join(', '));
    if (r.venue) meta.push(r.venue);
    if (r.year !== undefined) meta.push(String(r.year));
    if (r.design) meta.push(r.design.replace(/-/g, ' '));
    if (r.n !== undefined) meta.push('n = ' + r.n);
    var span = el('span', { class: 'ev-ref' }, [
      '[' + r.id + '] ',
      href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', title: href }, [title]) : title,
      meta.length ? el('span', { class: 'muted' }, [' — ' + meta.join(' · ')]) : null
    ]);
    (r.notices || []).forEach(function (n) { span.append(el('span', { class: 'notice-tag' }, [n])); });
    return span;
  }

  function evidenceItem(e) {
    var li = el('li', null, []);
    if (e.kind === 'citation') {
      li.append(el('span', { class: 'ev-kind' }, ['Cites ' + (e.cites || []).map(function (id) { return '[' + id + ']'; }).join(' ')]));
      if (e.name) li.append(' (named as ', el('strong', null, [e.name]), ')');
      if (e.design) li.append(el('span', { class: 'muted' }, [' · ' + e.design.replace(/-/g, ' ')]));
      if (e.n !== undefined) li.append(el('span', { class: 'muted' }, [' · n = ' + e.n]));
      li.append(levelTag(e.level));
      (e.references || []).forEach(function (r) { li.append(referenceLine(r)); });
      (e.missing || []).forEach(function (id) { li.append(el('span', { class: 'ev-missing' }, ['[' + id + '] is not in the source\'s reference list'])); });
    } else {
      li.append(el('span', { class: 'ev-kind' }, [(KIND_LABEL[e.kind] || e.kind) + (e.name ? ': ' : '')]));
      if (e.name) li.append(el('strong', null, [e.name]));
      if (e.design) li.append(el('span', { class: 'muted' }, [' · ' + e.design.replace(/-/g, ' ')]));
      if (e.n !== undefined) li.append(el('span', { class: 'muted' }, [' · n = ' + e.n]));
      li.append(levelTag(e.level));
      if (e.quote) li.append(el('span', { class: 'ev-note' }, [el('q', null, [e.quote])]));
    }
    if (e.note) li.append(el('span', { class: 'ev-note' }, ['Note: ' + e.note]));
    return li;
  }

  function facetRow(label, cell, state) {
    var tr = el('tr', { class: state === 'same' ? null : state, 'data-facet': label }, [el('th', { scope: 'row' }, [label]), cell]);
    if (state === 'differs') cell.append(el('span', { class: 'diff-tag' }, ['differs']));
    if (state === 'one-sided') cell.append(el('span', { class: 'diff-tag' }, ['only one states it']));
    return tr;
  }

  // The facets each claim states, with a missing agent read as the claim's subject (as the conflict rules do).
  function facetOf(c, name) {
    if (!c) return null;
    if (has(c.facets, name)) return c.facets[name];
    if (name === 'intervention.agent') return { value: c.subject, key: c.subjectKey, implied: true };
    return null;
  }

  function conflictView(f) {
    var ids = [f.claim].concat(f.related.filter(function (r) { return r.kind === 'claim'; }).map(function (r) { return r.claim; }));
    var claims = ids.map(function (id) { return has(data.claims, id) ? data.claims[id] : null; });
    var known = claims.filter(Boolean);
    var names = FACETS.filter(function (n) { return known.some(function (c) { return has(c.facets, n); }); });
    var states = {};
    names.forEach(function (n) {
      var fs = known.map(function (c) { return facetOf(c, n); });
      var stated = fs.filter(Boolean);
      if (stated.length < fs.length) states[n] = 'one-sided';
      else states[n] = new Set(stated.map(function (x) { return x.key; })).size > 1 ? 'differs' : 'same';
    });
    var valueState = new Set(known.map(function (c) { return c.value; })).size > 1 ? 'differs' : 'same';
    var wrap = el('div', { class: 'conflict', role: 'group', 'aria-label': 'The claims in conflict, side by side' }, []);
    ids.forEach(function (id, i) {
      var c = claims[i];
      var rel = i === 0 ? null : f.related.filter(function (r) { return r.kind === 'claim' && r.claim === id; })[0];
      var tag = String.fromCharCode(65 + i) + (i === 0 ? ' · this claim' : ' · other claim');
      var panel = el('article', { class: 'claim-panel', 'data-claim': id }, []);
      var where = c ? loc(c.file, c.line, c.column) : rel ? loc(rel.file, rel.line, rel.column) : loc(f.file, f.line, f.column);
      panel.append(el('div', { class: 'panel-head' }, [
        el('span', { class: 'panel-tag' }, [tag]),
        c ? el('span', { class: 'panel-src' }, [c.sourceTitle]) : null,
        el('span', { class: 'mono' }, [where])
      ]));
      var text = c ? c.text : i === 0 ? f.text : rel && rel.text;
      panel.append(el('blockquote', { class: 'claim-text' }, [text || '']));
      var table = el('table', { class: 'facets' }, [el('caption', { class: 'sr-only' }, ['Claim ' + String.fromCharCode(65 + i) + ': what it says and its context'])]);
      var body = el('tbody', null, []);
      table.append(body);
      body.append(facetRow('Claim', el('td', null, [el('code', null, [id])]), 'same'));
      if (c) {
        body.append(facetRow('About', el('td', null, [c.subject + ' · ' + c.aspect + ' · ' + c.property]), 'same'));
        body.append(facetRow('Value', el('td', null, [c.value]), valueState));
        names.forEach(function (n) {
          var v = facetOf(c, n);
          var cell = v
            ? el('td', null, [v.value, v.implied ? el('span', { class: 'muted' }, [' (the subject)']) : null])
            : el('td', null, [el('span', { class: 'absent' }, ['not stated'])]);
          body.append(facetRow(FACET_LABEL[n] || n, cell, states[n]));
        });
        body.append(facetRow('Best evidence', el('td', null, [levelTag(c.level, c.band)]), 'same'));
      }
      panel.append(table);
      if (c) {
        if (c.evidence.length) {
          var ul = el('ul', { class: 'evidence', 'aria-label': 'Evidence of claim ' + String.fromCharCode(65 + i) }, []);
          c.evidence.forEach(function (e) { ul.append(evidenceItem(e)); });
          panel.append(ul);
        } else {
          panel.append(el('p', { class: 'absent' }, ['No evidence given.']));
        }
        if (c.at) panel.append(el('p', { class: 'muted panel-at' }, ['In the source: ' + c.at]));
      }
      wrap.append(panel);
    });
    return wrap;
  }

  function isConflict(f) {
    return f.rule.indexOf('conflict/') === 0 && f.claim && f.relatedClaims > 0;
  }

  function findingBody(f, into) {
    if (isConflict(f)) {
      into.append(conflictView(f));
    } else {
      if (f.text) into.append(el('blockquote', { class: 'claim-text' }, [f.text]));
      var others = f.related || [];
      if (others.length) {
        var ul = el('ul', { class: 'related' }, []);
        others.forEach(function (r) {
          ul.append(el('li', null, ['↳ ', el('span', { class: 'mono' }, [loc(r.file, r.line, r.column)]), ' ', el('code', null, [r.claim]), r.text ? ' — ' + r.text : '']));
        });
        into.append(ul);
      }
      var c = f.claim && has(data.claims, f.claim) ? data.claims[f.claim] : null;
      if (c) {
        var ev = el('details', { class: 'rule-details' }, [el('summary', null, ['Evidence of this claim ', levelTag(c.level, c.band)])]);
        if (c.evidence.length) {
          var list = el('ul', { class: 'evidence' }, []);
          c.evidence.forEach(function (e) { list.append(evidenceItem(e)); });
          ev.append(list);
        } else {
          ev.append(el('p', { class: 'absent' }, ['No evidence given.']));
        }
        into.append(ev);
      }
    }
    into.append(ruleDetails(f.rule));
  }

  // One finding; its body (claim, conflict view, evidence, rule) is built when shown: infos start collapsed.
  function findingItem(f, index) {
    var li = el('li', {
      class: 'finding sev-' + f.severity,
      id: 'finding-' + (index + 1),
      'data-severity': f.severity,
      'data-rule': f.rule,
      'data-source': f.source,
      'data-conflict': isConflict(f) ? 'true' : null
    }, []);
    li.append(el('div', { class: 'finding-head' }, [
      el('span', { class: 'badge badge-' + f.severity }, [f.severity]),
      el('p', { class: 'message' }, [f.message])
    ]));
    li.append(el('div', { class: 'finding-meta' }, [
      el('span', { class: 'mono' }, [loc(f.file, f.line, f.column)]),
      f.claim ? el('code', null, [f.claim]) : null,
      el('span', null, ['Rule ', ruleLink(f.rule)])
    ]));
    var more = el('details', { class: 'finding-more' }, [el('summary', null, [isConflict(f) ? 'The claims side by side' : 'Details'])]);
    var built = false;
    function build() {
      if (built) return;
      // The body shows the claims: until they are read, it waits.
      if (!detailsReady) {
        if (pending.indexOf(build) < 0) pending.push(build);
        return;
      }
      built = true;
      findingBody(f, more);
    }
    more.addEventListener('toggle', function () { if (more.open) build(); });
    if (f.severity !== 'info') {
      build();
      more.open = true;
    }
    li.append(more);
    return li;
  }

  // Where sources disagree: one table per subject and property, one row per claim.
  var DIS_PAGE = 20;
  function disagreementTable(d) {
    var claims = d.claims.map(function (id) { return data.claims[id]; });
    var facetNames = FACETS.filter(function (n) { return claims.some(function (c) { return has(c.facets, n); }); });
    function state(values) {
      var stated = values.filter(function (v) { return v !== null; });
      if (stated.length < values.length) return stated.length ? 'one-sided' : 'same';
      return new Set(stated).size > 1 ? 'differs' : 'same';
    }
    var valueState = state(claims.map(function (c) { return c.value; }));
    var facetState = {};
    facetNames.forEach(function (n) { facetState[n] = state(claims.map(function (c) { var v = facetOf(c, n); return v ? v.key : null; })); });
    var clusters = [];
    d.sets.forEach(function (set) { set.clusters.forEach(function (c) { clusters.push(c); }); });
    var clusterOf = d.clusterOf || [];
    var withCluster = clusterOf.some(function (i) { return i >= 0; });
    var head = el('tr', null, [el('th', { scope: 'col' }, ['Source']), el('th', { scope: 'col' }, ['Claim']), el('th', { scope: 'col' }, ['Value']), withCluster ? el('th', { scope: 'col' }, ['Cluster']) : null]);
    facetNames.forEach(function (n) { head.append(el('th', { scope: 'col' }, [FACET_LABEL[n] || n])); });
    head.append(el('th', { scope: 'col' }, ['Best evidence']));
    var body = el('tbody', null, []);
    // Many claims on one subject and property: the first rows, then all on request.
    var ROWS = 12;
    function row(c, k) {
      var ci = clusterOf[k] === undefined ? -1 : clusterOf[k];
      var tr = el('tr', { 'data-claim': c.id, 'data-cluster': ci >= 0 ? clusterName(ci) : null }, [
        el('th', { scope: 'row' }, [c.sourceTitle, el('span', { class: 'muted mono', style: null }, [' ' + loc(c.file, c.line, c.column)])]),
        el('td', null, [el('q', null, [c.text])]),
        el('td', { class: valueState === 'same' ? null : valueState }, [c.value]),
        withCluster ? el('td', null, ci >= 0 ? [clusterTag(ci, clusters[ci])] : [el('span', { class: 'absent' }, ['none'])]) : null
      ]);
      facetNames.forEach(function (n) {
        var v = facetOf(c, n);
        tr.append(el('td', { class: facetState[n] === 'same' ? null : facetState[n] }, v ? [v.value] : [el('span', { class: 'absent' }, ['not stated'])]));
      });
      tr.append(el('td', null, [levelTag(c.level, c.band)]));
      body.append(tr);
    }
    claims.slice(0, ROWS).forEach(function (c, k) { row(c, k); });
    var allRows = null;
    if (claims.length > ROWS) {
      allRows = el('button', { type: 'button', class: 'more' }, ['Show all ' + claims.length + ' rows']);
      allRows.addEventListener('click', function () {
        claims.slice(ROWS).forEach(function (c, k) { row(c, ROWS + k); });
        allRows.hidden = true;
      });
    }
    var rules = d.rules.map(function (i) { return data.ruleIds[i]; });
    var counts = d.findings
      ? plural(d.findings, 'conflict finding') + ' (' + rules.join(', ') + '); ' + plural(claims.length, 'claim')
      : 'No conflict finding reported (its rules are off or the findings suppressed)';
    return el('article', { class: 'dis', 'data-subject': d.subject, 'data-property': d.property }, [
      el('h3', null, [d.subject + ' · ' + d.property]),
      el('p', { class: 'muted' }, [counts]),
      clusterTables(d),
      claims.length ? el('div', { class: 'table-scroll' }, [el('table', { class: 'dis-table' }, [
        el('caption', { class: 'sr-only' }, ['What each source says about ' + d.subject + ' · ' + d.property]),
        el('thead', null, [head]), body
      ])]) : null,
      allRows
    ]);
  }

  // Clusters: letters over the entry's sets in order (A, B, … Z, AA, …).
  function clusterName(i) {
    var s = '';
    i += 1;
    while (i > 0) { var m = (i - 1) % 26; s = String.fromCharCode(65 + m) + s; i = Math.floor((i - 1) / 26); }
    return s;
  }
  function clusterTag(i, c) {
    return el('span', { class: 'cluster-tag' + (c && c.prevailing ? ' is-prevailing' : ''), title: c && c.prevailing ? 'The prevailing cluster' : null }, [clusterName(i)]);
  }
  var DIMENSION_LABEL = { value: 'by value', direction: 'by direction of effect', magnitude: 'by size of effect' };
  function clusterLevel(level) {
    return level === null ? el('span', { class: 'lvl lvl-none' }, ['no rated evidence']) : levelTag(level);
  }
  function sourceName(i) {
    var id = data.sourceIds[i];
    return has(data.sources, id) ? data.sources[id].title + ' (' + id + ')' : id;
  }
  var SOURCES_SHOWN = 8;
  function sourceList(indexes) {
    var ul = el('ul', { class: 'src-list' }, []);
    indexes.slice(0, SOURCES_SHOWN).forEach(function (i) { ul.append(el('li', null, [sourceName(i)])); });
    if (indexes.length > SOURCES_SHOWN) {
      var more = el('button', { type: 'button', class: 'link-button' }, ['and ' + (indexes.length - SOURCES_SHOWN) + ' more']);
      more.addEventListener('click', function () {
        indexes.slice(SOURCES_SHOWN).forEach(function (i) { ul.append(el('li', null, [sourceName(i)])); });
        more.parentNode.remove();
      });
      ul.append(el('li', null, [more]));
    }
    return ul;
  }
  function clusterTables(d) {
    if (!d.sets || d.sets.length === 0) return null;
    var wrap = el('div', { class: 'clusters' }, []);
    var index = 0;
    d.sets.forEach(function (set) {
      var body = el('tbody', null, []);
      set.clusters.forEach(function (c) {
        var i = index++;
        body.append(el('tr', { class: c.prevailing ? 'prevailing' : null, 'data-cluster': clusterName(i), 'data-prevailing': c.prevailing ? 'true' : null }, [
          el('th', { scope: 'row' }, [clusterTag(i, c), c.prevailing ? el('span', { class: 'prevailing-tag' }, ['prevailing']) : null]),
          el('td', null, [c.value]),
          el('td', null, [sourceList(c.sources)]),
          el('td', null, [String(c.claims)]),
          el('td', null, [clusterLevel(c.level)])
        ]));
      });
      wrap.append(el('div', { class: 'table-scroll' }, [el('table', { class: 'cluster-table', 'data-dimension': set.dimension }, [
        el('caption', { class: 'muted', style: null }, ['Clusters ' + (DIMENSION_LABEL[set.dimension] || set.dimension) + ': ' + plural(set.clusters.length, 'cluster')]),
        el('thead', null, [el('tr', null, [
          el('th', { scope: 'col' }, ['Cluster']), el('th', { scope: 'col' }, ['Value']), el('th', { scope: 'col' }, ['Sources']),
          el('th', { scope: 'col' }, ['Claims']), el('th', { scope: 'col' }, ['Best evidence'])
        ])]),
        body
      ])]));
    });
    return wrap;
  }
  // Citations within the register: per cited source, who cites it and whether the cited work agrees.
  var VERDICT_LABEL = ['agrees', 'disagrees', 'says nothing on it', 'not comparable'];
  var VERDICT_CLASS = ['supports', 'contradicts', 'silent', 'unchecked'];
  var MATCHED_LABEL = { doi: 'DOI', pmid: 'PubMed id', url: 'URL', 'title-year': 'title and year' };
  var CITED_PAGE = 20;
  var CITATION_PAGE = 10;
  function claimCell(id, value) {
    var c = has(data.claims, id) ? data.claims[id] : null;
    return [el('code', null, [id]), value !== null ? el('div', null, ['says ', el('strong', null, [value])]) : null, c ? el('div', { class: 'muted' }, [el('q', null, [c.text])]) : null];
  }
  function citationRows(p, body) {
    var rows = [];
    var citing = [sourceName(p.from), el('div', { class: 'muted mono' }, [data.files[p.file]])];
    var ref = ['[' + p.ref + '] ', el('span', { class: 'muted' }, ['by ' + (MATCHED_LABEL[p.matchedBy] || p.matchedBy)])];
    if (p.claims.length === 0) {
      rows.push(el('tr', { 'data-verdict': 'none' }, [el('th', { scope: 'row' }, citing), el('td', null, ref),
        el('td', { colspan: '3' }, [el('span', { class: 'absent' }, ['No claim of the source cites this reference.'])])]));
    }
    p.claims.forEach(function (x) {
      var verdict = VERDICT_CLASS[x[1]];
      var f = x[4] >= 0 ? data.findings[x[4]] : null;
      var said = x[3].length
        ? x[3].map(function (y) { return el('div', null, claimCell(y[0], y[1])); })
        : [el('span', { class: 'absent' }, ['nothing on this subject and property'])];
      var verdictCell = el('td', null, [el('span', { class: 'verdict verdict-' + verdict }, [VERDICT_LABEL[x[1]]])]);
      if (f) {
        var link = el('a', { href: '#finding-' + (x[4] + 1), class: 'finding-link', 'data-finding': String(x[4] + 1) }, ['See the finding (' + f.severity + ')']);
        link.addEventListener('click', function (e) { e.preventDefault(); revealFinding(x[4]); });
        verdictCell.append(el('div', null, [link]));
      }
      rows.push(el('tr', { class: verdict === 'contradicts' ? 'disagrees' : null, 'data-verdict': verdict, 'data-claim': x[0] }, [
        el('th', { scope: 'row' }, citing.map(function (n) { return typeof n === 'string' ? n : n.cloneNode(true); })),
        el('td', null, ref.map(function (n) { return typeof n === 'string' ? n : n.cloneNode(true); })),
        el('td', null, claimCell(x[0], x[2])),
        el('td', null, said),
        verdictCell
      ]));
    });
    rows.forEach(function (r) { body.append(r); });
  }
  function citedArticle(s) {
    var body = el('tbody', null, []);
    var citing = new Set(s.citations.map(function (p) { return p.from; })).size;
    var article = el('article', { class: 'cited' + (s.disagreeing ? ' has-disagreement' : ''), 'data-source': data.sourceIds[s.source] }, [
      el('h3', null, [sourceName(s.source), ' ', el('span', { class: 'muted mono' }, [data.files[s.file]])]),
      el('p', { class: 'muted' }, ['Cited by ' + plural(citing, 'source') + (s.disagreeing ? '; ' + plural(s.disagreeing, 'citing claim') + ' it contradicts' : '')]),
      el('div', { class: 'table-scroll' }, [el('table', { class: 'cite-table' }, [
        el('caption', { class: 'sr-only' }, ['Who cites ' + sourceName(s.source) + ', and whether it agrees']),
        el('thead', null, [el('tr', null, [
          el('th', { scope: 'col' }, ['Citing source']), el('th', { scope: 'col' }, ['Reference']), el('th', { scope: 'col' }, ['Citing claim']),
          el('th', { scope: 'col' }, ['The cited work says']), el('th', { scope: 'col' }, ['Verdict'])
        ])]),
        body
      ])])
    ]);
    // The citations a page at a time (disagreeing ones first).
    pager(s.citations.length, CITATION_PAGE, function (from, to) {
      for (var k = from; k < to; k++) citationRows(s.citations[k], body);
    }, article);
    return article;
  }
  // The views that need the details: rendered once they are read.
  var detailsReady = false;
  var pending = [];
  function renderDetailViews() {
    var disList = document.getElementById('disagreement-list');
    disList.textContent = '';
    var disShown = 0;
    var disMore = el('button', { type: 'button', class: 'more', id: 'disagreement-more' }, []);
    function showDisagreements() {
      var next = data.disagreements.slice(disShown, disShown + DIS_PAGE);
      next.forEach(function (d) { disList.insertBefore(disagreementTable(d), disMore); });
      disShown += next.length;
      var left = data.disagreements.length - disShown;
      disMore.hidden = left <= 0;
      disMore.textContent = 'Show ' + Math.min(left, DIS_PAGE) + ' more (' + left + ' left)';
    }
    disMore.addEventListener('click', showDisagreements);
    if (data.disagreements.length === 0) disList.append(el('p', { class: 'muted' }, ['No conflict findings: the sources do not disagree.']));
    else {
      disList.append(disMore);
      showDisagreements();
    }
    var citeList = document.getElementById('citation-list');
    citeList.textContent = '';
    if (data.cited.length === 0) citeList.append(el('p', { class: 'muted' }, ['No source of the register cites another source of the register.']));
    else pager(data.cited.length, CITED_PAGE, function (from, to) {
      for (var k = from; k < to; k++) citeList.insertBefore(citedArticle(data.cited[k]), citeList.lastChild);
    }, citeList);
  }

  // Show one finding: the filters narrowed to its rule and claim, then scrolled to and opened.
  function revealFinding(i) {
    var f = data.findings[i];
    SEVERITIES.forEach(function (sev) { document.getElementById('filter-' + sev).checked = true; });
    sourceSelect.value = '';
    groupSelect.value = '';
    ruleSelect.value = f.rule;
    textInput.value = f.claim || '';
    apply();
    var li = document.getElementById('finding-' + (i + 1));
    if (!li) return;
    var more = li.querySelector('details.finding-more');
    if (more && !more.open) more.open = true;
    li.scrollIntoView({ block: 'start' });
    li.setAttribute('tabindex', '-1');
    li.focus({ preventScroll: true });
  }

  // The findings: filtered, then shown a page at a time, flat (worst first) or in groups.
  var PAGE = 200;
  var GROUP_PAGE = 50;
  var IN_GROUP_PAGE = 200;
  var list = document.getElementById('finding-list');
  var items = data.findings.map(function (f, i) {
    return { f: f, i: i, hay: null };
  });
  var SEV_RANK = { error: 0, warning: 1, info: 2 };

  function pager(total, size, render, container) {
    var shown = 0;
    var button = el('button', { type: 'button', class: 'more' }, []);
    function next() {
      var upto = Math.min(total, shown + size);
      render(shown, upto);
      shown = upto;
      button.hidden = shown >= total;
      button.textContent = 'Show ' + Math.min(size, total - shown) + ' more (' + (total - shown) + ' left)';
    }
    button.addEventListener('click', next);
    container.append(button);
    next();
    return button;
  }

  function renderFlat(matched) {
    var ol = el('ol', { id: 'flat' }, []);
    list.append(ol);
    var button = pager(matched.length, PAGE, function (from, to) {
      for (var k = from; k < to; k++) ol.append(findingItem(matched[k].f, matched[k].i));
    }, list);
    list.append(button);
  }

  function groupKey(f, by) {
    if (by === 'file') return f.file;
    if (by === 'rule') return f.rule;
    return f.claim || f.file;
  }

  function renderGroups(matched, by) {
    var groups = [];
    var index = Object.create(null);
    matched.forEach(function (it) {
      var key = groupKey(it.f, by);
      var g = index[key];
      if (!g) {
        g = index[key] = { key: key, items: [], worst: 2 };
        groups.push(g);
      }
      g.items.push(it);
      g.worst = Math.min(g.worst, SEV_RANK[it.f.severity]);
    });
    groups.sort(function (a, b) { return a.worst - b.worst || b.items.length - a.items.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0); });
    var wrap = el('div', null, []);
    list.append(wrap);
    pager(groups.length, GROUP_PAGE, function (from, to) {
      for (var k = from; k < to; k++) wrap.append(groupSection(groups[k], by));
    }, list);
  }

  function groupSection(g, by) {
    var first = g.items[0].f;
    var label = [el('span', { class: by === 'rule' ? null : 'mono' }, [g.key])];
    if (by === 'file' && has(data.sources, first.source)) label.push(el('span', { class: 'src-title' }, [data.sources[first.source].title]));
    if (by === 'claim' && first.claim && has(data.claims, first.claim)) label.push(el('span', { class: 'src-title' }, [data.claims[first.claim].text]));
    if (by === 'rule' && has(data.rules, g.key)) label.push(el('span', { class: 'src-title' }, [data.rules[g.key].summary]));
    label.push(el('span', { class: 'badge worst badge-' + SEV_NAMES[g.worst] }, [SEV_NAMES[g.worst]]));
    label.push(el('span', { class: 'muted group-count' }, [plural(g.items.length, 'finding')]));
    var ol = el('ol', null, []);
    var section = el('section', { class: 'group file-group', 'data-group': by, 'data-key': g.key, 'data-file': by === 'file' ? g.key : null }, [el('h3', null, label), ol]);
    pager(g.items.length, IN_GROUP_PAGE, function (from, to) {
      for (var k = from; k < to; k++) ol.append(findingItem(g.items[k].f, g.items[k].i));
    }, section);
    return section;
  }

  // Filter controls.
  var ruleSelect = document.getElementById('filter-rule');
  var sourceSelect = document.getElementById('filter-source');
  var textInput = document.getElementById('filter-text');
  var groupSelect = document.getElementById('group-by');
  var countEl = document.getElementById('visible-count');
  var noMatch = document.getElementById('no-match');
  var ruleCounts = Object.create(null);
  var sourceCounts = Object.create(null);
  data.findings.forEach(function (f) {
    ruleCounts[f.rule] = (ruleCounts[f.rule] || 0) + 1;
    sourceCounts[f.source] = (sourceCounts[f.source] || 0) + 1;
  });
  var prefixes = Object.create(null);
  Object.keys(ruleCounts).sort().forEach(function (id) {
    var p = id.indexOf('/') > 0 ? id.slice(0, id.indexOf('/')) : '';
    (prefixes[p] = prefixes[p] || []).push(id);
  });
  Object.keys(prefixes).sort().forEach(function (p) {
    var ids = prefixes[p];
    var group = el('optgroup', { label: p || 'other' }, []);
    if (p && ids.length > 1) {
      var n = ids.reduce(function (s, id) { return s + ruleCounts[id]; }, 0);
      group.append(el('option', { value: p + '/*' }, ['all ' + p + '/ rules (' + n + ')']));
    }
    ids.forEach(function (id) { group.append(el('option', { value: id }, [id + ' (' + ruleCounts[id] + ')'])); });
    ruleSelect.append(group);
  });
  Object.keys(sourceCounts).sort().forEach(function (id) {
    var src = has(data.sources, id) ? data.sources[id] : null;
    sourceSelect.append(el('option', { value: id }, [(src ? id + ' — ' + src.title : id) + ' (' + sourceCounts[id] + ')']));
  });

  // What the text filter searches, made the first time it is used.
  function hayOf(it) {
    if (it.hay === null) it.hay = [it.f.message, it.f.text || '', it.f.claim || '', it.f.rule, it.f.file].join('\n').toLowerCase();
    return it.hay;
  }

  function apply() {
    var sev = Object.create(null);
    SEVERITIES.forEach(function (s) { sev[s] = document.getElementById('filter-' + s).checked; });
    var rule = ruleSelect.value;
    var source = sourceSelect.value;
    var words = textInput.value.toLowerCase().split(/\s+/).filter(Boolean);
    var matched = items.filter(function (it) {
      var f = it.f;
      return sev[f.severity] &&
        (!rule || (rule.slice(-2) === '/*' ? f.rule.indexOf(rule.slice(0, -1)) === 0 : f.rule === rule)) &&
        (!source || f.source === source) &&
        (words.length === 0 || words.every(function (w) { return hayOf(it).indexOf(w) >= 0; }));
    });
    list.textContent = '';
    if (groupSelect.value) renderGroups(matched, groupSelect.value);
    else renderFlat(matched);
    countEl.textContent = '';
    countEl.append('Showing ', el('strong', null, [String(matched.length)]), ' of ' + plural(data.findings.length, 'finding'));
    countEl.setAttribute('data-visible', String(matched.length));
    noMatch.hidden = matched.length > 0 || data.findings.length === 0;
  }

  var form = document.getElementById('filters');
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  document.getElementById('loading').remove();
  apply();
  if (data.findings.length === 0) {
    list.append(el('p', { class: 'notice' }, ['No problems found in ' + plural(data.summary.claims, 'claim') + '.']));
  }
  document.body.setAttribute('data-list', 'true');
  mark('list');

  // Then the details, once the page (and the block holding them, after this script) is parsed.
  function whenParsed(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }
  whenParsed(function () {
    decode('claimlint-details').then(function (details) {
      mark('details-decoded');
      attachDetails(data, details);
      items.forEach(function (it) { it.hay = null; });
      detailsReady = true;
      var waiting = pending;
      pending = [];
      waiting.forEach(function (build) { build(); });
      renderDetailViews();
      document.body.setAttribute('data-ready', 'true');
      mark('ready');
    }).catch(failed);
  });
  }
})();
`;

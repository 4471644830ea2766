import { defineCheck, type Report } from '../engine/run/check.js';
import type { LoadedClaim, LoadedReference, RegisterFile } from '../engine/load/loader.js';
import type { CitationGraph } from '../engine/register/citations.js';
import { disagreement } from '../engine/register/disagreement.js';
import { evidenceOf } from '../engine/register/evidence.js';
import { pairContext } from '../engine/register/pairs.js';
import { publishedYear } from '../engine/register/values.js';
import type { Vocabulary } from '../engine/register/vocabulary.js';
import type { Design, SourceKind } from '../model.js';

interface Options {
  /** Source kinds that issue guidance. */
  guidelineKinds: SourceKind[];
  /** Reference designs that mark a cited work as guidance. */
  guidelineDesigns: Design[];
}

/**
 * Outdated guidance. (1) A claim that cites a work marked `superseded_by`
 * (on the reference, or on the register source the reference is), reported
 * at the citation with the newer work as related. (2) A claim that rests on
 * guidance older than a guideline of the register — a cited guideline, or
 * the claim's own source when it cites none — and whose value that newer
 * guideline contradicts on the same subject and property, reported at the
 * claim's value with the guideline's claim as related. Claims of guideline
 * sources themselves are what those guidelines said: they are left out of
 * (2). Uses the register's citation graph and subject/property index.
 */
export default defineCheck<Options>({
  name: 'superseded-guidance',
  summary: 'A claim resting on superseded guidance, or contradicted by a newer guideline',
  optionsSchema: {
    type: 'object',
    properties: {
      guidelineKinds: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
      guidelineDesigns: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
    },
  },
  defaultOptions: { guidelineKinds: ['guideline', 'regulatory'], guidelineDesigns: ['guideline'] },
  messages: {
    default: 'Rests on {{work}} (reference {{ref}}), superseded by {{newer}}: check the claim against the newer work and cite it',
    contradicted:
      'States {{value}}, resting on guidance from {{basis}}; the newer {{guideline}} ({{year}}) says {{newValue}} ({{newClaim}}): bring the claim up to date with the current guidance',
    unknown:
      'May state outdated guidance: {{value}}, resting on guidance from {{basis}}; the newer {{guideline}} ({{year}}) says {{newValue}} ({{newClaim}}){{context}}; state the context to confirm',
  },
  run({ register, options, report, inScope, vocabulary }) {
    const graph = register.citations;
    const guidelineKinds = new Set<string>(options.guidelineKinds);
    const guidelineDesigns = new Set<string>(options.guidelineDesigns);
    const isGuideline = (f: RegisterFile | undefined) => f?.source !== undefined && guidelineKinds.has(f.source.kind);

    // (1) citations of superseded works. Every file is read, in scope or not: a finding names the newer work as related,
    // and a run given that work's file reports it (a full run's findings in or about the given files; see CheckContext.inScope).
    for (const f of register.files) {
      if (f.references.length === 0) continue;
      const refs = referencesOf(f);
      for (const c of f.claims) {
        evidenceOf(c.claim).forEach((item, i) => {
          (Array.isArray(item.cites) ? item.cites : []).forEach((id, j) => {
            const r = refs.get(String(id));
            if (!r) return;
            const superseded = supersession(r, graph);
            if (!superseded) return;
            report({
              file: f,
              range: c.range(['evidence', i, 'cites', j]),
              claim: c,
              related: [r, ...(superseded.newer ? [superseded.newer] : [])],
              data: { work: superseded.work, ref: String(id), newer: superseded.newerName },
            });
          });
        });
      }
    }

    // (2) recommendations a newer guideline of the register contradicts
    for (const group of register.subjectPropertyGroups()) {
      const guidance = group
        .filter((c) => isGuideline(c.file) && c.claim.value !== undefined)
        .map((c) => ({ claim: c, year: publishedYear(c.source) }))
        .filter((g): g is Guidance => g.year !== undefined)
        // Newest first (stable: the register's order among guidelines of one year).
        .sort((a, b) => b.year - a.year);
      if (guidance.length === 0) continue;
      // A finding sits at the claim and names the guideline's claim: a group with a guideline in scope is read whole.
      const guidanceInScope = guidance.some((g) => inScope(g.claim.file));
      const statements = statementsOf(guidance);
      // Claims that state the same (value, date, context, subject) get the same verdicts: worked out once.
      const verdictsBySignature = new Map<string, Array<Verdict | null>>();
      for (const x of group) {
        if (isGuideline(x.file) || x.claim.value === undefined || (!guidanceInScope && !inScope(x.file))) continue;
        const basis = basisOf(x, graph, guidelineDesigns, guidelineKinds);
        if (!basis) continue;
        const signature = statementKey(x, publishedYear(x.source));
        let verdicts = verdictsBySignature.get(signature);
        if (!verdicts) verdictsBySignature.set(signature, (verdicts = new Array<Verdict | null>(statements.length)));
        const best = newestContradicting(guidance, statements, x.file, basis.year, (s) => {
          let v = verdicts[s];
          if (v === undefined) verdicts[s] = v = verdictOf(guidance[statements[s]![0]!]!.claim, x, vocabulary);
          return v;
        });
        if (!best) continue;
        const { at, verdict } = best;
        const g = guidance[at]!;
        const r: Report = {
          file: x.file,
          range: x.range(['value']),
          claim: x,
          related: [g.claim],
          ...(verdict.match ? { messageId: 'contradicted' } : { messageId: 'unknown', demote: true }),
          data: {
            value: verdict.value,
            basis: basis.name,
            guideline: g.claim.source.id,
            year: g.year,
            newValue: verdict.newValue,
            newClaim: g.claim.fullId,
            context: verdict.note,
          },
        };
        report(r);
      }
    }
  },
});

interface Guidance {
  claim: LoadedClaim;
  year: number;
}

/** How a guideline's statement bears on a claim: it contradicts it, and their contexts match (or may). */
interface Verdict {
  value: string;
  newValue: string;
  note: string;
  match: boolean;
}

/**
 * What a comparison of two claims reads of each: the value and the source's
 * year (the value's facts: disagreement.ts), the context and the subject
 * (pairContext). Claims with the same key compare alike with any claim.
 */
function statementKey(c: LoadedClaim, year: number | undefined): string {
  return JSON.stringify([c.claim.value, year ?? null, c.claim.context ?? null, c.claim.subject]);
}

/**
 * The guidance of a group by distinct statement ({@link statementKey}), each
 * the positions of its guidelines in the newest-first order, statements in
 * the order of their first (newest) guideline: a claim is
 * compared with each statement once, not with every guideline, and the
 * newest guideline of a statement that qualifies is found from the front.
 */
function statementsOf(guidance: readonly Guidance[]): number[][] {
  const index = new Map<string, number[]>();
  guidance.forEach((g, i) => {
    const key = statementKey(g.claim, g.year);
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  return [...index.values()];
}

/**
 * The newest guideline that contradicts a claim: from another file than the
 * claim's, newer than `after` (the claim's basis); one whose context matches
 * wins over one whose context may differ. `statements` holds each distinct
 * statement's positions in `guidance` (newest first), `verdict` says how a
 * statement bears on the claim (null: not at all), asked once per statement
 * at most and not for a statement that cannot win. The same answer as a scan
 * of every guideline, newest first, in O(statements newer than `after`).
 */
export function newestContradicting<V extends { match: boolean }>(
  guidance: ReadonlyArray<{ year: number; claim: { file: unknown } }>,
  statements: readonly (readonly number[])[],
  file: unknown,
  after: number,
  verdict: (statement: number) => V | null,
): { at: number; verdict: V } | undefined {
  let best: { at: number; verdict: V } | undefined;
  // Statements come in the order of their newest guideline (statementsOf), so the scan stops at the first statement
  // whose newest guideline is not newer than the basis, or comes after a match.
  for (let s = 0; s < statements.length; s++) {
    const positions = statements[s]!;
    const first = positions[0]!;
    if (guidance[first]!.year <= after || (best?.verdict.match && first > best.at)) break;
    // Its newest guideline from another file: positions run newest first, so if that one is not newer, none is.
    let i = 0;
    while (i < positions.length && guidance[positions[i]!]!.claim.file === file) i++;
    const at = positions[i];
    if (at === undefined || guidance[at]!.year <= after) continue;
    // A later guideline cannot beat a match, nor an uncertain one unless it matches.
    if (best && at > best.at && best.verdict.match) continue;
    const v = verdict(s);
    if (!v) continue;
    if (!best || (v.match && !best.verdict.match) || (v.match === best.verdict.match && at < best.at)) best = { at, verdict: v };
  }
  return best;
}

/** Whether a guideline contradicts a claim, and how far their contexts match; null when it does not (or the contexts differ). */
function verdictOf(guideline: LoadedClaim, x: LoadedClaim, vocabulary: Vocabulary): Verdict | null {
  const d = disagreement(guideline, x, vocabulary);
  if (!d) return null;
  const ctx = pairContext(guideline, x, vocabulary);
  if (ctx.verdict === 'different') return null;
  return { value: d.value, newValue: d.otherValue, note: ctx.note, match: ctx.verdict === 'match' };
}

/** A file's references by id, built once per file. */
const refsByFile = new WeakMap<RegisterFile, Map<string, LoadedReference>>();
function referencesOf(f: RegisterFile): Map<string, LoadedReference> {
  let refs = refsByFile.get(f);
  if (!refs) {
    refs = new Map(f.references.map((r) => [String(r.reference.id), r]));
    refsByFile.set(f, refs);
  }
  return refs;
}

/** Whether a cited reference is superseded: marked on it, or on the register source it is. */
function supersession(
  r: LoadedReference,
  graph: CitationGraph,
): { work: string; newerName: string; newer?: RegisterFile } | undefined {
  const ref = r.reference;
  const target = graph.citationOf(r)?.to;
  const by = ref.superseded_by ?? target?.source?.superseded_by;
  if (!by) return undefined;
  const newer = graph.resolveWork(by);
  const work = target?.source?.id ?? ref.title ?? ref.doi ?? ref.url ?? `reference ${ref.id}`;
  const newerName = newer?.source ? `${newer.source.id}${publishedYear(newer.source) !== undefined ? ` (${publishedYear(newer.source)})` : ''}` : by;
  return { work, newerName, ...(newer ? { newer } : {}) };
}

/**
 * The guidance a claim rests on, with its year: the newest guideline it
 * cites (a reference of a guideline design, or one that is a guideline
 * source of the register), else the claim's own source's date.
 */
function basisOf(
  c: LoadedClaim,
  graph: CitationGraph,
  designs: ReadonlySet<string>,
  kinds: ReadonlySet<string>,
): { year: number; name: string } | undefined {
  const refs = referencesOf(c.file);
  let best: { year: number; name: string } | undefined;
  for (const item of evidenceOf(c.claim)) {
    for (const id of Array.isArray(item.cites) ? item.cites : []) {
      const r = refs.get(String(id));
      if (!r) continue;
      const target = graph.citationOf(r)?.to?.source;
      const isGuide = (r.reference.design !== undefined && designs.has(r.reference.design)) || (target !== undefined && kinds.has(target.kind));
      const year = r.reference.year ?? (target ? publishedYear(target) : undefined);
      if (!isGuide || year === undefined) continue;
      if (!best || year > best.year) best = { year, name: `${year} (reference ${r.reference.id})` };
    }
  }
  if (best) return best;
  const own = publishedYear(c.source);
  return own === undefined ? undefined : { year: own, name: `${own} (the source's date)` };
}

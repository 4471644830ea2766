import { defineCheck } from '../engine/run/check.js';
import { counted } from './wording.js';
import { evidenceOf } from '../engine/register/evidence.js';
import type { LoadedClaim, LoadedReference } from '../engine/load/loader.js';
import { SEVERITY_RANK, type Notice, type NoticeType, type Reference, type SeveritySetting } from '../model.js';

type NoticeSeverities = Record<NoticeType, SeveritySetting>;

interface Options {
  /** The severity of a finding by notice type (Crossmark update types); `off` ignores that type. */
  severities: Partial<NoticeSeverities>;
}

const DEFAULT_SEVERITIES: NoticeSeverities = { retraction: 'error', 'expression-of-concern': 'warning', erratum: 'info', correction: 'info' };

const NOTICE_TYPES: readonly NoticeType[] = ['retraction', 'expression-of-concern', 'erratum', 'correction'];

const LABEL: Record<NoticeType, string> = {
  retraction: 'a retraction notice',
  'expression-of-concern': 'an expression of concern',
  erratum: 'an erratum',
  correction: 'a correction',
};

const ADVICE: Record<NoticeType, string> = {
  retraction: 'do not rely on it; remove the claims that rest on it, or support them with another source',
  'expression-of-concern': 'treat it with caution, and check whether the concern has been resolved before relying on it',
  erratum: 'check the claims that rest on it against the corrected version',
  correction: 'check the claims that rest on it against the corrected version',
};

/** At most this many claims are listed as related to a source-level finding. */
const MAX_RELATED = 10;

function noticeData(n: Notice): Record<string, string> {
  const date = n.date !== undefined && /^\d{4}(-\d{2}){0,2}$/.test(String(n.date)) ? ` (${String(n.date)})` : '';
  return { notice: LABEL[n.type], type: n.type, date, advice: ADVICE[n.type] };
}

/** The notices of a source or reference, with their index in its `notices` list. */
function noticesOf(x: { notices?: Notice[] }): Array<{ notice: Notice; index: number }> {
  if (!Array.isArray(x.notices)) return [];
  return x.notices.map((notice, index) => ({ notice, index })).filter(({ notice }) => NOTICE_TYPES.includes(notice.type));
}

/**
 * Claims drawn from a source, or citing a reference, that carries an update
 * notice (retraction, expression of concern, erratum, correction). The
 * severity of each finding depends on the notice type.
 *
 * - A notice on the source itself: one finding at the notice, with the
 *   source's claims as related (not one per claim: they share one cause).
 * - A notice on a reference: one finding per claim citing it, at the
 *   citation (each claim needs review), with the reference as related; a
 *   reference with a notice that no claim cites: one finding at the notice.
 */
export default defineCheck<Options>({
  name: 'update-notice',
  summary: 'Claims from a source, or citing a reference, that carries a retraction, expression of concern, erratum or correction',
  optionsSchema: {
    type: 'object',
    properties: {
      severities: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(NOTICE_TYPES.map((t) => [t, { enum: ['off', 'info', 'warning', 'error'] }])),
      },
    },
  },
  defaultOptions: { severities: { ...DEFAULT_SEVERITIES } },
  messages: {
    default: 'Source "{{source}}" carries {{notice}}{{date}}: {{advice}} ({{claims}} drawn from it)',
    reference: 'Claim "{{id}}" cites reference "{{ref}}", which carries {{notice}}{{date}}: {{advice}}',
    'uncited-reference': 'Reference "{{ref}}" of {{source}} carries {{notice}}{{date}}: {{advice}}',
  },
  run({ register, options, report }) {
    // Options given in a rule or configuration may set only some types; the rest keep their defaults.
    const severities: NoticeSeverities = { ...DEFAULT_SEVERITIES, ...options.severities };
    const enabled = (n: Notice) => severities[n.type] !== 'off';
    const rank = (n: Notice) => {
      const s = severities[n.type];
      return s === 'off' ? 0 : SEVERITY_RANK[s];
    };
    /** The notice that decides a reference's finding: the most severe one. */
    const decisive = (r: Reference): { notice: Notice; index: number } | undefined =>
      noticesOf(r)
        .filter((x) => enabled(x.notice))
        .reduce<{ notice: Notice; index: number } | undefined>((best, x) => (best === undefined || rank(x.notice) > rank(best.notice) ? x : best), undefined);

    for (const file of register.files) {
      const source = file.source;
      if (!source) continue;

      for (const { notice: n, index: i } of noticesOf(source)) {
        const sev = severities[n.type];
        if (sev === 'off') continue;
        report({
          file,
          range: file.sourceRange(['notices', i, 'type']),
          severity: sev,
          related: file.claims.slice(0, MAX_RELATED),
          key: `notice ${n.type}`,
          relatedIsGroup: true,
          data: { source: source.id, count: file.claims.length, claims: counted(file.claims.length, 'claim'), ...noticeData(n) },
        });
      }

      const withNotice = new Map<string, { ref: LoadedReference; notice: Notice; index: number }>();
      for (const r of file.references) {
        const d = decisive(r.reference);
        if (d && !withNotice.has(String(r.reference.id))) withNotice.set(String(r.reference.id), { ref: r, ...d });
      }
      if (withNotice.size === 0) continue;

      const cited = new Set<string>();
      const citing = (c: LoadedClaim) => {
        const seen = new Set<string>();
        evidenceOf(c.claim).forEach((item, index) => {
          (item.cites ?? []).forEach((rawId, k) => {
            const id = String(rawId);
            const hit = withNotice.get(id);
            cited.add(id);
            if (!hit || seen.has(id)) return;
            seen.add(id);
            const sev = severities[hit.notice.type];
            if (sev === 'off') return;
            report({
              file,
              range: c.range(['evidence', index, 'cites', k]),
              claim: c,
              messageId: 'reference',
              severity: sev,
              related: [hit.ref],
              data: { id: c.claim.id, ref: id, source: source.id, ...noticeData(hit.notice) },
            });
          });
        });
      };
      file.claims.forEach(citing);

      for (const [id, hit] of withNotice) {
        if (cited.has(id)) continue;
        const sev = severities[hit.notice.type];
        if (sev === 'off') continue;
        report({
          file,
          range: hit.ref.range(['notices', hit.index, 'type']),
          messageId: 'uncited-reference',
          key: `#${id} notice`,
          severity: sev,
          data: { ref: id, source: source.id, ...noticeData(hit.notice) },
        });
      }
    }
  },
});

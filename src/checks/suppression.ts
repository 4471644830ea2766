import { defineCheck, type ReportLocation } from '../engine/run/check.js';
import type { Directive } from '../engine/run/suppressions.js';

/** Where a directive is: its claim file, or the source document it is written in. */
const where = (d: Directive): ReportLocation => (d.file ? { file: d.file } : { document: d.path });

interface Options {
  /** Report directives that give no reason after `--`. */
  requireReason: boolean;
  /** Report directives that suppress nothing. */
  reportUnused: boolean;
}

/**
 * Checks inline suppression comments (`# claimlint-disable-next-line rule --
 * reason`): one without a reason, or one that suppresses nothing, is itself a
 * finding. Runs after the other rules' findings were filtered.
 */
export default defineCheck<Options>({
  name: 'suppression',
  summary: 'Suppression comments without a reason, or that suppress nothing',
  phase: 'after-suppressions',
  optionsSchema: { type: 'object', properties: { requireReason: { type: 'boolean' }, reportUnused: { type: 'boolean' } } },
  defaultOptions: { requireReason: true, reportUnused: true },
  messages: {
    default: 'claimlint-{{kind}} gives no reason: add one after "--" (e.g. "-- quoted as the source says it")',
    unused: 'claimlint-{{kind}} {{rules}} suppresses nothing: remove it',
    'unused-rule': 'claimlint-{{kind}} names {{rules}}, which reported nothing here: remove {{them}}',
  },
  run({ directives, options, report }) {
    for (const d of directives) {
      const kind = d.kind;
      // Identified by what the directive says, not by its line.
      const said = `${kind} ${d.rules.join(',')}`;
      if (options.requireReason && !d.reason) report({ ...where(d), range: d.range, key: `no reason: ${said}`, data: { kind } });
      if (!options.reportUnused) continue;
      if (d.used.size === 0) {
        report({ ...where(d), range: d.range, key: `unused: ${said}`, messageId: 'unused', data: { kind, rules: d.rules.length ? d.rules.join(', ') : '(all rules)' } });
      } else if (d.rules.length > 1) {
        const idle = d.rules.filter((r) => !d.used.has(r));
        if (idle.length) {
          report({ ...where(d), range: d.range, key: `unused: ${said}`, messageId: 'unused-rule', data: { kind, rules: idle.join(', '), them: idle.length > 1 ? 'them' : 'it' } });
        }
      }
    }
  },
});

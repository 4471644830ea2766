/** The rule settings in effect for one file (`--print-config`). */
import type { SeveritySetting } from '../../model.js';
import { displayPath } from '../../paths.js';
import type { Resolved } from './linter.js';

export interface EffectiveRule {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

/**
 * Every rule's severity for `absFile` after the configuration, its
 * overrides (later ones win) and `--rule`, with the rule's options; rules
 * in id order.
 */
export function effectiveRules(setup: Resolved, absFile: string): Record<string, EffectiveRule> {
  const rel = displayPath(absFile, setup.config.root);
  const out: Record<string, EffectiveRule> = {};
  for (const id of [...setup.rules.keys()].sort()) {
    let severity = setup.severities.get(id) ?? 'off';
    for (const o of setup.overrides) if (o.match(rel) && o.severities.has(id)) severity = o.severities.get(id)!;
    const options = setup.options.get(id) ?? {};
    out[id] = { severity, ...(Object.keys(options).length ? { options } : {}) };
  }
  return out;
}

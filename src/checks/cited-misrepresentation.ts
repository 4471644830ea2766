import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';

/**
 * A claim that cites a work which is itself a source of the register, and
 * which the cited work's own claims on the same subject and property do not
 * support: a value, direction or size it does not give (error; one step
 * lower when a context facet is stated on one side only). A cited work that
 * says nothing in the register on the property is info. Reads the
 * register's citation graph, built once.
 */
export default defineCheck({
  name: 'cited-misrepresentation',
  summary: 'A claim the work it cites does not support',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: {
    default: 'Cites {{cited}} (reference {{ref}}), which says {{citedValue}} ({{citedClaim}}), not {{value}}',
    uncertain:
      'Cites {{cited}} (reference {{ref}}), which says {{citedValue}} ({{citedClaim}}), not {{value}}{{context}}; state the context to confirm or rule it out',
    silent:
      'Cites {{cited}} (reference {{ref}}), whose claims in the register say nothing on {{property}} of {{subject}}: check that the work supports this claim, or record what it says',
  },
  run({ register, report, inScope }) {
    for (const citation of register.citations.citations) {
      // Findings sit at the citing claim and name the cited work's claims (or file): either end in scope counts.
      if (!inScope(citation.from) && !inScope(citation.to)) continue;
      const cited = citation.to.source?.id ?? '?';
      const ref = String(citation.reference.reference.id);
      for (const c of citation.claims) {
        const claim = c.claim;
        if (c.verdict === 'contradicts') {
          const context = c.uncertain ? (c.context ?? '') : '';
          report({
            file: claim.file,
            range: claim.range(['value']),
            claim,
            related: [...c.cited, citation.reference],
            ...(c.uncertain ? { messageId: 'uncertain', demote: true } : {}),
            data: { cited, ref, citedValue: c.citedValue ?? '', citedClaim: c.cited.map((x) => x.fullId).join(', '), value: c.value ?? '', context },
          });
        } else if (c.verdict === 'silent') {
          report({
            file: claim.file,
            range: claim.range(['evidence', c.at[0], 'cites', c.at[1]]),
            claim,
            related: [citation.to],
            messageId: 'silent',
            severity: 'info',
            data: { cited, ref, property: claim.claim.property, subject: claim.claim.subject },
          });
        }
      }
    }
  },
});

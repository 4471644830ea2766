/**
 * A register source that others cite: the Physicians' Health Study report
 * (a 44% reduction in myocardial infarction), for the tests of citations
 * within the register (the HTML report's Citations view and its clusters).
 */
import { yaml } from './rule-tester.js';

/** The trial's DOI, by which the citing sources' references find it. */
export const TRIAL_DOI = '10.1056/NEJM198907203210301';

/** The trial's claim file (`claims/hennekens-1989.yaml`); `titleSuffix` appends to its title, `ownStudy` gives its claim the trial as evidence (level 2). */
export function trialFile(opts: { titleSuffix?: string; ownStudy?: boolean } = {}): string {
  const title = `Final report on the aspirin component of the ongoing Physicians' Health Study${opts.titleSuffix ? ` ${opts.titleSuffix}` : ''}`;
  return (
    yaml`
      source:
        id: hennekens-1989
        title: '${title.replace(/'/g, "''")}'
        kind: rct
        published: 1989
        doi: ${TRIAL_DOI}
      claims:
        - id: mi
          text: "a statistically significant, 44 percent reduction in the risk of myocardial infarction"
          subject: aspirin
          aspect: efficacy
          property: myocardial-infarction
          value: { effect: benefit, size: { number: 44, unit: "%" } }
    ` + (opts.ownStudy ? '    evidence:\n      - { kind: own-study, design: rct, n: 22071 }\n' : '')
  );
}

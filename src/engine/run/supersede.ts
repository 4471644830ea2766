/**
 * One problem, one finding: a rule may declare (`supersedes: [rule ids]`
 * in its YAML) that its findings explain those of more general rules. A
 * finding of a superseded rule is then left out when a finding of the
 * superseding rule concerns the same file and claim (or the same source,
 * for findings on no claim) and the same thing within it: the checks name
 * what a finding is about (`about`, e.g. the field `source.published`); a
 * finding that names nothing is about its claim or source as a whole, and
 * matches only another such finding.
 *
 * Linear: one index of the superseding findings, one look-up per finding.
 */
import type { Finding } from '../report/finding.js';

const ANY = '';

function keyOf(rule: string, f: Finding): string {
  return `${rule}\u0000${f.file}\u0000${f.claim ?? ''}`;
}

/**
 * The findings without those a more specific finding explains.
 * `supersedes` maps a rule id to the rule ids it supersedes; `about` gives
 * what each finding is about (absent: its claim or source as a whole).
 */
export function applySupersedes(
  findings: Finding[],
  supersedes: ReadonlyMap<string, readonly string[]>,
  about: (f: Finding) => readonly string[] | undefined,
): Finding[] {
  if (supersedes.size === 0) return findings;
  // Superseded rule + file + claim -> what the superseding findings are about.
  const index = new Map<string, Set<string>>();
  for (const f of findings) {
    const hidden = supersedes.get(f.rule);
    if (!hidden) continue;
    const topics = about(f);
    for (const rule of hidden) {
      const k = keyOf(rule, f);
      let set = index.get(k);
      if (!set) index.set(k, (set = new Set()));
      if (topics?.length) for (const t of topics) set.add(t);
      else set.add(ANY);
    }
  }
  if (index.size === 0) return findings;
  return findings.filter((f) => {
    const set = index.get(keyOf(f.rule, f));
    if (!set) return true;
    const topics = about(f);
    return topics?.length ? !topics.some((t) => set.has(t)) : !set.has(ANY);
  });
}

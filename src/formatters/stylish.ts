import { createColors } from 'picocolors';
import type { Finding } from '../engine/report/finding.js';
import type { Severity } from '../model.js';
import { terminalSafe, visibleWidth } from './terminal-text.js';
import type { Formatter } from './types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The default terminal report, after ESLint's stylish: findings grouped by
 * file, `line:column  severity  message  rule-id`, the other side of a
 * conflict on the line below, and a closing summary with counts.
 */
const stylish: Formatter = (result, { color }) => {
  const c = createColors(color);
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push('', c.underline(terminalSafe(file)));
    const rows = findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      sev: sevColor[f.severity](f.severity),
      msg: terminalSafe(f.message),
      rule: c.dim(f.rule),
      f,
    }));
    const wPos = Math.max(...rows.map((r) => r.pos.length));
    const wSev = Math.max(...rows.map((r) => visibleWidth(r.sev)));
    for (const r of rows) {
      out.push(`  ${c.dim(r.pos.padEnd(wPos))}  ${r.sev}${' '.repeat(wSev - visibleWidth(r.sev))}  ${r.msg}  ${r.rule}`);
      for (const rel of r.f.related) {
        out.push(`  ${' '.repeat(wPos + wSev + 4)}${c.dim(`↳ ${terminalSafe(`${rel.file}:${rel.line}:${rel.column}`)} ${terminalSafe(rel.claim)}`)}`);
      }
    }
  }
  if (result.notes.length) out.push('');
  for (const note of result.notes) out.push(c.dim(`ℹ ${terminalSafe(note)}`));
  const { errors, warnings, infos } = result.summary;
  const total = errors + warnings + infos;
  const { files, claims, given } = result.summary;
  // With files given, the summary says how large the register they were checked against is.
  const scope =
    given === undefined ? `${plural(claims, 'claim')} in ${plural(files, 'file')}` : `${plural(given, 'file')} given; register: ${plural(files, 'file')}, ${plural(claims, 'claim')}`;
  if (total === 0) {
    out.push(c.green(`✔ no problems (${scope})`));
    return `${out.join('\n')}\n`;
  }
  const counts = `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  const mark = errors > 0 ? c.red(c.bold(`✖ ${counts}`)) : warnings > 0 ? c.yellow(c.bold(`⚠ ${counts}`)) : c.blue(c.bold(`ℹ ${counts}`));
  out.push('', `${mark} ${c.dim(`in ${scope}`)}`);
  return `${out.join('\n')}\n`;
};

export default stylish;

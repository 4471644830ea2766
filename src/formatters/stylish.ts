import { createColors } from 'picocolors';
import type { Finding } from '../engine/report/finding.js';
import type { Severity } from '../model.js';
import { terminalSafe, visibleWidth } from './terminal-text.js';
import { byFile } from './order.js';
import type { StreamingFormatter } from './types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The default terminal report, after ESLint's stylish: findings grouped by
 * file, `line:column  severity  message  rule-id`, the other side of a
 * conflict on the line below, and a closing summary with counts.
 */
const stylish: StreamingFormatter = function* (result, { color }) {
  const c = createColors(color);
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  // Written file by file: `out` holds one file's lines at a time.
  let out: string[] = [];
  for (const [file, findings] of byFile(result.findings)) {
    out.push('', c.underline(terminalSafe(file)));
    const rows = findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      sev: sevColor[f.severity](f.severity),
      msg: terminalSafe(f.message),
      rule: c.dim(f.rule),
      f,
    }));
    // (No spread into Math.max: a file can have more findings than a call takes arguments.)
    const wPos = rows.reduce((w, r) => Math.max(w, r.pos.length), 0);
    const wSev = rows.reduce((w, r) => Math.max(w, visibleWidth(r.sev)), 0);
    for (const r of rows) {
      out.push(`  ${c.dim(r.pos.padEnd(wPos))}  ${r.sev}${' '.repeat(wSev - visibleWidth(r.sev))}  ${r.msg}  ${r.rule}`);
      for (const rel of r.f.related) {
        out.push(`  ${' '.repeat(wPos + wSev + 4)}${c.dim(`↳ ${terminalSafe(`${rel.file}:${rel.line}:${rel.column}`)} ${terminalSafe(rel.claim)}`)}`);
      }
    }
    yield `${out.join('\n')}\n`;
    out = [];
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
    yield `${out.join('\n')}\n`;
    return;
  }
  const counts = `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  const mark = errors > 0 ? c.red(c.bold(`✖ ${counts}`)) : warnings > 0 ? c.yellow(c.bold(`⚠ ${counts}`)) : c.blue(c.bold(`ℹ ${counts}`));
  out.push('', `${mark} ${c.dim(`in ${scope}`)}`);
  yield `${out.join('\n')}\n`;
};

export default stylish;

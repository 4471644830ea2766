/**
 * Locating a claim's `text` in a file without parsing the whole file with
 * positions: a line scan for the claim's `id:` and its `text:` key, verified
 * by reading the located scalar back with js-yaml and comparing it with the
 * claim's text. Anything unusual (duplicate ids, flow-style claims, a
 * mismatch) returns undefined and the caller parses the file in full.
 * Used for the related claims of findings in a pre-commit run, where most
 * of the register is loaded only for its data.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Range } from './location.js';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A line without its trailing comment and spaces; `from` is where the scalar starts on it. */
function stripComment(line: string, from: number): string {
  let quote: string | undefined;
  for (let k = from; k < line.length; k++) {
    const ch = line[k]!;
    if (quote) {
      if (ch === '\\' && quote === '"') k++;
      else if (ch === quote) {
        if (quote === "'" && line[k + 1] === "'") k++;
        else quote = undefined;
      }
    } else if ((ch === '"' || ch === "'") && (k === from || /\s/.test(line[k - 1]!))) quote = ch;
    else if (ch === '#' && k > 0 && /\s/.test(line[k - 1]!)) return line.slice(0, k).trimEnd();
  }
  return line.trimEnd();
}

/**
 * `lines` is the file's text split at '\n' (the caller splits once per file:
 * a pre-commit run may locate many related claims in one file).
 */
export function quickTextRange(lines: readonly string[], claimId: string, claimText: string): Range | undefined {
  const idRe = new RegExp(`^(\\s*)(-\\s+)?id:\\s*(["']?)${escapeRe(claimId)}\\3\\s*(#.*)?\\r?$`);
  const hits = lines.flatMap((l, i) => (idRe.test(l) ? [i] : []));
  if (hits.length !== 1) return undefined;
  const at = hits[0]!;
  const m = idRe.exec(lines[at]!)!;
  // The column of the claim mapping's keys: after "- " when the id opens the item.
  const keyIndent = m[1]!.length + (m[2]?.length ?? 0);
  // The claim's lines: back to its "- " and forward to the next item or a shallower line.
  let first = at;
  if (!m[2]) {
    while (first > 0 && !/^\s*-\s/.test(lines[first]!)) first--;
  }
  let last = at + 1;
  const itemIndent = keyIndent - 2;
  while (last < lines.length) {
    const l = lines[last]!;
    if (l.trim() !== '' && !l.trimStart().startsWith('#')) {
      const indent = l.length - l.trimStart().length;
      if (indent < keyIndent && !(indent === itemIndent + 2)) break;
      if (indent <= itemIndent) break;
    }
    last++;
  }
  const textRe = /^(\s*)(-\s+)?text:[ \t]*/;
  for (let i = first; i < last; i++) {
    const t = textRe.exec(lines[i]!);
    if (!t || t[1]!.length + (t[2]?.length ?? 0) !== keyIndent) continue;
    const startCol = t[0].length;
    // Block scalars (| and >): their range's end depends on chomping and trailing blank lines; leave them to the parser.
    if (/^[|>]/.test(lines[i]!.slice(startCol))) return undefined;
    // The scalar runs until the next line at key indent or shallower.
    let end = i + 1;
    while (end < last) {
      const l = lines[end]!;
      if (l.trim() !== '' && l.length - l.trimStart().length <= keyIndent) break;
      end++;
    }
    while (end - 1 > i && lines[end - 1]!.trim() === '') end--;
    const chunk = [lines[i]!.slice(t[1]!.length + (t[2]?.length ?? 0)), ...lines.slice(i + 1, end)].join('\n');
    let value: unknown;
    try {
      value = (load(chunk, { schema: CORE_SCHEMA }) as { text?: unknown } | null)?.text;
    } catch {
      return undefined;
    }
    if (value !== claimText) return undefined;
    // A multi-line scalar whose last line has a '#': inside the quotes or a comment? Leave it to the parser.
    if (end - 1 !== i && lines[end - 1]!.includes('#')) return undefined;
    // The scalar ends where its last line does, less a trailing comment and spaces.
    const lastLine = stripComment(lines[end - 1]!.replace(/\r$/, ''), end - 1 === i ? startCol : 0);
    return { line: i + 1, column: startCol + 1, endLine: end, endColumn: lastLine.length + 1 };
  }
  return undefined;
}

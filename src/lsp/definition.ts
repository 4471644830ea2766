/**
 * Go to definition: from a `cites:` id to the source's reference entry, from
 * a claim's full id (`source/claim`, in a note or a comment) to that claim,
 * and from a finding to the claims and references it relates to.
 */
import { resolve } from 'node:path';
import type { Diagnostic, Location, Position } from 'vscode-languageserver/node';
import type { ClaimSummary } from '../engine/register/claim-summary.js';
import { cursorAt, wordAt } from './cursor.js';
import { lspRange, uriOf } from './diagnostics.js';
import { parsed, rangeOf, rawReferences } from './document.js';
import { diagnosticsAt } from './hover.js';

export function definition(
  path: string,
  uri: string,
  text: string,
  position: Position,
  root: string,
  claims: () => Record<string, ClaimSummary>,
  diagnostics: readonly Diagnostic[],
): Location[] {
  const word = wordAt(text, position.line, position.character);
  if (word) {
    const cursor = cursorAt(text, position.line, word.start);
    if (cursor.path.includes('cites')) {
      const file = parsed(path, text);
      const ref = rawReferences(file).find((r) => r.id === word.word);
      if (ref && file.doc) return [{ uri, range: lspRange(rangeOf(file, ['source', 'references', ref.index])) }];
    }
    // A claim id in running text ("see beta/first-synthesis.")
    const id = word.word.replace(/^[(<]+|[.;!?)>]+$/g, '');
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      const all = claims();
      const claim = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : undefined;
      if (claim) {
        const at = { line: claim.line, character: claim.column - 1 };
        return [{ uri: uriOf(resolve(root, claim.file)), range: { start: { line: at.line - 1, character: at.character }, end: { line: at.line - 1, character: at.character } } }];
      }
    }
  }
  // On a finding: the other side of a conflict, the duplicate, the reference.
  return diagnosticsAt(diagnostics, position).flatMap((d) => (d.relatedInformation ?? []).map((r) => r.location));
}

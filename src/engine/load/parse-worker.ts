/**
 * A worker thread's task (`--concurrency`): read claim files' data, and for
 * a file the line scanner declines (block-positions.ts), locate every node
 * of its first levels with \`yaml\`, so that the main thread builds its files
 * from the data without parsing them again (see pool.ts). Deeper positions,
 * rarely needed, are parsed on demand there.
 */
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { parseClaimFile, rangeKey, type Preparsed } from './loader.js';
import { rangeOfNode, type Range } from './location.js';

/** How deep positions are recorded: `claims.3.evidence.0` and `source.references.2.url`. */
const DEPTH = 4;

function walk(node: unknown, path: Array<string | number>, lc: LineCounter, out: Record<string, Range>): void {
  const r = rangeOfNode(lc, node as Node);
  if (r) out[rangeKey(path)] = r;
  if (path.length >= DEPTH) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const p = [...path, String(pair.key.value)];
      const k = rangeOfNode(lc, pair.key as Node);
      if (k) out[rangeKey(p, { key: true })] = k;
      walk(pair.value, p, lc, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...path, i], lc, out));
  }
}

export default function parseBatch(batch: Array<{ path: string; text: string }>): Preparsed[] {
  return batch.map(({ path, text }) => {
    const file = parseClaimFile(path, text);
    // Positions the line scanner reads cost the main thread little: only files it declines send theirs.
    if (file.scanned) return { data: file.data, syntaxErrors: file.syntaxErrors, ranges: {}, scanned: true };
    const ranges: Record<string, Range> = {};
    if (file.syntaxErrors.length === 0 && file.data !== undefined) walk(file.doc?.contents, [], file.lineCounter, ranges);
    return { data: file.data, syntaxErrors: file.syntaxErrors, ranges };
  });
}

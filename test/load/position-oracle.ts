/**
 * The oracle for the position scanner: every node's range (values and keys)
 * as `yaml` computes it, compared with block-positions.ts on the same text.
 */
import * as jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { scanPositions } from '../../src/engine/load/block-positions.js';
import { rangeAt, type YamlPath } from '../../src/engine/load/location.js';
import { FAST_SCHEMA } from '../../src/engine/load/loader.js';

export type Verdict = { kind: 'skipped' | 'declined' | 'same' } | { kind: 'differs'; detail: string };

function paths(node: unknown, path: Array<string | number>, out: Array<Array<string | number>>): void {
  out.push(path);
  if (isMap(node)) {
    for (const p of node.items) if (isPair(p) && isScalar(p.key)) paths(p.value, [...path, String(p.key.value)], out);
  } else if (isSeq(node)) {
    node.items.forEach((n, i) => paths(n, [...path, i], out));
  }
}

/** Compare the scanner with yaml on one text. */
export function compare(text: string): Verdict {
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: FAST_SCHEMA });
  } catch {
    return { kind: 'skipped' };
  }
  const index = scanPositions(text, data);
  if (!index) return { kind: 'declined' };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, merge: true, logLevel: 'error' });
  if (doc.errors.length) return { kind: 'differs', detail: `yaml rejects a text the scanner accepted: ${doc.errors[0]!.message.split('\n')[0]}` };
  const all: Array<Array<string | number>> = [];
  paths(doc.contents as Node, [], all);
  for (const p of all) {
    for (const key of [false, true]) {
      if (key && (p.length === 0 || typeof p[p.length - 1] !== 'string')) continue;
      const want = rangeAt(doc, lc, p as YamlPath, { key });
      const got = index.rangeAt(p as YamlPath, { key });
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        return { kind: 'differs', detail: `${key ? 'key ' : ''}${JSON.stringify(p)}: yaml ${JSON.stringify(want)}, scanner ${JSON.stringify(got)}` };
      }
    }
  }
  // The data the scanner's tree is matched with (js-yaml's) is the data yaml reads.
  const want = JSON.stringify(doc.toJS({ maxAliasCount: -1 }));
  if (JSON.stringify(data) !== want) return { kind: 'differs', detail: `js-yaml reads other data than yaml: ${JSON.stringify(data).slice(0, 200)} / ${want.slice(0, 200)}` };
  return { kind: 'same' };
}

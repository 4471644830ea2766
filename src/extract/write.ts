/**
 * The draft claim file as YAML, with comments for the editor; and the
 * merge of new drafts into an existing claim file, which keeps everything in
 * it (comments, order, formatting) and only appends claims whose quote is new.
 */
import { Document, isMap, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Claim } from '../model.js';
import { normalText } from '../engine/document/normalize.js';
import type { DraftClaim, Extraction } from './draft.js';

const HEADER = (document: string) =>
  [
    ` Draft claim file written by "claimlint extract" from ${document}.`,
    ' Every claim is marked draft: true: review its subject, property, aspect, value and',
    ' context (claim/draft reports each until the mark is removed). Text is verbatim from',
    ' the document; evidence comes from its citation markers and named sources.',
    ' Reference: docs/claim-format.md',
  ].join('\n');

/** A claim as written: the fields in the order of docs/claim-format.md, without extraction details. */
function claimData(c: DraftClaim): Claim {
  const out: Claim = { id: c.id, text: c.text, subject: c.subject, aspect: c.aspect, property: c.property };
  if (c.at) out.at = c.at;
  if (c.value) out.value = c.value;
  if (c.evidence) out.evidence = c.evidence;
  out.draft = true;
  const ordered: Record<string, unknown> = {};
  for (const k of ['id', 'text', 'at', 'subject', 'aspect', 'property', 'value', 'evidence', 'draft'] as const) {
    if (out[k] !== undefined) ordered[k] = out[k];
  }
  return ordered as unknown as Claim;
}

/** Flow style for short collections: `value: { decade: 1950 }`, `cites: ["1", "2"]`, `authors: [...]`. */
function compact(node: unknown, key?: string): void {
  if (isMap(node)) {
    for (const pair of node.items) compact(pair.value, String((pair.key as { value?: unknown } | null)?.value ?? ''));
    if (key === 'value' || key === 'context') node.flow = true;
  } else if (isSeq(node)) {
    for (const item of node.items) compact(item);
    if (key === 'cites' || key === 'authors' || key === 'parts' || key === 'range') node.flow = true;
  }
}

function claimNode(doc: Document, c: DraftClaim): Node {
  const node = doc.createNode(claimData(c)) as YAMLMap;
  compact(node);
  node.commentBefore = ` ${c.why.join(', ')}`;
  return node;
}

/** The whole draft claim file. */
export function renderClaimFile(ex: Extraction): string {
  const doc = new Document({ source: ex.source, claims: [] });
  doc.commentBefore = HEADER(ex.source.document ?? '');
  compact(doc.contents);
  const claims = (doc.contents as YAMLMap).get('claims', true);
  if (isSeq(claims)) for (const c of ex.claims) claims.items.push(claimNode(doc, c));
  const src = (doc.contents as YAMLMap).get('source', true);
  if (isMap(src)) {
    const kind = src.items.find((p) => (p.key as { value?: unknown }).value === 'kind');
    if (kind && kind.value && typeof kind.value === 'object') (kind.value as Node).comment = ' a first guess: set the kind (blog, news, rct, …)';
  }
  return doc.toString({ lineWidth: 0 });
}

export interface Merge {
  text: string;
  added: DraftClaim[];
}

/**
 * Add to an existing claim file the drafts whose quote is new: whose text is
 * not already a quote of the file, nor part of one, nor contains one.
 * Comments and formatting of the file are kept. Ids are made unique.
 */
export function mergeClaims(existing: string, ex: Extraction): Merge {
  const doc = parseDocument(existing, { keepSourceTokens: true });
  if (doc.errors.length) throw new Error(`cannot add to a file that is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const data = doc.toJS() as { claims?: Array<{ id?: unknown; text?: unknown }> } | null;
  const quotes = (data?.claims ?? []).map((c) => (typeof c.text === 'string' ? normalText(c.text) : '')).filter(Boolean);
  const ids = new Set((data?.claims ?? []).map((c) => String(c.id)));
  const added: DraftClaim[] = [];
  for (const c of ex.claims) {
    const q = normalText(c.text);
    if (quotes.some((x) => x === q || x.includes(q) || q.includes(x))) continue;
    let id = c.id;
    for (let n = 2; ids.has(id); n++) id = `${c.id}-${n}`;
    ids.add(id);
    added.push({ ...c, id });
    quotes.push(q);
  }
  if (added.length === 0) return { text: existing, added };
  if (!isMap(doc.contents)) throw new Error('cannot add to a file that is not a mapping with "source" and "claims"');
  const last = doc.contents.items[doc.contents.items.length - 1];
  const claimsLast = last && (last.key as { value?: unknown } | null)?.value === 'claims' && isSeq(last.value);
  if (claimsLast) {
    // Append the new items as text after the list: the file's own text is left exactly as it was.
    const indent = /^claims:[^\n]*\n(?:\s*#[^\n]*\n|\s*\n)*( *)- /m.exec(existing)?.[1] ?? '  ';
    const part = new Document({ claims: [] });
    const seq = (part.contents as YAMLMap).get('claims', true);
    if (isSeq(seq)) for (const c of added) seq.items.push(claimNode(part, c));
    const body = part
      .toString({ lineWidth: 0, indentSeq: true })
      .replace(/^claims:\n/, '')
      .split('\n')
      .map((l) => (l === '' ? l : indent + l.replace(/^ {2}/, '')))
      .join('\n');
    return { text: `${existing.replace(/\s*$/, '')}\n\n${body.replace(/\s*$/, '')}\n`, added };
  }
  // `claims` is not the last key: add to the parsed document (comments kept) and write it out again.
  const plain = doc as unknown as Document;
  if (!isSeq(plain.get('claims', true))) plain.set('claims', plain.createNode([]));
  const claims = plain.get('claims', true);
  if (!isSeq(claims)) throw new Error('"claims" is not a list');
  for (const c of added) claims.items.push(claimNode(plain, c));
  return { text: plain.toString({ lineWidth: 0 }), added };
}

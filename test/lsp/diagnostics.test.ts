/**
 * Findings as LSP diagnostics: any file a finding is located in gets them
 * (claim files, and source documents such as sources/guide.txt), the other
 * claim of a conflict shows it too, and only documents whose diagnostics
 * changed are published again.
 */
import { describe, expect, it } from 'vitest';
import type { RuleInfo } from '../../src/engine/run/linter.js';
import type { Finding } from '../../src/engine/report/finding.js';
import { DiagnosticBook, DiagnosticIndex, diagnosticsByUri, uriOf } from '../../src/lsp/diagnostics.js';

const root = '/project';
const rules = new Map<string, RuleInfo>([
  ['quote/not-found', { id: 'quote/not-found', severity: 'error', defaultSeverity: 'error', summary: 'A quote the document does not hold', kind: 'k', docs: 'docs/rules/quote/not-found.md', standard: null, builtin: true }],
]);

function finding(over: Partial<Finding>): Finding {
  return { rule: 'quote/not-found', severity: 'error', message: 'm', file: 'claims/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, claim: 'a/x', text: 't', related: [], fingerprint: 'f', ...over };
}

describe('diagnosticsByUri', () => {
  it('publishes a finding located in a source document (not YAML) on that document', () => {
    const f = finding({ file: 'sources/guide.txt', line: 12, column: 1, endLine: 12, endColumn: 40 });
    const byUri = diagnosticsByUri(new Map([[`${root}/sources/guide.txt`, [f]]]), root, rules);
    expect([...byUri.keys()]).toEqual([uriOf('/project/sources/guide.txt')]);
    expect(byUri.get(uriOf('/project/sources/guide.txt'))![0]).toMatchObject({
      range: { start: { line: 11, character: 0 }, end: { line: 11, character: 39 } },
      severity: 1,
      code: 'quote/not-found',
      codeDescription: { href: expect.stringMatching(/docs\/rules\/quote\/not-found\.md$/) },
    });
  });

  it('shows a finding on the related claim in another file as information pointing back', () => {
    const f = finding({
      related: [{ kind: 'claim', claim: 'b/y', file: 'claims/b.yaml', line: 7, column: 11, endLine: 7, endColumn: 20, text: 'other' }],
    });
    const byUri = diagnosticsByUri(new Map([[`${root}/claims/a.yaml`, [f]]]), root, rules);
    const mirror = byUri.get(uriOf('/project/claims/b.yaml'))![0]!;
    expect(mirror).toMatchObject({ severity: 3, code: 'quote/not-found', range: { start: { line: 6, character: 10 } } });
    expect(mirror.relatedInformation![0]!.location.uri).toBe(uriOf('/project/claims/a.yaml'));
  });
});

describe('DiagnosticBook', () => {
  it('publishes only what changed, clears what went away, and refreshes open documents on a new version', () => {
    const book = new DiagnosticBook();
    const a = uriOf('/project/claims/a.yaml');
    const b = uriOf('/project/claims/b.yaml');
    const d = diagnosticsByUri(new Map([[`${root}/claims/a.yaml`, [finding({})]]]), root, rules).get(a)!;
    expect(book.update(new Map([[a, d], [b, d]])).map((p) => p.uri)).toEqual([a, b]);
    expect(book.update(new Map([[a, d], [b, d]]))).toEqual([]);
    expect(book.update(new Map([[a, d]]))).toEqual([{ uri: b, diagnostics: [] }]);
    // a is open at version 4: published again with its version although its diagnostics are the same.
    expect(book.update(new Map([[a, d]]), new Map([[a, 4]]))).toEqual([{ uri: a, diagnostics: d, version: 4 }]);
    expect(book.update(new Map([[a, d]]), new Map([[a, 4]]))).toEqual([]);
  });
});

describe('DiagnosticIndex', () => {
  it("says which documents a file's new findings touch: the file, and the other claim's file before and after", () => {
    const index = new DiagnosticIndex(root, rules);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => uriOf(`/project/claims/${n}.yaml`)) as [string, string, string];
    const against = (file: string) => finding({ related: [{ kind: 'claim', claim: 'x/y', file, line: 2, column: 3, endLine: 2, endColumn: 9, text: 'other' }] });
    expect([...index.set(`${root}/claims/a.yaml`, [against('claims/b.yaml')])].sort()).toEqual([a, b]);
    expect(index.get(b).diagnostics()).toMatchObject([{ severity: 3, range: { start: { line: 1, character: 2 } } }]);
    // The conflict moves from b to c: b loses its diagnostic, c gains one.
    expect([...index.set(`${root}/claims/a.yaml`, [against('claims/c.yaml')])].sort()).toEqual([a, b, c]);
    expect(index.get(b).diagnostics()).toEqual([]);
    expect(index.get(c).diagnostics()).toHaveLength(1);
    // c's own findings come first, then what other files show on it.
    index.set(`${root}/claims/c.yaml`, [finding({ file: 'claims/c.yaml', message: 'own' })]);
    expect(index.get(c).diagnostics().map((d) => d.severity)).toEqual([1, 3]);
    expect([...index.set(`${root}/claims/a.yaml`, [])].sort()).toEqual([a, c]);
    expect(index.uris()).toEqual([c]);
  });

  it("gives an unchanged finding's parts as the same objects, so the book does not send an unchanged document again", () => {
    const index = new DiagnosticIndex(root, rules);
    const book = new DiagnosticBook();
    const b = uriOf('/project/claims/b.yaml');
    const conflict = finding({ related: [{ kind: 'claim', claim: 'b/y', file: 'claims/b.yaml', line: 2, column: 3, endLine: 2, endColumn: 9, text: 'other' }] });
    const publish = (touched: Set<string>) => book.updateSome(new Map([...touched].map((u) => [u, index.get(u)]))).map((p) => p.uri);
    expect(publish(index.set(`${root}/claims/a.yaml`, [conflict]))).toEqual([uriOf('/project/claims/a.yaml'), b]);
    // a's other finding changed; the conflict (the same finding) did not: b is looked at, not sent.
    expect(publish(index.set(`${root}/claims/a.yaml`, [conflict, finding({ rule: 'quote/not-found', line: 9 })]))).toEqual([uriOf('/project/claims/a.yaml')]);
  });

  it("does not send a conflict's third file again when only another file's side of it moved", () => {
    const index = new DiagnosticIndex(root, rules);
    const book = new DiagnosticBook();
    const [a, b, c] = ['a', 'b', 'c'].map((n) => uriOf(`/project/claims/${n}.yaml`)) as [string, string, string];
    const side = (file: string, line: number) => ({ kind: 'claim' as const, claim: `${file}/y`, file: `claims/${file}.yaml`, line, column: 3, endLine: line, endColumn: 9, text: 'other' });
    const publish = (touched: Set<string>) => book.updateSome(new Map([...touched].map((u) => [u, index.get(u)]))).map((p) => p.uri).sort();
    expect(publish(index.set(`${root}/claims/a.yaml`, [finding({ related: [side('b', 2), side('c', 5)] })]))).toEqual([a, b, c]);
    // A line was inserted in b above its claim: a's finding (it lists b's position) and b's mirror change; c's mirror does not.
    const moved = finding({ related: [side('b', 3), side('c', 5)] });
    expect(publish(index.set(`${root}/claims/a.yaml`, [moved]))).toEqual([a, b]);
    expect(index.get(c).diagnostics()[0]!.relatedInformation![0]!.location.uri).toBe(a);
  });

  it('publishes the documents given only, and tells which documents were published for another version', () => {
    const book = new DiagnosticBook();
    const a = uriOf('/project/claims/a.yaml');
    const b = uriOf('/project/claims/b.yaml');
    const d = diagnosticsByUri(new Map([[`${root}/claims/a.yaml`, [finding({})]]]), root, rules).get(a)!;
    book.update(new Map([[a, d], [b, d]]), new Map([[a, 1]]));
    expect(book.updateSome(new Map([[b, []]]))).toEqual([{ uri: b, diagnostics: [] }]);
    expect(book.current(a)).toEqual(d);
    // b is not open: what it was sent is made again when asked for.
    book.updateSome(new Map([[b, d]]));
    expect(book.current(b)).toEqual(d);
    expect(book.outdated(new Map([[a, 1]]))).toEqual([]);
    expect(book.outdated(new Map([[a, 2]]))).toEqual([a]);
    // Closed: its last publication was for a version.
    expect(book.outdated(new Map())).toEqual([a]);
  });

  it('does not send a document again when its findings were made again equal (new objects, same content)', () => {
    const index = new DiagnosticIndex(root, rules);
    const book = new DiagnosticBook();
    const a = uriOf('/project/claims/a.yaml');
    const b = uriOf('/project/claims/b.yaml');
    const make = () => finding({ related: [{ kind: 'claim', claim: 'b/y', file: 'claims/b.yaml', line: 2, column: 3, endLine: 2, endColumn: 9, text: 'other' }] });
    const publish = (touched: Set<string>) => book.updateSome(new Map([...touched].map((u) => [u, index.get(u)]))).map((p) => p.uri).sort();
    expect(publish(index.set(`${root}/claims/a.yaml`, [make()]))).toEqual([a, b]);
    expect(publish(index.set(`${root}/claims/a.yaml`, [make()]))).toEqual([]);
    // A real change is still sent, to both documents.
    expect(publish(index.set(`${root}/claims/a.yaml`, [{ ...make(), message: 'changed' }]))).toEqual([a, b]);
  });
});

/**
 * `claimlint lsp` driven over stdio by a JSON-RPC client, as an editor
 * drives it: diagnostics while typing across files, hover, completion,
 * definition, code actions, and reloading the configuration.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Location,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { claimlint, project } from '../helpers/cli.js';
import { LspClient } from '../helpers/lsp-client.js';

const ALPHA = `source:
  id: alpha
  title: Alpha review
  kind: narrative-review
  published: 2020
  url: https://example.org/alpha
  authors: [A. Author]
  references:
    - id: "1"
      title: First trial
      design: rct
      year: 2010
claims:
  - id: first-synthesis
    text: "Ketamine was first synthesised in 1962."
    subject: ketamine
    aspect: history
    property: first-synthesis
    value: {year: 1962}
    evidence:
      - cites: ["1"]
    note: "Agrees with beta/first-synthesis."
`;

const BETA = `source:
  id: beta
  title: Beta blog
  kind: blog
  published: 2021
claims:
  - id: first-synthesis
    text: "Ketamine was first made in 1962."
    subject: ketamine
    aspect: history
    property: first-synthesis
    value: {year: 1962}
`;

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => String(d.code));
const has = (rule: string) => (p: { diagnostics: Diagnostic[] }) => codes(p.diagnostics).includes(rule);
const lacks = (rule: string) => (p: { diagnostics: Diagnostic[] }) => !codes(p.diagnostics).includes(rule);

/** The 0-based position of the first occurrence of `needle` (plus `offset` characters) in `text`. */
function positionOf(text: string, needle: string, offset = 0): Position {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function apply(text: string, action: CodeAction, uri: string): string {
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  return TextDocument.applyEdits(doc, action.edit?.changes?.[uri] ?? []);
}

describe('claimlint lsp', () => {
  let dir: string;
  let client: LspClient;

  beforeAll(async () => {
    dir = project({ 'claims/alpha.yaml': ALPHA, 'claims/beta.yaml': BETA });
    client = new LspClient(dir);
    await client.initialize();
  }, 60_000);
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  }, 60_000);

  it('publishes the whole register on start, with severity, rule id, docs link and position', async () => {
    const beta = await client.waitFor('claims/beta.yaml', has('evidence/none'));
    const none = beta.diagnostics.find((d) => d.code === 'evidence/none')!;
    expect(none).toMatchObject({ severity: 2, source: 'claimlint', range: { start: { line: 7, character: 10 } } });
    expect(none.codeDescription?.href).toMatch(/\/docs\/rules\/evidence\/none\.md$/);
    expect(none.message).toContain('gives no evidence');
  });

  it('shows a conflict made in one file in both files while typing, and clears it in both', async () => {
    await client.open('claims/alpha.yaml', ALPHA);
    await client.waitFor('claims/alpha.yaml', lacks('conflict/value'));
    const version = await client.change('claims/alpha.yaml', ALPHA.replace('{year: 1962}', '{year: 1990}'));
    // Beta is not open and was not edited: its diagnostics are republished because its findings changed.
    const beta = await client.waitFor('claims/beta.yaml', has('conflict/value'));
    const conflict = beta.diagnostics.find((d) => d.code === 'conflict/value')!;
    expect(conflict.severity).toBe(1);
    expect(conflict.range.start.line).toBe(11);
    expect(conflict.relatedInformation?.[0]?.location.uri).toBe(client.uri('claims/alpha.yaml'));
    expect(conflict.relatedInformation?.[0]?.location.range.start.line).toBe(14);
    // The edited file shows the other side, pointing back at where the finding is.
    const alpha = await client.waitFor('claims/alpha.yaml', (p) => has('conflict/value')(p) && p.version === version);
    const mirror = alpha.diagnostics.find((d) => d.code === 'conflict/value')!;
    expect(mirror.severity).toBe(3);
    expect(mirror.range.start.line).toBe(14);
    expect(mirror.relatedInformation?.[0]?.location.uri).toBe(client.uri('claims/beta.yaml'));

    await client.change('claims/alpha.yaml', ALPHA);
    await client.waitFor('claims/beta.yaml', lacks('conflict/value'));
    await client.waitFor('claims/alpha.yaml', lacks('conflict/value'));
  });

  it('publishes the other files once typing pauses, as the last edit leaves them (a burst of changes)', async () => {
    await client.open('claims/alpha.yaml', ALPHA);
    const conflicting = ALPHA.replace('{year: 1962}', '{year: 1990}');
    // Changes sent back to back: the files other than the one typed in follow the last of them.
    for (const text of [conflicting, ALPHA, conflicting, ALPHA, conflicting]) await client.change('claims/alpha.yaml', text);
    await client.waitFor('claims/beta.yaml', has('conflict/value'));
    let last = 0;
    for (const text of [ALPHA, conflicting, ALPHA]) last = await client.change('claims/alpha.yaml', text);
    await client.waitFor('claims/alpha.yaml', (p) => p.version === last && lacks('conflict/value')(p));
    await client.waitFor('claims/beta.yaml', lacks('conflict/value'));
    await client.settled();
    expect(codes(client.latest.get(client.uri('claims/beta.yaml'))!.diagnostics)).not.toContain('conflict/value');
  });

  it('hovers a finding with its rule summary, and a subject with the other claims on it', async () => {
    const beta = await client.waitFor('claims/beta.yaml', has('evidence/none'));
    await client.open('claims/beta.yaml', BETA);
    const none = beta.diagnostics.find((d) => d.code === 'evidence/none')!;
    const onFinding = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri('claims/beta.yaml') },
      position: none.range.start,
    });
    const text = (onFinding?.contents as MarkupContent).value;
    expect(text).toContain('evidence/none');
    expect(text).toContain('gives no evidence');

    const onSubject = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri('claims/alpha.yaml') },
      position: positionOf(ALPHA, 'subject: ketamine', 2),
    });
    const table = (onSubject?.contents as MarkupContent).value;
    expect(table).toContain('1 other claim');
    expect(table).toContain('beta/first\\-synthesis'.replace('\\-', '-'));
    expect(table).toMatch(/\| 1962 \| Beta blog \(blog\) \| none \|/);
  });

  describe('completion', () => {
    const complete = async (text: string, at: Position): Promise<string[]> => {
      await client.change('claims/alpha.yaml', text);
      const items = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: client.uri('claims/alpha.yaml') },
        position: at,
      })) as CompletionItem[];
      return items.map((i) => i.label);
    };

    it('offers field names of the mapping being typed', async () => {
      const text = ALPHA.replace('    aspect: history\n', '    asp\n');
      const labels = await complete(text, positionOf(text, '    asp', 7));
      expect(labels).toEqual(expect.arrayContaining(['aspect', 'context', 'evidence', 'value']));
      expect(labels).not.toContain('title');
    });

    it('offers enum values (aspect, evidence kind, bound)', async () => {
      let text = ALPHA.replace('    aspect: history\n', '    aspect: \n');
      expect(await complete(text, positionOf(text, '    aspect: ', 12))).toEqual(
        ['efficacy', 'harm', 'mechanism', 'history', 'prevalence', 'regulatory', 'dosing', 'other'],
      );
      text = ALPHA.replace('      - cites: ["1"]\n', '      - cites: ["1"]\n      - kind: \n');
      expect(await complete(text, positionOf(text, '      - kind: ', 14))).toContain('testimonial');
      text = ALPHA.replace('{year: 1962}', '{year: 1962, bound: }');
      expect(await complete(text, positionOf(text, 'bound: ', 7))).toContain('at-least');
    });

    it('offers the subjects and properties the register uses', async () => {
      const text = ALPHA.replace('    subject: ketamine\n', '    subject: ke\n');
      expect(await complete(text, positionOf(text, 'subject: ke', 11))).toEqual(['ketamine']);
      const t2 = ALPHA.replace('    property: first-synthesis\n', '    property: \n');
      expect(await complete(t2, positionOf(t2, 'property: ', 10))).toEqual(['first-synthesis']);
    });

    it("offers the source's reference ids inside cites", async () => {
      const text = ALPHA.replace('      - cites: ["1"]\n', '      - cites: [\n');
      expect(await complete(text, positionOf(text, 'cites: [', 8))).toEqual(['1']);
      const block = ALPHA.replace('      - cites: ["1"]\n', '      - cites:\n          - \n');
      expect(await complete(block, positionOf(block, '          - ', 12))).toEqual(['1']);
    });
  });

  it('goes from a cited id to its reference entry, and from a claim id to the claim', async () => {
    await client.change('claims/alpha.yaml', ALPHA);
    const toRef = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: client.uri('claims/alpha.yaml') },
      position: positionOf(ALPHA, 'cites: ["1"]', 9),
    })) as Location[];
    expect(toRef).toEqual([{ uri: client.uri('claims/alpha.yaml'), range: expect.objectContaining({ start: { line: 8, character: 6 } }) }]);
    const toClaim = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: client.uri('claims/alpha.yaml') },
      position: positionOf(ALPHA, 'beta/first-synthesis', 3),
    })) as Location[];
    expect(toClaim).toEqual([{ uri: client.uri('claims/beta.yaml'), range: expect.objectContaining({ start: { line: 7, character: 10 } }) }]);
  });

  describe('code actions', () => {
    const actionsFor = async (rel: string, text: string, rule: string): Promise<CodeAction[]> => {
      const version = await client.change(rel, text);
      const p = await client.waitFor(rel, (x) => x.version === version && has(rule)(x));
      const diagnostics = p.diagnostics.filter((d) => d.code === rule);
      return (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: client.uri(rel) },
        range: diagnostics[0]!.range,
        context: { diagnostics },
      })) as CodeAction[];
    };

    it('adds a claim-scoped suppression above the claim, which asks for its reason (suppress/missing-reason) until one is written', async () => {
      const actions = await actionsFor('claims/beta.yaml', BETA, 'evidence/none');
      const suppress = actions.find((a) => a.title.startsWith('Suppress evidence/none for claim beta/first-synthesis'))!;
      const after = apply(BETA, suppress, client.uri('claims/beta.yaml'));
      expect(after).toContain('claims:\n  # claimlint-disable-next-line evidence/none --\n  - id: first-synthesis\n');
      const evidenceNone = (x: { diagnostics: Diagnostic[] }) => x.diagnostics.filter((d) => d.code === 'evidence/none').length;
      const before = evidenceNone(client.latest.get(client.uri('claims/beta.yaml'))!);
      // Applied: evidence/none is gone from the claim, and the comment is reported for its missing reason, on its line.
      const line = after.split('\n').findIndex((l) => l.includes('claimlint-disable-next-line evidence/none'));
      const version = await client.change('claims/beta.yaml', after);
      const p = await client.waitFor('claims/beta.yaml', (x) => x.version === version && has('suppress/missing-reason')(x));
      const missing = p.diagnostics.filter((d) => d.code === 'suppress/missing-reason');
      expect(missing.map((d) => [d.range.start.line, d.range.start.character, d.severity])).toEqual([[line, 2, DiagnosticSeverity.Error]]);
      expect(evidenceNone(p)).toBe(before - 1);
      await client.change('claims/beta.yaml', BETA);
    });

    it('removes an unused suppression', async () => {
      const text = BETA.replace('  - id: first-synthesis\n', '  # claimlint-disable-next-line conflict/value -- no conflict expected\n  - id: first-synthesis\n');
      const actions = await actionsFor('claims/beta.yaml', text, 'suppress/unused');
      const remove = actions.find((a) => a.title === 'Remove the unused suppression')!;
      expect(apply(text, remove, client.uri('claims/beta.yaml'))).toBe(BETA);
    });

    it("applies a schema finding's did-you-mean to a field name and to an enum value", async () => {
      let text = BETA.replace('    aspect: history', '    aspect: histry');
      let actions = await actionsFor('claims/beta.yaml', text, 'register/schema');
      let change = actions.find((a) => a.title === 'Change "histry" to "history"')!;
      expect(apply(text, change, client.uri('claims/beta.yaml'))).toBe(BETA);
      text = BETA.replace('    subject: ketamine', '    subjcet: ketamine');
      actions = await actionsFor('claims/beta.yaml', text, 'register/schema');
      change = actions.find((a) => a.title === 'Change "subjcet" to "subject"')!;
      expect(apply(text, change, client.uri('claims/beta.yaml'))).toBe(BETA);
      // A value written as a field name is not a rename: no change offered (it would write "kind: testimonial: ...").
      text = ALPHA.replace('      - cites: ["1"]', '      - testimonial: "My gran"');
      actions = await actionsFor('claims/alpha.yaml', text, 'register/schema');
      expect(actions.filter((a) => a.title.startsWith('Change '))).toEqual([]);
      expect(actions.length).toBeGreaterThan(0);
      await client.change('claims/alpha.yaml', ALPHA);
    });

    it('quotes a reference id written as a number', async () => {
      const text = ALPHA.replace('cites: ["1"]', 'cites: [1]');
      const actions = await actionsFor('claims/alpha.yaml', text, 'register/schema');
      const quote = actions.find((a) => a.title === 'Quote the reference id: "1"')!;
      expect(apply(text, quote, client.uri('claims/alpha.yaml'))).toBe(ALPHA);
    });

    afterAll(async () => {
      await client.change('claims/alpha.yaml', ALPHA);
      await client.change('claims/beta.yaml', BETA);
    });
  });

  it('reloads on configuration, vocabulary and rule folder changes; a bad configuration is a diagnostic, not a crash', async () => {
    const beta = BETA.replace('subject: ketamine', 'subject: ketalar').replace('{year: 1962}', '{year: 1990}');
    const version = await client.change('claims/beta.yaml', beta);
    await client.waitFor('claims/beta.yaml', (p) => p.version === version && has('evidence/none')(p) && lacks('conflict/value')(p));
    // A subject alias makes the two claims comparable: the conflict appears.
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'vocabulary:\n  subjects:\n    ketamine: [ketalar]\n');
    await client.waitFor('claims/beta.yaml', has('conflict/value'));
    // An unknown rule id: a located diagnostic on the configuration file.
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'rules:\n  evidence/nonee: off\n');
    const bad = await client.waitFor('claimlint.config.yaml', (p) => p.diagnostics.length > 0);
    expect(bad.diagnostics[0]).toMatchObject({ severity: 1, range: { start: { line: 1, character: 2 } } });
    expect(bad.diagnostics[0]!.message).toContain('unknown rule "evidence/nonee"');
    // Fixed: the diagnostic leaves and the setting applies.
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'rules:\n  evidence/none: off\n');
    await client.waitFor('claimlint.config.yaml', (p) => p.diagnostics.length === 0);
    await client.waitFor('claims/beta.yaml', (p) => lacks('evidence/none')(p) && lacks('conflict/value')(p));
    // A rule folder: its rules apply, and a change to a rule file applies too.
    const rule = (severity: string) =>
      `id: house/no-evidence\nextends: evidence-missing\nseverity: ${severity}\nsummary: Claims need evidence (house rule)\n`;
    mkdirSync(join(dir, 'house'));
    writeFileSync(join(dir, 'house', 'no-evidence.yaml'), rule('warning'));
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'ruleFolders: [house]\nrules:\n  evidence/none: off\n');
    const house = await client.waitFor('claims/beta.yaml', has('house/no-evidence'));
    expect(house.diagnostics.find((d) => d.code === 'house/no-evidence')!.severity).toBe(2);
    writeFileSync(join(dir, 'house', 'no-evidence.yaml'), rule('error'));
    await client.waitFor('claims/beta.yaml', (p) => p.diagnostics.some((d) => d.code === 'house/no-evidence' && d.severity === 1));
  });
});

describe('claimlint lsp, incremental publication', () => {
  // Unrelated to alpha and beta (another subject), with a finding of its own.
  const GAMMA = BETA.replace('id: beta', 'id: gamma').replace('Beta blog', 'Gamma blog').replace(/ketamine/g, 'esketamine');
  let dir: string;
  let client: LspClient;

  beforeAll(async () => {
    dir = project({ 'claims/alpha.yaml': ALPHA, 'claims/beta.yaml': BETA, 'claims/gamma.yaml': GAMMA });
    client = new LspClient(dir);
    await client.initialize();
    await client.waitFor('claims/gamma.yaml', has('evidence/none'));
  }, 60_000);
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  }, 60_000);

  /** The documents published from `mark` on, once the server has sent everything. */
  const publishedSince = async (mark: number): Promise<string[]> => {
    await client.settled();
    return [...new Set(client.published.slice(mark).map((p) => p.uri))].sort();
  };

  it('republishes the edited file and the other file of the conflict it makes or clears, and no unrelated file', async () => {
    await client.open('claims/alpha.yaml', ALPHA);
    await client.waitFor('claims/alpha.yaml', (p) => p.version === 1);
    await client.settled();
    const both = [client.uri('claims/alpha.yaml'), client.uri('claims/beta.yaml')].sort();

    let mark = client.published.length;
    let version = await client.change('claims/alpha.yaml', ALPHA.replace('{year: 1962}', '{year: 1990}'));
    await client.waitFor('claims/beta.yaml', has('conflict/value'));
    await client.waitFor('claims/alpha.yaml', (p) => p.version === version && has('conflict/value')(p));
    expect(await publishedSince(mark)).toEqual(both);
    // The document being typed in is sent first.
    expect(client.published[mark]!.uri).toBe(client.uri('claims/alpha.yaml'));

    mark = client.published.length;
    version = await client.change('claims/alpha.yaml', ALPHA);
    await client.waitFor('claims/beta.yaml', lacks('conflict/value'));
    await client.waitFor('claims/alpha.yaml', (p) => p.version === version && lacks('conflict/value')(p));
    expect(await publishedSince(mark)).toEqual(both);

    // An edit that changes no finding: only the edited file, for its new version.
    mark = client.published.length;
    version = await client.change('claims/alpha.yaml', ALPHA.replace('Alpha review', 'Alpha review, revised'));
    await client.waitFor('claims/alpha.yaml', (p) => p.version === version);
    expect(await publishedSince(mark)).toEqual([client.uri('claims/alpha.yaml')]);
    await client.change('claims/alpha.yaml', ALPHA);
    await client.close('claims/alpha.yaml');
  });

  it('shows a conflict made on disk in a closed file on that file too, although only the other file holds the finding', async () => {
    await client.waitFor('claims/alpha.yaml', (p) => p.version === undefined && lacks('conflict/value')(p));
    // Written whole (as editors and git do), so the server never reads a half-written file; the client relays the change.
    const write = (text: string) => {
      writeFileSync(join(dir, 'alpha.tmp'), text);
      renameSync(join(dir, 'alpha.tmp'), join(dir, 'claims', 'alpha.yaml'));
      return client.changedOnDisk('claims/alpha.yaml');
    };
    const mark = client.published.length;
    await write(ALPHA.replace('{year: 1962}', '{year: 1990}'));
    await client.waitFor('claims/beta.yaml', has('conflict/value'));
    const alpha = await client.waitFor('claims/alpha.yaml', has('conflict/value'));
    console.log(client.stderr);
    console.log(JSON.stringify(client.published.slice(mark).map((p) => [p.uri.slice(-10), p.version, p.diagnostics.map((d) => d.code)])));
    expect(alpha.diagnostics.find((d) => d.code === 'conflict/value')!.severity).toBe(3);
    expect(await publishedSince(mark)).toEqual([client.uri('claims/alpha.yaml'), client.uri('claims/beta.yaml')].sort());
    await write(ALPHA);
    await client.waitFor('claims/alpha.yaml', lacks('conflict/value'));
    await client.waitFor('claims/beta.yaml', lacks('conflict/value'));
  });
});

describe('claimlint lsp usage', () => {
  it('rejects options it does not know with exit code 2', () => {
    const r = claimlint(['lsp', '--tcp'], { cwd: project({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option "--tcp"');
  });
});

import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../src/engine/load/loader.js';
import { yaml } from './helpers/rule-tester.js';

const GOOD = yaml`
  source:
    id: s
    title: S
    kind: blog
    published: 2026-04-29
    references:
      - id: "1"
        title: One
      - id: "2"
        year: "twenty"
  claims:
    - id: a
      text: "A claim."
      subject: ketamine
      aspect: history
      property: origin
      value: { decade: 1950 }
      evidence:
        - cites: ["1"]
    - id: b
      text: "Another claim."
      subject: ketamine
      aspect: efficacy
      property: migraine
      valeu: { effect: benefit }
`;

describe('parseClaimFile', () => {
  it('loads claims with full ids and locates their parts', () => {
    const f = parseClaimFile('/r/claims/s.yaml', GOOD);
    expect(f.syntaxErrors).toEqual([]);
    expect(f.source?.id).toBe('s');
    const a = f.claims.find((c) => c.claim.id === 'a')!;
    expect(a.fullId).toBe('s/a');
    expect(a.range(['value'])).toEqual({ line: 17, column: 12, endLine: 17, endColumn: 28 });
    expect(a.range(['evidence', 0, 'cites', 0])).toMatchObject({ line: 19, column: 17 });
  });

  it('drops only the claim or reference with a schema problem, and says why', () => {
    const f = parseClaimFile('/r/claims/s.yaml', GOOD);
    expect(f.claims.map((c) => c.claim.id)).toEqual(['a']);
    expect(f.references.map((r) => r.reference.id)).toEqual(['1']);
    // the bad reference's id is still known, so citing it is not "dangling"
    expect([...f.referenceIds]).toEqual(['1', '2']);
    expect(f.schemaProblems.map((p) => [p.range.line, p.range.column, p.message, p.claim])).toEqual([
      [10, 13, 'source.references[1].year must be an integer (got "twenty")', undefined],
      [25, 5, 'claims[1] has an unknown field "valeu": did you mean "value"?', 's/b'],
    ]);
  });

  it('keeps the source when one of its fields is wrong', () => {
    const f = parseClaimFile('/r/claims/s.yaml', GOOD.replace('published: 2026-04-29', 'published: yesterday'));
    expect(f.source?.id).toBe('s');
    expect(f.source?.published).toBeUndefined();
    expect(f.claims).toHaveLength(1);
    expect(f.schemaProblems[0]!.message).toMatch(/^source\.published must be an ISO date/);
  });

  it('reports malformed YAML at the parser position and loads nothing from the file', () => {
    const f = parseClaimFile('/r/claims/bad.yaml', 'source:\n  id: x\n   title: y\nclaims: [\n');
    expect(f.syntaxErrors).toHaveLength(1);
    expect(f.syntaxErrors[0]).toEqual({
      range: { line: 2, column: 7, endLine: 2, endColumn: 8 },
      message: 'Nested mappings are not allowed in compact mappings',
    });
    expect(f.claims).toEqual([]);
    expect(f.source).toBeUndefined();
  });

  it('reports duplicate keys as a syntax error', () => {
    const f = parseClaimFile('/r/claims/dup.yaml', 'source:\n  id: x\n  id: y\n');
    expect(f.syntaxErrors[0]!.message).toMatch(/unique/);
    expect(f.syntaxErrors[0]!.range.line).toBe(3);
  });

  it.each([
    ['an empty file', ''],
    ['a file with only comments', '# nothing here yet\n# still nothing\n'],
  ])('reports %s as a schema problem at 1:1', (_name, text) => {
    const f = parseClaimFile('/r/claims/empty.yaml', text);
    expect(f.syntaxErrors).toEqual([]);
    expect(f.schemaProblems).toEqual([
      {
        range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
        message: 'The file holds no claim data: expected a mapping with "source" and "claims" (delete the file, or fill it in)',
      },
    ]);
  });

  it('reports a top-level list instead of a mapping', () => {
    const f = parseClaimFile('/r/claims/list.yaml', '- a\n- b\n');
    expect(f.schemaProblems[0]!.message).toMatch(/must be a mapping with "source" and "claims"/);
  });

  it('folds the alternatives of a value into one clear message', () => {
    const text = GOOD.replace('value: { decade: 1950 }', 'value: { colour: red }');
    const f = parseClaimFile('/r/claims/s.yaml', text);
    const msgs = f.schemaProblems.map((p) => p.message);
    expect(msgs).toContain(
      'claims[0].value must be exactly one typed value: time ({year}, {decade}, {period: [from, to]} or {years_ago}), quantity ({number} or {range: [low, high]}, with unit and bound), counts ({total, parts} or {percent|numerator, denominator}), effect ({effect}), category ({category}), assertion ({holds}), test statistic ({test, df, statistic, p}), mean ({mean, n}) or estimate ({estimate, ci, measure})',
    );
  });

  it('keeps a precise error from inside the matching alternative', () => {
    const f = parseClaimFile('/r/claims/s.yaml', GOOD.replace('decade: 1950', 'decade: 1955'));
    expect(f.schemaProblems.map((p) => p.message)).toContain('claims[0].value.decade must be a multiple of 10 (got number 1955)');
  });
});

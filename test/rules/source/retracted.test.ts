import { describe, expect, it } from 'vitest';
import { parseRetractions } from '../../../src/engine/register/retractions.js';
import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'source/retracted';

/** A Retraction Watch CSV with the given rows (columns as in the real export, plus some it ignores). */
const csv = (...rows: string[]) =>
  ['Record ID,Title,Journal,OriginalPaperDOI,RetractionDOI,RetractionNature,Reason,RetractionDate', ...rows].join('\r\n') + '\r\n';

const RETRACTED = '1,"Antidepressant effects, retracted",Biol Psychiatry,10.1016/S0006-3223(99)00230-9,10.1016/j.biopsych.2024.01.001,Retraction,+Error in Data;+Duplication of Image;,4/27/2023 0:00';

/** A source with a DOI (line 5, column 8) and references "25" (doi at line 8) and "4" (url at line 10), both values at column 12. */
const source = (sourceDoi = '10.1007/s11916-021-00977-w', refDoi = '10.1016/s0006-3223(99)00230-9', refUrl = 'https://onlinelibrary.wiley.com/doi/10.1155/2020/5798285') => yaml`
  source:
    id: review
    title: A review
    kind: narrative-review
    doi: ${sourceDoi}
    references:
      - id: "25"
        doi: "${refDoi}"
      - id: "4"
        url: ${refUrl}
`;

const claims = `claims:
  - id: trd
    text: "ketamine provided significant improvement within 72 hours"
    subject: ketamine
    aspect: efficacy
    property: treatment-resistant-depression
    value: { effect: benefit }
    evidence:
      - cites: ["25"]
  - id: neuroprotection
    text: "help with neuroprotection"
    subject: ketamine
    aspect: mechanism
    property: neuroprotection
    evidence:
      - cites: ["4", "25"]
`;

RuleTester.run('source/retracted', {
  valid: [
    { name: 'no retraction list given: nothing to check', yaml: source() + claims },
    { name: 'an empty list', yaml: source() + claims, retractions: csv() },
    { name: 'DOIs not in the list', yaml: source() + claims, retractions: csv('2,Other,J,10.1000/182,10.1000/183,Retraction,,1/1/2020 0:00') },
    { name: 'a listed correction is not a retraction', yaml: source() + claims, retractions: csv(RETRACTED.replace(',Retraction,', ',Correction,')) },
    { name: 'a listed expression of concern is not a retraction', yaml: source() + claims, retractions: csv(RETRACTED.replace(',Retraction,', ',Expression of concern,')) },
    { name: 'a DOI in a URL is not read with doiFromUrl: false', options: { doiFromUrl: false }, yaml: source(undefined, '10.1000/1'), retractions: csv('2,T,J,10.1155/2020/5798285,,Retraction,,') },
    { name: 'a list row with an unavailable DOI is skipped', yaml: source(), retractions: csv('2,T,J,unavailable,,Retraction,,') },
  ],
  invalid: [
    ...[
      ['a retraction row followed by a correction row for the same DOI', [RETRACTED, RETRACTED.replace(',Retraction,', ',Correction,').replace('4/27/2023', '6/1/2023')]],
      ['a correction row followed by the retraction row', [RETRACTED.replace(',Retraction,', ',Correction,').replace('4/27/2023', '1/2/2023'), RETRACTED]],
      ['an expression of concern, the retraction, then a correction, with other papers between', [
        RETRACTED.replace(',Retraction,', ',Expression of concern,').replace('4/27/2023', '1/2/2022'),
        '2,Other,J,10.1000/182,,Retraction,,1/1/2020 0:00',
        RETRACTED,
        RETRACTED.replace(',Retraction,', ',Correction,').replace('4/27/2023', '6/1/2023'),
      ]],
    ].map(([name, rows]) => ({
      name: `any counting record flags the DOI: ${name as string}`,
      yaml: source() + claims,
      retractions: csv(...(rows as string[])),
      findings: [{ rule, severity: 'error' as const, line: 8, column: 12, message: /^Reference "25" of review .* is in the retraction list \(on 4\/27\/2023, notice 10\.1016\/j\.biopsych\.2024\.01\.001\)/ }],
    })),
    {
      name: 'a reinstatement dated after the retraction, listed first: reported as reinstated, one step lower',
      yaml: source() + claims,
      retractions: csv('9,Reinstated,J,10.1016/S0006-3223(99)00230-9,,Reinstatement,,3/5/2024 0:00', RETRACTED),
      findings: [
        {
          rule,
          severity: 'warning',
          line: 8,
          column: 12,
          message:
            'Reference "25" of review (DOI 10.1016/s0006-3223(99)00230-9) was retracted (on 4/27/2023, notice 10.1016/j.biopsych.2024.01.001) and later reinstated on 3/5/2024: check whether the 2 claims citing it can rely on the reinstated version',
        },
      ],
    },
    {
      name: 'a reinstatement dated before a later retraction does not undo it',
      yaml: source() + claims,
      retractions: csv(RETRACTED.replace('4/27/2023', '1/1/2020'), '9,R,J,10.1016/S0006-3223(99)00230-9,,Reinstatement,,1/1/2021 0:00', RETRACTED),
      findings: [{ rule, severity: 'error', line: 8, column: 12, message: /is in the retraction list \(on 4\/27\/2023/ }],
    },
    {
      name: 'a reinstated source',
      yaml: source() + claims,
      retractions: csv('2,T,J,10.1007/s11916-021-00977-w,,Retraction,,1/1/2020 0:00', '3,T,J,10.1007/s11916-021-00977-w,,Reinstatement,,1/1/2021 0:00'),
      findings: [{ rule, severity: 'warning', line: 5, column: 8, message: /^Source "review" \(DOI 10\.1007\/s11916-021-00977-w\) was retracted \(on 1\/1\/2020\) and later reinstated on 1\/1\/2021: check whether its 2 claims can rely on the reinstated version$/ }],
    },
    {
      name: 'a retracted reference, matched case-insensitively, with the claims citing it',
      yaml: source() + claims,
      retractions: csv(RETRACTED),
      findings: [
        {
          rule,
          severity: 'error',
          line: 8,
          column: 12,
          claim: null,
          related: ['review/trd', 'review/neuroprotection'],
          message:
            'Reference "25" of review (DOI 10.1016/s0006-3223(99)00230-9) is in the retraction list (on 4/27/2023, notice 10.1016/j.biopsych.2024.01.001) and is cited by 2 claims: remove the citation, or support those claims with another source',
        },
      ],
    },
    {
      name: 'a retracted source, with a resolver prefix in the list',
      yaml: source() + claims,
      retractions: csv('2,T,J,https://doi.org/10.1007/S11916-021-00977-W,,Retraction,,'),
      findings: [
        {
          rule,
          severity: 'error',
          line: 5,
          column: 8,
          related: ['review/trd', 'review/neuroprotection'],
          message: 'Source "review" (DOI 10.1007/s11916-021-00977-w) is in the retraction list: do not rely on its 2 claims; remove them or support them with another source',
        },
      ],
    },
    {
      name: 'a DOI read from a publisher URL',
      yaml: source() + claims,
      retractions: csv('2,T,J,10.1155/2020/5798285,,Retraction,,'),
      findings: [{ rule, severity: 'error', line: 10, column: 12, related: ['review/neuroprotection'], message: /Reference "4" of review \(DOI 10\.1155\/2020\/5798285\) .* cited by 1 claim\b/ }],
    },
    {
      name: 'a DOI read from a doi.org URL, in a reference no claim cites',
      yaml: source(undefined, undefined, 'https://doi.org/10.1000/182'),
      retractions: csv('2,T,J,10.1000/182,,Retraction,,'),
      findings: [{ rule, severity: 'error', line: 10, column: 12, related: [], message: /is cited by 0 claims/ }],
    },
    {
      name: 'a record without a nature counts as a retraction',
      yaml: source(),
      retractions: 'OriginalPaperDOI\n10.1016/S0006-3223(99)00230-9\n',
      findings: [{ rule, severity: 'error', line: 8, column: 12, message: /is in the retraction list and is cited by 0 claims/ }],
    },
    {
      name: 'other natures counted through the option',
      options: { natures: ['Retraction', 'Expression of concern'] },
      yaml: source() + claims,
      retractions: csv(RETRACTED.replace(',Retraction,', ',Expression of Concern,')),
      findings: [{ rule, severity: 'error', line: 8, column: 12 }],
    },
    {
      name: 'a malformed date or notice DOI in the list is not shown',
      yaml: source(),
      retractions: csv('2,T,J,10.1007/s11916-021-00977-w,unavailable,Retraction,,"soon\u001b[31m"'),
      findings: [{ rule, severity: 'error', line: 5, column: 8, message: /is in the retraction list: do not rely/ }],
    },
    {
      name: 'source and reference both listed: two findings',
      yaml: source() + claims,
      retractions: csv(RETRACTED, '2,T,J,10.1007/s11916-021-00977-w,,Retraction,,'),
      findings: [
        { rule, severity: 'error', line: 5, column: 8, message: /^Source "review"/ },
        { rule, severity: 'error', line: 8, column: 12, message: /^Reference "25"/ },
      ],
    },
  ],
});

describe('parseRetractions', () => {
  it('keeps every record of a DOI with its line, quoted fields spanning lines included', () => {
    const list = parseRetractions(csv('1,"A title\nover two lines",J,10.1000/X,,Retraction,,1/1/2020 0:00', '2,T,J,10.1000/x,,Correction,,2/1/2020 0:00'));
    expect(list.get('10.1000/x')!.map((r) => [r.nature, r.line])).toEqual([['Retraction', 3], ['Correction', 4]]);
  });

  it('reports a malformed CSV at the line where the bad record starts', () => {
    expect(() => parseRetractions(csv('1,T,J,10.1000/1,,Retraction,,', '2,"open,J,10.1000/2,,Retraction,,', '3,T,J,10.1000/3,,Retraction,,'), 'list.csv')).toThrow(
      /^list\.csv:3: a quoted field opened on this line is never closed/,
    );
  });
});

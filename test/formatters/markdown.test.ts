import { describe, expect, it } from 'vitest';
import { stepSummary } from '../../src/formatters/github.js';
import markdown, { COMMENT_LIMIT, COMMENT_MARKER } from '../../src/formatters/markdown.js';
import { markdownCell, markdownInline } from '../../src/formatters/markdown-text.js';
import { claimlint } from '../helpers/cli.js';
import { CTX, HOSTILE, e2eProject, finding, mixedResult, related, result } from '../helpers/results.js';

const tableRows = (md: string) => md.split('\n').filter((l) => /^\| claims\//.test(l));

describe('markdown', () => {
  it('renders a heading, counts, and the findings worst first with related claims', () => {
    const r = result([
      finding({ rule: 'refs/unused', severity: 'info', file: 'claims/a.yaml', line: 3, column: 5, claim: null, message: 'Reference 2 is never cited' }),
      finding({ related: [related(), related({ kind: 'reference', claim: 'early#1', line: 7, column: 9 })] }),
    ]);
    expect(markdown(r, CTX)).toBe(
      [
        COMMENT_MARKER,
        '## claimlint: ❌ 2 problems',
        '',
        '1 error, 0 warnings and 1 info in 10 claims in 2 files.',
        '',
        '| Severity | Findings |',
        '| --- | ---: |',
        '| error | 1 |',
        '| warning | 0 |',
        '| info | 1 |',
        '',
        '| Rule | Errors | Warnings | Infos |',
        '| --- | ---: | ---: | ---: |',
        '| conflict/value | 1 | 0 | 0 |',
        '| refs/unused | 0 | 0 | 1 |',
        '',
        '### Findings',
        '',
        '| Location | Severity | Rule | Message | Claim |',
        '| --- | --- | --- | --- | --- |',
        '| claims/b.yaml:12:12 | error | conflict/value | Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin<br>↳ claims/a.yaml:48:11 early/origin<br>↳ claims/a.yaml:7:9 early#&#8203;1 | guide/origin |',
        '| claims/a.yaml:3:5 | info | refs/unused | Reference 2 is never cited |  |',
        '',
      ].join('\n'),
    );
  });

  it('is the step summary of the github format, after the marker', () => {
    const r = mixedResult();
    expect(markdown(r, CTX)).toBe(`${COMMENT_MARKER}\n${stepSummary(r)}`);
  });

  it('escapes hostile text: no HTML, no broken table, no link, image, code or mention', () => {
    const md = markdown(mixedResult(), CTX);
    expect(md.replace(COMMENT_MARKER, '')).not.toMatch(/<(?!br>)/);
    expect(md).not.toMatch(/(?<!\\)\[x\\?\]\(1\)/);
    expect(md).not.toMatch(/@octocat/);
    for (const row of tableRows(md)) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    expect(markdownInline('a\r\nb\rc\u001b[31m\u202e')).toBe('a\nb\nc\\\\x1b\\[31m\\\\u202e');
    expect(markdownCell('<script>alert("x")</script>')).toBe('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(markdownCell('&lt; already an entity')).toBe('&amp;lt; already an entity');
    expect(markdownCell('\\| escaped pipe')).toBe('\\\\\\| escaped pipe');
    expect(markdownCell('![img](http://x/y.png) and ~~strike~~ and _em_')).toBe('!\\[img\\](http:&#8203;//x/y.png) and \\~\\~strike\\~\\~ and \\_em\\_');
    expect(markdownCell(HOSTILE)).toContain('@&#8203;octocat');
  });

  it('says when there are no problems', () => {
    expect(markdown(result([]), CTX)).toBe(`${COMMENT_MARKER}\n## claimlint: no problems\n\n✔ No problems found in 10 claims in 1 file.\n`);
  });

  it("lists the run's notes (what was left out), escaped", () => {
    const notes = ['3 findings recorded in claimlint-baseline.json are not shown.', 'Only files changed since <main> | are reported.'];
    const listed = '- 3 findings recorded in claimlint-baseline.json are not shown.\n- Only files changed since &lt;main&gt; \\| are reported.\n';
    expect(markdown(result([], { notes }), CTX)).toBe(`${COMMENT_MARKER}\n## claimlint: no problems\n\n✔ No problems found in 10 claims in 1 file.\n\n${listed}`);
    expect(markdown({ ...mixedResult(), notes }, CTX)).toContain(`2 errors, 1 warning and 1 info in 10 claims in 3 files.\n\n${listed}\n| Severity |`);
  });

  it("fits GitHub's comment limit, saying how many findings are not shown", () => {
    const many = Array.from({ length: 2000 }, (_, i) => finding({ line: i + 1, message: `${'long message '.repeat(10)}${i}` }));
    const md = markdown(result(many), CTX);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md.length).toBeGreaterThan(COMMENT_LIMIT - 500);
    const shown = tableRows(md).length;
    expect(md.trimEnd().endsWith(`_${(2000 - shown).toLocaleString('en-US')} more findings not shown (report size limit)._`)).toBe(true);
  });

  it('end to end: claimlint --format markdown', () => {
    const r = claimlint(['--format', 'markdown'], { cwd: e2eProject() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith(`${COMMENT_MARKER}\n## claimlint: ❌ `)).toBe(true);
    expect(tableRows(r.stdout)[0]).toBe(
      '| claims/guide.yaml:11:12 | error | conflict/value | Conflicting origin for ketamine: the 1960s here, the 1950s in early/origin<br>↳ claims/early.yaml:10:11 early/origin | guide/origin |',
    );
  });
});

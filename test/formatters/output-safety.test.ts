/**
 * Claim text is data in every output (issue 9, point 6): no control
 * character reaches a GitHub log, no link, mention or math is made by a
 * Markdown renderer with autolinks on, SARIF points outside the working
 * directory with absolute file URIs.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import github, { stepSummary, workflowCommand } from '../../src/formatters/github.js';
import markdown from '../../src/formatters/markdown.js';
import { markdownCell } from '../../src/formatters/markdown-text.js';
import sarif, { artifactLocation } from '../../src/formatters/sarif.js';
import { CTX, finding, related, result } from '../helpers/results.js';
import { outputText } from '../../src/formatters/sink.js';

/** Every C0 and C1 control character but CR and LF, and DEL. */
const CONTROLS = [...Array(0x20).keys(), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)]
  .filter((c) => c !== 0x0a && c !== 0x0d)
  .map((c) => String.fromCharCode(c))
  .join('');
const TITLE_BOMB = '\u001b]0;PWNED\u0007\u001b[2J';

describe('github format: no control character from claim data reaches the log', () => {
  it('shows C0/C1 controls as visible escapes in the message, title, file and related lines', () => {
    const f = finding({
      message: `ref ${TITLE_BOMB} ${CONTROLS}`,
      claim: `src/${TITLE_BOMB}`,
      file: `claims/${TITLE_BOMB}.yaml`,
      related: [related({ claim: `x/${CONTROLS}` })],
    });
    const line = workflowCommand(f);
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(line).toContain('\\x1b]0;PWNED\\x07\\x1b[2J');
    expect(line).toContain('\\x00');
    expect(line).toContain('\\x9b');
    expect(line).toContain('\\x85');
    expect(github(result([f]), { ...CTX, env: {} } as typeof CTX)).not.toMatch(/\u001b|\u0007|\u009b/);
  });
});

/** GitHub-like rendering: marked with GFM on (tables, autolinks of www., URLs and e-mail addresses). */
const render = (s: string) => marked.parse(s, { gfm: true, async: false });

const HOSTILE_TEXTS = [
  'see https://evil.example/x and http://evil.example',
  'www.evil.example and WWW.evil.example and mail me at bob@evil.com',
  '!\\[img\\](https://evil.example/p.png) inside escaped image syntax',
  '[click](https://evil.example) <https://evil.example>',
  'math $x^2$ and $$\\frac{1}{2}$$ and $`y`$',
  'ping @octocat and @org/team and #123',
];

describe('markdown format and job summary: claim text renders inert', () => {
  for (const text of HOSTILE_TEXTS) {
    it(`makes no link or mention of ${JSON.stringify(text)}`, () => {
      const f = finding({ message: text, claim: `a/${text}`, text, related: [related({ claim: text })] });
      for (const out of [markdown(result([f]), CTX), stepSummary(result([f]))]) {
        const html = render(out);
        expect(html).not.toMatch(/<a\s/);
        expect(html).not.toMatch(/<img/);
        // The text itself is still there to read (a zero-width space is invisible).
        expect(html.replace(/\u200b/g, '')).toContain(text.includes('evil.example/x') ? 'evil.example/x' : text.split(' ')[1]!.replace(/[<>]/g, ''));
      }
    });
  }

  it('escapes every $ so GitHub does not render math', () => {
    expect(markdownCell('costs $5 to $10, $x^2$')).toBe('costs \\$5 to \\$10, \\$x^2\\$');
  });
});

describe('sarif: files outside the working directory', () => {
  it('get absolute file URIs; files inside stay relative to %SRCROOT%', () => {
    const cwd = resolve('/virtual/project');
    expect(artifactLocation('claims/a b.yaml', cwd)).toEqual({ uri: 'claims/a%20b.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('../other/x.yaml', cwd)).toEqual({ uri: pathToFileURL(resolve(cwd, '../other/x.yaml')).href });
    const log = JSON.parse(
      outputText(sarif(result([finding({ file: '../other/x.yaml', related: [related({ file: '../../y.yaml' })] })], { cwd }), CTX)),
    ) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>; relatedLocations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const r = log.runs[0]!.results[0]!;
    expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///virtual/other/x.yaml' });
    expect(r.relatedLocations[0]!.physicalLocation.artifactLocation.uri).toBe('file:///y.yaml');
  });
});

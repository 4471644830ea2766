import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Formatter } from '../../src/formatters/types.js';
import junitFormatter, { xmlAttr, xmlText } from '../../src/formatters/junit.js';
import { outputText } from '../../src/formatters/sink.js';

const junit: Formatter = (r, c) => outputText(junitFormatter(r, c));
import { claimlint } from '../helpers/cli.js';
import { CTX, HOSTILE, e2eProject, finding, mixedResult, related, result } from '../helpers/results.js';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NAME = '[A-Za-z_][\\w.:-]*';
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;

function decode(s: string, where: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`bare & in ${where}`);
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(REFERENCE, (_m, n?: string, dec?: string, hex?: string) => (n ? named[n]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16))));
}

/**
 * A small XML 1.0 well-formedness checker, enough for what the formatter
 * writes: an optional declaration, elements with quoted attributes, text and
 * references; no comments, CDATA, DTD or processing instructions. Throws on
 * anything malformed; returns the root element with decoded text.
 */
function parseXml(xml: string): XmlElement {
  if (NOT_XML_CHAR.test(xml)) throw new Error('character not allowed in XML 1.0');
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`);
  const attr = new RegExp(`(${NAME})\\s*=\\s*"([^"<]*)"`, 'g');
  while (rest.length) {
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^</(${NAME})\\s*>`).exec(rest))) {
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new Error(`mismatched </${m[1]}>`);
    } else if ((m = tag.exec(rest))) {
      const el: XmlElement = { name: m[1]!, attrs: {}, children: [], text: '' };
      for (const a of m[2]!.matchAll(attr)) {
        if (a[1]! in el.attrs) throw new Error(`duplicate attribute ${a[1]}`);
        el.attrs[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
      }
      if (stack.length) stack.at(-1)!.children.push(el);
      else if (root) throw new Error('more than one root element');
      else root = el;
      if (m[3] !== '/') stack.push(el);
    } else if ((m = /^[^<]+/.exec(rest))) {
      if (m[0].includes(']]>')) throw new Error(']]> in text');
      if (!stack.length) {
        if (m[0].trim()) throw new Error('text outside the root element');
      } else stack.at(-1)!.text += decode(m[0], `<${stack.at(-1)!.name}>`);
    } else {
      throw new Error(`malformed markup at: ${rest.slice(0, 40)}`);
    }
    rest = rest.slice(m[0].length);
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

const python = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' }).stdout?.trim() === '1';

const EXPAT = [
  'import sys, json, xml.etree.ElementTree as E',
  'root = E.parse(sys.stdin.buffer).getroot()',
  'print(json.dumps([[f.get("message"), f.text] for f in root.iter("failure")]))',
].join('\n');

/** Parse with a real XML parser (Python's expat, when python3 is installed): the failures' message attributes and bodies, or null if rejected. */
function expat(xml: string): Array<[string, string]> | null {
  const r = spawnSync('python3', ['-c', EXPAT], { input: xml, encoding: 'utf8' });
  return r.status === 0 ? (JSON.parse(r.stdout) as Array<[string, string]>) : null;
}
const expatAccepts = (xml: string) => expat(xml) !== null;

const CONTROL = '\u0000\u0001\u0008\u000b\u000c\u001b\u007f\ufffe\uffff\ud800 lone surrogate, astral 😀 ok';

describe('junit', () => {
  it('writes a suite per file and a testcase per finding: failures for errors and warnings, passing cases for infos', () => {
    const r = mixedResult();
    const xml = junit(r, CTX);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toEqual({ name: 'claimlint', tests: '4', failures: '3', errors: '0', skipped: '0' });
    expect(root.children.map((s) => [s.name, s.attrs['name'], s.attrs['tests'], s.attrs['failures']])).toEqual([
      ['testsuite', 'claims/a.yaml', '2', '1'],
      ['testsuite', 'claims/b.yaml', '1', '1'],
      ['testsuite', 'claims/we|rd, na:me%0A.yaml', '1', '1'],
    ]);
    const [info, warning] = root.children[0]!.children;
    expect(info!.attrs).toEqual({ name: 'refs/unused 3:5', classname: 'claims/a.yaml', file: 'claims/a.yaml', line: '3' });
    expect(info!.children.map((c) => c.name)).toEqual(['system-out']);
    expect(info!.children[0]!.text).toBe(`claims/a.yaml:3:5: info ${r.findings[0]!.message} [refs/unused]`);
    expect(warning!.children.map((c) => [c.name, c.attrs['type']])).toEqual([['failure', 'warning']]);
    expect(warning!.children[0]!.text).toBe(`claims/a.yaml:20:7: warning Claim early/bare has no evidence [evidence/none]\nClaim: early/bare\nText: ${HOSTILE}`);
    const error = root.children[1]!.children[0]!;
    expect(error.attrs['name']).toBe('conflict/value 12:12');
    expect(error.children[0]!.attrs).toEqual({ message: r.findings[2]!.message, type: 'error' });
    expect(error.children[0]!.text).toContain('\nRelated: claims/a.yaml:48:11 early/origin');
  });

  it('escapes hostile text in attributes and bodies, keeping it exactly as data', () => {
    const xml = junit(mixedResult(), CTX);
    const hostileCase = parseXml(xml).children[2]!.children[0]!;
    // the message attribute round-trips, CR and LF included
    expect(hostileCase.children[0]!.attrs['message']).toBe(HOSTILE);
    expect(hostileCase.attrs['classname']).toBe('claims/we|rd, na:me%0A.yaml');
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('</script>');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;');
    expect(xmlText(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlAttr('a\tb\r\nc')).toBe('a&#9;b&#13;&#10;c');
  });

  it('strips characters that are not allowed in XML 1.0', () => {
    const xml = junit(result([finding({ message: CONTROL, text: CONTROL, file: `claims/x${CONTROL}.yaml` })]), CTX);
    const root = parseXml(xml);
    expect(root.children[0]!.children[0]!.children[0]!.attrs['message']).toBe(' lone surrogate, astral 😀 ok');
    expect(root.children[0]!.attrs['name']).toBe('claims/x lone surrogate, astral 😀 ok.yaml');
  });

  it('writes one passing testcase for a clean register', () => {
    const xml = junit(result([]), CTX);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<testsuites name="claimlint" tests="1" failures="0" errors="0" skipped="0">\n' +
        '  <testsuite name="claimlint" tests="1" failures="0" errors="0" skipped="0">\n' +
        '    <testcase name="no problems (10 claims in 1 file)" classname="claimlint"/>\n' +
        '  </testsuite>\n</testsuites>\n',
    );
    expect(parseXml(xml).children[0]!.children).toHaveLength(1);
  });

  it('the checker rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/bare &/);
    expect(() => parseXml('<a>x < y</a>')).toThrow(/malformed/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/not allowed/);
    expect(() => parseXml('<a/><b/>')).toThrow(/more than one root/);
  });

  // Skipped only where python3 (whose expat is the reference parser) is missing; the node machines have it.
  it.skipIf(!python)('a real XML parser (expat) accepts the output', () => {
    expect(expatAccepts('<a><b></a>')).toBe(false);
    const failures = expat(junit(mixedResult(), CTX))!;
    // attribute and body come back exactly, CR, LF and all
    expect(failures.map((f) => f[0])).toContain(HOSTILE);
    expect(failures.some(([, body]) => body.endsWith(`Text: ${HOSTILE}`))).toBe(true);
    expect(expatAccepts(junit(result([finding({ message: CONTROL, related: [related({ claim: CONTROL })] })]), CTX))).toBe(true);
    expect(expatAccepts(junit(result([]), CTX))).toBe(true);
  });

  it('end to end: claimlint --format junit', () => {
    const r = claimlint(['--format', 'junit'], { cwd: e2eProject() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const root = parseXml(r.stdout);
    expect(root.children.map((s) => s.attrs['name'])).toEqual(['claims/early.yaml', 'claims/guide.yaml']);
    const conflict = root.children[1]!.children.find((c) => c.attrs['name'] === 'conflict/value 11:12')!;
    expect(conflict.children[0]!.name).toBe('failure');
    expect(conflict.children[0]!.text).toContain('Related: claims/early.yaml:10:11 early/origin');
    if (python) expect(expatAccepts(r.stdout)).toBe(true);
  });
});

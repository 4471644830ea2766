/**
 * JUnit XML for CI systems that read test reports (GitLab, Jenkins, Azure
 * Pipelines, CircleCI, ...): a <testsuite> per file with findings, a
 * <testcase> per finding (name: rule and position; classname: the file).
 *
 * Errors and warnings are <failure>s (type = severity, message attribute =
 * the message, body = location, message, claim, text and related claims).
 * Infos are passing testcases carrying the same details in <system-out>:
 * they never fail the run (as with the exit code), yet stay visible. With no
 * findings, one passing testcase ("no problems") in one suite, since some
 * CI systems reject an empty report.
 *
 * Untrusted text is escaped (& < > " ', and tab/CR/LF in attributes) and
 * characters not allowed in XML 1.0 (most C0 controls, lone surrogates,
 * U+FFFE, U+FFFF) are removed.
 */
import type { Finding } from '../engine/report/finding.js';
import { byFile, plural } from './order.js';
import type { StreamingFormatter } from './types.js';

// Everything outside XML 1.0's Char production (with the u flag a lone
// surrogate is one code point, so it matches), and the DEL and C1 controls
// the specification asks documents to avoid.
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Escape text for XML element content (and, with {@link xmlAttr}, attributes); CR as a reference so parsers keep it. */
export function xmlText(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** For attribute values: tab and LF as character references too, so parsers do not normalise them to spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function details(f: Finding): string {
  const lines = [`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.message} [${f.rule}]`];
  if (f.claim !== null) lines.push(`Claim: ${f.claim}`);
  if (f.text !== null) lines.push(`Text: ${f.text}`);
  for (const r of f.related) lines.push(`Related: ${r.file}:${r.line}:${r.column} ${r.claim}`);
  return lines.join('\n');
}

function testcase(f: Finding): string {
  const attrs = `name="${xmlAttr(`${f.rule} ${f.line}:${f.column}`)}" classname="${xmlAttr(f.file)}" file="${xmlAttr(f.file)}" line="${f.line}"`;
  if (f.severity === 'info') return `    <testcase ${attrs}>\n      <system-out>${xmlText(details(f))}</system-out>\n    </testcase>\n`;
  return `    <testcase ${attrs}>\n      <failure message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(details(f))}</failure>\n    </testcase>\n`;
}

/** Written suite by suite. */
const junit: StreamingFormatter = function* (result, { tool }) {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const name = xmlAttr(tool.name);
  if (result.findings.length === 0) {
    const scope = `${plural(result.summary.claims, 'claim')} in ${plural(result.summary.files, 'file')}`;
    yield (
      `${head}<testsuites name="${name}" tests="1" failures="0" errors="0" skipped="0">\n` +
      `  <testsuite name="${name}" tests="1" failures="0" errors="0" skipped="0">\n` +
      `    <testcase name="${xmlAttr(`no problems (${scope})`)}" classname="${name}"/>\n` +
      '  </testsuite>\n</testsuites>\n'
    );
    return;
  }
  const failing = (fs: readonly Finding[]) => fs.filter((f) => f.severity !== 'info').length;
  yield `${head}<testsuites name="${name}" tests="${result.findings.length}" failures="${failing(result.findings)}" errors="0" skipped="0">\n`;
  for (const [file, findings] of byFile(result.findings)) {
    yield `  <testsuite name="${xmlAttr(file)}" tests="${findings.length}" failures="${failing(findings)}" errors="0" skipped="0">\n`;
    for (const f of findings) yield testcase(f);
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
};

export default junit;

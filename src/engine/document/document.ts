/**
 * Source documents (plain text, Markdown, HTML) as claimlint reads them: the
 * visible text, cut into blocks, with every character mapped back to its
 * offset in the file, so that findings and related locations can name a line
 * and column in the document itself.
 *
 * HTML is read with htmlparser2 (a well-kept, forgiving parser: real pages are
 * rarely valid HTML); scripts, styles and comments are not visible text.
 * Markdown markup (front matter, heading and list markers, emphasis, link
 * targets, inline code ticks, HTML comments) is left out of the visible text.
 */
import { Parser } from 'htmlparser2';
import { extname } from 'node:path';
import { lineStarts, linePosAt, type Range } from '../load/location.js';

export type DocumentFormat = 'text' | 'markdown' | 'html';

/** A run of visible text: a paragraph, heading, list item or table cell. */
export interface Block {
  /** The visible text (entities decoded, markup left out). */
  text: string;
  /** Offset in the file of each character of `text`. */
  offsets: number[];
  /** HTML heading level (h1-h6) or Markdown `#` count; 0 for other blocks. */
  heading: number;
  /** An item of a list (HTML `<li>`, a Markdown list item). */
  item?: boolean;
}

export interface SourceDocument {
  /** Absolute path. */
  path: string;
  /** The file's text, as read. */
  text: string;
  format: DocumentFormat;
  blocks: Block[];
  /** Markdown front matter or HTML `<meta>` tags, by lower-case name (first value wins for one-valued names). */
  meta: Map<string, string[]>;
  /** The range of `[start, end)` offsets of the file. */
  range(start: number, end: number): Range;
}

/** Whether a path names a source document (HTML, Markdown or plain text) rather than a claim file. */
export function isDocumentPath(path: string): boolean {
  return /\.(?:html?|xhtml|md|markdown|mdx|txt)$/i.test(path);
}

export function documentFormat(path: string): DocumentFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown' || ext === '.mdx') return 'markdown';
  return 'text';
}

/** 1-based line and column of offsets, by binary search over line starts. */
function ranger(text: string): (start: number, end: number) => Range {
  const starts = lineStarts(text);
  return (start, end) => {
    const a = linePosAt(starts, start);
    const b = linePosAt(starts, Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
}

/** Read a document from its text; never throws. */
export function parseDocumentText(path: string, text: string, format: DocumentFormat = documentFormat(path)): SourceDocument {
  const meta = new Map<string, string[]>();
  const blocks = format === 'html' ? htmlBlocks(text, meta) : format === 'markdown' ? markdownBlocks(text, meta) : textBlocks(text, 0, text.length);
  return { path, text, format, blocks, meta, range: ranger(text) };
}

/** Plain text: blocks are lines (captures of web pages put one paragraph on a line); runs of non-blank lines that wrap are kept apart too. */
function textBlocks(text: string, from: number, to: number): Block[] {
  const out: Block[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '\n') {
      let a = start;
      let b = i;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a) {
        const offsets: number[] = [];
        for (let k = a; k < b; k++) offsets.push(k);
        out.push({ text: text.slice(a, b), offsets, heading: 0 });
      }
      start = i + 1;
    }
  }
  return out;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n/;

/** Simple `key: value` and `key: [a, b]` / `- item` front matter, enough for title, author, date, url, doi. */
function readFrontMatter(body: string, meta: Map<string, string[]>): void {
  let listKey: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      meta.get(listKey)!.push(unquote(item[1]!));
      continue;
    }
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    listKey = undefined;
    if (value === '') {
      listKey = key;
      meta.set(key, []);
    } else if (value.startsWith('[') && value.endsWith(']')) {
      meta.set(key, value.slice(1, -1).split(',').map((v) => unquote(v.trim())).filter(Boolean));
    } else {
      meta.set(key, [unquote(value)]);
    }
  }
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/**
 * Markdown: blocks are paragraphs (lines up to a blank line), headings, list
 * items and table rows; markup characters are dropped from the visible text
 * but offsets keep pointing into the file.
 */
function markdownBlocks(text: string, meta: Map<string, string[]>): Block[] {
  let from = 0;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    readFrontMatter(fm[1]!, meta);
    from = fm[0].length;
  }
  // Hide HTML comments and fenced code (keeping offsets): they are not prose.
  const hidden = new Uint8Array(text.length);
  for (const m of text.slice(from).matchAll(/<!--[\s\S]*?-->|^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm)) {
    hidden.fill(1, from + m.index, from + m.index + m[0].length);
  }
  const out: Block[] = [];
  let current: Block | undefined;
  const flush = () => {
    if (current && current.text.trim() !== '') out.push(trimBlock(current));
    current = undefined;
  };
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const visibleLine = [...line].some((_, k) => !hidden[lineStart + k]) && line.trim() !== '';
    if (!visibleLine || /^\s*(?:[-*_]\s*){3,}$/.test(line)) {
      flush();
    } else {
      const marker = /^(\s{0,3}#{1,6}\s+|\s*(?:[-*+]|\d+[.)])\s+|\s*>\s?|\s*\|)/.exec(line);
      const isHeading = marker !== null && /#/.test(marker[0]);
      const isItem = marker !== null && !isHeading;
      if (isHeading || isItem || /^\s*\|/.test(line)) flush();
      if (current && current.text.length) {
        current.text += ' ';
        current.offsets.push(lineStart - 1);
      }
      current ??= { text: '', offsets: [], heading: isHeading ? marker![0].replace(/[^#]/g, '').length : 0, ...(isItem && /[-*+]|\d/.test(marker![0]) && !/^\s*[>|]/.test(marker![0]) ? { item: true } : {}) };
      const skip = marker && !/^\s*>/.test(marker[0]) ? marker[0].length : marker ? marker[0].length : 0;
      appendMarkdownInline(current, text, lineStart + skip, lineEnd, hidden);
      if (isHeading) flush();
    }
    lineStart = lineEnd + 1;
  }
  flush();
  return out;
}

/** Inline Markdown: drop emphasis markers, code ticks, `[` and `](target)` of links, `!` of images, trailing `#`s and table pipes. */
function appendMarkdownInline(block: Block, text: string, from: number, to: number, hidden: Uint8Array): void {
  const drop = new Uint8Array(to - from);
  const line = text.slice(from, to);
  for (const m of line.matchAll(/!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g)) {
    const open = m.index + (m[0].startsWith('!') ? 2 : 1);
    drop.fill(1, m.index, open);
    drop.fill(1, open + m[1]!.length, m.index + m[0].length);
  }
  for (const m of line.matchAll(/<(https?:\/\/[^>\s]+)>/g)) {
    drop[m.index] = 1;
    drop[m.index + m[0].length - 1] = 1;
  }
  for (const m of line.matchAll(/(\*\*|__|\*|_|`+|~~)/g)) {
    const before = line[m.index - 1] ?? ' ';
    const after = line[m.index + m[0].length] ?? ' ';
    // An underscore inside a word (snake_case) is not emphasis.
    if (m[0][0] === '_' && /\w/.test(before) && /\w/.test(after)) continue;
    drop.fill(1, m.index, m.index + m[0].length);
  }
  for (const m of line.matchAll(/\s#+\s*$|\|/g)) drop.fill(1, m.index, m.index + m[0].length);
  for (let k = 0; k < line.length; k++) {
    if (drop[k] || hidden[from + k]) continue;
    block.text += line[k];
    block.offsets.push(from + k);
  }
}

function trimBlock(b: Block): Block {
  let a = 0;
  let e = b.text.length;
  while (a < e && /\s/.test(b.text[a]!)) a++;
  while (e > a && /\s/.test(b.text[e - 1]!)) e--;
  return { ...b, text: b.text.slice(a, e), offsets: b.offsets.slice(a, e) };
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '\u2070', '1': '\u00B9', '2': '\u00B2', '3': '\u00B3', '4': '\u2074', '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079',
  '-': '\u207B', '\u2013': '\u207B',
};

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'td', 'th', 'title', 'tr', 'ul',
]);
const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

/** HTML: text nodes in document order, cut at block elements; `<meta name|property content>` into `meta`. */
function htmlBlocks(text: string, meta: Map<string, string[]>): Block[] {
  const out: Block[] = [];
  let current: Block = { text: '', offsets: [], heading: 0 };
  let hiddenDepth = 0;
  let inTitle = false;
  let sup = 0;
  const flush = () => {
    if (current.text.trim() !== '') out.push(trimBlock(current));
    current = { text: '', offsets: [], heading: 0 };
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs['name'] ?? attrs['property'] ?? attrs['itemprop'] ?? '').toLowerCase();
          if (key && attrs['content'] !== undefined) meta.set(key, [...(meta.get(key) ?? []), attrs['content']]);
          return;
        }
        if (name === 'title') inTitle = true;
        if (name === 'sup') sup++;
        if (HIDDEN_TAGS.has(name) && !(name === 'head')) hiddenDepth++;
        if (BLOCK_TAGS.has(name)) flush();
        const h = /^h([1-6])$/.exec(name);
        if (h) current.heading = Number(h[1]);
        if (name === 'li') current.item = true;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'sup') sup = Math.max(0, sup - 1);
        if (HIDDEN_TAGS.has(name) && !(name === 'head')) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (BLOCK_TAGS.has(name)) flush();
      },
      ontext(data) {
        if (inTitle) {
          meta.set('title', [((meta.get('title')?.[0] ?? '') + data).trim()]);
          return;
        }
        if (hiddenDepth > 0) return;
        const start = parser.startIndex;
        const end = Math.max(start, parser.endIndex);
        // A citation number in <sup> reads as the superscript characters plain text uses ("¹²⁻¹⁶"), one character each.
        const marker = sup > 0 && /^[\d,\s\u2013-]+$/.test(data);
        for (let k = 0; k < data.length; k++) {
          current.text += marker ? (SUPERSCRIPT[data[k]!] ?? data[k]) : data[k];
          current.offsets.push(Math.min(start + k, end));
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(text);
  parser.end();
  flush();
  return out;
}

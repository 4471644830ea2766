import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { isScalar, LineCounter, parseDocument, Scalar, type Document } from 'yaml';
import type { ValidateFunction } from 'ajv';
import type { Claim, ClaimFile, Reference, Source } from '../../model.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { explainErrors } from './ajv.js';
import validateClaimFile from './generated/claim-file.js';
import { quickTextRange } from './quick-locate.js';
import { clampRange, FILE_START, lineLengths, nodeAt, rangeAt, rangeFromOffsets, type Range, type YamlPath } from './location.js';
import { scanPositions, type PositionIndex } from './block-positions.js';
import { aliasExpansion, collectionKeys, expansionProblem, MAX_ALIAS_EXPANSION, unresolvedAlias } from './aliases.js';
import { loneCarriageReturn, readRegisterFile, type ReadProblem } from './read.js';

/** A problem found while reading a file, before any rule runs. */
export interface FileProblem {
  range: Range;
  message: string;
  /** Full id of the claim concerned, when there is one. */
  claim?: string;
  /** The message of the reporting rule to use (`register/yaml-syntax`: `unreadable`, `encoding`). */
  messageId?: string;
  /** Where in the data the problem is (schema problems). */
  path?: ReadonlyArray<string | number>;
}

/** A claim as loaded, with what is needed to locate it and its parts. */
export interface LoadedClaim {
  claim: Claim;
  /** `<source.id>/<claim.id>` */
  fullId: string;
  /** Position in the file's `claims` list. */
  index: number;
  file: RegisterFile;
  source: Source;
  /** The range of a part of the claim (`['value']`, `['evidence', 0, 'cites', 1]`). */
  range(path?: YamlPath, opts?: { key?: boolean }): Range;
}

type ClaimRange = (claim: Claim, index: number, path: YamlPath, opts: { key?: boolean }) => Range;

/** A loaded claim: its range is its file's, looked up by the claim's index. */
class FileClaim implements LoadedClaim {
  constructor(
    readonly claim: Claim,
    readonly fullId: string,
    readonly index: number,
    readonly file: RegisterFile,
    readonly source: Source,
    private readonly locate: ClaimRange,
  ) {}

  range(path: YamlPath = [], opts: { key?: boolean } = {}): Range {
    return this.locate(this.claim, this.index, path, opts);
  }
}

export interface LoadedReference {
  reference: Reference;
  index: number;
  file: RegisterFile;
  range(path?: YamlPath, opts?: { key?: boolean }): Range;
}

/** One claim file of the register. */
export interface RegisterFile {
  /** Absolute path. */
  path: string;
  text: string;
  /** The parsed YAML with positions; parsed on first use for files loaded with `fast`. */
  readonly doc: Document | undefined;
  readonly lineCounter: LineCounter;
  /** The file's data as plain JavaScript (undefined when it could not be parsed). */
  data: unknown;
  syntaxErrors: FileProblem[];
  schemaProblems: FileProblem[];
  /** Absent when the file could not be parsed or holds no mapping. */
  source?: Source;
  /** Where `source` sits in the YAML (for source-level findings). */
  sourceRange(path?: YamlPath, opts?: { key?: boolean }): Range;
  claims: LoadedClaim[];
  references: LoadedReference[];
  /** Reference ids the source defines, including entries that failed the schema. */
  referenceIds: Set<string>;
  /** The positions looked up so far, by {@link rangeKey}: the cache keeps them, so an unchanged file need not be parsed for them. */
  ranges: Record<string, Range>;
  /** Where a flow or plain scalar's source text is (offsets into `text`), undefined for anything else. */
  scalarSpan(path: YamlPath): ScalarSpan | undefined;
  /** The range of offsets into `text`. */
  offsetRange(start: number, end: number): Range;
  /** The positions come from the line scanner (block-positions.ts): the file was not parsed with \`yaml\`. */
  readonly scanned: boolean;
}

/** A scalar's source text: from its first character (a quote, if quoted) to past its last. */
export interface ScalarSpan {
  start: number;
  end: number;
  style: 'plain' | 'single' | 'double';
}

/** The claim file schema's validator, compiled ahead of time (scripts/generate-validators.ts). */
export function claimFileValidator(): ValidateFunction<ClaimFile> {
  return validateClaimFile as unknown as ValidateFunction<ClaimFile>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Read and parse one claim file; never throws: a file that cannot be read
 * or decoded is loaded empty, with the reason as its problem.
 */
export async function loadFile(path: string, opts: ParseOptions = {}): Promise<RegisterFile> {
  const read = await readRegisterFile(path);
  if ('problem' in read) return parseClaimFile(path, '', { ...opts, readProblem: read.problem });
  return parseClaimFile(path, read.text, opts);
}

/** A js-yaml scalar type that resolves plain scalars exactly as the \`yaml\` package's core schema does. */
function coreType(tag: 'int' | 'float', test: RegExp, construct: (s: string) => number): jsYaml.Type {
  return new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: unknown) => typeof s === 'string' && test.test(s),
    construct: (s: string) => construct(s),
    predicate: (v: unknown) => typeof v === 'number',
  });
}

/**
 * The YAML 1.2 core schema as the \`yaml\` package reads it, plus the merge
 * key (\`<<: *base\`), which YAML 1.1 defined and both loaders support.
 * js-yaml's own core schema reads some numbers otherwise (\`1_000\`, \`0b1\`,
 * \`1e400\`), and its default schema would turn dates into Date objects: the
 * same file must give the same data whichever loader reads it.
 */
const js = jsYaml as unknown as { types: Record<'null' | 'bool' | 'str' | 'seq' | 'map' | 'merge', jsYaml.Type> };
export const FAST_SCHEMA = new jsYaml.Schema({
  implicit: [
    js.types.null,
    js.types.bool,
    // One type per tag: js-yaml keeps the last type of a tag.
    coreType('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) =>
      s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10),
    ),
    coreType('float', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/, (s) =>
      /nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s),
    ),
    js.types.merge,
  ],
  explicit: [js.types.str, js.types.seq, js.types.map],
});

/** Options of the positioned parse; `merge` matches {@link FAST_SCHEMA}, `logLevel` keeps the yaml package from printing warnings. */
const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, merge: true, logLevel: 'error' } as const;

export interface ParseOptions {
  /**
   * How the file is read. By default the data is read with js-yaml (about 15
   * times faster than \`yaml\`) and the positions with the line scanner of
   * block-positions.ts; a file either of them declines is parsed in full with
   * \`yaml\`, so that its errors are reported as usual.
   * `fast`: the same, but nothing is scanned until a finding needs a position
   * (files outside the reported scope: the rest of the register in a
   * pre-commit run); a file the scanner declines is then parsed for positions.
   * `full`: parse with \`yaml\` (positions, comments and errors from it).
   */
  fast?: boolean;
  full?: boolean;
  /** Why the file could not be read: the file is loaded empty with this problem. */
  readProblem?: ReadProblem;
  /** The file as a worker parsed it (pool.ts): its data and positions are used instead of parsing again. */
  preparsed?: Preparsed;
  /** Positions known from an earlier parse of the same text (the cache), by {@link rangeKey}. */
  ranges?: Record<string, Range>;
}

/** A file parsed by a worker thread: data, syntax errors, and the positions of its first levels by {@link rangeKey}. */
export interface Preparsed {
  data: unknown;
  syntaxErrors: FileProblem[];
  ranges: Record<string, Range>;
  /** The line scanner reads the file's positions: the main thread scans it again when it needs one. */
  scanned?: boolean;
}

/** The key of a position in {@link Preparsed.ranges}. */
export function rangeKey(path: YamlPath, opts: { key?: boolean } = {}): string {
  return `${path.join('\u0000')}${opts.key ? '\u0001' : ''}`;
}

/** A range computed on first read: positions of a fast-loaded file cost a parse only if a kept finding needs them. */
export function lazyRange(compute: () => Range): Range {
  let value: Range | undefined;
  const get = () => (value ??= compute());
  const out = {} as Range;
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    Object.defineProperty(out, key, { enumerable: true, get: () => get()[key] });
  }
  return out;
}

function crOnly(text: string): FileProblem | undefined {
  const range = loneCarriageReturn(text);
  return range && {
    range,
    messageId: 'encoding',
    message: 'the file has a line ending of a lone carriage return (CR-only, classic Mac OS): save it with LF (or CRLF) line endings',
  };
}

/** Whether a text can hold an alias: without an anchor (`&`) there is nothing to expand, and the data need not be walked. */
function mayAlias(text: string): boolean {
  return text.includes('&');
}

/**
 * A string of its own: js-yaml cuts longer scalars out of its copy of the
 * file's text (V8 keeps such a cut as a slice of the whole text), so kept
 * scalars would keep that copy alive beside the file's own text. The copy
 * made here holds only the scalar's characters.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * The same data made compact for keeping: every array copied to its length
 * (js-yaml grows arrays by pushing, which leaves room for 17 items in a list
 * of one: 184 bytes where 56 do, and a register holds hundreds of thousands
 * of such lists) and every longer string copied out of js-yaml's copy of the
 * text (see ownString). For trees only.
 */
function compactData(v: unknown, shared = new Map<string, string>()): unknown {
  if (typeof v === 'string') {
    // Short values repeat within a file (subjects, properties, kinds, routes...): one string each.
    if (v.length > 40) return ownString(v);
    let s = shared.get(v);
    if (s === undefined) shared.set(v, (s = ownString(v)));
    return s;
  }
  if (Array.isArray(v)) {
    const out = v.slice();
    for (let i = 0; i < out.length; i++) out[i] = compactData(out[i], shared);
    return out;
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      // An own "__proto__" key (js-yaml defines it as data) would set the prototype if assigned: left as it is.
      if (k === '__proto__') continue;
      const x = o[k];
      if ((typeof x === 'object' && x !== null) || typeof x === 'string') o[k] = compactData(x, shared);
    }
  }
  return v;
}

export function parseClaimFile(path: string, text: string, opts: ParseOptions = {}): RegisterFile {
  let fastData: unknown;
  let fast = false;
  // A read problem wins over a worker's parse: the file is loaded empty with that problem below.
  const pre = opts.readProblem ? undefined : opts.preparsed;
  let index: PositionIndex | undefined;
  let scanned = false;
  const positions = (): PositionIndex | undefined => {
    if (!scanned) {
      scanned = true;
      index = scanPositions(text, fastData);
    }
    return index;
  };
  if (pre) {
    fastData = pre.data;
    // The same alias bound as a file parsed here: past it, parse in full below, which reports it.
    fast = pre.syntaxErrors.length === 0 && (!mayAlias(text) || aliasExpansion(pre.data) <= MAX_ALIAS_EXPANSION);
    if (fast && pre.scanned) positions();
  } else if (!opts.full && !opts.readProblem) {
    try {
      fastData = jsYaml.load(text, { schema: FAST_SCHEMA, filename: path });
      // Past the alias bound (counted as below), or any error: parse in full below, which reports it with its position.
      fast = !mayAlias(text) || aliasExpansion(fastData) <= MAX_ALIAS_EXPANSION;
      // Without anchors the data is a tree (nothing shared, no cycle): it can be copied where that saves memory.
      if (!mayAlias(text)) fastData = compactData(fastData);
    } catch {
      fast = false;
    }
    // Read now: a file outside the scanner's subset is parsed in full, so that yaml's own errors are reported.
    if (fast && !opts.fast && !positions()) fast = false;
  }
  const lineCounter = new LineCounter();
  let parsed: Document | undefined;
  let lines: string[] | undefined;
  const docOf = (): Document => (parsed ??= parseDocument(text, { lineCounter, ...PARSE_OPTIONS }));
  // Positions found so far (given by a worker or the cache, or computed here), by rangeKey.
  const ranges: Record<string, Range> = pre?.ranges ?? opts.ranges ?? {};
  const at = (path: YamlPath, o: { key?: boolean } = {}): Range => {
    const key = rangeKey(path, o);
    const known = ranges[key];
    if (known) return known;
    const compute = (): Range => {
      // Scanned positions cost little and are not kept; parsed ones are (the cache saves them).
      const ix = fast && !parsed ? positions() : undefined;
      return ix ? ix.rangeAt(path, o) : (ranges[key] = { ...rangeAt(docOf(), lineCounter, path, o) });
    };
    return parsed || !fast || (scanned && index) ? compute() : lazyRange(compute);
  };
  const scalarSpan = (path: YamlPath): ScalarSpan | undefined => {
    const ix = fast && !parsed ? positions() : undefined;
    if (ix) {
      const n = ix.nodeAt(path);
      return n.style === 'plain' || n.style === 'single' || n.style === 'double' ? { start: n.start, end: n.end, style: n.style } : undefined;
    }
    const node = nodeAt(docOf(), path);
    if (!isScalar(node) || !node.range) return undefined;
    const style = node.type === Scalar.PLAIN ? 'plain' : node.type === Scalar.QUOTE_SINGLE ? 'single' : node.type === Scalar.QUOTE_DOUBLE ? 'double' : undefined;
    return style && { start: node.range[0], end: node.range[1], style };
  };
  const offsetRange = (start: number, end: number): Range => {
    const ix = fast && !parsed ? positions() : undefined;
    if (ix) return ix.range(start, end);
    docOf();
    return rangeFromOffsets(lineCounter, start, end);
  };
  const file: RegisterFile = {
    path,
    text,
    get doc() {
      return docOf();
    },
    get lineCounter() {
      docOf();
      return lineCounter;
    },
    data: undefined,
    syntaxErrors: [],
    schemaProblems: [],
    claims: [],
    references: [],
    referenceIds: new Set(),
    ranges,
    sourceRange: (p = [], o = {}) => at(['source', ...p], o),
    scalarSpan,
    offsetRange,
    get scanned() {
      return fast && !parsed && index !== undefined;
    },
  };
  // A file that cannot be read or decoded, or with classic Mac line endings, is reported and skipped.
  const early: FileProblem | undefined = opts.readProblem ?? crOnly(text);
  if (early) {
    file.syntaxErrors.push(early);
    return file;
  }
  let data: unknown;
  if (fast) {
    data = fastData;
  } else {
    const doc = docOf();
    // Only the first error: later ones are mostly consequences of it (as ESLint reports one fatal parse error).
    const err = doc.errors[0];
    const problem = err
      ? {
          range: clampRange(rangeFromOffsets(lineCounter, err.pos[0], err.pos[1]), lineLengths(text)),
          message: err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        }
      : unresolvedAlias(doc, lineCounter);
    if (problem) {
      file.syntaxErrors.push(problem);
      return file;
    }
    // Aliases share their value (no copies): the expansion is bounded before anything walks the data.
    data = doc.toJS({ maxAliasCount: -1 });
    if (aliasExpansion(data) > MAX_ALIAS_EXPANSION) {
      file.syntaxErrors.push(expansionProblem(doc, lineCounter));
      return file;
    }
    for (const p of collectionKeys(doc, lineCounter)) file.schemaProblems.push(p);
  }
  file.data = data;
  if (data === null || data === undefined) {
    file.schemaProblems.push({
      range: FILE_START,
      message: 'The file holds no claim data: expected a mapping with "source" and "claims" (delete the file, or fill it in)',
    });
    return file;
  }
  if (!isRecord(data)) {
    file.schemaProblems.push({
      range: at([]),
      message: `A claim file must be a mapping with "source" and "claims" at the top level`,
    });
    return file;
  }

  const validate = claimFileValidator();
  validate(data);
  const problems = explainErrors(validate.errors);
  const badClaims = new Set<number>();
  const badRefs = new Set<number>();
  const badSourceFields = new Set<string>();
  // A problem drops only the part it is in: one claim, one reference, one source field.
  for (const p of problems) {
    const [top, a, b] = p.path;
    if (top === 'claims' && typeof a === 'number') badClaims.add(a);
    else if (top === 'source' && a === 'references' && typeof b === 'number') badRefs.add(b);
    else if (top === 'source' && typeof a === 'string') badSourceFields.add(a);
  }

  const rawSource = data['source'];
  const rawClaims = Array.isArray(data['claims']) ? (data['claims'] as unknown[]) : [];
  let source: Source | undefined;
  if (isRecord(rawSource)) {
    const s: Record<string, unknown> = { ...rawSource };
    for (const f of badSourceFields) if (f !== 'references') delete s[f];
    if (typeof s['id'] !== 'string') s['id'] = basename(path, extname(path));
    if (typeof s['title'] !== 'string') s['title'] = String(s['id']);
    if (typeof s['kind'] !== 'string') s['kind'] = 'other';
    const refs = Array.isArray(rawSource['references']) ? (rawSource['references'] as unknown[]) : [];
    const goodRefs: Reference[] = [];
    refs.forEach((r, i) => {
      if (isRecord(r) && (typeof r['id'] === 'string' || typeof r['id'] === 'number')) file.referenceIds.add(String(r['id']));
      if (!badRefs.has(i) && isRecord(r)) {
        const ref = r as unknown as Reference;
        goodRefs.push(ref);
        file.references.push({
          reference: ref,
          index: i,
          file,
          range: (p = [], opts = {}) => at(['source', 'references', i, ...p], opts),
        });
      }
    });
    s['references'] = goodRefs;
    source = s as unknown as Source;
  }

  for (const p of problems) {
    const [top, a] = p.path;
    const claimId =
      top === 'claims' && typeof a === 'number' && isRecord(rawClaims[a]) && typeof rawClaims[a]['id'] === 'string'
        ? `${source?.id ?? basename(path, extname(path))}/${rawClaims[a]['id']}`
        : undefined;
    file.schemaProblems.push({
      range: at(p.path, { key: p.atKey }),
      message: p.message,
      path: p.path,
      ...(claimId ? { claim: claimId } : {}),
    });
  }

  if (!source) return file;
  file.source = source;
  // One function for the file's claims (a closure per claim cost 100 bytes each).
  const claimRange: ClaimRange = (claim, i, p, opts) => {
    // A related claim in a fast-loaded file the scanner declines: find its text by a line scan before parsing the file.
    if (fast && !parsed && p.length === 1 && p[0] === 'text' && !opts.key && !positions()) {
      const key = rangeKey(['claims', i, 'text']);
      if (ranges[key]) return ranges[key];
      lines ??= text.split('\n');
      const quick = quickTextRange(lines, claim.id, claim.text);
      if (quick) return (ranges[key] = quick);
    }
    return at(['claims', i, ...p], opts);
  };
  rawClaims.forEach((c, i) => {
    if (badClaims.has(i) || !isRecord(c)) return;
    const claim = c as unknown as Claim;
    file.claims.push(new FileClaim(claim, `${source.id}/${claim.id}`, i, file, source, claimRange));
  });
  return file;
}

/**
 * A file's source block as the cache keeps it: the source as loaded (with
 * its valid references), where each of those references sits in the YAML
 * list, and every reference id the list defines (see
 * {@link RegisterFile.referenceIds}). Enough for the file to stand in, with
 * no claim, in the citation graph of a run that does not parse it.
 */
export interface SourceRecord {
  source: Source;
  /** Per valid reference (`source.references`), its index in the YAML list. */
  references: number[];
  referenceIds: string[];
}

/** Whether JSON gives back the same value: no non-finite number and no -0 (the rest of parsed YAML data is JSON's). */
function jsonFaithful(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || v === null) return typeof v !== 'undefined' && typeof v !== 'function' && typeof v !== 'bigint' && typeof v !== 'symbol';
  if (Array.isArray(v)) return v.every(jsonFaithful);
  return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(jsonFaithful);
}

/** A file's {@link SourceRecord}, or undefined when it has no source or JSON would not give its source back as it is. */
export function sourceRecordOf(file: RegisterFile): SourceRecord | undefined {
  if (!file.source || !jsonFaithful(file.source)) return undefined;
  return { source: file.source, references: file.references.map((r) => r.index), referenceIds: [...file.referenceIds] };
}

/** Whether a value read from the cache has the shape of a {@link SourceRecord} (a damaged cache stands in for nothing). */
function isSourceRecord(v: unknown): v is SourceRecord {
  if (!isRecord(v) || !isRecord(v['source']) || typeof v['source']['id'] !== 'string') return false;
  const refs = v['source']['references'];
  const at = v['references'];
  const ids = v['referenceIds'];
  return (
    Array.isArray(refs) &&
    refs.every(isRecord) &&
    Array.isArray(at) &&
    at.length === refs.length &&
    at.every((i) => Number.isInteger(i) && i >= 0) &&
    Array.isArray(ids) &&
    ids.every((i) => typeof i === 'string')
  );
}

/**
 * A file not parsed, standing in with its source only (a {@link SourceRecord}
 * from the cache; `record` undefined: a file with no source) and no claim:
 * the source, its references and reference ids are the record's, as the
 * parse would give them; anything else (text, positions, problems...) is
 * the real file's, parsed by `real` on first use. Undefined when the record
 * is not well-formed.
 */
export function sourceOnlyFile(path: string, record: unknown, real: () => RegisterFile): RegisterFile | undefined {
  if (record !== undefined && !isSourceRecord(record)) return undefined;
  const source = record?.source;
  const references: LoadedReference[] = [];
  const file: RegisterFile = {
    path,
    get text() {
      return real().text;
    },
    get doc() {
      return real().doc;
    },
    get lineCounter() {
      return real().lineCounter;
    },
    get data() {
      return real().data;
    },
    get syntaxErrors() {
      return real().syntaxErrors;
    },
    get schemaProblems() {
      return real().schemaProblems;
    },
    ...(source ? { source } : {}),
    sourceRange: (p = [], o = {}) => real().sourceRange(p, o),
    claims: [],
    references,
    referenceIds: new Set(record?.referenceIds ?? []),
    get ranges() {
      return real().ranges;
    },
    scalarSpan: (p) => real().scalarSpan(p),
    offsetRange: (start, end) => real().offsetRange(start, end),
    get scanned() {
      return real().scanned;
    },
  };
  (source?.references ?? []).forEach((reference, k) => {
    const index = record!.references[k]!;
    references.push({ reference, index, file, range: (p = [], o = {}) => real().sourceRange(['references', index, ...p], o) });
  });
  return file;
}

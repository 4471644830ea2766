/**
 * Random edits to a register on disk, for the incremental engine and cache
 * tests: claims changed, moved between groups, deleted and copied, files
 * added, deleted and broken, source ids changed, suppressions added. Edits
 * go through the `yaml` document API, so comments stay.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export { rng } from '../../scripts/generate-register.js';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

/** A copy of a folder's register (config, claims and the source documents they name) in a temporary folder. */
export function copyRegister(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-edits-'));
  cpSync(join(from, 'claims'), join(dir, 'claims'), { recursive: true });
  if (existsSync(join(from, 'sources'))) cpSync(join(from, 'sources'), join(dir, 'sources'), { recursive: true });
  cpSync(join(from, 'claimlint.config.yaml'), join(dir, 'claimlint.config.yaml'));
  return dir;
}

function claimsOf(doc: Document): YAMLSeq | undefined {
  const c = doc.get('claims');
  return isSeq(c) ? c : undefined;
}

export interface Edit {
  /** Paths (absolute) written or deleted. */
  paths: string[];
  what: string;
}

/**
 * An edit to the source documents (`<dir>/sources`): a line of a document
 * deleted, duplicated or changed, a document deleted or restored, a claim
 * file pointed at another (or a missing) document, a source made the team's
 * own content. Undefined when there are no documents.
 */
function documentEdit(dir: string, rand: () => number): Edit | undefined {
  const folder = join(dir, 'sources');
  if (!existsSync(folder)) return undefined;
  const docs = readdirSync(folder).filter((n) => /\.(txt|md|html?)$/.test(n) && !/^README/i.test(n)).sort();
  if (docs.length === 0) return undefined;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const name = pick(docs);
  const path = join(folder, name);
  const op = Math.floor(rand() * 5);
  if (op <= 2) {
    const lines = readFileSync(path, 'utf8').split('\n');
    const i = Math.floor(rand() * lines.length);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[i] ?? '');
    else lines[i] = `${lines[i] ?? ''} Changed ${Math.floor(rand() * 1e6)}: 30% of patients improved.`;
    writeFileSync(path, lines.join('\n'));
    return { paths: [path], what: `line ${i + 1} of ${name} ${['deleted', 'duplicated', 'changed'][op]}` };
  }
  const claims = join(dir, 'claims');
  const files = readdirSync(claims).filter((n) => n.endsWith('.yaml')).sort();
  const file = join(claims, pick(files));
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const src = doc.get('source');
  if (doc.errors.length || !isMap(src)) return undefined;
  if (op === 3) {
    const to = rand() < 0.2 ? 'sources/missing.txt' : `sources/${pick(docs)}`;
    src.set('document', to);
    writeFileSync(file, doc.toString());
    return { paths: [file], what: `document of ${file} set to ${to}` };
  }
  if (src.get('own') === true) src.delete('own');
  else src.set('own', true);
  writeFileSync(file, doc.toString());
  return { paths: [file], what: `own toggled in ${file}` };
}

/** Make one random edit under `<dir>/claims` or `<dir>/sources`; returns the files it touched. */
export function randomEdit(dir: string, rand: () => number): Edit {
  if (rand() < 0.25) {
    const edit = documentEdit(dir, rand);
    if (edit) return edit;
  }
  const folder = join(dir, 'claims');
  const names = readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const name = pick(names);
  const path = join(folder, name);
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text);
  const other = parseDocument(readFileSync(join(folder, pick(names)), 'utf8'));
  const seq = claimsOf(doc);
  const otherSeq = claimsOf(other);
  const items = (seq?.items ?? []).filter(isMap) as YAMLMap[];
  const otherItems = (otherSeq?.items ?? []).filter(isMap) as YAMLMap[];
  const write = (what: string): Edit => {
    writeFileSync(path, doc.toString());
    return { paths: [path], what: `${what} in ${name}` };
  };
  // A file broken by an earlier edit is mended first.
  const op = doc.errors.length ? 7 : Math.floor(rand() * 14);
  if (op === 0 && items.length && otherItems.length) {
    pick(items).set('value', pick(otherItems).get('value', true));
    return write('value copied');
  }
  if (op === 1 && items.length && otherItems.length) {
    const from = pick(otherItems);
    const to = pick(items);
    to.set('subject', from.get('subject', true));
    to.set('property', from.get('property', true));
    return write('claim moved to another group');
  }
  if (op === 2 && seq && seq.items.length) {
    seq.items.splice(Math.floor(rand() * seq.items.length), 1);
    return write('claim deleted');
  }
  if (op === 3 && seq && otherItems.length) {
    seq.items.push(pick(otherItems).clone() as YAMLMap);
    return write('claim copied from another file');
  }
  if (op === 4 && names.length > 2) {
    rmSync(path);
    return { paths: [path], what: `deleted ${name}` };
  }
  if (op === 5) {
    const added = join(folder, `added-${Math.floor(rand() * 1e6)}.yaml`);
    if (rand() < 0.5) {
      const src = doc.get('source');
      if (isMap(src)) src.set('id', `added-${Math.floor(rand() * 1e6)}`);
    }
    writeFileSync(added, doc.toString());
    return { paths: [added], what: `added ${added}` };
  }
  if (op === 6) {
    const src = doc.get('source');
    const otherId = other.getIn(['source', 'id']);
    if (isMap(src) && typeof otherId === 'string') src.set('id', otherId);
    return write('source id taken from another file');
  }
  if (op === 7) {
    writeFileSync(path, text.includes('\nbroken: [') ? text.replace(/\nbroken: \[.*$/s, '\n') : `${text}\nbroken: [\n`);
    return { paths: [path], what: `syntax broken or mended in ${name}` };
  }
  if (op === 8) {
    writeFileSync(path, `# claimlint-disable conflict/value, evidence/none -- test\n${text}`);
    return { paths: [path], what: `suppression added in ${name}` };
  }
  // Edits of the text in place, as typing makes them (the file is not written again by yaml): one line changed, or a line added.
  const lines = text.split('\n');
  const claimsAt = lines.findIndex((l) => /^claims:/.test(l));
  const inClaims = (re: RegExp) => lines.map((l, i) => (i > claimsAt && claimsAt >= 0 && re.test(l) ? i : -1)).filter((i) => i >= 0);
  const writeLines = (what: string): Edit => {
    writeFileSync(path, lines.join('\n'));
    return { paths: [path], what: `${what} in ${name}` };
  };
  const SCALAR = /^(\s+(?:- )?)(value|subject|property|aspect|direction|text): (.+)$/;
  if (op === 10) {
    const at = inClaims(SCALAR);
    const donors = readFileSync(join(folder, pick(names)), 'utf8').split('\n').filter((l) => SCALAR.test(l));
    if (at.length && donors.length) {
      const i = pick(at);
      const [, indent, key] = SCALAR.exec(lines[i]!)!;
      const same = donors.filter((l) => SCALAR.exec(l)![2] === key);
      if (same.length) {
        lines[i] = `${indent}${key}: ${SCALAR.exec(pick(same))![3]}`;
        return writeLines(`${key} changed in place`);
      }
    }
  }
  if (op === 11) {
    const at = inClaims(/^\s+\S/);
    if (at.length) {
      const i = pick(at);
      lines.splice(i + 1, 0, `${/^\s*/.exec(lines[i + 1] ?? '')![0]}# a comment line`);
      return writeLines('comment line added in a claim');
    }
  }
  if (op === 12) {
    const at = inClaims(/^\s+(?:- )?text: /);
    if (at.length) {
      const i = pick(at);
      lines[i] = lines[i]!.replace(/text: .*$/, `text: "Typed claim text ${Math.floor(rand() * 1e6)} with 40% of patients."`);
      return writeLines('claim text typed in place');
    }
  }
  if (op === 13) {
    // Two neighbouring claims swapped as text: each keeps its lines, at another place (claims moved, and reordered).
    const starts = inClaims(/^ {2}- /);
    const k = Math.floor(rand() * (starts.length - 2));
    if (starts.length >= 3) {
      const [a, b, c] = [starts[k]!, starts[k + 1]!, starts[k + 2]!];
      lines.splice(a, c - a, ...lines.slice(b, c), ...lines.slice(a, b));
      return writeLines('two claims swapped');
    }
  }
  if (items.length) {
    pick(items).set('text', `Edited claim text ${Math.floor(rand() * 1e6)} with 40% of patients.`);
    return write('text edited');
  }
  return write('no change');
}

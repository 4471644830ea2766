/**
 * YAML anchors and aliases, made safe. An alias (`*base`) stands for the
 * value its anchor (`&base`) marks; both YAML loaders return the value
 * shared, not copied, so loading is linear. What is not linear is anything
 * that walks the data afterwards (schema validation, the rules): an "alias
 * bomb" of nine aliases to nine aliases ... expands to billions of values.
 *
 * The bound: expanding the aliases may add at most {@link MAX_ALIAS_EXPANSION}
 * values to a file, a value being a scalar, a list or a mapping, each alias
 * counting every value it stands for each time it is used. Both loaders
 * count it with the same function, {@link aliasExpansion}, over the data they
 * return. Ordinary use — hundreds of aliases to small mappings — stays far
 * below; a file past the bound is reported at the alias that crosses it.
 */
import { isAlias, isCollection, isMap, isPair, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import { rangeOfNode, type Range } from './location.js';

/** How many values expanding the aliases of one file may add. */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * The number of values that expanding shared values adds to `data`: its size
 * as a tree, less its size as written. Infinity for a value that contains
 * itself (a recursive alias). Linear in the number of distinct values.
 */
export function aliasExpansion(data: unknown): number {
  const size = new Map<object, number>();
  let written = 0;
  const IN_PROGRESS = -1;
  const sizeOf = (v: unknown): number => {
    if (typeof v !== 'object' || v === null || v instanceof Date) {
      return 1;
    }
    const known = size.get(v);
    if (known === IN_PROGRESS) return Infinity;
    if (known !== undefined) return known;
    size.set(v, IN_PROGRESS);
    written++;
    let total = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child !== 'object' || child === null) written++;
      total += sizeOf(child);
    }
    size.set(v, total);
    return total;
  };
  const tree = sizeOf(data);
  if (typeof data !== 'object' || data === null) written++;
  return tree - written;
}

export interface AliasProblem {
  range: Range;
  message: string;
}

/** An alias whose anchor is not defined before it, at the alias. */
export function unresolvedAlias(doc: Document, lc: LineCounter): AliasProblem | undefined {
  let problem: AliasProblem | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      problem = {
        range: rangeOfNode(lc, node)!,
        message: `the alias "*${node.source}" has no anchor "&${node.source}" before it: define the anchor first, or write the value out`,
      };
      return visit.BREAK;
    },
  });
  return problem;
}

/**
 * Where the expansion of a document's aliases crosses the bound: the alias
 * at which the running count of expanded values (in document order) first
 * passes it; else the alias that expands most.
 */
export function expansionProblem(doc: Document, lc: LineCounter, limit = MAX_ALIAS_EXPANSION): AliasProblem {
  const memo = new Map<Node, number>();
  const sizeOf = (n: unknown, stack: Set<Node>): number => {
    if (isAlias(n)) {
      const target = n.resolve(doc);
      return target ? sizeOf(target, stack) : 1;
    }
    if (!isCollection(n)) return 1;
    const known = memo.get(n);
    if (known !== undefined) return known;
    if (stack.has(n)) return Infinity;
    stack.add(n);
    let total = 1;
    for (const item of n.items) total += sizeOf(isPair(item) ? item.value : item, stack);
    stack.delete(n);
    memo.set(n, total);
    return total;
  };
  let running = 0;
  let largest: { node: Node; size: number } | undefined;
  let crossing: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      const target = node.resolve(doc);
      const size = target ? sizeOf(target, new Set()) : 1;
      running += size;
      if (!largest || size > largest.size) largest = { node, size };
      if (running > limit) {
        crossing = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const at = crossing ?? largest?.node;
  const recursive = running === Infinity || (largest?.size ?? 0) === Infinity;
  return {
    range: rangeOfNode(lc, at ?? null) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
    message: recursive
      ? 'an alias refers to the value it is part of (a recursive alias): write the value out'
      : `expanding the aliases would add more than ${limit.toLocaleString('en')} values to the file (an "alias bomb"): write the values out, or use fewer nested aliases`,
  };
}

/** Keys that are lists or mappings (`? [a, b]`): JSON has no such keys, and claim files use names. */
export function collectionKeys(doc: Document, lc: LineCounter): AliasProblem[] {
  const out: AliasProblem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (isCollection(pair.key) || isAlias(pair.key)) {
        out.push({
          range: rangeOfNode(lc, pair.key as Node)!,
          message: `a key must be a name, not ${isSeq(pair.key) ? 'a list' : isMap(pair.key) ? 'a mapping' : 'an alias'}: write the field's name`,
        });
      }
      return undefined;
    },
  });
  return out;
}

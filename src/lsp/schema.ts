/**
 * The claim-file JSON Schema, walked along a cursor path: which fields a
 * mapping allows and which values a field takes (for completion).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Segment } from './cursor.js';

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  prefixItems?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  $defs?: Record<string, Schema>;
}

let root: Schema | undefined;
function schemaRoot(): Schema {
  root ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'claim-file.schema.json'), 'utf8')) as Schema;
  return root;
}

/** A schema with its `$ref`s and alternatives spread out into the plain schemas they stand for. */
function expand(s: Schema, seen = new Set<Schema>()): Schema[] {
  if (seen.has(s)) return [];
  seen.add(s);
  const out: Schema[] = [];
  if (s.$ref) {
    const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1];
    const target = name ? schemaRoot().$defs?.[name] : undefined;
    if (target) out.push(...expand(target, seen));
  }
  for (const alt of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) out.push(...expand(alt, seen));
  out.push(s);
  return out;
}

/** The schemas that can apply at `path` (keys, and `*` for list items). */
export function schemasAt(path: readonly Segment[]): Schema[] {
  let current = expand(schemaRoot());
  for (const seg of path) {
    const next: Schema[] = [];
    for (const s of current) {
      if (seg === '*') {
        if (s.items) next.push(...expand(s.items));
        for (const p of s.prefixItems ?? []) next.push(...expand(p));
      } else if (s.properties?.[seg]) {
        next.push(...expand(s.properties[seg]));
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

export interface FieldInfo {
  name: string;
  description?: string;
}

/** The field names a mapping at `path` allows. */
export function fieldsAt(path: readonly Segment[]): FieldInfo[] {
  const out = new Map<string, FieldInfo>();
  for (const s of schemasAt(path)) {
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      if (out.has(name)) continue;
      const description = expand(sub).find((x) => x.description)?.description;
      out.set(name, { name, ...(description ? { description } : {}) });
    }
  }
  return [...out.values()];
}

/** The values a scalar at `path` can take, when the schema lists them (enums, booleans). */
export function valuesAt(path: readonly Segment[]): string[] {
  const out = new Set<string>();
  for (const s of schemasAt(path)) {
    for (const v of s.enum ?? []) out.add(String(v));
    if (s.type === 'boolean') {
      out.add('true');
      out.add('false');
    }
  }
  return [...out];
}

/** Whether the node at `path` is a mapping (rather than a scalar or a list). */
export function isMappingAt(path: readonly Segment[]): boolean {
  return schemasAt(path).some((s) => s.properties !== undefined);
}

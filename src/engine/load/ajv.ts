import { createRequire } from 'node:module';
import type { AnySchema, ErrorObject, Options, ValidateFunction } from 'ajv';
import type Ajv2020Module from 'ajv/dist/2020.js';
import { pointerToPath } from './location.js';
import { USER_PATTERN_KEYWORD } from './user-pattern.js';

// ajv is CommonJS: under NodeNext the default import is `module.exports`.
type AjvClass = typeof Ajv2020Module.default;

/**
 * The options every schema is compiled with, here and by
 * scripts/generate-validators.ts (the claim file and configuration
 * validators are compiled ahead of time, into ./generated/).
 */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true };

/**
 * The format `partial-date`: a year, a year and month, or a full date
 * (2026, 2026-02, 2026-02-28) that exists in the calendar — 2026-02-30 and
 * 2025-02-29 do not. Strings of another shape pass (the pattern reports them).
 */
export function isPartialDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The formats claimlint's schemas use, as ajv takes them (the generated validators read them from here). */
export const FORMATS = { 'partial-date': { type: 'string', validate: isPartialDate } } as const;

let shared: InstanceType<AjvClass> | undefined;
/**
 * An ajv instance with claimlint's keyword and formats. ajv is loaded on
 * first use (100 ms of modules): a lint run whose schemas were all compiled
 * ahead of time never loads it.
 */
export function ajv(extra: Options = {}): InstanceType<AjvClass> {
  const make = (): InstanceType<AjvClass> => {
    const mod = createRequire(import.meta.url)('ajv/dist/2020.js') as { default?: AjvClass } & AjvClass;
    const Ajv2020: AjvClass = mod.default ?? mod;
    const a = new Ajv2020({ ...AJV_OPTIONS, ...extra });
    a.addKeyword(USER_PATTERN_KEYWORD as unknown as Parameters<typeof a.addKeyword>[0]);
    for (const [name, format] of Object.entries(FORMATS)) a.addFormat(name, format);
    return a;
  };
  if (Object.keys(extra).length) return make();
  return (shared ??= make());
}

/** Messages for the formats claimlint's schemas use. */
const FORMAT_MESSAGES: Record<string, string> = { 'partial-date': 'is not a date that exists in the calendar' };

export function compileSchema<T>(schema: AnySchema): ValidateFunction<T> {
  return ajv().compile<T>(schema);
}

/** One schema violation, ready to be located in the YAML and shown. */
export interface SchemaProblem {
  /** The instance path of the node concerned. */
  path: Array<string | number>;
  /** Point at the key of the last segment rather than its value. */
  atKey: boolean;
  message: string;
}

export function displayInstancePath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(root)' : out;
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate to `word`, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
};

function messageFor(e: ErrorObject, where: string): string {
  const schema = e.parentSchema as { description?: string } | undefined;
  switch (e.keyword) {
    case 'required':
      return `${where} is missing the required field "${String(e.params.missingProperty)}"`;
    case 'additionalProperties': {
      const extra = String(e.params.additionalProperty);
      const properties = (e.parentSchema as { properties?: Record<string, { enum?: unknown[] } | undefined> } | undefined)?.properties ?? {};
      const allowed = Object.keys(properties);
      const hint = didYouMean(extra, allowed);
      if (hint) return `${where} has an unknown field "${extra}": did you mean "${hint}"?`;
      // A value written as a field name (`- testimonial: ...` for `- kind: testimonial`). Not a "did you mean": the
      // editor's quick fix renames a key with that, and this is not a rename.
      const field = allowed.find((k) => properties[k]?.enum?.includes(extra));
      if (field) return `${where} has an unknown field "${extra}": it is a value of "${field}" (write "${field}: ${extra}")`;
      return `${where} has an unknown field "${extra}"${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`;
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      return `${where} must be one of: ${allowed.join(', ')} (got ${describe(e.data)})${hint ? `: did you mean "${hint}"?` : ''}`;
    }
    case 'type': {
      const types = String(e.params.type).split(',').map((t) => TYPE_NAMES[t] ?? t);
      return `${where} must be ${types.join(' or ')} (got ${describe(e.data)})`;
    }
    case 'pattern':
      return `${where} ${schema?.description ?? `must match ${String(e.params.pattern)}`} (got ${describe(e.data)})`;
    case 'oneOf':
    case 'anyOf':
      if (e.keyword === 'oneOf' && Array.isArray(e.params.passingSchemas)) {
        return `${where} matches more than one form: ${schema?.description ?? 'use exactly one'}`;
      }
      return `${where} ${schema?.description ?? 'does not match any allowed form'}`;
    case 'format':
      return `${where} ${FORMAT_MESSAGES[String(e.params.format)] ?? `must be a ${String(e.params.format)}`} (got ${describe(e.data)})`;
    case 'minItems':
      return `${where} must have at least ${String(e.params.limit)} item(s)`;
    case 'maxItems':
      return `${where} must have at most ${String(e.params.limit)} item(s)`;
    case 'minProperties':
      return `${where} must not be empty`;
    case 'multipleOf':
      return `${where} must be a multiple of ${String(e.params.multipleOf)} (got ${describe(e.data)})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${where} must be ${String(e.params.comparison)} ${String(e.params.limit)} (got ${describe(e.data)})`;
    case 'minLength':
      return `${where} must not be empty`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

const SHAPE_KEYWORDS = new Set(['additionalProperties', 'required', 'oneOf', 'anyOf', 'not', 'minProperties']);

/**
 * Turn ajv's raw errors into one clear problem per mistake. The errors of the
 * branches of a failed `oneOf`/`anyOf` are folded: a precise error inside a
 * branch (a wrong enum value, a number out of range) is kept; mere shape
 * mismatches of the branches the author did not mean are dropped in favour
 * of one message describing the allowed forms.
 */
export function explainErrors(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  if (!errors?.length) return [];
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  // At the alternative's own place, only its branches' errors are inside it: a keyword of the same schema beside it
  // (an unknown field of the same mapping) is a mistake of its own. Told by the schema an error comes from, which
  // ajv gives in verbose mode (the claim file and configuration validators); without it, everything there is inside.
  const beside = (e: ErrorObject, alt: ErrorObject) => e.parentSchema !== undefined && e.parentSchema === alt.parentSchema;
  const inside = (e: ErrorObject, alt: ErrorObject) =>
    e !== alt && (e.instancePath === alt.instancePath ? !beside(e, alt) : e.instancePath.startsWith(`${alt.instancePath}/`));
  const dropped = new Set<ErrorObject>();
  // ajv reports an outer alternative after the inner ones: fold from the outside in.
  for (const alt of [...alternatives].reverse()) {
    if (dropped.has(alt)) continue;
    const subs = errors.filter((e) => inside(e, alt));
    const precise = subs.filter(
      (e) => !SHAPE_KEYWORDS.has(e.keyword) && !(e.keyword === 'type' && e.instancePath === alt.instancePath),
    );
    for (const s of subs) if (!precise.includes(s)) dropped.add(s);
    if (precise.length > 0 && !Array.isArray(alt.params.passingSchemas)) dropped.add(alt);
  }
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const e of errors) {
    if (dropped.has(e)) continue;
    const path = pointerToPath(e.instancePath);
    let atKey = false;
    let at = path;
    if (e.keyword === 'additionalProperties') {
      at = [...path, String(e.params.additionalProperty)];
      atKey = true;
    }
    const message = messageFor(e, displayInstancePath(path));
    const key = `${at.join('/')}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: at, atKey, message });
  }
  return problems;
}

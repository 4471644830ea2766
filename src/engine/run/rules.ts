import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import * as jsYaml from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { ValidateFunction } from 'ajv';
import type { Severity } from '../../model.js';
import { CHECK_KINDS } from '../../checks/index.js';
import type { CheckKind } from './check.js';
import { compileSchema, didYouMean, explainErrors } from '../load/ajv.js';
import { ConfigError } from './errors.js';
import { rangeAt, rangeFromOffsets } from '../load/location.js';
import { FAST_SCHEMA } from '../load/loader.js';
import { displayPath, PACKAGE_ROOT } from '../../paths.js';

/** A rule as written in YAML. */
export interface RuleDefinition {
  id: string;
  /** The check kind this rule uses (`src/checks/<kind>.ts`). */
  extends: string;
  severity: Severity;
  summary: string;
  /** Default message template; overrides the kind's `default` message. */
  message?: string;
  /** Further message templates by message id. */
  messages?: Record<string, string>;
  options?: Record<string, unknown>;
  /** Path of the rule's docs page, relative to the rule's package or folder root. */
  docs?: string;
  /** The published standard the rule is grounded in. */
  standard?: string;
  /**
   * Rules whose findings this rule's findings explain: on the same claim (or
   * source) and about the same thing, only this rule's finding is reported.
   */
  supersedes?: string[];
}

/** A rule ready to run. */
export interface Rule {
  definition: RuleDefinition;
  kind: CheckKind;
  options: Record<string, unknown>;
  messages: Record<string, string>;
  /** The YAML file it was defined in. */
  file: string;
  builtin: boolean;
}

export const RULE_DEFINITION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['id', 'extends', 'severity', 'summary'],
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$',
      description: 'must be "<group>/<name>" in kebab-case, e.g. "evidence/none"',
    },
    extends: { type: 'string', minLength: 1 },
    severity: { enum: ['error', 'warning', 'info'] },
    summary: { type: 'string', minLength: 1 },
    message: { type: 'string', minLength: 1 },
    messages: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    options: { type: 'object' },
    docs: { type: 'string' },
    standard: { type: 'string' },
    supersedes: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
  },
} as const;

let definitionValidator: ValidateFunction<RuleDefinition> | undefined;
const optionValidators = new Map<string, ValidateFunction>();

export function optionsValidator(kind: CheckKind): ValidateFunction {
  let v = optionValidators.get(kind.name);
  if (!v) {
    v = compileSchema({ ...kind.optionsSchema, additionalProperties: kind.optionsSchema['additionalProperties'] ?? false });
    optionValidators.set(kind.name, v);
  }
  return v;
}

/** Validate options for a kind; returns problems as `path: message` strings. */
export function validateOptions(kind: CheckKind, options: Record<string, unknown>): Array<{ path: Array<string | number>; atKey: boolean; message: string }> {
  const v = optionsValidator(kind);
  v(options);
  return explainErrors(v.errors).map((p) => ({
    ...p,
    message: p.message.startsWith('(root)') ? p.message.replace(/^\(root\)/, 'options') : `options.${p.message}`,
  }));
}

export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'rules');

/**
 * Load one rule file. A built-in rule file (shipped in the package's `rules/`,
 * checked by test/rule-files.test.ts with {@link loadRuleFile}'s full checks)
 * is read with js-yaml and not validated again at every start: compiling the
 * 41 option schemas cost a third of a one-file run. Every other rule file is
 * validated, with located messages.
 */
export async function loadRuleFile(file: string, builtin: boolean, cwd: string, opts: { validate?: boolean } = {}): Promise<Rule> {
  const text = await readFile(file, 'utf8');
  if (builtin && !opts.validate) {
    const def = jsYaml.load(text, { schema: FAST_SCHEMA }) as RuleDefinition;
    const kind = CHECK_KINDS[def.extends] as CheckKind | undefined;
    if (kind) return ruleOf(def, kind, file, builtin);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const where = (line: number, col: number) => `${displayPath(file, cwd)}:${line}:${col}`;
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const r = rangeFromOffsets(lc, e.pos[0], e.pos[1]);
    throw new ConfigError(`${where(r.line, r.column)}: invalid YAML in rule file: ${e.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS();
  definitionValidator ??= compileSchema<RuleDefinition>(RULE_DEFINITION_SCHEMA);
  if (!definitionValidator(data)) {
    const p = explainErrors(definitionValidator.errors)[0]!;
    const r = rangeAt(doc, lc, p.path, { key: p.atKey });
    throw new ConfigError(`${where(r.line, r.column)}: invalid rule definition: ${p.message}`);
  }
  const def = data as RuleDefinition;
  const kind = CHECK_KINDS[def.extends] as CheckKind | undefined;
  if (!kind) {
    const r = rangeAt(doc, lc, ['extends']);
    const hint = didYouMean(def.extends, Object.keys(CHECK_KINDS));
    throw new ConfigError(
      `${where(r.line, r.column)}: rule "${def.id}" extends unknown check kind "${def.extends}"${hint ? ` (did you mean "${hint}"?)` : ''}; known kinds: ${Object.keys(CHECK_KINDS).join(', ')}`,
    );
  }
  const problems = validateOptions(kind, { ...kind.defaultOptions, ...(def.options ?? {}) });
  if (problems.length) {
    const p = problems[0]!;
    const r = rangeAt(doc, lc, ['options', ...p.path], { key: p.atKey });
    throw new ConfigError(`${where(r.line, r.column)}: rule "${def.id}": ${p.message}`);
  }
  return ruleOf(def, kind, file, builtin);
}

function ruleOf(def: RuleDefinition, kind: CheckKind, file: string, builtin: boolean): Rule {
  const options = { ...kind.defaultOptions, ...(def.options ?? {}) };
  const messages: Record<string, string> = { ...kind.messages, ...(def.messages ?? {}) };
  if (def.message) messages['default'] = def.message;
  return { definition: def, kind, options, messages, file, builtin };
}

/** Load every rule YAML file under the given folders (built-in first). */
export async function loadRules(folders: Array<{ dir: string; builtin: boolean }>, cwd: string): Promise<Map<string, Rule>> {
  const rules = new Map<string, Rule>();
  for (const { dir, builtin } of folders) {
    const files = (await fg('**/*.{yaml,yml}', { cwd: dir, absolute: true, onlyFiles: true })).sort();
    if (!builtin && files.length === 0) {
      throw new ConfigError(`rule folder ${displayPath(dir, cwd)} holds no rule files (*.yaml); check ruleFolders in the configuration`);
    }
    for (const file of files) {
      const rule = await loadRuleFile(file, builtin, cwd);
      const existing = rules.get(rule.definition.id);
      if (existing) {
        throw new ConfigError(
          `${displayPath(file, cwd)}: rule id "${rule.definition.id}" is already defined in ${displayPath(existing.file, cwd)}; give the rule a new id`,
        );
      }
      rules.set(rule.definition.id, rule);
    }
  }
  for (const rule of rules.values()) {
    for (const id of rule.definition.supersedes ?? []) {
      if (rules.has(id) && id !== rule.definition.id) continue;
      const hint = didYouMean(id, rules.keys());
      throw new ConfigError(
        `${displayPath(rule.file, cwd)}: rule "${rule.definition.id}" supersedes ${id === rule.definition.id ? 'itself' : `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`}; name other rules' ids`,
      );
    }
  }
  return rules;
}

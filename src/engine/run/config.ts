import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ValidateFunction } from 'ajv';
import type { SeveritySetting } from '../../model.js';
import { displayPath } from '../../paths.js';
import { explainErrors } from '../load/ajv.js';
import validateConfigSchema from '../load/generated/config.js';
import { ConfigError } from './errors.js';
import { rangeAt, rangeFromOffsets, type Range } from '../load/location.js';
import type { VocabularyConfig } from '../register/vocabulary.js';

export const CONFIG_FILE_NAMES = ['claimlint.config.yaml', 'claimlint.config.yml'];
export const DEFAULT_FILES = ['claims/**/*.{yaml,yml}'];

/** A rule's setting: a severity, or a severity with options. */
export type RuleSetting = SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> };

export interface OverrideConfig {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** The contents of `claimlint.config.yaml`. */
export interface ClaimlintConfig {
  /** Globs of the claim files that make the register (relative to the config file). */
  files?: string[];
  /** Globs of files to leave out. */
  ignores?: string[];
  /** Globs of the team's own content (Markdown, HTML, text articles): statements no claim quotes are reported (claim/unregistered). */
  content?: string[];
  /** Folders of user rule YAML files, added to the built-in rules. */
  ruleFolders?: string[];
  rules?: Record<string, RuleSetting>;
  overrides?: OverrideConfig[];
  vocabulary?: VocabularyConfig;
}

/** A configuration as loaded, with its location for error messages. */
export interface LoadedConfig {
  config: ClaimlintConfig;
  /** The config file, if one was found. */
  file?: string;
  /** Folder globs and rule folders are relative to. */
  root: string;
  /** Where a key path sits in the config file, for messages. */
  locate(path: ReadonlyArray<string | number>, opts?: { key?: boolean }): string;
}

export { CONFIG_SCHEMA } from './config-schema.js';

/** The configuration schema's validator, compiled ahead of time (scripts/generate-validators.ts). */
function configValidator(): ValidateFunction<ClaimlintConfig> {
  return validateConfigSchema as unknown as ValidateFunction<ClaimlintConfig>;
}


/** Find the config file: the given path, or the nearest one upward from `cwd`. */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const p = resolve(cwd, explicit);
    if (!existsSync(p)) throw new ConfigError(`configuration file not found: ${explicit}`);
    return p;
  }
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Where the register is when no configuration file is found: the nearest
 * folder, from `cwd` upward, that holds a `claims/` folder (so that
 * `cd claims && claimlint a.yaml` still reads the whole register), else `cwd`.
 */
export function findRegisterRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; ) {
    const claims = join(dir, 'claims');
    if (existsSync(claims) && statSync(claims).isDirectory()) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  const file = findConfigFile(cwd, explicit);
  if (!file) return { config: {}, root: findRegisterRoot(cwd), locate: () => 'configuration' };
  const text = await readFile(file, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const shown = displayPath(file, cwd);
  const at = (r: Range) => `${shown}:${r.line}:${r.column}`;
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new ConfigError(`${at(rangeFromOffsets(lc, e.pos[0], e.pos[1]))}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS() ?? {};
  const validator = configValidator();
  if (!validator(data)) {
    const p = explainErrors(validator.errors)[0]!;
    throw new ConfigError(`${at(rangeAt(doc, lc, p.path, { key: p.atKey }))}: ${p.message}`);
  }
  return {
    config: data,
    file,
    root: dirname(file),
    locate: (path, opts = {}) => at(rangeAt(doc, lc, path, opts)),
  };
}

/** Validate a configuration given as an object (API and tests); paths resolve from `cwd`. */
export function validateConfig(config: unknown, cwd: string): LoadedConfig {
  const validator = configValidator();
  if (!validator(config)) {
    const p = explainErrors(validator.errors)[0]!;
    throw new ConfigError(`configuration: ${p.message}`);
  }
  return { config, root: resolve(cwd), locate: (path) => `configuration ${path.join('.')}` };
}

export function resolveFrom(root: string, p: string): string {
  return isAbsolute(p) ? p : resolve(root, p);
}

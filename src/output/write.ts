/**
 * Writing claimlint's own output files (reports, baselines) safely:
 *
 * - never over the register: a path that is a claim file, the configuration,
 *   a rule file, or that the register's globs would lint next time, is
 *   refused before anything runs (exit 2, one line naming the path given);
 * - atomically: a temporary file beside the target, then a rename, so a
 *   reader never sees half a report; a failed write removes the temporary
 *   file, and so does SIGINT or SIGTERM arriving during the write;
 * - messages name the path the user gave, never the temporary one.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { displayPath } from '../paths.js';
import { ConfigError } from '../engine/run/errors.js';
import { DEFAULT_FILES, loadConfig, resolveFrom } from '../engine/run/config.js';
import { BUILTIN_RULES_DIR } from '../engine/run/rules.js';

/** An output path that would overwrite the register or its setup. */
export class OutputPathError extends ConfigError {}

/** The path with its existing folders resolved through symbolic links (the file itself need not exist). */
function realish(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realish(parent), basename(abs));
  }
}

export interface OutputTarget {
  /** The option that named it, for messages (`-o`, `--write-baseline`). */
  option: string;
  /** The path as the user gave it. */
  path: string;
}

export interface GuardOptions {
  cwd: string;
  configFile?: string;
  /** Files and globs given on the command line: files the run lints. */
  patterns?: string[];
  /** Input files of the run (`--baseline`, `--retractions`) that an output must not replace. */
  inputs?: Array<{ option: string; path: string }>;
}

/**
 * Refuse output paths that would replace a file of the register, the
 * configuration, a rule file, an input of the run, or that the register's
 * globs would lint. Throws {@link OutputPathError} naming the path given.
 */
export async function guardOutputPaths(targets: OutputTarget[], opts: GuardOptions): Promise<void> {
  if (targets.length === 0) return;
  const cwd = resolve(opts.cwd);
  const loaded = await loadConfig(cwd, opts.configFile);
  const { config, root } = loaded;
  const inRegister = picomatch(config.files ?? DEFAULT_FILES, { dot: true });
  const ignored = picomatch(config.ignores ?? [], { dot: true });
  const ruleDirs = [BUILTIN_RULES_DIR, ...(config.ruleFolders ?? []).map((f) => resolveFrom(root, f))].map(realish);
  const named = new Map<string, string>();
  if (loaded.file) named.set(realish(loaded.file), 'the configuration file');
  for (const p of opts.patterns ?? []) {
    const abs = resolve(cwd, p);
    if (existsSync(abs) && statSync(abs).isFile()) named.set(realish(abs), 'a file this run lints');
    else for (const m of fg.sync(p, { cwd, absolute: true, onlyFiles: true })) named.set(realish(m), 'a file this run lints');
  }
  for (const i of opts.inputs ?? []) named.set(realish(resolve(cwd, i.path)), `the ${i.option} file of this run`);

  for (const t of targets) {
    const abs = resolve(cwd, t.path);
    const real = realish(abs);
    const refuse = (what: string) => {
      throw new OutputPathError(`refusing to write ${t.option} ${t.path}: it is ${what}; choose another path`);
    };
    const same = named.get(real) ?? named.get(abs);
    if (same) refuse(same);
    for (const p of new Set([abs, real])) {
      const rel = displayPath(p, root);
      if (!rel.startsWith('../') && inRegister(rel) && !ignored(rel)) {
        refuse(existsSync(p) ? 'a claim file of the register' : 'a path the register globs would lint as a claim file');
      }
    }
    if (ruleDirs.some((d) => real.startsWith(`${d}/`) && /\.ya?ml$/i.test(real))) refuse('a rule file');
  }
}

const pending = new Set<string>();
let listening = false;

/**
 * SIGINT/SIGTERM while a write is under way: the handler waits for the
 * synchronous write to end, removes what is left of its temporary file, then
 * ends as the signal would (exit 128 + its number, 130 for Ctrl+C), unless
 * the program has its own handler for it (`--watch`), which runs as usual.
 * Installed with the first write and kept: removing a signal handler while a
 * signal is queued for it would lose the signal.
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) removeQuietly(tmp);
  pending.clear();
  if (process.listenerCount(signal) === 1) process.exit(128 + (constants.signals[signal] ?? 0));
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function isLinkToFile(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Create a folder and the missing folders above it, one level at a time.
 * Node's `mkdirSync(..., { recursive: true })` never returns for a path under
 * /proc (mkdir there fails with ENOENT although the parent exists, and it
 * retries the parent forever); here the first failure is thrown.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by another process: as good.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}

/**
 * Write `content` to `path` atomically: a temporary file in the same folder,
 * then a rename over the target (over the file a symbolic link points to,
 * not the link; a device or pipe is written in place). `content` is a string or chunks (a streamed
 * report, or bytes), written one after the other. On failure the temporary file is
 * removed and the error names `shownPath` (the path as the user gave it).
 */
export function writeFileAtomic(path: string, content: string | Iterable<string | Uint8Array>, shownPath: string = path): void {
  // A symbolic link to a file: the file it points to is replaced, and the link stays a link.
  const target = isLinkToFile(path) ? realpathSync(path) : path;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  // While the handlers are installed, a signal waits for this synchronous write to end, then removes what is left.
  if (!listening) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    listening = true;
  }
  pending.add(tmp);
  const writeTo = (target: string) => {
    const fd = openSync(target, 'w');
    try {
      for (const chunk of typeof content === 'string' ? [content] : content) {
        if (typeof chunk === 'string') writeSync(fd, chunk);
        else for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
      }
    } finally {
      closeSync(fd);
    }
  };
  try {
    const existing = existsSync(path) ? statSync(path) : undefined;
    if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (existing && !existing.isFile()) {
      // A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO): written in place. A rename would put a
      // regular file where the device was.
      writeTo(path);
      return;
    }
    makeFolders(dirname(target));
    writeTo(tmp);
    renameSync(tmp, target);
  } catch (e) {
    removeQuietly(tmp);
    const err = e as NodeJS.ErrnoException;
    const why: Record<string, string> = {
      EISDIR: 'it is a folder',
      ENOENT: 'a file cannot be created there',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      ENOTDIR: 'a part of the path is not a folder',
      ENOSPC: 'no space left on the device',
      EROFS: 'the file system is read-only',
      EXDEV: 'it is on another file system than its folder',
    };
    throw new ConfigError(`cannot write ${shownPath}: ${why[err.code ?? ''] ?? err.code ?? err.message}`);
  } finally {
    pending.delete(tmp);
  }
}

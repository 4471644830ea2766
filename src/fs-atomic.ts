import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write a file atomically: a temporary file in the same folder, then rename.
 * (Same as cli.ts's writeFileAtomic, which commands cannot import: cli.ts
 * awaits at top level, so importing it back from a command deadlocks.)
 */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

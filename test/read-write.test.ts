/**
 * Reading register files that cannot be read, and writing outputs that must
 * not be lost or left half-done (issue 9, points 2 to 4).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../src/engine/load/loader.js';
import { decodeRegisterBytes, firstInvalidUtf8, readErrorReason } from '../src/engine/load/read.js';
import { ConfigError } from '../src/engine/run/errors.js';
import { writeFileAtomic } from '../src/output/write.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'claimlint-rw-'));

describe('reading register files', () => {
  it('says why a file cannot be read, with what to do', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(readErrorReason(err('EACCES'))).toMatch(/^permission denied: give the user running claimlint read access/);
    expect(readErrorReason(err('ENOENT'))).toMatch(/no longer exists \(deleted or moved while claimlint ran/);
    expect(readErrorReason(err('ELOOP'))).toMatch(/link loop/);
    expect(readErrorReason(err('EWHATEVER'))).toBe('EWHATEVER: EWHATEVER');
  });

  it('loads a file deleted before it is read as a located problem, not an exception', async () => {
    const f = await loadFile(join(tmp(), 'claims', 'gone.yaml'));
    expect(f.syntaxErrors).toEqual([
      { range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, messageId: 'unreadable', message: expect.stringMatching(/no longer exists/) as string },
    ]);
    expect(f.claims).toEqual([]);
  });

  it('decodes UTF-8 with or without a byte-order mark, and locates the first byte that is not UTF-8', () => {
    expect(decodeRegisterBytes(Buffer.from('a: é 😀\n'))).toEqual({ text: 'a: é 😀\n' });
    expect(decodeRegisterBytes(Buffer.from('\ufeffa: 1\n'))).toEqual({ text: '\ufeffa: 1\n' });
    const latin1 = decodeRegisterBytes(Buffer.from('a: 1\nb: caf\xe9\n', 'latin1'));
    expect(latin1).toMatchObject({ problem: { messageId: 'encoding', range: { line: 2, column: 7, endLine: 2, endColumn: 8 } } });
    // Overlong encodings, encoded surrogates and code points past U+10FFFF are not UTF-8 either.
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5]]) {
      expect(firstInvalidUtf8(Buffer.from([0x61, ...bad]))).toBe(1);
    }
    expect(firstInvalidUtf8(Buffer.from('ok é € 😀'))).toBe(Buffer.byteLength('ok é € 😀'));
  });
});

describe('writing outputs', () => {
  it('names the path the user gave and leaves no temporary file when a write fails', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'out'));
    expect(() => writeFileAtomic(join(dir, 'out'), 'x', 'out')).toThrow(new ConfigError('cannot write out: it is a folder'));
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => writeFileAtomic(join(dir, 'file', 'r.txt'), 'x', 'file/r.txt')).toThrow(/^cannot write file\/r\.txt: /);
    expect(readdirSync(dir)).toEqual(['file', 'out']);
    // Missing folders are made, level by level.
    writeFileAtomic(join(dir, 'a', 'b', 'r.txt'), 'x');
    expect(readFileSync(join(dir, 'a', 'b', 'r.txt'), 'utf8')).toBe('x');
  });

  // Node's recursive mkdir never returns for a folder under /proc (Linux only: there is no /proc elsewhere).
  it.runIf(existsSync('/proc/self'))('fails at once, with the reason, for a folder that cannot be made (under /proc)', () => {
    expect(() => writeFileAtomic('/proc/claimlint-nope/deeper/r.json', 'x')).toThrow(
      new ConfigError('cannot write /proc/claimlint-nope/deeper/r.json: a file cannot be created there'),
    );
  });

  it('writes into a pipe or device in place (-o /dev/null), never renaming a file over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-fifo-'));
    const fifo = join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const ended = new Promise((done) => reader.on('close', done));
    writeFileAtomic(fifo, ['first ', 'second\n']);
    await ended;
    expect(got).toBe('first second\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.fifo']);
  });

  it('writes through a symbolic link to a file: the file gets the content, the link stays a link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-link-'));
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'report.txt'), 'old\n');
    symlinkSync(join('real', 'report.txt'), join(dir, 'report.txt'));
    writeFileAtomic(join(dir, 'report.txt'), 'new\n');
    expect(lstatSync(join(dir, 'report.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'report.txt'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(dir, 'real'))).toEqual(['report.txt']);
  });

  it('writes atomically: the target holds the whole new content', () => {
    const dir = tmp();
    writeFileAtomic(join(dir, 'deep', 'r.txt'), 'report\n');
    expect(readFileSync(join(dir, 'deep', 'r.txt'), 'utf8')).toBe('report\n');
    expect(readdirSync(join(dir, 'deep'))).toEqual(['r.txt']);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`leaves no temporary file when ${signal} arrives during writes, and ends as the signal would (exit 128 + n)`, async () => {
      const dir = tmp();
      const module = pathToFileURL(resolve(import.meta.dirname, '../dist/output/write.js')).href;
      // Large writes back to back: a signal almost always arrives while a temporary file exists.
      const script = `
        const { writeFileAtomic } = await import(${JSON.stringify(module)});
        const big = 'x'.repeat(8 * 1024 * 1024);
        process.stdout.write('ready\\n');
        for (;;) { writeFileAtomic(${JSON.stringify(join(dir, 'report.txt'))}, big); await new Promise((r) => setImmediate(r)); }`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
      await new Promise((r) => setTimeout(r, 300));
      const ended = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      child.kill(signal);
      expect(await ended).toBe(128 + constants.signals[signal]);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }, 180_000);
  }
});

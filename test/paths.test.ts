/**
 * displayPath: how findings and reports name files, remembered per working
 * folder and path (the same paths are asked for once per finding).
 */
import { describe, expect, it } from 'vitest';
import { displayPath } from '../src/paths.js';

describe('displayPath', () => {
  it('names a file relative to the working folder, with forward slashes, for each folder asked', () => {
    expect(displayPath('/repo/claims/a.yaml', '/repo')).toBe('claims/a.yaml');
    expect(displayPath('/repo', '/repo')).toBe('.');
    expect(displayPath('/elsewhere/b.yaml', '/repo')).toBe('../elsewhere/b.yaml');
    // The same file from another folder, asked after the first answer was remembered: its own answer.
    expect(displayPath('/repo/claims/a.yaml', '/repo/claims')).toBe('a.yaml');
    expect(displayPath('/repo/claims/a.yaml', '/repo')).toBe('claims/a.yaml');
    // Many folders and files in turn: every answer stays right as the memory is cleared and filled again.
    for (let i = 0; i < 40; i++) expect(displayPath(`/r${i}/x/f${i}.yaml`, `/r${i}`)).toBe(`x/f${i}.yaml`);
    expect(displayPath('/repo/claims/a.yaml', '/repo/claims')).toBe('a.yaml');
  });
});

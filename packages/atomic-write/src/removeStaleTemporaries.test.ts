import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemporaries } from './removeStaleTemporaries.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certplan-sweep-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that certainly ran and has exited: a child that has already finished. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number;
}

describe('removeStaleTemporaries', () => {
  it("removes a dead writer's temporary file and leaves the target, live writers' and other files alone", async () => {
    const dead = `.reviews.yaml.${deadPid()}.0123456789ab.tmp`;
    const live = `.reviews.yaml.${process.pid}.0123456789ab.tmp`;
    // Near misses: another target's leftover, a name without the hex part, an ordinary dotfile.
    const others = ['reviews.yaml', `.reviewers.yaml.${deadPid()}.0123456789ab.tmp`, `.reviews.yaml.1.tmp`, '.keep'];
    for (const name of [dead, live, ...others]) await writeFile(join(dir, name), 'x');
    expect(removeStaleTemporaries(join(dir, 'reviews.yaml'))).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual([live, ...others].sort());
  });

  it('removes a file over an hour old even when its pid runs again (a reused pid)', async () => {
    const reused = `.dataset.json.${process.pid}.abcdef.tmp`;
    await writeFile(join(dir, reused), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(dir, reused), twoHoursAgo, twoHoursAgo);
    expect(removeStaleTemporaries(join(dir, 'dataset.json'))).toEqual([reused]);
  });

  it('does nothing for a directory that does not exist', () => {
    expect(removeStaleTemporaries(join(dir, 'absent', 'dataset.json'))).toEqual([]);
  });
});

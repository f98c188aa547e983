/**
 * Removes temporary files an interrupted atomic write left beside reviews.yaml (writeFileAtomic names them
 * `.reviews.yaml.<pid>.<hex>.tmp`). A SIGKILL between create and rename leaves one; nothing else ever would.
 * Only files whose writer is gone are removed: the pid is not running, or the file is over an hour old (a pid
 * reused by an unrelated process). A live writer's file lives for milliseconds and is left alone.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_NAME = /^\.reviews\.yaml\.(\d{1,10})\.[0-9a-f]{1,32}\.tmp$/;
const MAX_AGE_MS = 60 * 60 * 1000;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sweeps `dir` (the content directory); returns the names removed. */
export async function sweepTempFiles(dir: string, now: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    const path = join(dir, name);
    const age = now - (await stat(path).catch(() => ({ mtimeMs: now }))).mtimeMs;
    if (pid !== process.pid && running(pid) && age < MAX_AGE_MS) continue;
    if (pid === process.pid && age < MAX_AGE_MS) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}

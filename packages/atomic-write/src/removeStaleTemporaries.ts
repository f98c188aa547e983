/**
 * Removes the temporary files that interrupted atomic writes left beside `path` (a SIGKILL between create and
 * rename leaves one; nothing else ever would). Only files whose writer is gone are removed: its pid is not
 * running, or the file is over an hour old (the pid was reused by an unrelated process). A live writer's file
 * lives for milliseconds and is left alone. The target itself is never touched: it is always a complete old or
 * new version. Returns the names removed; a missing directory removes nothing.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseTemporaryName } from './temporaryName.ts';

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

export function removeStaleTemporaries(path: string, now: number = Date.now()): string[] {
  const dir = dirname(path);
  const target = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const parsed = parseTemporaryName(name);
    if (parsed?.target !== target) continue;
    const file = join(dir, name);
    let age = 0;
    try {
      age = now - statSync(file).mtimeMs;
    } catch {
      continue; // gone meanwhile: its writer finished
    }
    if (age < MAX_AGE_MS && (parsed.pid === process.pid || running(parsed.pid))) continue;
    rmSync(file, { force: true });
    removed.push(name);
  }
  return removed;
}

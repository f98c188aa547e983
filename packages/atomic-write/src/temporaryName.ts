/**
 * The name of a writer's temporary file, and how to read one back. The writer's pid is in the name so a sweep
 * can tell a dead writer's leftover from a live writer's file (see removeStaleTemporaries).
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** `<dir>/.<name>.<pid>.<12 hex>.tmp`: same directory as the target, since rename(2) is atomic only within one file system. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

// Linear: fixed literals around two bounded digit/hex runs.
const TEMPORARY = /^\.(.+)\.(\d{1,10})\.[0-9a-f]{1,32}\.tmp$/;

/** The target's base name and the writer's pid of a temporary file name, or null for any other name. */
export function parseTemporaryName(name: string): { target: string; pid: number } | null {
  const match = TEMPORARY.exec(name);
  return match ? { target: match[1] as string, pid: Number(match[2]) } : null;
}

/**
 * Atomic file replacement: a reader, or a process restarted after SIGKILL or power loss, sees either the old
 * file or the new one, never a mix. Write a temporary file beside the target, fsync it, rename it over the
 * target, fsync the directory.
 *
 * Why not the `write-file-atomic` package: it does not fsync the directory (a power loss after the rename can
 * bring back the old entry) and names its temporary files `<name>.<hash>` without the writer's pid, so a
 * restarted server could not tell a dead writer's leftover from a live one's.
 *
 * Two entry points over the same steps: ingest's build is synchronous, the server must not block on fsync.
 * Errors: the file system's (ENOENT when the directory is missing: it is not created); the target is then
 * untouched and the temporary file removed.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { temporaryNameFor } from './temporaryName.ts';

export type WriteFile = (path: string, data: string | Uint8Array) => Promise<void>;

export const writeFileAtomic: WriteFile = async (path, data) => {
  const tmp = temporaryNameFor(path);
  // 'wx': a name collision is an error, never a shared temporary file.
  const handle = await open(tmp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      // Flush the data before the rename makes it visible, or a crash could leave a renamed but empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  // Persist the directory entry too, so the rename itself survives a power loss.
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } catch {
    // Some file systems refuse fsync on directories; the data itself is already safe.
  } finally {
    await dir.close();
  }
};

/** `writeFileAtomic` for synchronous callers (ingest's build); the same steps and guarantees. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = temporaryNameFor(path);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      // writeFileSync on a descriptor loops until every byte is written (a bare writeSync may write fewer).
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } catch {
    // As above: the directory fsync is best effort.
  } finally {
    closeSync(dir);
  }
}

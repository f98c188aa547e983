/**
 * Atomic file replacement: a reader (or a process restarted after SIGKILL or power loss) sees either the old
 * file or the new one, never a mix. Used for content/reviews.yaml and content/dataset/dataset.json.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type WriteFile = (path: string, data: string | Uint8Array) => Promise<void>;

export const writeFileAtomic: WriteFile = async (path, data) => {
  const dir = dirname(path);
  // Same directory as the target: rename(2) is only atomic within one file system.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } catch {
    // Some file systems refuse fsync on directories; the data itself is already safe.
  } finally {
    await dirHandle.close();
  }
};

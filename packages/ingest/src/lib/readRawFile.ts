/**
 * Reading one file of content/raw/ as untrusted input. Only a regular file whose real path stays inside the raw
 * directory is read: a symlink out of it (`ln -s /etc/passwd raw/p.txt`), a FIFO, a socket or a device is
 * refused with the reason. The size is checked with `fstat` on the opened descriptor before any byte is read, so
 * a 2 GB sparse file costs nothing, and a file that grows while it is read is cut off at the limit: memory per
 * file is bounded by the largest allowed source.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Why a raw file was not read; `ruleId` is what the build reports it under. */
export interface RawReadFailure {
  ruleId: 'certplan:read-failed' | 'certplan:outside-raw' | 'certplan:not-a-file' | 'certplan:too-large';
  message: string;
}

export type RawReadResult = { bytes: Uint8Array } | { failure: RawReadFailure };

/** What `fstat` says a non-regular file is, in the words of `ls -l`'s type column. */
function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/** True when `path` is `dir` itself or below it (both already real paths). */
function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Reads `file` (a path relative to `rawDir`, as listRawFiles gives it) if it is a regular file inside `rawDir`
 * of at most `maxBytes` bytes. Never blocks on a FIFO (opened with O_NONBLOCK, then refused by its type), never
 * follows a symlink out of `rawDir` (the real path is checked, then opened with O_NOFOLLOW so a swap in between
 * fails instead of escaping). Failures are returned, not thrown: each is that one file's problem.
 */
export function readRawFile(rawDir: string, file: string, maxBytes: number): RawReadResult {
  const path = join(rawDir, file);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const link = code === 'ENOENT' && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink();
    const message = link
      ? `dangling symlink: its target ${readlinkSync(path)} does not exist`
      : (error as Error).message.split(rawDir).join('content/raw');
    return { failure: { ruleId: 'certplan:read-failed', message } };
  }
  if (!isInside(real, realpathSync(rawDir))) {
    // The target is not named: it is outside the content the project publishes.
    return {
      failure: {
        ruleId: 'certplan:outside-raw',
        message: 'symlink leads outside content/raw/; only files inside it are read',
      },
    };
  }
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return { failure: { ruleId: 'certplan:read-failed', message: (error as Error).message.split(real).join(file) } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      return { failure: { ruleId: 'certplan:not-a-file', message: `${kindOf(stats)}, not a regular file; not read` } };
    }
    if (stats.size > maxBytes) return { failure: tooLarge(stats.size, maxBytes) };
    // One byte more than allowed: a file that grew since fstat is caught without reading the rest of it.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return { failure: tooLarge(null, maxBytes) };
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return { failure: { ruleId: 'certplan:read-failed', message: (error as Error).message.split(real).join(file) } };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number | null, maxBytes: number): RawReadFailure {
  const what = size === null ? 'source grew while being read' : `source is ${size} bytes`;
  return { ruleId: 'certplan:too-large', message: `${what}, over the ${maxBytes}-byte limit for one article` };
}

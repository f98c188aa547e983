/**
 * The raw files a build considers: every entry under raw/ except hidden ones, so that what cannot be read is
 * reported by readRawFile rather than skipped. Paths are POSIX-style and sorted, whatever the platform.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export function listRawFiles(rawDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // Everything else is listed, so readRawFile reports what it will not read (a FIFO, a device, a symlink out
      // of raw/, a dangling one) instead of it being skipped silently; only a symlink to a directory is not
      // (not followed: cycles).
      else if (!(entry.isSymbolicLink() && isDirectory(full))) out.push(relative(rawDir, full).split(sep).join('/'));
    }
  };
  walk(rawDir);
  return out.sort();
}

/**
 * The review write lock, across processes: every server on one content directory (replicas behind a load
 * balancer, a second `pnpm start`) takes the same lock before it reads, checks and writes reviews.yaml, so of
 * any number of writers holding one ETag exactly one wins and no decision is lost.
 *
 * proper-lockfile creates a lock directory with mkdir(2) (atomic on every local file system, NFS included) and
 * keeps its mtime fresh while held; a lock whose holder died (SIGKILL) goes stale after `STALE_MS` and is taken
 * over. Inside one process, calls queue on withFileLock first, so the process does not compete with itself.
 */
import { basename, dirname, join } from 'node:path';
import { CertplanError } from '@certplan/core';
import lockfile from 'proper-lockfile';
import { withFileLock } from './withFileLock.ts';

/** A holder that has not refreshed its lock for this long is taken to be dead (proper-lockfile's minimum is 2 s). */
export const STALE_MS = 4000;

/** `content/.reviews.yaml.lock`: hidden beside the file, and gitignored. */
export function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

/**
 * Runs `task` while holding both the in-process queue and the cross-process lock on `path`. Throws
 * CertplanError `review_busy` (503) when the lock could not be had within about 20 s.
 */
export async function withReviewsLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  return withFileLock(path, async () => {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(path, {
        realpath: false,
        lockfilePath: lockPathFor(path),
        stale: STALE_MS,
        update: STALE_MS / 4,
        // Enough tries to outlast a dead holder's stale lock; short waits, randomised so replicas do not align.
        retries: { retries: 400, factor: 1.1, minTimeout: 5, maxTimeout: 60, randomize: true },
        // The default throws from a timer (crashing the server) when the lock was lost, e.g. the disk stalled
        // past STALE_MS; the write under way still completes atomically, so say so instead.
        onCompromised: (error) => console.warn(`certplan: the review lock was lost while held: ${error.message}`),
      });
    } catch (error) {
      throw new CertplanError('review_busy', 'another server is writing reviews.yaml; try again in a moment', {
        cause: error,
      });
    }
    try {
      return await task();
    } finally {
      await release().catch(() => {
        // Already released or taken over as stale: nothing left to undo.
      });
    }
  });
}

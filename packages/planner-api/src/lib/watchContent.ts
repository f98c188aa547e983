/**
 * Live data: polls content/dataset/dataset.json and content/reviews.yaml (and any extra file given) and loads
 * whichever changed, so `pnpm ingest` or another server's review shows without a restart. Polling stat(2)
 * rather than fs.watch: every writer replaces these files by rename, which an inotify watch on the old file
 * misses, and a poll behaves the same on every platform and file system (NFS included). A stat every
 * `intervalMs` (250 ms) of three small files costs nothing measurable.
 *
 * A reload runs in the review write queue (withFileLock on reviews.yaml), so it never interleaves with a
 * decision being written, and swaps the store in one step (DatasetStore.replaceDataset): a request sees the old
 * dataset or the new one. A file that does not parse is reported and the last good state kept.
 *
 * A changed stat signature is only a hint: the dataset is swapped in (and "dataset reloaded" logged) only when
 * its bytes differ from the ones loaded last (sha-256), so a rewrite of the same bytes, a touch, or a file
 * restored with its old time does nothing. Given the digest of what the server loaded at start
 * (`datasetDigest`), the first poll also catches an ingest that finished between that load and this watcher.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Dataset, DatasetSchema } from '@certplan/core';
import type { DatasetStore } from './DatasetStore.ts';
import { zodIssues } from './errors.ts';
import { REVIEWS_FILE, readReviewsFile } from './recordReview.ts';
import { withFileLock } from './withFileLock.ts';

export interface WatchContentOptions {
  contentDir: string;
  store: DatasetStore;
  /** Poll period in milliseconds (default 250). */
  intervalMs?: number;
  /** More files to watch: each is loaded by its callback when it changes (e.g. content/reviewers.yaml). */
  extra?: ReadonlyArray<{ path: string; load: () => Promise<void> }>;
  /** Where reload news goes (default console). */
  log?: Pick<Console, 'log' | 'warn'>;
  /** sha-256 (hex) of the dataset.json bytes the store holds (readDatasetFile's `digest`); see the header. */
  datasetDigest?: string;
}

export interface ContentWatcher {
  /** Polls once now and waits for any reload it triggers (tests; the timer calls the same). */
  check(): Promise<void>;
  close(): void;
}

/** What changes when a file is replaced or rewritten: its inode (rename), its mtime and its size. */
async function signatureOf(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

/** sha-256 (hex) of a file's text: what tells a real change of dataset.json from a rewrite of the same bytes. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads and validates a dataset.json (`digest`: textDigest of its text); throws an Error saying where it is not
 * a dataset. Given `unlessDigest`, answers null without parsing when the bytes have that digest.
 */
export async function readDatasetFile(
  file: string,
  unlessDigest?: string,
): Promise<{ dataset: Dataset; digest: string } | null> {
  const text = await readFile(file, 'utf8');
  const digest = textDigest(text);
  if (digest === unlessDigest) return null;
  const parsed = DatasetSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = zodIssues(parsed.error)[0];
    throw new Error(`not a certplan dataset at ${issue?.path}: ${issue?.message}`);
  }
  return { dataset: parsed.data, digest };
}

export function watchContent(options: WatchContentOptions): ContentWatcher {
  const { store, contentDir } = options;
  const log = options.log ?? console;
  const datasetPath = join(contentDir, 'dataset', 'dataset.json');
  const reviewsPath = join(contentDir, REVIEWS_FILE);
  const watched = [datasetPath, reviewsPath, ...(options.extra ?? []).map((e) => e.path)];
  const seen = new Map<string, string>();
  let loadedDigest = options.datasetDigest;
  let ready: Promise<void> = Promise.all(watched.map(async (p) => seen.set(p, await signatureOf(p)))).then(() => {
    // The server loaded the dataset before this watcher looked: compare bytes once on the first poll.
    if (loadedDigest !== undefined) seen.set(datasetPath, 'unchecked');
  });
  let running: Promise<void> | null = null;

  const reload = async (changed: Set<string>) => {
    if (changed.has(datasetPath) || changed.has(reviewsPath)) {
      await withFileLock(reviewsPath, async () => {
        let reviews: Awaited<ReturnType<typeof readReviewsFile>>;
        try {
          reviews = await readReviewsFile(reviewsPath);
        } catch (error) {
          log.warn(`certplan: kept the reviews in memory: ${(error as Error).message}`);
          reviews = [...store.reviews];
        }
        let read: Awaited<ReturnType<typeof readDatasetFile>> = null;
        if (changed.has(datasetPath)) {
          try {
            read = await readDatasetFile(datasetPath, loadedDigest);
          } catch (error) {
            log.warn(`certplan: kept the dataset in memory: dataset/dataset.json: ${(error as Error).message}`);
          }
        }
        if (read) {
          try {
            store.replaceDataset(read.dataset, reviews);
            loadedDigest = read.digest;
            const { facts, conflicts } = read.dataset;
            log.log(`certplan: dataset reloaded (${facts.length} facts, ${conflicts.length} conflicts)`);
          } catch (error) {
            log.warn(`certplan: kept the dataset in memory: dataset/dataset.json: ${(error as Error).message}`);
          }
        } else if (JSON.stringify(reviews) !== JSON.stringify(store.reviews)) {
          store.applyReviews(reviews);
        }
      });
    }
    for (const entry of options.extra ?? []) {
      if (!changed.has(entry.path)) continue;
      try {
        await entry.load();
      } catch (error) {
        log.warn(`certplan: could not reload ${entry.path.slice(contentDir.length + 1)}: ${(error as Error).message}`);
      }
    }
  };

  const poll = async () => {
    await ready;
    const changed = new Set<string>();
    for (const path of watched) {
      const signature = await signatureOf(path);
      if (seen.get(path) !== signature) {
        seen.set(path, signature);
        changed.add(path);
      }
    }
    if (changed.size > 0) await reload(changed);
  };

  const check = (): Promise<void> => {
    // One poll at a time: a slow reload (a large dataset) never overlaps the next tick.
    running ??= poll().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 250);
  timer.unref();
  ready = ready.catch(() => {});
  return { check, close: () => clearInterval(timer) };
}

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
 */
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

/** Reads and validates a dataset.json; throws an Error saying where it is not a dataset. */
export async function readDatasetFile(file: string): Promise<Dataset> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = zodIssues(parsed.error)[0];
    throw new Error(`not a certplan dataset at ${issue?.path}: ${issue?.message}`);
  }
  return parsed.data;
}

export function watchContent(options: WatchContentOptions): ContentWatcher {
  const { store, contentDir } = options;
  const log = options.log ?? console;
  const datasetPath = join(contentDir, 'dataset', 'dataset.json');
  const reviewsPath = join(contentDir, REVIEWS_FILE);
  const watched = [datasetPath, reviewsPath, ...(options.extra ?? []).map((e) => e.path)];
  const seen = new Map<string, string>();
  let ready: Promise<void> = Promise.all(watched.map(async (p) => seen.set(p, await signatureOf(p)))).then(() => {});
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
        if (changed.has(datasetPath)) {
          try {
            const dataset = await readDatasetFile(datasetPath);
            store.replaceDataset(dataset, reviews);
            log.log(
              `certplan: dataset reloaded (${dataset.facts.length} facts, ${dataset.conflicts.length} conflicts)`,
            );
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

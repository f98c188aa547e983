/**
 * The ingest build: catalog and source registry in, every raw source through the extractors, reviews
 * applied by core's `reconcile`, and `dataset.json` + `dataset.schema.json` written atomically. A source that
 * cannot be read stops the write (the previous dataset stays) unless `keepGoing` is set. The steps live apart:
 * planBuild (configuration, files, cache lookup), extraction here or in extractWithPool, finishBuild (sources,
 * facts, reconcile, writeDataset).
 */
import { availableParallelism } from 'node:os';
import type { Dataset, Problem, Review } from '@certplan/core';
import { type ExtractOutcome, runExtractTask } from './extractTask.ts';
import { extractWithPool, poolThreads } from './extractWithPool.ts';
import { finishBuild } from './finishBuild.ts';
import { type BuildPlan, planBuild } from './planBuild.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  keepGoing?: boolean;
  /** Clock for anything time-dependent (passed to nothing yet; kept for reconcile's recency rules). */
  now?: Date;
  maxSourceBytes?: number;
  /** Reuse per-source extraction from `<contentDir>/.cache` when bytes, extractors and catalog are unchanged. */
  cache?: boolean;
  /**
   * Worker threads for extraction besides the calling thread, which extracts too (buildDatasetAsync only).
   * Unset: `poolThreads` (none below `POOL_MIN_FILES` uncached files, which would not repay the workers'
   * start-up; at most one per core besides this one). 0: always in process. n > 0: n workers whenever anything
   * needs extracting.
   */
  workers?: number;
  /**
   * With a pool, whether the calling thread extracts too (default true). false sends every file through a
   * worker: for tests that must see worker results, and for measuring the workers alone.
   */
  callerExtracts?: boolean;
  /**
   * Milliseconds one file's extraction may take (buildDatasetAsync only). Set, every file is extracted in a
   * worker (at least one) and a file still running at its budget is stopped (its worker terminated and
   * replaced) and reported as `certplan:time-budget`, not waited on. Unset: no budget (tests, the sync build).
   */
  timeBudgetMs?: number;
}

/** A per-file budget that suits `pnpm ingest --time-budget`: the largest allowed article extracts in seconds. */
export const DEFAULT_TIME_BUDGET_MS = 60_000;

export interface BuildResult {
  dataset: Dataset;
  /** Whether dataset.json was written (false when a source was unreadable and keepGoing was not set). */
  written: boolean;
  unreadable: Problem[];
  problems: Problem[];
  staleReviews: Array<{ review: Review; reason: string }>;
  cacheHits: number;
  /** Worker threads that shared extraction with the calling thread; 0 when it ran in process only. */
  workers: number;
  /** Files whose extraction came back from a worker. */
  extractedInWorkers: number;
}

/** Extraction of every uncached file, in process; the results line up with `plan.planned`. */
function extractInProcess(plan: BuildPlan): Array<ExtractOutcome | null> {
  const deps = { matcher: plan.matcher, exams: plan.catalog.exams };
  return plan.planned.map((p) => (p.readError !== undefined || p.cached ? null : runExtractTask(p.task, deps)));
}

export function buildDataset(options: BuildOptions): BuildResult {
  const plan = planBuild(options);
  return finishBuild(plan, extractInProcess(plan), 0, 0);
}

/**
 * `buildDataset`, with extraction in a worker pool when enough files need it (see `BuildOptions.workers`).
 * The result and the files written are identical to `buildDataset`'s.
 */
export async function buildDatasetAsync(options: BuildOptions): Promise<BuildResult> {
  const plan = planBuild(options);
  const uncached = plan.planned.filter((p) => p.readError === undefined && !p.cached).length;
  const budget = options.timeBudgetMs ?? null;
  if (budget !== null && uncached > 0) {
    // Only a worker can be stopped mid-file, so under a budget every file goes to one.
    const threads = Math.max(1, options.workers ?? poolThreads(uncached, availableParallelism()));
    const { outcomes, fromWorkers } = await extractWithPool(plan, threads, false, budget);
    return finishBuild(plan, outcomes, threads, fromWorkers);
  }
  const threads = options.workers ?? poolThreads(uncached, availableParallelism());
  if (threads === 0 || uncached === 0) return finishBuild(plan, extractInProcess(plan), 0, 0);
  const { outcomes, fromWorkers } = await extractWithPool(plan, threads, options.callerExtracts !== false);
  return finishBuild(plan, outcomes, threads, fromWorkers);
}

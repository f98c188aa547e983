/**
 * Extraction shared between the calling thread and a piscina worker pool, and when a pool pays at all. Its own
 * file because it is the build's only concurrency: queueing, taking files back from slow workers, and stopping
 * a file past its time budget.
 */
import { Piscina } from 'piscina';
import { matcherCatalog } from './examMatcher.ts';
import { type ExtractOutcome, runExtractTask, type WorkerTask } from './extractTask.ts';
import type { BuildPlan, PlannedFile } from './planBuild.ts';

/**
 * Below this many uncached files the pool does not pay on 2 cores: a worker costs about 2 s of CPU before it
 * is up to speed (tsx and the pipeline loaded, its own JIT warm-up), and V8's GC threads already keep the
 * second core partly busy. Measured (load average 2–3; wall, in process → with one worker): 200 articles
 * 3.0 → 3.4 s, 400 articles 5.1 → 5.3 s, 800 articles 9.6 → 9.0 s.
 */
export const POOL_MIN_FILES = 500;
/** Files handed to each worker ahead of need (one running, the rest waiting in its port). */
const TASKS_AHEAD = 3;
/** Each extra worker must have at least this many files to repay its start-up. */
const FILES_PER_WORKER = 250;

/** Worker threads for `uncached` files on `cores` cores: the calling thread extracts too, so at most cores − 1. */
export function poolThreads(uncached: number, cores: number): number {
  if (uncached < POOL_MIN_FILES) return 0;
  return Math.max(0, Math.min(cores - 1, Math.floor(uncached / FILES_PER_WORKER)));
}

/**
 * The same extraction shared between this thread and a piscina pool: both take the next uncached file from one
 * queue, so this thread works while the workers start (each loads tsx and the pipeline, about a second) and no
 * core idles. Outcomes land at their file's index; from a worker they are structured clones of the same values.
 */
export async function extractWithPool(
  plan: BuildPlan,
  threads: number,
  callerExtracts: boolean,
  budgetMs: number | null = null,
): Promise<{ outcomes: Array<ExtractOutcome | null>; fromWorkers: number }> {
  // With a budget a task's clock starts when it is handed over, so it must start running then: one task per
  // worker, none queued behind another, and the workers loaded before the first clock starts.
  const ahead = budgetMs === null ? TASKS_AHEAD : 1;
  const pool = new Piscina<WorkerTask, ExtractOutcome>({
    filename: new URL('./extractWorker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // The worker registers tsx itself (extractWorker.mjs); inheriting `--import tsx` would load it twice.
    execArgv: [],
    // Parsing allocates many short-lived nodes: a larger young generation than V8's default halves the
    // scavenges (measured at 800 articles: worker CPU 17.3 s → 14.9 s; 32 MB 15.8 s, 128 MB 14.7 s).
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
    // Tasks are posted to the worker ahead of need: this thread hears of a finished task only between its own
    // files, and a worker holding its next task in its port does not idle until then.
    concurrentTasksPerWorker: ahead,
  });
  if (budgetMs !== null) {
    const warmUp = { warmUp: true } as unknown as WorkerTask;
    await Promise.all(Array.from({ length: threads }, () => pool.run(warmUp)));
  }
  const deps = { matcher: plan.matcher, exams: plan.catalog.exams };
  const outcomes: Array<ExtractOutcome | null> = plan.planned.map(() => null);
  const todo: number[] = [];
  plan.planned.forEach((p, index) => {
    if (p.readError === undefined && !p.cached) todo.push(index);
  });
  let next = 0;
  let inPool = 0;
  let fromWorkers = 0;
  let failed: unknown = null;
  const pending: Array<Promise<void>> = [];
  /** Pool tasks not settled yet, by file index; this thread takes them back when it runs out of work. */
  const unsettled = new Map<number, AbortController>();
  const feed = () => {
    while (inPool < threads * ahead && next < todo.length && failed === null) {
      const index = todo[next++] as number;
      const p = plan.planned[index] as Extract<PlannedFile, { key: string }>;
      const abort = new AbortController();
      unsettled.set(index, abort);
      inPool++;
      const task = { ...p.task, ...matcherCatalog(plan.catalog), catalogHash: plan.catalogHash };
      let overBudget = false;
      const timer =
        budgetMs === null
          ? null
          : setTimeout(() => {
              overBudget = true;
              abort.abort();
            }, budgetMs);
      pending.push(
        pool.run(task, { signal: abort.signal }).then(
          (outcome) => {
            if (timer) clearTimeout(timer);
            inPool--;
            if (!unsettled.delete(index)) return;
            outcomes[index] = outcome;
            fromWorkers++;
            feed();
          },
          (error: unknown) => {
            if (timer) clearTimeout(timer);
            inPool--;
            if (!unsettled.delete(index)) return;
            if (overBudget) {
              outcomes[index] = overBudgetOutcome(p.file, budgetMs as number);
              feed();
            } else failed ??= error;
          },
        ),
      );
    }
  };
  const extractHere = (index: number) => {
    const p = plan.planned[index] as Extract<PlannedFile, { key: string }>;
    outcomes[index] = runExtractTask(p.task, deps);
  };
  try {
    feed();
    while (callerExtracts && next < todo.length && failed === null) {
      extractHere(todo[next++] as number);
      // Let finished workers report and take their next file before this thread takes another.
      await new Promise((resolve) => setImmediate(resolve));
      feed();
    }
    // Tasks fed from inside a settled task are pushed while this waits, so wait until none are added.
    if (!callerExtracts) for (let done = 0; done < pending.length; done++) await pending[done];
    // Nothing left to hand out: rather than wait for workers still starting or busy, take their files back
    // (at worst one file per worker is done twice; both results are the same). Not under a budget: a file
    // taken back would run here, where nothing can stop it.
    if (failed === null && budgetMs === null) {
      for (const [index, abort] of [...unsettled]) {
        unsettled.delete(index);
        abort.abort();
        extractHere(index);
      }
    }
    await Promise.all(pending);
    if (failed !== null) throw failed;
    return { outcomes, fromWorkers };
  } finally {
    await pool.destroy();
  }
}

function overBudgetOutcome(file: string, budgetMs: number): ExtractOutcome {
  return {
    kind: 'unreadable',
    problem: {
      file,
      line: null,
      column: null,
      ruleId: 'certplan:time-budget',
      message: `extraction took longer than its ${budgetMs / 1000} s budget; stopped and skipped (the other sources were processed)`,
      fatal: true,
    },
  };
}

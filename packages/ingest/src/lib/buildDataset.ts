/**
 * The ingest build: catalog and source registry in, every raw source through the extractors, reviews
 * applied by core's `reconcile`, and `dataset.json` + `dataset.schema.json` written atomically. A source that
 * cannot be read stops the write (the previous dataset stays) unless `keepGoing` is set.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { removeStaleTemporaries, writeFileAtomicSync } from '@certplan/atomic-write';
import {
  type Authority,
  AuthoritySchema,
  compareStrings,
  type Dataset,
  DatasetSchema,
  type Fact,
  type Problem,
  parseReviews,
  type Review,
  reconcile,
  type Source,
} from '@certplan/core';
import { Piscina } from 'piscina';
import { z } from 'zod';
import { AMBIGUOUS_LIST_RULE, chooseReading, domainKey, type PendingDomainList } from '../plugins/extract-domain.ts';
import { type CachedExtraction, type CacheStore, extractorFingerprint, openCache } from './cache.ts';
import type { DraftFact } from './context.ts';
import { ExamMatcher, matcherCatalog } from './examMatcher.ts';
import { EXTRACTOR_VERSION } from './extractSource.ts';
import { type ExtractOutcome, type ExtractTask, runExtractTask, type WorkerTask } from './extractTask.ts';
import { readRawFile } from './readRawFile.ts';
import { DEFAULT_MAX_SOURCE_BYTES } from './readSource.ts';
import { parseCatalogYaml, parseSourcesYaml, unknownGuide } from './yamlConfig.ts';

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

export interface SourceReport {
  file: string;
  messages: Problem[];
}

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

const hash = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

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

/** Stable, readable source id from its path: "editorial/aws-mla.md" → "editorial-aws-mla". */
export function sourceIdOf(file: string): string {
  const base = file.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  // Names that lose characters (spaces, accents) get a hash so two of them cannot collide.
  const lossy = slug !== base.toLowerCase().replace(/\//g, '-');
  return `${slug || 'source'}${lossy ? `-${hash(file).slice(0, 6)}` : ''}`;
}

/** Authorities from the most trusted to the least (the enum's order). */
const AUTHORITY_RANK: readonly Authority[] = AuthoritySchema.options;

/**
 * The authority a source gets. Only sources.yaml grants it (unregistered: secondary); the file's own metadata,
 * which anyone who can add a file writes, may lower it and never raise it. `note` says what the file asked for
 * and what was applied, when it asked for anything else.
 */
export function grantAuthority(
  registered: Authority | undefined,
  fromFile: string | undefined,
): { authority: Authority; note: string | null } {
  const granted: Authority = registered ?? 'secondary';
  const own = AuthoritySchema.safeParse(fromFile);
  if (!own.success || own.data === granted) return { authority: granted, note: null };
  const by = registered ? 'sources.yaml' : 'the default for unregistered sources';
  if (AUTHORITY_RANK.indexOf(own.data) > AUTHORITY_RANK.indexOf(granted))
    return { authority: own.data, note: `lowered from ${granted} (${by}) by the file's own authority: ${own.data}` };
  return {
    authority: granted,
    note: `the file's own authority: ${own.data} was not applied; only sources.yaml grants authority`,
  };
}

/** A domain's position in its list, so facts sharing one quote (a prose list) keep the source's order. */
const orderOf = (fact: Fact) => (fact.attribute === 'domain' ? (fact.value.order ?? 0) : 0);

/** One raw file after reading and the cache lookup: either its bytes failed to read, or it has a cache key. */
type PlannedFile =
  | { file: string; readError: string; readRule: string }
  | { file: string; readError?: undefined; key: string; task: ExtractTask; cached: CachedExtraction | null };

interface Plan {
  options: BuildOptions;
  catalog: ReturnType<typeof parseCatalogYaml>;
  catalogHash: string;
  entries: ReturnType<typeof parseSourcesYaml>;
  sourcesText: string;
  reviews: Review[];
  matcher: ExamMatcher;
  rawFiles: string[];
  planned: PlannedFile[];
  cache: CacheStore | null;
}

/** Configuration, the file list, every file's bytes and cache lookup: everything before extraction. */
function planBuild(options: BuildOptions): Plan {
  const { contentDir } = options;
  const catalogFile = join(contentDir, 'exams.yaml');
  const sourcesFile = join(contentDir, 'sources.yaml');
  const reviewsFile = join(contentDir, 'reviews.yaml');
  const catalog = parseCatalogYaml(readFileSync(catalogFile, 'utf8'), catalogFile);
  const sourcesText = existsSync(sourcesFile) ? readFileSync(sourcesFile, 'utf8') : '';
  const entries = parseSourcesYaml(sourcesText, sourcesFile, catalog);
  // Malformed reviews stop the build before anything is written: core throws with line and column.
  const reviews: Review[] = existsSync(reviewsFile) ? parseReviews(readFileSync(reviewsFile, 'utf8'), reviewsFile) : [];

  const matcher = new ExamMatcher(matcherCatalog(catalog));
  const rawDir = join(contentDir, 'raw');
  const rawFiles = existsSync(rawDir) ? listRawFiles(rawDir) : [];
  const catalogHash = hash(JSON.stringify(catalog));
  const codeHash = options.cache === false ? '' : extractorFingerprint();
  const cache: CacheStore | null = options.cache === false ? null : openCache(join(contentDir, '.cache'));
  const maxSourceBytes = options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  // One file's bytes at a time: each is read (safely, see readRawFile), hashed for the cache key and let go;
  // extraction reads it again. Memory stays bounded by the largest allowed file, not by the corpus.
  const planned: PlannedFile[] = rawFiles.map((file) => {
    const read = readRawFile(rawDir, file, maxSourceBytes);
    if ('failure' in read) return { file, readError: read.failure.message, readRule: read.failure.ruleId };
    const bytesHash = hash(read.bytes);
    const key = hash(`${EXTRACTOR_VERSION}\0${codeHash}\0${catalogHash}\0${file}\0${bytesHash}`);
    const display = relative(process.cwd(), join(rawDir, file)) || join(rawDir, file);
    const task: ExtractTask = { rawDir, file, display, maxSourceBytes, bytesHash };
    return { file, key, task, cached: cache?.get(key) ?? null };
  });
  return { options, catalog, catalogHash, entries, sourcesText, reviews, matcher, rawFiles, planned, cache };
}

/** Extraction of every uncached file, in process; the results line up with `plan.planned`. */
function extractInProcess(plan: Plan): Array<ExtractOutcome | null> {
  const deps = { matcher: plan.matcher, exams: plan.catalog.exams };
  return plan.planned.map((p) => (p.readError !== undefined || p.cached ? null : runExtractTask(p.task, deps)));
}

/**
 * The same extraction shared between this thread and a piscina pool: both take the next uncached file from one
 * queue, so this thread works while the workers start (each loads tsx and the pipeline, about a second) and no
 * core idles. Outcomes land at their file's index; from a worker they are structured clones of the same values.
 */
async function extractWithPool(
  plan: Plan,
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

/** Everything after extraction, in file order: sources, facts, corpus-level settling, reconcile, the write. */
function finishBuild(
  plan: Plan,
  outcomes: ReadonlyArray<ExtractOutcome | null>,
  workers: number,
  extractedInWorkers: number,
): BuildResult {
  const { options, catalog, entries, sourcesText, reviews, cache } = plan;
  const { outDir } = options;
  const files = plan.rawFiles;
  const entryByFile = new Map(entries.map((e) => [e.file, e]));
  const unknownGuideOf = unknownGuide(catalog);
  let cacheHits = 0;

  const sources: Source[] = [];
  const facts: Fact[] = [];
  const unreadable: Problem[] = [];
  const problems: Problem[] = [];

  // A registered source that is missing could not be read: same treatment as an unreadable file.
  const sourceLines = sourcesText.split('\n');
  for (const entry of entries) {
    if (!files.includes(entry.file)) {
      // The entry's own `file:` line, not any line that merely contains the name ("a.md" is in "data.md").
      const quoted = entry.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const own = new RegExp(`^\\s*(?:-\\s+)?file:\\s*(['"]?)${quoted}\\1\\s*(?:#.*)?$`);
      const exact = sourceLines.findIndex((l) => own.test(l.replace(/\r$/, '')));
      const index = exact >= 0 ? exact : sourceLines.findIndex((l) => l.includes(entry.file));
      unreadable.push({
        file: entry.file,
        line: index >= 0 ? index + 1 : null,
        column: index >= 0 ? (sourceLines[index] as string).indexOf(entry.file) + 1 : null,
        ruleId: 'certplan:missing-source',
        message: `registered in sources.yaml but not found under raw/`,
        fatal: true,
      });
    }
  }

  const seenBySource = new Map<string, Map<string, number>>();
  const pushFacts = (id: string, text: string, drafts: readonly DraftFact[], seen: Map<string, number>) => {
    for (const draft of drafts) {
      const quote = text.slice(draft.start, draft.end);
      const base = `${id}\0${draft.exam}\0${draft.attribute}\0${JSON.stringify(draft.value)}\0${quote}`;
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      facts.push({
        id: `f_${hash(`${base}\0${occurrence}`).slice(0, 16)}`,
        exam: draft.exam,
        attribute: draft.attribute,
        value: draft.value,
        source: id,
        quote,
        start: draft.start,
        end: draft.end,
        section: draft.section,
        line: draft.line,
      } as Fact);
    }
  };
  // Prose domain lists one source could not read alone ("a, b and c and d"): a reading whose items another
  // list of the same exam names anywhere in the corpus is taken; the others stay out, with their info message.
  const pendingLists: Array<{ list: PendingDomainList; id: string; file: string; text: string }> = [];
  const settlePendingDomainLists = () => {
    const known = new Map<string, Set<string>>();
    for (const fact of facts) {
      if (fact.attribute !== 'domain') continue;
      const names = known.get(fact.exam) ?? new Set<string>();
      names.add(domainKey(fact.value.name));
      known.set(fact.exam, names);
    }
    for (const { list, id, file, text } of pendingLists) {
      const items = chooseReading(list.readings, known.get(list.exam) ?? new Set());
      if (!items) continue;
      pushFacts(
        id,
        text,
        items.map((name, order) => ({
          exam: list.exam,
          attribute: 'domain' as const,
          value: { name, weightPercent: null, order, list: list.list },
          start: list.start,
          end: list.end,
          section: list.section,
          line: list.line,
        })),
        seenBySource.get(id) ?? new Map(),
      );
      const at = problems.findIndex(
        (p) => p.file === file && p.ruleId === AMBIGUOUS_LIST_RULE && p.line === list.line && p.column === list.column,
      );
      if (at >= 0) problems.splice(at, 1);
    }
  };

  const usedIds = new Set<string>();
  plan.planned.forEach((planned, index) => {
    const { file } = planned;
    const entry = entryByFile.get(file);
    if (planned.readError !== undefined) {
      unreadable.push({
        file,
        line: null,
        column: null,
        ruleId: planned.readRule,
        message: planned.readError,
        fatal: true,
      });
      return;
    }
    let extracted = planned.cached;
    if (extracted) cacheHits++;
    else {
      const outcome = outcomes[index];
      if (!outcome) throw new Error(`internal error: ${file} was neither cached nor extracted`);
      if (outcome.kind === 'unreadable') {
        unreadable.push(outcome.problem);
        return;
      }
      extracted = outcome.extraction;
      // Bytes that changed between planning and extraction belong to another key: not cached under this one.
      if (outcome.bytesHash === planned.task.bytesHash) cache?.set(planned.key, extracted);
    }
    const { authority, note } = grantAuthority(entry?.authority, extracted.metadata.authority);
    if (!entry) {
      extracted.messages.push({
        file,
        line: null,
        column: null,
        ruleId: 'certplan:unregistered-source',
        message: `not registered in sources.yaml; ingested with defaults (authority: ${authority}${note ? `; ${note}` : ''})`,
        fatal: false,
      });
    } else if (note) {
      extracted.messages.push({
        file,
        line: null,
        column: null,
        ruleId: 'certplan:authority',
        message: `authority: ${authority} (${note})`,
        fatal: false,
      });
    }
    // sources.yaml's `guide` (checked when it was read), else the file's own, checked the same way: a version the
    // catalog does not list is reported at its place and ignored, as any bad front matter field is.
    let guide = entry?.guide;
    const guideProblems: Problem[] = [];
    if (guide === undefined && extracted.metadata.guide !== undefined) {
      const message = unknownGuideOf(extracted.metadata.guide);
      if (message === null) guide = extracted.metadata.guide;
      else {
        // Into the build's problems, not the extraction (which the cache may keep): reported once per build.
        guideProblems.push({
          file,
          line: extracted.metadata.guidePlace?.line ?? null,
          column: extracted.metadata.guidePlace?.column ?? null,
          ruleId: 'certplan:front-matter',
          message: `${message}; ignored`,
          fatal: false,
        });
      }
    }
    problems.push(...extracted.messages, ...guideProblems);

    let id = sourceIdOf(file);
    while (usedIds.has(id)) id = `${id}-${hash(file).slice(0, 4)}`;
    usedIds.add(id);
    sources.push({
      id,
      file,
      format: extracted.format,
      url: entry?.url ?? extracted.metadata.url ?? null,
      title: entry?.title ?? extracted.metadata.title ?? null,
      published: entry?.published ?? extracted.metadata.published ?? null,
      modified: extracted.metadata.modified ?? null,
      authority,
      ...(guide === undefined ? {} : { guide }),
      text: extracted.text,
    });
    const seen = new Map<string, number>();
    seenBySource.set(id, seen);
    // A third-party article saying a figure is not published is kept at its authority: core weighs it against
    // any stated figure (a conflict for a reviewer), as it weighs every other statement.
    pushFacts(id, extracted.text, extracted.facts, seen);
    for (const list of extracted.pendingDomainLists ?? []) pendingLists.push({ list, id, file, text: extracted.text });
  });
  settlePendingDomainLists();
  cache?.flush();

  sources.sort((a, b) => compareStrings(a.id, b.id));
  facts.sort(
    (a, b) =>
      compareStrings(a.exam, b.exam) ||
      compareStrings(a.attribute, b.attribute) ||
      compareStrings(a.source, b.source) ||
      a.start - b.start ||
      orderOf(a) - orderOf(b) ||
      compareStrings(a.id, b.id),
  );
  // Severity is judged at the build date: a retired exam's conflicts are low (the API re-judges at its today).
  const asOf = (options.now ?? new Date()).toISOString().slice(0, 10);
  const { claims, conflicts, staleReviews } = reconcile({ exams: catalog.exams, sources, facts, reviews, asOf });
  const dataset: Dataset = {
    exams: [...catalog.exams].sort((a, b) => compareStrings(a.id, b.id)),
    sources,
    facts,
    claims,
    conflicts,
    staleReviews,
    ...(options.keepGoing && unreadable.length > 0 ? { unreadable } : {}),
  };
  const checked = DatasetSchema.safeParse(dataset);
  if (!checked.success) {
    throw new Error(`internal error: dataset does not match the schema: ${z.prettifyError(checked.error)}`);
  }
  const written = unreadable.length === 0 || options.keepGoing === true;
  if (written) {
    mkdirSync(outDir, { recursive: true });
    removeStaleTemporaries(join(outDir, 'dataset.json'));
    removeStaleTemporaries(join(outDir, 'dataset.schema.json'));
    writeFileAtomicSync(
      join(outDir, 'dataset.schema.json'),
      `${JSON.stringify(z.toJSONSchema(DatasetSchema, { unrepresentable: 'any' }), null, 2)}\n`,
    );
    writeFileAtomicSync(join(outDir, 'dataset.json'), `${JSON.stringify(dataset, null, 2)}\n`);
  }
  return { dataset, written, unreadable, problems, staleReviews, cacheHits, workers, extractedInWorkers };
}

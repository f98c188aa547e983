/**
 * Ingest benchmarks on synthetic corpora (bench/corpus/generateCorpus.ts):
 * - scaling: wall time, MB/s, facts/s and peak RSS at N = 100, 200, 400, 800 articles; time(2N)/time(N);
 * - the floor: the same bytes through the same unified parsers with nothing else (jobs/bareParse.ts), and
 *   the ratio ingest / bare parse;
 * - incremental rebuild: one article of 800 changed, rebuild time over a full (cold) build.
 * Every run is a fresh process; runs of ingest and bare parse alternate and the best of each is kept, so
 * a burst of load from elsewhere on the machine inflates neither side alone. Ratios are given on wall time
 * (what a maintainer waits) and on CPU time (the work done, which other load on a shared machine barely
 * changes; a worker pool makes CPU exceed wall).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeArticle, generateCorpus } from '../corpus/generateCorpus.ts';
import { type JobUsage, runJob } from '../lib/childJob.ts';
import { atMost, between, figure, type SectionResult } from '../lib/figures.ts';

const SECTION = 'ingest';
const SEED = 1;
const CORPUS_FILES = new Set(['raw', 'sources.yaml', 'exams.yaml', 'reviews.yaml']);

interface IngestRun {
  ms: number;
  cpuMs: number;
  facts: number;
  sources: number;
  claims: number;
  conflicts: number;
  unreadable: number;
  cacheHits: number | null;
  usage: JobUsage;
  skipped?: string;
}
interface BareRun {
  ms: number;
  cpuMs: number;
  bytes: number;
  files: number;
  usage: JobUsage;
}

/** Back to a cold state: everything ingest may have written (dataset/, caches) goes, the corpus stays. */
function resetOutputs(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!CORPUS_FILES.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

const best = <T extends { ms: number }>(runs: T[]): T => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

export async function benchIngest(options: {
  sizes: number[];
  repeats: number;
  timeoutMs: number;
  /** Past this much time in the section, later sizes run once: `pnpm bench` must finish in ten minutes. */
  budgetMs: number;
}): Promise<SectionResult> {
  const sectionStart = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'certplan-bench-corpus-'));
  try {
    const perSize: {
      n: number;
      bytes: number;
      ingest: IngestRun;
      bare: BareRun;
      ingestRuns: number[];
      bareRuns: number[];
    }[] = [];
    for (const n of options.sizes) {
      const dir = join(root, `n${n}`);
      const corpus = generateCorpus({ n, seed: SEED, out: dir });
      const ingestRuns: IngestRun[] = [];
      const bareRuns: BareRun[] = [];
      for (let r = 0; r < options.repeats && (r === 0 || Date.now() - sectionStart < options.budgetMs); r++) {
        bareRuns.push(await runJob<BareRun>('bareParse.ts', [dir], { timeoutMs: options.timeoutMs }));
        resetOutputs(dir);
        const run = await runJob<IngestRun>('ingest.ts', [dir], { timeoutMs: options.timeoutMs });
        if (run.skipped) return { section: SECTION, skipped: run.skipped, figures: [] };
        ingestRuns.push(run);
      }
      const ingest = best(ingestRuns);
      perSize.push({
        n,
        bytes: corpus.bytes,
        ingest,
        bare: best(bareRuns),
        ingestRuns: ingestRuns.map((r) => r.ms),
        bareRuns: bareRuns.map((r) => r.ms),
      });
      console.log(
        `  ingest N=${n}: ${(corpus.bytes / 1e6).toFixed(1)} MB, ingest ${ingest.ms.toFixed(0)} ms, bare parse ${best(bareRuns).ms.toFixed(0)} ms, ${ingest.facts} facts`,
      );
    }

    const figures = [];
    for (const s of perSize) {
      const seconds = s.ingest.ms / 1000;
      figures.push(
        figure(SECTION, `N=${s.n} wall time`, s.ingest.ms, 'ms', undefined, `${(s.bytes / 1e6).toFixed(1)} MB`),
        figure(SECTION, `N=${s.n} throughput`, s.bytes / 1e6 / seconds, 'MB/s'),
        figure(SECTION, `N=${s.n} facts/s`, s.ingest.facts / seconds, 'facts/s', undefined, `${s.ingest.facts} facts`),
        figure(SECTION, `N=${s.n} peak RSS`, s.ingest.usage.maxRssMB, 'MB'),
      );
    }
    for (let i = 1; i < perSize.length; i++) {
      const [a, b] = [perSize[i - 1]!, perSize[i]!];
      if (b.n !== 2 * a.n) continue;
      figures.push(
        figure(SECTION, `time(${b.n})/time(${a.n}) wall`, b.ingest.ms / a.ingest.ms, '', between(1.8, 2.2)),
        figure(SECTION, `time(${b.n})/time(${a.n}) cpu`, b.ingest.cpuMs / a.ingest.cpuMs, '', between(1.8, 2.2)),
      );
    }
    const largest = perSize[perSize.length - 1]!;
    figures.push(
      figure(SECTION, `bare parse N=${largest.n}`, largest.bare.ms, 'ms', undefined, 'floor'),
      figure(
        SECTION,
        `ingest / bare parse (N=${largest.n}) wall`,
        largest.ingest.ms / largest.bare.ms,
        '×',
        atMost(1.5),
      ),
      figure(
        SECTION,
        `ingest / bare parse (N=${largest.n}) cpu`,
        largest.ingest.cpuMs / largest.bare.cpuMs,
        '×',
        atMost(1.5),
      ),
      figure(
        SECTION,
        `cores used (CPU/wall, N=${largest.n})`,
        largest.ingest.cpuMs / largest.ingest.ms,
        '',
        undefined,
        'main process; >1 means a worker pool is busy',
      ),
    );

    // Incremental: the largest corpus is still warm from its last run (outputs and any cache kept). The cache
    // key includes a fingerprint of ingest's own code, so an edit to ingest between the two runs (a shared
    // working tree) empties it: then the rebuild is measured again, now against a cache of the current code.
    const dir = join(root, `n${largest.n}`);
    let variant = 1;
    let changed = changeArticle({ n: largest.n, seed: SEED, out: dir, index: Math.floor(largest.n / 2), variant });
    let incremental = await runJob<IngestRun>('ingest.ts', [dir], { timeoutMs: options.timeoutMs });
    const invalidated = incremental.cacheHits !== null && incremental.cacheHits < largest.n - 1;
    if (invalidated) {
      variant++;
      changed = changeArticle({ n: largest.n, seed: SEED, out: dir, index: Math.floor(largest.n / 2), variant });
      incremental = await runJob<IngestRun>('ingest.ts', [dir], { timeoutMs: options.timeoutMs });
    }
    const hits = incremental.cacheHits === null ? 'no cache report' : `${incremental.cacheHits} cache hits`;
    figures.push(
      figure(
        SECTION,
        `incremental rebuild (1 of ${largest.n} changed)`,
        incremental.ms,
        'ms',
        undefined,
        `${changed}, ${hits}${invalidated ? ', re-run after a code change emptied the cache' : ''}`,
      ),
      figure(SECTION, 'incremental / full wall', incremental.ms / largest.ingest.ms, '×', atMost(0.1)),
      figure(SECTION, 'incremental / full cpu', incremental.cpuMs / largest.ingest.cpuMs, '×', atMost(0.1)),
    );
    return {
      section: SECTION,
      figures,
      details: {
        perSize: perSize.map((s) => ({
          n: s.n,
          bytes: s.bytes,
          ingestMs: s.ingestRuns,
          bareMs: s.bareRuns,
          ingestCpuMs: s.ingest.cpuMs,
          bareCpuMs: s.bare.cpuMs,
          facts: s.ingest.facts,
          sources: s.ingest.sources,
          claims: s.ingest.claims,
          conflicts: s.ingest.conflicts,
          unreadable: s.ingest.unreadable,
          maxRssMB: s.ingest.usage.maxRssMB,
          bareMaxRssMB: s.bare.usage.maxRssMB,
          cpuMs: s.ingest.cpuMs,
        })),
        incremental: {
          ms: incremental.ms,
          cpuMs: incremental.cpuMs,
          facts: incremental.facts,
          changed,
          cacheHits: incremental.cacheHits,
          invalidated,
        },
      },
    };
  } catch (error) {
    return {
      section: SECTION,
      skipped: `failed: ${(error as Error).message.split('\n').slice(0, 3).join(' | ')}`,
      figures: [],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * One ingest run, timed inside its own process: `buildDataset({contentDir, outDir})` from @certplan/ingest,
 * exactly what `pnpm ingest` and the server call. Module loading is outside the timed span, so the figure is
 * the pipeline's work (read, parse, extract, reconcile, write), not tsx start-up.
 *
 * Child job: `ingest.ts <contentDir>`; reports {ms, cpuMs, facts, sources, claims, conflicts, cacheHits} or {skipped}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finishJob } from '../lib/childJob.ts';

const contentDir = process.argv[2];
if (!contentDir) throw new Error('usage: ingest.ts <contentDir>');
const outDir = join(contentDir, 'dataset');

const ingest = (await import('@certplan/ingest')) as Record<string, unknown>;
// `pnpm ingest` calls buildDatasetAsync (worker pool for large corpora) where it exists.
const build = ingest.buildDatasetAsync ?? ingest.buildDataset;
if (typeof build !== 'function') {
  finishJob({ skipped: '@certplan/ingest does not export buildDataset yet' });
} else {
  const buildDataset = build as (options: {
    contentDir: string;
    outDir: string;
  }) => Promise<{ cacheHits?: number }> | { cacheHits?: number };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await buildDataset({ contentDir, outDir });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const dataset = JSON.parse(readFileSync(join(outDir, 'dataset.json'), 'utf8')) as Record<
    string,
    unknown[] | undefined
  >;
  finishJob({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    facts: dataset.facts?.length ?? 0,
    sources: dataset.sources?.length ?? 0,
    claims: dataset.claims?.length ?? 0,
    conflicts: dataset.conflicts?.length ?? 0,
    unreadable: dataset.unreadable?.length ?? 0,
    cacheHits: typeof result?.cacheHits === 'number' ? result.cacheHits : null,
  });
}

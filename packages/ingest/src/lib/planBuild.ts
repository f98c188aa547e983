/**
 * Everything a build does before extraction: read and check the configuration (exams.yaml, sources.yaml,
 * reviews.yaml; a broken one stops the build before anything is written), list the raw files, and read each
 * file's bytes once for its cache key. Apart from extraction so the in-process and pooled builds share it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseReviews, type Review } from '@certplan/core';
import type { BuildOptions } from './buildDataset.ts';
import { type CachedExtraction, type CacheStore, extractorFingerprint, openCache } from './cache.ts';
import { DEFAULT_MAX_SOURCE_BYTES } from './decodeSourceBytes.ts';
import { ExamMatcher, matcherCatalog } from './examMatcher.ts';
import { EXTRACTOR_VERSION } from './extractSource.ts';
import type { ExtractTask } from './extractTask.ts';
import { listRawFiles } from './listRawFiles.ts';
import { readRawFile } from './readRawFile.ts';
import { sha256Hex } from './sourceIdOf.ts';
import { parseCatalogYaml, parseSourcesYaml } from './yamlConfig.ts';

/** One raw file after reading and the cache lookup: either its bytes failed to read, or it has a cache key. */
export type PlannedFile =
  | { file: string; readError: string; readRule: string }
  | { file: string; readError?: undefined; key: string; task: ExtractTask; cached: CachedExtraction | null };

/** What planBuild found: the configuration, the files in order and each one's cache entry, if any. */
export interface BuildPlan {
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
export function planBuild(options: BuildOptions): BuildPlan {
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
  const catalogHash = sha256Hex(JSON.stringify(catalog));
  const codeHash = options.cache === false ? '' : extractorFingerprint();
  const cache: CacheStore | null = options.cache === false ? null : openCache(join(contentDir, '.cache'));
  const maxSourceBytes = options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  // One file's bytes at a time: each is read (safely, see readRawFile), hashed for the cache key and let go;
  // extraction reads it again. Memory stays bounded by the largest allowed file, not by the corpus.
  const planned: PlannedFile[] = rawFiles.map((file) => {
    const read = readRawFile(rawDir, file, maxSourceBytes);
    if ('failure' in read) return { file, readError: read.failure.message, readRule: read.failure.ruleId };
    const bytesHash = sha256Hex(read.bytes);
    const key = sha256Hex(`${EXTRACTOR_VERSION}\0${codeHash}\0${catalogHash}\0${file}\0${bytesHash}`);
    const display = relative(process.cwd(), join(rawDir, file)) || join(rawDir, file);
    const task: ExtractTask = { rawDir, file, display, maxSourceBytes, bytesHash };
    return { file, key, task, cached: cache?.get(key) ?? null };
  });
  return { options, catalog, catalogHash, entries, sourcesText, reviews, matcher, rawFiles, planned, cache };
}

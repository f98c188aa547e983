/**
 * @certplan/ingest: raw articles in, citation-tagged facts out. `buildDataset` runs the whole build
 * (`buildDatasetAsync`: the same, extracting in a worker pool when the corpus is large);
 * `extractSource` runs one source through the unified pipeline.
 */

export type { BuildOptions, BuildResult } from './lib/buildDataset.ts';
export { buildDataset, buildDatasetAsync } from './lib/buildDataset.ts';
export { certplanDocument } from './lib/certplanDocument.ts';
export type { DraftFact, ExtractionContext } from './lib/context.ts';
export { decodeSourceBytes } from './lib/decodeSourceBytes.ts';
export { detectFormat } from './lib/detectFormat.ts';
export { ExamMatcher } from './lib/examMatcher.ts';
export type { ExtractedSource } from './lib/extractSource.ts';
export { EXTRACTOR_VERSION, extractSource } from './lib/extractSource.ts';
export { listRawFiles } from './lib/listRawFiles.ts';
export { sourceIdOf } from './lib/sourceIdOf.ts';
export type { ConfigIssue } from './lib/yamlConfig.ts';
export { parseCatalogYaml, parseSourcesYaml } from './lib/yamlConfig.ts';

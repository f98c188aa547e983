/**
 * @certplan/atomic-write: the workspace's one atomic file writer (dataset.json, the extraction cache,
 * reviews.yaml, reviewers.yaml, generated code) and the sweep of the temporary files a killed writer leaves.
 */
export { removeStaleTemporaries } from './removeStaleTemporaries.ts';
export type { WriteFile } from './writeFileAtomic.ts';
export { writeFileAtomic, writeFileAtomicSync } from './writeFileAtomic.ts';

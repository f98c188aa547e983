/**
 * Reading content/dataset/dataset.json for the maintainers' CLIs (`pnpm conflicts`, `pnpm sources`): a missing
 * file is built first (as `pnpm ingest` would), a broken one is a CertplanError('invalid_content') that says
 * where and how to fix it.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CertplanError, type Dataset, DatasetSchema } from '@certplan/core';
import { buildDataset } from './buildDataset.ts';

export async function readDatasetFile(
  datasetFile: string,
  contentDir: string,
  onBuild: (message: string) => void,
): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(datasetFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    onBuild(`${datasetFile} does not exist; building it first (as pnpm ingest does).\n`);
    const result = buildDataset({ contentDir, outDir: dirname(datasetFile) });
    return result.dataset;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CertplanError(
      'invalid_content',
      `${datasetFile}: not JSON (${(error as Error).message}); run pnpm ingest to rebuild it`,
    );
  }
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CertplanError(
      'invalid_content',
      `${datasetFile}: ${issue.path.join('.') || '(root)'}: ${issue.message}; run pnpm ingest to rebuild it`,
    );
  }
  return parsed.data;
}

/**
 * The build's only write: `dataset.schema.json`, then `dataset.json`, each atomically (a reader sees the old file
 * or the new one, never half of one), after clearing temporaries a killed earlier write left behind.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeStaleTemporaries, writeFileAtomicSync } from '@certplan/atomic-write';
import { type Dataset, DatasetSchema } from '@certplan/core';
import { z } from 'zod';

/** Writes `dataset` (2-space JSON, trailing newline) and its JSON Schema into `outDir`, creating it if needed. */
export function writeDataset(outDir: string, dataset: Dataset): void {
  mkdirSync(outDir, { recursive: true });
  removeStaleTemporaries(join(outDir, 'dataset.json'));
  removeStaleTemporaries(join(outDir, 'dataset.schema.json'));
  writeFileAtomicSync(
    join(outDir, 'dataset.schema.json'),
    `${JSON.stringify(z.toJSONSchema(DatasetSchema, { unrepresentable: 'any' }), null, 2)}\n`,
  );
  writeFileAtomicSync(join(outDir, 'dataset.json'), `${JSON.stringify(dataset, null, 2)}\n`);
}

/**
 * Build step (turbo task `codegen`): reads content/dataset/dataset.json and writes src/generated/dataset-types.ts
 * with ts-morph (a dev dependency: the running server never loads it), so the API type-checks against the exam
 * ids, attributes and domain names the data holds.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '@certplan/atomic-write';
import { DatasetSchema } from '@certplan/core';
import { generateDatasetTypes } from './generateDatasetTypes.ts';

const here = dirname(fileURLToPath(import.meta.url));
const datasetPath = process.argv[2] ?? join(here, '../../../content/dataset/dataset.json');
const outPath = process.argv[3] ?? join(here, '../src/generated/dataset-types.ts');

let raw: string;
try {
  raw = readFileSync(datasetPath, 'utf8');
} catch {
  console.error(`codegen: ${datasetPath} not found; run \`pnpm ingest\` first`);
  process.exit(1);
}
const parsed = DatasetSchema.safeParse(JSON.parse(raw));
if (!parsed.success) {
  console.error(`codegen: ${datasetPath} does not match the dataset schema:\n${parsed.error.message}`);
  process.exit(1);
}
await mkdir(dirname(outPath), { recursive: true });
await writeFileAtomic(outPath, await generateDatasetTypes(parsed.data));
console.log(`codegen: wrote ${outPath}`);

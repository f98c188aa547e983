/**
 * The one test that reads the live content/ (every other test builds from fixtures, so adding or removing an
 * article never breaks `pnpm test`). It asserts invariants only, never counts or particular values: the live
 * corpus builds with no unreadable source, every quote sits at its offsets in its source's text, every fact
 * cites a source the dataset has and an exam the catalog has, and every claim and conflict refers to existing
 * facts (and a claim's conflict to an existing conflict). Output goes to a temporary directory, cache off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, DatasetSchema } from '@certplan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildDataset } from './lib/buildDataset.ts';

const contentDir = join(import.meta.dirname, '../../../content');
let out: string;
let result: BuildResult;
let dataset: Dataset;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'certplan-smoke-'));
  result = buildDataset({ contentDir, outDir: out, cache: false });
  dataset = result.dataset;
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('smoke: the live content/ builds into a consistent dataset', () => {
  it('reads every source and writes a schema-valid dataset', () => {
    expect(result.unreadable).toEqual([]);
    expect(result.written).toBe(true);
    expect(DatasetSchema.safeParse(dataset).success).toBe(true);
  });

  it('keeps every quote verbatim at its offsets', () => {
    const text = new Map(dataset.sources.map((s) => [s.id, s.text]));
    const misplaced = dataset.facts
      .filter((f) => text.get(f.source)?.slice(f.start, f.end) !== f.quote)
      .map((f) => `${f.id} (${f.source} ${f.start}–${f.end})`);
    expect(misplaced).toEqual([]);
  });

  it('cites only sources the dataset has and exams the catalog has', () => {
    const sources = new Set(dataset.sources.map((s) => s.id));
    const exams = new Set(dataset.exams.map((e) => e.id));
    expect(dataset.facts.filter((f) => !sources.has(f.source)).map((f) => f.id)).toEqual([]);
    expect(dataset.facts.filter((f) => !exams.has(f.exam)).map((f) => f.id)).toEqual([]);
  });

  it('refers from claims and conflicts only to facts and conflicts that exist', () => {
    const facts = new Set(dataset.facts.map((f) => f.id));
    const conflicts = new Set(dataset.conflicts.map((c) => c.id));
    const dangling: string[] = [];
    for (const claim of dataset.claims) {
      for (const id of [...claim.factIds, ...claim.dissentingFactIds])
        if (!facts.has(id)) dangling.push(`${claim.id} → ${id}`);
      if (claim.conflictId && !conflicts.has(claim.conflictId)) dangling.push(`${claim.id} → ${claim.conflictId}`);
    }
    for (const conflict of dataset.conflicts) {
      const sideIds = (conflict.sides ?? []).flatMap((side) => side.factIds);
      for (const id of [...conflict.factIds, ...sideIds]) if (!facts.has(id)) dangling.push(`${conflict.id} → ${id}`);
    }
    expect(dangling).toEqual([]);
  });
});

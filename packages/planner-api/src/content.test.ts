/**
 * The API over the seed corpus (ingest's test/fixtures/corpus plus the five seed articles, never the live
 * content/), with the real ingest and reconcile: what the web app sees, and a review written through the API
 * that a later rebuild applies.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, parseReviews } from '@certplan/core';
import { buildDataset } from '@certplan/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../../ingest/test/copyCorpusFixture.ts';
import { createApp } from './app.ts';
import type { ConflictListResponse, ExamListResponse, ReviewResponse } from './index.ts';
import { DatasetStore } from './lib/DatasetStore.ts';
import { TEST_NOW, TEST_TOKEN } from './test/fixtureDataset.ts';

let dir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = copyCorpusFixture(await mkdtemp(join(tmpdir(), 'certplan-real-')));
  buildDataset({ contentDir: dir, outDir: join(dir, 'dataset') });
  const dataset = JSON.parse(await readFile(join(dir, 'dataset', 'dataset.json'), 'utf8')) as Dataset;
  const file = join(dir, 'reviews.yaml');
  const reviews = parseReviews(await readFile(file, 'utf8'), file);
  const store = new DatasetStore(dataset, { reviews });
  store.applyReviews(reviews);
  app = createApp({ dataset: store, contentDir: dir, reviewToken: TEST_TOKEN, clock: () => TEST_NOW });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the API over the seed corpus', () => {
  it('lists the three exams; MLS-C01 is retired on 2026-03-31 with MLA-C01 as successor, citing a source', async () => {
    const { exams } = (await (await app.request('/api/exams')).json()) as ExamListResponse;
    expect(exams.map((e) => e.id).sort()).toEqual(['aws-mla-c01', 'aws-mls-c01', 'gcp-pmle']);
    const mls = exams.find((e) => e.id === 'aws-mls-c01')!;
    expect(mls.retired).toMatchObject({ date: '2026-03-31', successor: { id: 'aws-mla-c01' } });
    expect(mls.retired!.citations.length).toBeGreaterThan(0);
    const mla = exams.find((e) => e.id === 'aws-mla-c01')!;
    expect(mla.facts.fee.length).toBeGreaterThan(0);
    for (const claim of Object.values(mla.facts).flat()) {
      for (const citation of claim.citations) expect(citation.quote.length).toBeGreaterThan(0);
    }
  });

  it('refuses a plan for MLS-C01 after its retirement with 422 naming the successor', async () => {
    const res = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exam: 'aws-mls-c01', hoursPerWeek: 8, startDate: '2026-12-01', examDate: '2027-03-01' }),
    });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('exam_retired');
    expect(error.message).toContain('2026-03-31');
    expect(error.message).toMatch(/MLA-C01|Machine Learning Engineer/);
  });

  it('records a review on a real conflict; a rebuild from the written reviews.yaml applies it', async () => {
    const { conflicts } = (await (await app.request('/api/conflicts')).json()) as ConflictListResponse;
    expect(conflicts.length).toBeGreaterThan(0);
    const target = conflicts.find((c) => c.status === 'open')!;
    const res = await app.request(`/api/conflicts/${target.id}/review`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}`, 'If-Match': target.etag },
      body: JSON.stringify({ decision: 'choose', factId: target.facts[0]!.id, note: 'checked the source' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReviewResponse;
    expect(body.conflict.review).toMatchObject({ decision: 'choose', factId: target.facts[0]!.id });
    expect(body.claim?.status).toBe('reviewed');

    buildDataset({ contentDir: dir, outDir: join(dir, 'dataset') });
    const rebuilt = JSON.parse(await readFile(join(dir, 'dataset', 'dataset.json'), 'utf8')) as Dataset;
    expect(rebuilt.conflicts.find((c) => c.id === target.id)?.review).toMatchObject({ note: 'checked the source' });
  }, 60_000);
});

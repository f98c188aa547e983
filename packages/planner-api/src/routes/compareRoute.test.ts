import { type Dataset, type Fact, reconcile, type Source } from '@certplan/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { DatasetStore } from '../lib/DatasetStore.ts';
import {
  type FixtureApp,
  fixtureApp,
  fixtureConflictId,
  fixtureDataset,
  TEST_TOKEN,
  useFixtureApp,
} from '../test/fixtureDataset.ts';
import { type CompareResponse, CompareRowIdSchema } from './compareSchemas.ts';

let contentDir: string;
let app: FixtureApp;
useFixtureApp((fixture) => {
  ({ app, contentDir } = fixture);
});

async function compare(query: string, on = app) {
  const res = await on.request(`/api/compare?${query}`);
  return { status: res.status, body: (await res.json()) as CompareResponse & { error?: { message: string } } };
}

const cell = (body: CompareResponse, row: string, exam: string) =>
  body.rows.find((r) => r.id === row)!.cells.find((c) => c.exam === exam)!;

describe('GET /api/compare', () => {
  it('answers one column per exam in the order asked and one row per attribute, each value cited', async () => {
    const { status, body } = await compare('exams=gcp-pmle,aws-mla-c01');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-11-22');
    expect(body.thresholdMonths).toBe(18);
    expect(body.exams.map((e) => e.id)).toEqual(['gcp-pmle', 'aws-mla-c01']);
    // No source gives salary or study time for either exam: those rows are left out, the rest always shown.
    const absent = new Set(['studyTime', 'salary']);
    expect(body.rows.map((r) => r.id)).toEqual(CompareRowIdSchema.options.filter((id) => !absent.has(id)));
    for (const row of body.rows) {
      expect(row.cells.map((c) => c.exam)).toEqual(['gcp-pmle', 'aws-mla-c01']);
      for (const claim of row.cells.flatMap((c) => c.claims)) {
        expect(claim.citations.length, `${row.id} ${claim.id}`).toBeGreaterThan(0);
        for (const citation of claim.citations) expect(citation.quote.length).toBeGreaterThan(0);
      }
    }
    const fee = cell(body, 'fee', 'aws-mla-c01').claims[0]!;
    expect(fee).toMatchObject({
      text: 'USD 150',
      status: 'policy', // core's reconcile: the authority policy decided, the conflict stays open
      conflictId: fixtureConflictId('aws-mla-c01', 'fee'),
    });
    expect(fee.citations.map((c) => [c.quote, c.published, c.authority])).toEqual([
      ['Exam fee: USD 150.', '2026-06-01', 'official'],
    ]);
    expect(cell(body, 'domains', 'aws-mla-c01').claims[0]!.text).toMatch(/^4 domains: Data Preparation/);
    expect(cell(body, 'passingScore', 'gcp-pmle').claims).toEqual([]);
    expect(body.exams[1]).toMatchObject({ status: 'current', retired: null });
  });

  it('dates every value: a claim whose newest source is over 18 months old is stale, a recent one is not', async () => {
    const { body } = await compare('exams=aws-mla-c01,gcp-pmle');
    expect(cell(body, 'fee', 'aws-mla-c01').claims[0]!.freshness).toEqual({
      newest: '2026-06-01',
      stale: false,
      cause: 'fresh',
      reason: 'newest source 2026-06-01 is within 18 months of 2026-11-22',
    });
    // Backed only by the blog of January 2025.
    expect(cell(body, 'fee', 'gcp-pmle').claims[0]!.freshness).toMatchObject({
      newest: '2025-01-10',
      stale: true,
      cause: 'threshold',
    });
    // The exam's newest source is the 2026 note (PMLE's duration); its stale fee still marks it.
    expect(body.exams[1]!.freshness).toMatchObject({ asOf: '2026-11-22', newest: '2026-06-01', stale: true });
  });

  it("shows a retired exam's status with its successor and dates its facts against the retirement", async () => {
    const { body } = await compare('exams=aws-mls-c01');
    expect(body.exams[0]).toMatchObject({
      status: 'retired',
      retired: { date: '2026-03-31', successor: { id: 'aws-mla-c01' } },
    });
    const status = cell(body, 'status', 'aws-mls-c01').claims[0]!;
    expect(status.text).toBe('retired on 2026-03-31');
    expect(status.citations[0]!.quote).toBe('The exam was retired on March 31, 2026');
  });

  it('marks a claim backed only by a 2022 source stale, and a fresh source stating the same value clears it', async () => {
    const base = fixtureDataset();
    const dated2022 = (dataset: Dataset): Dataset => ({
      ...dataset,
      sources: dataset.sources.map((s) => (s.id === 'blog' ? { ...s, published: '2022-02-14' } : s)),
    });
    const appFor = (dataset: Dataset) =>
      createApp({
        dataset: new DatasetStore(dataset, { reviews: [] }),
        contentDir,
        reviewToken: TEST_TOKEN,
        clock: () => new Date('2026-11-22T09:00:00Z'),
        webRoot: null,
      });
    const old = await compare('exams=gcp-pmle', appFor(dated2022(base)));
    expect(cell(old.body, 'fee', 'gcp-pmle').claims[0]!.freshness).toMatchObject({
      newest: '2022-02-14',
      stale: true,
      reason: 'newest source 2022-02-14 is more than 18 months older than 2026-11-22',
    });

    const text = 'Google lists the PMLE fee at $200.';
    const fresh: Source = {
      id: 'vendor-2026',
      file: 'vendor-2026.md',
      format: 'markdown',
      url: 'https://cloud.example/pmle',
      title: 'PMLE page',
      published: '2026-09-01',
      modified: null,
      authority: 'secondary',
      text,
    };
    const fact = {
      id: 'vendor-2026-fee',
      exam: 'gcp-pmle',
      attribute: 'fee',
      value: { amount: 200, currency: 'USD' },
      source: fresh.id,
      quote: text,
      start: 0,
      end: text.length,
      section: [],
      line: 1,
    } as Fact;
    const withFresh = dated2022(base);
    const sources = [...withFresh.sources, fresh];
    const facts = [...withFresh.facts, fact];
    const result = reconcile({ exams: withFresh.exams, sources, facts, reviews: [] });
    const cleared = await compare(
      'exams=gcp-pmle',
      appFor({ ...withFresh, sources, facts, claims: result.claims, conflicts: result.conflicts }),
    );
    const claim = cell(cleared.body, 'fee', 'gcp-pmle').claims[0]!;
    expect(claim.citations.map((c) => c.source).sort()).toEqual(['blog', 'vendor-2026']);
    expect(claim.freshness).toMatchObject({ newest: '2026-09-01', stale: false });
  });

  it('takes the threshold from the app’s freshness settings', async () => {
    const { app: lenient } = fixtureApp(contentDir, { freshness: { thresholdMonths: 36 } });
    const { body } = await compare('exams=gcp-pmle', lenient);
    expect(body.thresholdMonths).toBe(36);
    expect(cell(body, 'fee', 'gcp-pmle').claims[0]!.freshness.stale).toBe(false);
  });

  it('refuses what it cannot compare with 400, and an unknown exam with 404 naming the known ones', async () => {
    const bad = async (query: string) => {
      const { status, body } = await compare(query);
      expect(status, query).toBe(400);
      return body.error!.message;
    };
    expect(await bad('')).toMatchInlineSnapshot(
      `"invalid query: exams: Invalid input: expected string, received undefined"`,
    );
    expect(await bad('exams=a,b,c,d,e')).toMatchInlineSnapshot(
      `"invalid query: exams: compare at most 4 exams, got 5"`,
    );
    expect(await bad('exams=gcp-pmle,,aws-mla-c01')).toMatchInlineSnapshot(
      `"invalid query: exams: an empty exam id (two commas, or one at an end)"`,
    );
    expect(await bad('exams=gcp-pmle,gcp-pmle')).toMatchInlineSnapshot(
      `"invalid query: exams: gcp-pmle is listed twice"`,
    );
    expect(await bad('exams=../etc')).toMatchInlineSnapshot(`"invalid query: exams: "../etc" is not an exam id"`);
    const res = await app.request('/api/compare?exams=gcp-pmle,azure-ai-102');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string; details: { known: string[] } } };
    expect(body.error.message).toMatchInlineSnapshot(
      `"no exam with id "azure-ai-102"; known exams: aws-mls-c01, aws-mla-c01, gcp-pmle"`,
    );
    expect(body.error.details.known).toEqual(['aws-mls-c01', 'aws-mla-c01', 'gcp-pmle']);
  });

  it('is in the OpenAPI document with its query parameter and answer schema', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[]; responses: object } }>;
      components: { schemas: Record<string, unknown> };
    };
    const route = doc.paths['/api/compare']?.get;
    expect(route?.parameters?.map((p) => [p.name, p.in])).toEqual([['exams', 'query']]);
    expect(Object.keys(route?.responses ?? {})).toEqual(['200', '400', '404']);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['CompareResponse', 'CompareClaim', 'Freshness', 'ExamFreshness']),
    );
  });
});

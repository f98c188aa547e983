import { describe, expect, it } from 'vitest';
import type { ExamDetailResponse, ExamListResponse } from './index.ts';
import { type FixtureApp, fixtureApp, useFixtureApp } from './test/fixtureDataset.ts';

let contentDir: string;
let app: FixtureApp;
useFixtureApp((fixture) => {
  ({ app, contentDir } = fixture);
});

describe('freshness on the exam answers', () => {
  it("dates every claim of an exam's page and sums it up for the exam, as of the server's date", async () => {
    const body = (await (await app.request('/api/exams/gcp-pmle')).json()) as ExamDetailResponse;
    expect(body.claims.length).toBeGreaterThan(0);
    for (const claim of body.claims) expect(claim.freshness, claim.id).toBeDefined();
    const fee = body.claims.find((claim) => claim.attribute === 'fee')!;
    // Backed only by the blog of January 2025: more than 18 months before 2026-11-22.
    expect(fee.freshness).toMatchObject({ newest: '2025-01-10', stale: true, cause: 'threshold' });
    const stale = body.claims.filter((claim) => claim.freshness?.stale).length;
    expect(body.exam.freshness).toEqual({
      asOf: '2026-11-22',
      thresholdMonths: 18,
      newest: '2026-06-01',
      stale: true,
      staleClaims: stale,
      claims: body.claims.length,
    });
  });

  it('dates the key facts of the exam list, and a longer threshold clears what the shorter one marked', async () => {
    const list = (await (await app.request('/api/exams')).json()) as ExamListResponse;
    const pmle = list.exams.find((exam) => exam.id === 'gcp-pmle')!;
    expect(pmle.facts.fee[0]!.freshness?.stale).toBe(true);
    expect(list.exams.find((exam) => exam.id === 'aws-mla-c01')!.facts.fee[0]!.freshness?.stale).toBe(false);

    const { app: lenient } = fixtureApp(contentDir, { freshness: { thresholdMonths: 36 } });
    const again = (await (await lenient.request('/api/exams')).json()) as ExamListResponse;
    expect(again.exams.find((exam) => exam.id === 'gcp-pmle')!.facts.fee[0]!.freshness?.stale).toBe(false);
  });
});

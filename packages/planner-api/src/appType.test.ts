/**
 * `AppType` carries every route: a client made with `hc<AppType>` (hono/client, as the web app makes it)
 * reaches each route group through the real app, and the typechecker refuses a path, a parameter or a field
 * the routes do not define (the `@ts-expect-error` lines fail `tsc` if the type stops catching them).
 */
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from './index.ts';
import { fixtureConflictId, TEST_TOKEN, useFixtureApp } from './test/fixtureDataset.ts';

let client: ReturnType<typeof hc<AppType>>;
useFixtureApp(({ app }) => {
  client = hc<AppType>('http://certplan.test', {
    fetch: (input: Parameters<typeof app.request>[0], init?: RequestInit) => app.request(input, init),
  });
}, 'file');

describe('hc<AppType>', () => {
  it('reaches every route group with typed answers', async () => {
    const health = await client.api.health.$get();
    expect(await health.json()).toEqual({ ok: true });

    const exams = await client.api.exams.$get();
    if (!exams.ok) throw new Error(`GET /api/exams answered ${exams.status}`);
    expect((await exams.json()).exams.map((exam) => exam.id)).toContain('aws-mla-c01');

    const exam = await client.api.exams[':id'].$get({ param: { id: 'gcp-pmle' } });
    if (exam.status !== 200) throw new Error(`GET /api/exams/gcp-pmle answered ${exam.status}`);
    expect((await exam.json()).exam.id).toBe('gcp-pmle');

    const missing = await client.api.exams[':id'].$get({ param: { id: 'no-such-exam' } });
    expect(missing.status).toBe(404);
    if (missing.status === 404) expect((await missing.json()).error.code).toBe('not_found');

    const plan = await client.api.plans.$post({
      json: { exam: 'aws-mla-c01', startDate: '2026-12-01', hoursPerWeek: 8 },
    });
    if (!plan.ok) throw new Error(`POST /api/plans answered ${plan.status}`);
    expect((await plan.json()).plan.exam).toBe('aws-mla-c01');

    const compared = await client.api.compare.$get({ query: { exams: 'aws-mla-c01,gcp-pmle' } });
    if (!compared.ok) throw new Error(`GET /api/compare answered ${compared.status}`);
    expect((await compared.json()).exams.map((e) => e.id)).toEqual(['aws-mla-c01', 'gcp-pmle']);
  });

  it('sends a review with its ETag and bearer token, and answers 401 for a wrong token', async () => {
    const id = fixtureConflictId('aws-mla-c01', 'fee');
    const read = await client.api.conflicts[':id'].$get({ param: { id } });
    if (!read.ok) throw new Error(`GET /api/conflicts/${id} answered ${read.status}`);
    const etag = read.headers.get('etag') ?? '';
    const review = (token: string) =>
      client.api.conflicts[':id'].review.$put(
        { param: { id }, header: { 'if-match': etag }, json: { decision: 'accept', note: 'the official page' } },
        { headers: { authorization: `Bearer ${token}` } },
      );
    expect((await review('wrong')).status).toBe(401);
    const accepted = await review(TEST_TOKEN);
    if (!accepted.ok) throw new Error(`PUT answered ${accepted.status}`);
    expect((await accepted.json()).conflict.review?.decision).toBe('accept');
  });

  it('types what the routes define, and nothing else', () => {
    // Only built, never sent: these lines are for the typechecker.
    const typeOnly = () => {
      // @ts-expect-error: there is no GET /api/reviews
      void client.api.reviews.$get();
      // @ts-expect-error: a plan request needs hoursPerWeek as a number
      void client.api.plans.$post({ json: { exam: 'aws-mla-c01', startDate: '2026-12-01', hoursPerWeek: '8' } });
      // @ts-expect-error: GET /api/exams/:id needs its id
      void client.api.exams[':id'].$get({ param: {} });
    };
    expect(typeof typeOnly).toBe('function');
  });
});

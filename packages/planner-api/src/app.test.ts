import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReviews, serializeReviews } from '@certplan/core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ConflictResponse, ExamDetailResponse, ExamListResponse, ReviewResponse } from './index.ts';
import { ReviewerRegistry, tokenDigest } from './lib/ReviewerRegistry.ts';
import {
  type FixtureApp,
  fixtureApp,
  fixtureConflictId,
  TEST_NOW,
  TEST_TOKEN,
  useFixtureApp,
} from './test/fixtureDataset.ts';

let contentDir: string;
let app: FixtureApp;
useFixtureApp((fixture) => {
  ({ app, contentDir } = fixture);
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const review = (body: unknown, etag: string | undefined, token: string | null = TEST_TOKEN) => ({
  method: 'PUT',
  headers: {
    'Content-Type': 'application/json',
    ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
    ...(etag !== undefined ? { 'If-Match': etag } : {}),
  },
  body: JSON.stringify(body),
});

const FEE_CONFLICT = fixtureConflictId('aws-mla-c01', 'fee');
const DURATION_CONFLICT = fixtureConflictId('aws-mla-c01', 'duration');

async function etagOf(id: string): Promise<string> {
  const res = await app.request(`/api/conflicts/${id}`);
  expect(res.status).toBe(200);
  return res.headers.get('ETag')!;
}

describe('GET /api/health', () => {
  it('answers ok with the security headers', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('sends no CORS headers by default, also to a preflight', async () => {
    const res = await app.request('/api/health', { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const preflight = await app.request('/api/plans', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('opens CORS only to configured origins', async () => {
    const { app: open } = fixtureApp(contentDir, { corsOrigins: ['https://ok.example'] });
    const ok = await open.request('/api/health', { headers: { Origin: 'https://ok.example' } });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('https://ok.example');
    const other = await open.request('/api/health', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('GET /api/exams', () => {
  it('lists exams with key facts and citations, and the retired exam with date, successor and sources', async () => {
    const res = await app.request('/api/exams');
    expect(res.status).toBe(200);
    const body = (await res.json()) as ExamListResponse;
    expect(body.exams.map((e) => e.id)).toEqual(['aws-mls-c01', 'aws-mla-c01', 'gcp-pmle']);
    const mla = body.exams.find((e) => e.id === 'aws-mla-c01')!;
    expect(mla.retired).toBeNull();
    expect(mla.facts.fee).toHaveLength(1);
    expect(mla.facts.fee[0]!.value).toEqual({ amount: 150, currency: 'USD' });
    expect(mla.facts.fee[0]!.citations[0]).toMatchObject({
      source: 'aws-guide',
      title: 'MLA-C01 exam guide',
      url: 'https://docs.aws.example/mla-c01',
      published: '2026-06-01',
      quote: 'Exam fee: USD 150.',
    });
    expect(mla.facts.fee[0]!.dissent[0]!.quote).toBe('The exam costs $300.');
    expect(mla.facts.weights[0]!.value).toMatchObject({ weightsKnown: true });
    expect(mla.facts.validity[0]!.value).toEqual({ months: 36 });
    const mls = body.exams.find((e) => e.id === 'aws-mls-c01')!;
    expect(mls.retired).toMatchObject({ date: '2026-03-31', successor: { id: 'aws-mla-c01' } });
    expect(mls.retired!.citations[0]!.quote).toBe('The exam was retired on March 31, 2026');
  });
});

describe('GET /api/exams/:id', () => {
  it('returns every claim with citations and the conflicts touching the exam', async () => {
    const res = await app.request('/api/exams/aws-mla-c01');
    expect(res.status).toBe(200);
    const body = (await res.json()) as ExamDetailResponse;
    expect(body.exam).toMatchObject({ id: 'aws-mla-c01', aliases: ['MLA-C01'] });
    expect(body.claims.every((c) => c.citations.length > 0)).toBe(true);
    expect(body.conflicts.map((c) => c.id).sort()).toEqual([
      DURATION_CONFLICT,
      FEE_CONFLICT,
      fixtureConflictId('aws-mla-c01', 'questions'),
    ]);
  });

  it('404s an unknown exam and 400s a malformed id', async () => {
    const missing = await app.request('/api/exams/nope');
    expect(missing.status).toBe(404);
    // The whole answer (known ids, suggestions) is pinned in examIds.test.ts.
    expect(((await missing.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no exam with id "nope"'),
    });
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'AWS', 'a'.repeat(300), 'x%00y', '%2F', 'a%5Cb']) {
      const res = await app.request(`/api/exams/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    // Dot segments are resolved by URL parsing before routing: they never reach a handler.
    const dots = await app.request('/api/exams/%2e%2e');
    expect(dots.status).toBe(404);
    expect(((await dots.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('GET /api/conflicts', () => {
  it('lists conflicts with quotes, sources, suggestion and an etag, filtered by query', async () => {
    const all = (await (await app.request('/api/conflicts')).json()) as { conflicts: ConflictResponse['conflict'][] };
    expect(all.conflicts.length).toBeGreaterThanOrEqual(2);
    const fee = all.conflicts.find((c) => c.id === FEE_CONFLICT)!;
    expect(fee.facts.map((f) => f.quote)).toEqual(['Exam fee: USD 150.', 'The exam costs $300.']);
    expect(fee.facts[1]!.source).toMatchObject({ id: 'blog', authority: 'secondary' });
    expect(fee.suggestion.value).toEqual({ amount: 150, currency: 'USD' });
    expect(fee.status).toBe('open');
    expect(fee.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const gcp = (await (await app.request('/api/conflicts?exam=gcp-pmle')).json()) as { conflicts: { id: string }[] };
    expect(gcp.conflicts.map((c) => c.id)).toEqual([fixtureConflictId('gcp-pmle', 'duration')]);
    const bad = await app.request('/api/conflicts?status=maybe');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('status');
  });

  it('GET /api/conflicts/:id answers the conflict with an ETag header equal to its etag', async () => {
    const res = await app.request(`/api/conflicts/${FEE_CONFLICT}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ConflictResponse;
    expect(res.headers.get('ETag')).toBe(body.conflict.etag);
    expect((await app.request('/api/conflicts/c-nope')).status).toBe(404);
    expect((await app.request('/api/conflicts/..%2Freviews.yaml')).status).toBe(400);
  });
});

describe('PUT /api/conflicts/:id/review', () => {
  it('records a choice: writes reviews.yaml, answers the new claim and a new ETag', async () => {
    const etag = await etagOf(FEE_CONFLICT);
    const blogFact = (
      (await (await app.request(`/api/conflicts/${FEE_CONFLICT}`)).json()) as ConflictResponse
    ).conflict.facts.find((f) => f.source.id === 'blog')!;
    const res = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'choose', factId: blogFact.id, note: 'the blog is right this time' }, etag),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReviewResponse;
    expect(body.claim).toMatchObject({ status: 'reviewed', value: { amount: 300, currency: 'USD' } });
    // The shared token's decisions are recorded as "reviewer"; a name in the body is not accepted (next test).
    expect(body.conflict.review).toMatchObject({ decision: 'choose', factId: blogFact.id, by: 'reviewer' });
    expect(body.conflict.review!.at).toBe('2026-11-22T09:00:00.000Z');
    expect(res.headers.get('ETag')).toBe(body.conflict.etag);
    expect(body.conflict.etag).not.toBe(etag);

    const file = join(contentDir, 'reviews.yaml');
    const saved = parseReviews(await readFile(file, 'utf8'), file);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ conflict: FEE_CONFLICT, decision: 'choose', note: 'the blog is right this time' });

    // The exam listing reflects the decision without a rebuild.
    const exams = (await (await app.request('/api/exams')).json()) as ExamListResponse;
    expect(exams.exams.find((e) => e.id === 'aws-mla-c01')!.facts.fee[0]!.value).toEqual({
      amount: 300,
      currency: 'USD',
    });
  });

  it('accepts the suggestion and a custom value validated against the attribute', async () => {
    const ok = await app.request(
      `/api/conflicts/${DURATION_CONFLICT}/review`,
      review({ decision: 'custom', value: { minutes: 130 }, note: 'exam guide' }, await etagOf(DURATION_CONFLICT)),
    );
    expect(ok.status).toBe(200);
    const bad = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'custom', value: { minutes: 'x' }, note: 'n' }, await etagOf(FEE_CONFLICT)),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toMatch(/^value/);
    const accept = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'official source' }, await etagOf(FEE_CONFLICT)),
    );
    expect(accept.status).toBe(200);
  });

  it('takes who decided from the token, never from the body', async () => {
    const res = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'n', by: 'someone else' }, await etagOf(FEE_CONFLICT)),
    );
    expect(res.status).toBe(400);
    expect(await readFile(join(contentDir, 'reviews.yaml'), 'utf8')).toBe('reviews: []\n');
  });

  it('401 without or with a wrong token, 400 for a malformed header, before anything else is looked at', async () => {
    const etag = await etagOf(FEE_CONFLICT);
    const malformed = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'n' }, etag, ''),
    );
    expect(malformed.status).toBe(400);
    for (const token of [null, 'wrong', `${TEST_TOKEN}x`]) {
      const res = await app.request(
        `/api/conflicts/${FEE_CONFLICT}/review`,
        review({ decision: 'accept', note: 'n' }, etag, token),
      );
      expect(res.status, String(token)).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toContain('Bearer');
    }
    const unknown = await app.request('/api/conflicts/c-nope/review', review({}, undefined, 'wrong'));
    expect(unknown.status).toBe(401);
    expect(await readFile(join(contentDir, 'reviews.yaml'), 'utf8')).toBe('reviews: []\n');
  });

  it('404 for an unknown conflict, 400 for a bad body or a missing If-Match, 409 for a stale ETag', async () => {
    const etag = await etagOf(FEE_CONFLICT);
    expect(
      (await app.request('/api/conflicts/c-nope/review', review({ decision: 'accept', note: 'n' }, etag))).status,
    ).toBe(404);
    const cases: [unknown, number][] = [
      [{ decision: 'maybe', note: 'n' }, 400],
      [{ decision: 'accept' }, 400],
      [{ decision: 'accept', note: '   ' }, 400],
      [{ decision: 'choose', note: 'n' }, 400],
      [{ decision: 'choose', factId: 'not-a-fact', note: 'n' }, 400],
      [{ decision: 'custom', note: 'n' }, 400],
      [{ decision: 'accept', note: 'n', extra: 1 }, 400],
      [[], 400],
      [null, 400],
    ];
    for (const [body, status] of cases) {
      const res = await app.request(`/api/conflicts/${FEE_CONFLICT}/review`, review(body, etag));
      expect(res.status, JSON.stringify(body)).toBe(status);
    }
    const noIfMatch = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'n' }, undefined),
    );
    expect(noIfMatch.status).toBe(400);
    expect(((await noIfMatch.json()) as { error: { message: string } }).error.message).toContain('If-Match');
    const stale = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'n' }, '"stale"'),
    );
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { details: { etag: string } } }).error.details.etag).toBe(etag);
    expect(await readFile(join(contentDir, 'reviews.yaml'), 'utf8')).toBe('reviews: []\n');
  });

  it('two writers with one ETag: one wins, one gets 409, nothing lost', async () => {
    const etag = await etagOf(FEE_CONFLICT);
    const [a, b] = await Promise.all([
      app.request(`/api/conflicts/${FEE_CONFLICT}/review`, review({ decision: 'accept', note: 'writer A' }, etag)),
      app.request(`/api/conflicts/${FEE_CONFLICT}/review`, review({ decision: 'accept', note: 'writer B' }, etag)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'writer A' : 'writer B';
    const file = join(contentDir, 'reviews.yaml');
    const saved = parseReviews(await readFile(file, 'utf8'), file);
    expect(saved.map((r) => r.note)).toEqual([winner]);
    // The loser reloads, sees the winner's decision and may replace it knowingly.
    const retry = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'loser, after reload' }, await etagOf(FEE_CONFLICT)),
    );
    expect(retry.status).toBe(200);
  });

  it('keeps a decision edited by hand in reviews.yaml since start', async () => {
    const file = join(contentDir, 'reviews.yaml');
    const first = await app.request(
      `/api/conflicts/${DURATION_CONFLICT}/review`,
      review({ decision: 'accept', note: 'first' }, await etagOf(DURATION_CONFLICT)),
    );
    expect(first.status).toBe(200);
    const edited = parseReviews(await readFile(file, 'utf8'), file).map((r) => ({ ...r, note: 'edited by hand' }));
    await writeFile(file, serializeReviews(edited));
    const second = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'second' }, await etagOf(FEE_CONFLICT)),
    );
    expect(second.status).toBe(200);
    const saved = parseReviews(await readFile(file, 'utf8'), file);
    expect(Object.fromEntries(saved.map((r) => [r.conflict, r.note]))).toEqual({
      [DURATION_CONFLICT]: 'edited by hand',
      [FEE_CONFLICT]: 'second',
    });
  });

  it('refuses to write over a reviews.yaml that does not parse, and leaves it as it is', async () => {
    const file = join(contentDir, 'reviews.yaml');
    const corrupt = 'reviews:\n  - conflict: [unclosed\n';
    await writeFile(file, corrupt);
    const res = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'n' }, await etagOf(FEE_CONFLICT)),
    );
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_reviews');
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });

  it('503s an unreadable or unparsable reviews.yaml without naming any absolute path (issue 12 case 8)', async () => {
    const file = join(contentDir, 'reviews.yaml');
    const messages: string[] = [];
    for (const breakIt of [
      async () => writeFile(file, 'reviews:\n  - conflict: [unclosed\n'),
      // A directory where the file should be: reading it fails with EISDIR, whose Node message names the path.
      async () => {
        await rm(file, { force: true });
        await mkdir(file);
      },
    ]) {
      await breakIt();
      const res = await app.request(
        `/api/conflicts/${FEE_CONFLICT}/review`,
        review({ decision: 'accept', note: 'n' }, await etagOf(FEE_CONFLICT)),
      );
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).not.toContain(contentDir);
      expect(text).not.toContain(tmpdir());
      messages.push((JSON.parse(text) as { error: { message: string } }).error.message);
    }
    expect(messages).toMatchInlineSnapshot(`
      [
        "reviews.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        "reviews.yaml: cannot read it (EISDIR)",
      ]
    `);
    await rm(file, { recursive: true });
    await writeFile(file, 'reviews: []\n');
  });

  it('undo: DELETE removes a decision (ETag-checked, token required) and the conflict is open again', async () => {
    const decided = await app.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'to be undone' }, await etagOf(FEE_CONFLICT)),
    );
    const etag = decided.headers.get('ETag')!;
    const undo = (tag: string | undefined, token: string | null = TEST_TOKEN) =>
      app.request(`/api/conflicts/${FEE_CONFLICT}/review`, {
        method: 'DELETE',
        headers: {
          ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
          ...(tag !== undefined ? { 'If-Match': tag } : {}),
        },
      });
    expect((await undo(etag, null)).status).toBe(401);
    expect((await undo('"stale"')).status).toBe(409);
    expect((await undo(undefined)).status).toBe(400);
    const res = await undo(etag);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReviewResponse;
    expect(body.conflict.review).toBeNull();
    expect(body.conflict.status).toBe('open');
    const file = join(contentDir, 'reviews.yaml');
    expect(parseReviews(await readFile(file, 'utf8'), file)).toEqual([]);
    const again = await undo(body.conflict.etag);
    expect(again.status).toBe(404);
  });

  it('records each reviewer\'s own name from their token (reviewers.yaml), the shared token as "reviewer"', async () => {
    const reviewers = new ReviewerRegistry(TEST_TOKEN, [
      { name: 'ana', tokenSha256: tokenDigest('ana-token').toString('hex') },
    ]);
    const { app: named } = fixtureApp(contentDir, { reviewers });
    const etag = (await named.request(`/api/conflicts/${FEE_CONFLICT}`)).headers.get('ETag')!;
    const res = await named.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'n' }, etag, 'ana-token'),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as ReviewResponse).conflict.review).toMatchObject({
      by: 'ana',
      at: TEST_NOW.toISOString(),
    });
    const file = join(contentDir, 'reviews.yaml');
    expect(parseReviews(await readFile(file, 'utf8'), file)[0]).toMatchObject({ by: 'ana' });
  });

  it('leaves memory unchanged when the write fails', async () => {
    const { app: failing } = fixtureApp(contentDir, {
      writeFile: async () => {
        throw new Error('disk full');
      },
    });
    const etag = (await failing.request(`/api/conflicts/${FEE_CONFLICT}`)).headers.get('ETag')!;
    const res = await failing.request(
      `/api/conflicts/${FEE_CONFLICT}/review`,
      review({ decision: 'accept', note: 'n' }, etag),
    );
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect((await failing.request(`/api/conflicts/${FEE_CONFLICT}`)).headers.get('ETag')).toBe(etag);
  });
});

describe('POST /api/plans', () => {
  const body = { exam: 'aws-mla-c01', hoursPerWeek: 8, startDate: '2026-12-01', examDate: '2027-02-26' };

  it('answers a plan whose weeks stay within hoursPerWeek', async () => {
    const res = await app.request('/api/plans', json(body));
    expect(res.status).toBe(200);
    const { plan } = (await res.json()) as { plan: { exam: string; weeks: { hours: number }[]; totalHours: number } };
    expect(plan.exam).toBe('aws-mla-c01');
    expect(plan.weeks.length).toBeGreaterThan(0);
    expect(plan.weeks.every((w) => w.hours <= 8)).toBe(true);
  });

  it('refuses an exam date after the retirement with 422 naming date, source and successor', async () => {
    const res = await app.request('/api/plans', json({ ...body, exam: 'aws-mls-c01' }));
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('exam_retired');
    expect(error.message).toContain('2026-03-31');
  });

  // Regression: without an exam date, the 422 quoted the planner's suggested date as one the user entered.
  it("says the date it refuses is the planner's suggestion when no exam date was given, and names the successor", async () => {
    const res = await app.request(
      '/api/plans',
      json({ exam: 'aws-mls-c01', hoursPerWeek: 8, startDate: '2026-12-01' }),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatchInlineSnapshot(
      `"AWS Certified Machine Learning – Specialty was retired on 2026-03-31 (source: Editorial note: MLS-C01 retired, https://certplan.example/mls), so it cannot be taken on the planner's suggested exam date, 2027-03-03 (no exam date was given: the day after the plan's last study week and rest day). Its successor is AWS Certified Machine Learning Engineer – Associate (aws-mla-c01)."`,
    );
  });

  it('400 with issue paths for bad bodies, 404 for an unknown exam', async () => {
    const res = await app.request('/api/plans', json({ ...body, hoursPerWeek: 1000 }));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((i) => i.path)).toContain('hoursPerWeek');
    expect((await app.request('/api/plans', json({ ...body, exam: 'no-such-exam' }))).status).toBe(404);
  });

  it('400 for malformed JSON and for a body that is not JSON', async () => {
    const malformed = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"exam": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "bad_request",
          "message": "Malformed JSON in request body",
        },
      }
    `);
    const text = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hi',
    });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { message: string } }).error.message).toMatchInlineSnapshot(
      `"expected Content-Type: application/json, got "text/plain""`,
    );
  });

  it('accepts every valid spelling of the JSON media type on a real route, 415 for another type', async () => {
    for (const type of ['application/json ;charset=utf-8', 'application/json;', 'Application/JSON; Charset="UTF-8"']) {
      const res = await app.request('/api/plans', { ...json(body), headers: { 'Content-Type': type } });
      expect(res.status, type).toBe(200);
    }
    const xml = await app.request('/api/plans', { ...json(body), headers: { 'Content-Type': 'application/xml' } });
    expect(xml.status).toBe(415);
    expect(((await xml.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('413 for a body over the limit, whether or not Content-Length says so', async () => {
    const big = JSON.stringify({ ...body, proficiency: { x: 'y'.repeat(100_000) } });
    const res = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });
});

describe('POST /api/plans/ics', () => {
  it('answers text/calendar that ical.js parses, with events and the exam day', async () => {
    const res = await app.request(
      '/api/plans/ics?granularity=session',
      json({ exam: 'aws-mla-c01', hoursPerWeek: 6, startDate: '2026-12-01', examDate: '2027-01-29' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('Content-Disposition')).toContain('certplan-aws-mla-c01.ics');
    const component = new ICAL.Component(ICAL.parse(await res.text()));
    const events = component.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(2);
    const uids = events.map((e) => e.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('validates the same body and the granularity', async () => {
    expect((await app.request('/api/plans/ics', json({ exam: 'aws-mla-c01' }))).status).toBe(400);
    expect(
      (
        await app.request(
          '/api/plans/ics?granularity=day',
          json({ exam: 'aws-mla-c01', hoursPerWeek: 6, startDate: '2026-12-01' }),
        )
      ).status,
    ).toBe(400);
  });
});

describe('GET /api/plans (cacheable)', () => {
  const query =
    'exam=aws-mla-c01&startDate=2026-12-01&examDate=2027-02-26&hoursPerWeek=8&studyDays=mon%2Cwed%2Csat&sessionStart=19%3A00&timeZone=Europe%2FBerlin';

  it('answers the same plan as POST, with an ETag; the same query again with If-None-Match is 304', async () => {
    const res = await app.request(`/api/plans?${query}`);
    expect(res.status).toBe(200);
    const etag = res.headers.get('ETag') as string;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(res.headers.get('Cache-Control')).toContain('max-age=');
    const { plan } = (await res.json()) as { plan: { query: string; id: string; studyDays: string[] } };
    expect(plan.query).toBe(query);
    expect(plan.studyDays).toEqual(['mon', 'wed', 'sat']);
    const posted = await app.request(
      '/api/plans',
      json({
        exam: 'aws-mla-c01',
        startDate: '2026-12-01',
        examDate: '2027-02-26',
        hoursPerWeek: 8,
        studyDays: ['sat', 'mon', 'wed'],
        sessionStart: '19:00',
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(((await posted.json()) as { plan: { id: string } }).plan.id).toBe(plan.id);

    const again = await app.request(`/api/plans?${query}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe('');
    const other = await app.request(`/api/plans?${query}`, { headers: { 'If-None-Match': 'W/"other"' } });
    expect(other.status).toBe(200);
  });

  it('redirects a query in another order to its one canonical form', async () => {
    const res = await app.request('/api/plans?hoursPerWeek=8&exam=aws-mla-c01&startDate=2026-12-01');
    expect(res.status).toBe(308);
    expect(res.headers.get('Location')).toBe('/api/plans?exam=aws-mla-c01&startDate=2026-12-01&hoursPerWeek=8');
  });

  it('400s a bad query at the field, and an unknown or repeated parameter by name', async () => {
    const bad = async (q: string) =>
      (
        (await (await app.request(`/api/plans?${q}`)).json()) as { error: { issues: { path: string }[] } }
      ).error.issues.map((i) => i.path);
    expect(await bad('exam=aws-mla-c01&startDate=2026-12-01&hoursPerWeek=8x')).toEqual(['hoursPerWeek']);
    expect(await bad('exam=aws-mla-c01&startDate=2026-12-01&hoursPerWeek=8&color=red')).toEqual(['color']);
    expect(await bad('exam=aws-mla-c01&exam=gcp-pmle&startDate=2026-12-01&hoursPerWeek=8')).toEqual(['exam']);
  });

  it('compresses with brotli or gzip as the client accepts, and both decode to the same plan', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const plain = await (await app.request(`/api/plans?${query}`)).text();
    const br = await app.request(`/api/plans?${query}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(plain);
    expect(brBytes.length).toBeLessThan(plain.length / 4);
    const gz = await app.request(`/api/plans?${query}`, { headers: { 'Accept-Encoding': 'gzip, br;q=0' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    const none = await app.request(`/api/plans?${query}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(none.headers.get('Content-Encoding')).toBeNull();
  });

  it('serves the calendar feed at the same query, with its own URL in it and the same UIDs as the POST export', async () => {
    const res = await app.request(`/api/plans/ics?${query}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('source')).toBe(
      `http://localhost/api/plans/ics?${query}`,
    );
    const uids = (t: string) =>
      new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    const posted = await app.request(
      '/api/plans/ics',
      json({
        exam: 'aws-mla-c01',
        startDate: '2026-12-01',
        examDate: '2027-02-26',
        hoursPerWeek: 8,
        studyDays: ['mon', 'wed', 'sat'],
        sessionStart: '19:00',
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(uids(await posted.text())).toEqual(uids(text));
    const again = await app.request(`/api/plans/ics?${query}`, {
      headers: { 'If-None-Match': res.headers.get('ETag') as string },
    });
    expect(again.status).toBe(304);
    expect((await app.request(`/api/plans/ics?${query}&granularity=day`)).status).toBe(400);
  });

  it('opens a saved link whose start is weeks in the past', async () => {
    const res = await app.request('/api/plans?exam=aws-mla-c01&startDate=2026-10-25&hoursPerWeek=8');
    expect(res.status).toBe(200);
  });
});

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3.1 document with every endpoint', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(
      Object.entries(doc.paths)
        .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
        .sort(),
    ).toEqual([
      'DELETE /api/conflicts/{id}/review',
      'GET /api/compare',
      'GET /api/conflicts',
      'GET /api/conflicts/{id}',
      'GET /api/exams',
      'GET /api/exams/{id}',
      'GET /api/health',
      'GET /api/plans',
      'GET /api/plans/ics',
      'POST /api/plans',
      'POST /api/plans/ics',
      'PUT /api/conflicts/{id}/review',
    ]);
  });

  it('documents the real shape of every claim value: no value is an empty schema (regression: z.unknown())', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      components: { schemas: Record<string, unknown> };
    };
    const emptyValues: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, child] of Object.entries(node)) {
        const empty = child !== null && typeof child === 'object' && Object.keys(child).length === 0;
        if (key === 'value' && empty) emptyValues.push(`${path}.value`);
        walk(child, `${path}.${key}`);
      }
    };
    walk(doc.components.schemas, 'components.schemas');
    expect(emptyValues).toEqual([]);
    const claim = doc.components.schemas.Claim as { oneOf: { properties: { attribute: unknown; value: unknown } }[] };
    expect(
      claim.oneOf.find((v) => JSON.stringify(v.properties.attribute).includes('"duration"'))?.properties.value,
    ).toEqual({
      $ref: '#/components/schemas/DurationValue',
    });
    expect(doc.components.schemas.DurationValue).toMatchObject({ properties: { minutes: { type: 'number' } } });
  });

  it('serves a docs page with no scripts and a stylesheet from the same origin', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('PUT</span> <code>/api/conflicts/{id}/review</code>');
    expect(html).not.toMatch(/<script/i);
    expect((await app.request('/api/docs.css')).headers.get('Content-Type')).toContain('text/css');
  });
});

describe('web app and unknown routes', () => {
  it('says how to build the web app when it is not built, and 404s unknown API routes as JSON', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('pnpm --filter @certplan/web build');
    const api = await app.request('/api/nope');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await app.request('/api/exams', { method: 'DELETE' })).status).toBe(404);
  });
});

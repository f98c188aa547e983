/**
 * Property-based fuzzing of every route (issue 7): whatever arrives in the path, query, headers or body, the
 * API never answers 500, every 4xx carries the JSON error shape, and every 200 matches its declared schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanResponseSchema } from './planner/index.ts';
import {
  ConflictListSchema,
  ConflictResponseSchema,
  ErrorSchema,
  ExamDetailSchema,
  ReviewResponseSchema,
} from './schemas.ts';
import { type FixtureApp, fixtureConflictId, TEST_TOKEN, useFixtureApp } from './test/fixtureDataset.ts';

let app: FixtureApp;
useFixtureApp((fixture) => {
  ({ app } = fixture);
}, 'file');

const RUNS = 250;

/** Sends the request; a URL the Request constructor itself refuses never reaches the server, so it is skipped. */
interface Sent {
  res: Response;
  /** After URL parsing resolved dot segments: `/api/exams/../../x` is `/x`, a web app path, not an API one. */
  isApi: boolean;
  method: string;
}

async function send(path: string, init: RequestInit = {}): Promise<Sent | null> {
  let request: Request;
  try {
    request = new Request(new URL(path, 'http://localhost'), init);
  } catch {
    return null;
  }
  const pathname = new URL(request.url).pathname;
  return {
    res: await app.request(request),
    isApi: pathname === '/api' || pathname.startsWith('/api/'),
    method: request.method,
  };
}

async function checkResponse(sent: Sent | null, okSchema?: { safeParse(v: unknown): { success: boolean } }) {
  if (!sent) return;
  const { res } = sent;
  expect(res.status).not.toBe(500);
  expect(res.status).toBeLessThan(500);
  if (!sent.isApi || sent.method === 'HEAD') return;
  if (res.status >= 400) {
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(ErrorSchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  } else if (okSchema && res.status === 200) {
    const body = await res.json();
    expect(okSchema.safeParse(body).success, JSON.stringify(body).slice(0, 500)).toBe(true);
  }
}

/** Path segments an attacker would try, mixed with arbitrary text. */
const hostileSegment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '..',
    '../',
    '../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f',
    '%2F',
    '%5C..%5C',
    '%00',
    'aws-mla-c01%2F..',
    'aws-mla-c01/../../',
    `${fixtureConflictId('aws-mla-c01', 'fee')}%2F..%2F..%2Freviews.yaml`,
    '%E0%A4%A',
    '%',
    'a'.repeat(5000),
  ),
  fc.string({ minLength: 65, maxLength: 400 }),
);

const planBody = fc.record(
  {
    exam: fc.oneof(fc.constantFrom('aws-mla-c01', 'aws-mls-c01', 'gcp-pmle', 'nope'), fc.string(), fc.anything()),
    hoursPerWeek: fc.oneof(
      fc.double(),
      fc.integer({ min: -10, max: 200 }),
      fc.constantFrom(0.5, 8, 80, 80.5),
      fc.anything(),
    ),
    startDate: fc.oneof(
      fc.constantFrom('2026-11-22', '2026-12-01', '2026-02-30', '0000-00-00', '9999-12-31', '2026-13-01'),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.string(),
    ),
    examDate: fc.oneof(
      fc.constantFrom('2027-02-26', '2026-11-21', '2028-12-31', '2099-01-01'),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.anything(),
    ),
    targetHours: fc.oneof(fc.double(), fc.integer({ min: -5, max: 10_000 }), fc.anything()),
    experienceYears: fc.oneof(fc.double(), fc.integer({ min: -1, max: 100 })),
    proficiency: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 300 }), fc.oneof(fc.integer({ min: -2, max: 8 }), fc.anything()), {
        maxKeys: 30,
      }),
      fc.anything(),
    ),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

const anyBody = fc.oneof(
  planBody.map((b) => JSON.stringify(b)),
  fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
  fc.string(),
  fc.constantFrom('{', '{"exam":', '[', 'null', '""', '1e999', '{"__proto__": {"x": 1}}', '\u0000'),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/vnd.api+json',
  '',
);

describe('fuzzing every route: no 500, every 4xx is a JSON error', () => {
  it('GET /api/exams/:id with hostile ids', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSegment, fc.boolean(), async (segment, encode) => {
        const sent = await send(`/api/exams/${encode ? encodeURIComponent(segment) : segment}`);
        await checkResponse(sent, ExamDetailSchema);
        if (sent?.isApi && sent.res.status === 200) {
          expect(['aws-mla-c01', 'aws-mls-c01', 'gcp-pmle']).toContain(segment);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/conflicts/:id with hostile ids', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSegment, fc.boolean(), async (segment, encode) => {
        await checkResponse(
          await send(`/api/conflicts/${encode ? encodeURIComponent(segment) : segment}`),
          ConflictResponseSchema,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/conflicts with arbitrary queries', async () => {
    const key = fc.oneof(fc.constantFrom('exam', 'status', 'severity'), fc.string({ maxLength: 20 }));
    const value = fc.oneof(fc.constantFrom('open', 'reviewed', 'high', 'low', 'gcp-pmle', 'x'), hostileSegment);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 6 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        await checkResponse(await send(`/api/conflicts?${query}`), ConflictListSchema);
      }),
      { numRuns: RUNS },
    );
  });

  for (const path of ['/api/plans', '/api/plans/ics']) {
    it(`POST ${path} with arbitrary bodies and content types`, async () => {
      await fc.assert(
        fc.asyncProperty(anyBody, contentType, async (body, type) => {
          const sent = await send(path, { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body });
          if (path === '/api/plans') await checkResponse(sent, PlanResponseSchema);
          else {
            await checkResponse(sent);
            if (sent?.res.status === 200) expect(sent.res.headers.get('Content-Type')).toMatch(/^text\/calendar/);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('PUT /api/conflicts/:id/review with arbitrary tokens, ETags, ids and bodies', async () => {
    const ids = fc.oneof(
      fc.constantFrom(
        fixtureConflictId('aws-mla-c01', 'fee'),
        fixtureConflictId('aws-mla-c01', 'duration'),
        fixtureConflictId('gcp-pmle', 'duration'),
        'c-nope',
      ),
      hostileSegment,
    );
    const reviewBody = fc.oneof(
      // Well-formed decisions, so the ETag check and the writes are reached too.
      fc
        .record({ decision: fc.constant('accept'), note: fc.string({ minLength: 1, maxLength: 50 }) })
        .filter((b) => b.note.trim().length > 0)
        .map((b) => JSON.stringify(b)),
      fc
        .record(
          {
            decision: fc.oneof(fc.constantFrom('accept', 'choose', 'custom'), fc.anything()),
            factId: fc.oneof(fc.string(), fc.anything()),
            value: fc.anything(),
            note: fc.oneof(fc.string({ maxLength: 3000 }), fc.anything()),
            by: fc.oneof(fc.string({ maxLength: 200 }), fc.anything()),
          },
          { requiredKeys: [] },
        )
        .map((b) => JSON.stringify(b)),
      anyBody,
    );
    const seen = new Set<number>();
    // Weighted towards the right token and content type so most runs get past the first checks.
    const auth = fc.oneof(
      { arbitrary: fc.constant(`Bearer ${TEST_TOKEN}`), weight: 4 },
      fc.constantFrom('', 'Bearer', 'Bearer ', `bearer ${TEST_TOKEN}`, `Basic ${TEST_TOKEN}`, `Bearer ${TEST_TOKEN} x`),
      fc.string({ maxLength: 100 }).map((s) => `Bearer ${s}`),
    );
    await fc.assert(
      fc.asyncProperty(
        ids,
        fc.boolean(),
        auth,
        fc.boolean(),
        fc.string({ maxLength: 300 }),
        reviewBody,
        contentType,
        async (id, encode, authorization, realEtag, fakeEtag, body, type) => {
          const path = encode ? encodeURIComponent(id) : id;
          let ifMatch = fakeEtag;
          if (realEtag) {
            const current = await send(`/api/conflicts/${path}`);
            ifMatch = current?.res.headers.get('ETag') ?? fakeEtag;
          }
          const headers: Record<string, string> = {};
          if (type) headers['Content-Type'] = type;
          if (authorization) headers.Authorization = authorization;
          if (ifMatch) headers['If-Match'] = ifMatch;
          let sent: Sent | null;
          try {
            sent = await send(`/api/conflicts/${path}/review`, { method: 'PUT', headers, body });
          } catch {
            // A header value the Headers class refuses (control characters) never reaches the server.
            return;
          }
          await checkResponse(sent, ReviewResponseSchema);
          if (sent?.isApi) seen.add(sent.res.status);
          // Per RFC 9110 the auth scheme is case-insensitive; the token is not.
          if (sent?.isApi && sent.res.status === 200)
            expect(authorization).toMatch(new RegExp(`^bearer ${TEST_TOKEN}$`, 'i'));
        },
      ),
      { numRuns: RUNS },
    );
    // The fuzzer got past each layer: the token check, body validation, the ETag check.
    expect([...seen].sort()).toEqual(expect.arrayContaining([400, 401, 409]));
  });

  it('any method on any path', async () => {
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');
    const path = fc.oneof(
      fc.constantFrom(
        '/api',
        '/api/',
        '/api/exams/',
        '/api/conflicts//review',
        '/api/openapi.json',
        '/api/docs',
        '/api/health',
      ),
      fc.array(hostileSegment, { maxLength: 4 }).map((segments) => `/api/${segments.join('/')}`),
    );
    await fc.assert(
      fc.asyncProperty(method, path, async (m, p) => {
        const init: RequestInit = { method: m };
        if (m !== 'GET' && m !== 'HEAD') {
          init.body = '{}';
          init.headers = { 'Content-Type': 'application/json' };
        }
        await checkResponse(await send(p, init));
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * Every route that takes an exam id answers an id it does not hold alike: an exam code or alias the catalog
 * knows (any case) is told the id to use, anything else the known ids. Regression: a new user posted
 * `{"exam":"MLA-C01"}` and got `exam: Invalid string: must match pattern …`; `aws-xyz-c01` got a 404 that
 * listed no ids, while /api/compare did.
 */
import { describe, expect, it } from 'vitest';
import { type FixtureApp, useFixtureApp } from './test/fixtureDataset.ts';

let app: FixtureApp;
useFixtureApp((fixture) => {
  ({ app } = fixture);
});

type ErrorAnswer = { error: { code: string; message: string; details?: Record<string, unknown> } };

const plan = { hoursPerWeek: 8, startDate: '2026-12-01', examDate: '2027-03-01' };
const planQuery = (exam: string) => `exam=${exam}&startDate=2026-12-01&examDate=2027-03-01&hoursPerWeek=8`;

async function answer(path: string, init?: RequestInit): Promise<[number, ErrorAnswer['error']]> {
  const res = await app.request(path, init);
  return [res.status, ((await res.json()) as ErrorAnswer).error];
}

const post = (path: string, body: unknown) =>
  answer(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('an exam given by something other than its id', () => {
  it('POST /api/plans: an exam code names the id to use, in any case', async () => {
    const [status, error] = await post('/api/plans', { exam: 'MLA-C01', ...plan });
    expect(status).toBe(404);
    expect(error.message).toMatchInlineSnapshot(
      `"no exam with id "MLA-C01"; did you mean "aws-mla-c01"? (the API takes exam ids, as GET /api/exams lists them)"`,
    );
    expect(error.details).toEqual({
      exam: 'MLA-C01',
      unknown: ['MLA-C01'],
      known: ['aws-mls-c01', 'aws-mla-c01', 'gcp-pmle'],
      suggestions: { 'MLA-C01': 'aws-mla-c01' },
    });
    // Shaped like an id, so it passes the schema: the same answer.
    const [lower, lowerError] = await post('/api/plans', { exam: 'mla-c01', ...plan });
    expect([lower, lowerError.message]).toEqual([404, error.message.replace('"MLA-C01"', '"mla-c01"')]);
    // An alias too.
    expect((await post('/api/plans/ics', { exam: 'pmle', ...plan }))[1].message).toMatchInlineSnapshot(
      `"no exam with id "pmle"; did you mean "gcp-pmle"? (the API takes exam ids, as GET /api/exams lists them)"`,
    );
  });

  it('POST /api/plans: an unknown id lists the known ones', async () => {
    const [status, error] = await post('/api/plans', { exam: 'aws-xyz-c01', ...plan });
    expect(status).toBe(404);
    expect(error.message).toMatchInlineSnapshot(
      `"no exam with id "aws-xyz-c01"; known exams: aws-mls-c01, aws-mla-c01, gcp-pmle"`,
    );
  });

  it('GET /api/plans and /api/plans/ics: the same answers for the query', async () => {
    expect(await answer(`/api/plans?${planQuery('MLA-C01')}`)).toMatchInlineSnapshot(`
      [
        404,
        {
          "code": "not_found",
          "details": {
            "exam": "MLA-C01",
            "known": [
              "aws-mls-c01",
              "aws-mla-c01",
              "gcp-pmle",
            ],
            "suggestions": {
              "MLA-C01": "aws-mla-c01",
            },
            "unknown": [
              "MLA-C01",
            ],
          },
          "message": "no exam with id "MLA-C01"; did you mean "aws-mla-c01"? (the API takes exam ids, as GET /api/exams lists them)",
        },
      ]
    `);
    expect((await answer(`/api/plans/ics?${planQuery('aws-xyz-c01')}`))[1].message).toMatchInlineSnapshot(
      `"no exam with id "aws-xyz-c01"; known exams: aws-mls-c01, aws-mla-c01, gcp-pmle"`,
    );
  });

  it('GET /api/exams/{id}: the id meant by a code or alias, else the known ids', async () => {
    expect((await answer('/api/exams/MLS-C01'))[1].message).toMatchInlineSnapshot(
      `"no exam with id "MLS-C01"; did you mean "aws-mls-c01"? (the API takes exam ids, as GET /api/exams lists them)"`,
    );
    expect((await answer('/api/exams/PMLE'))[1].message).toMatchInlineSnapshot(
      `"no exam with id "PMLE"; did you mean "gcp-pmle"? (the API takes exam ids, as GET /api/exams lists them)"`,
    );
    expect(await answer('/api/exams/nope')).toMatchInlineSnapshot(`
      [
        404,
        {
          "code": "not_found",
          "details": {
            "exam": "nope",
            "known": [
              "aws-mls-c01",
              "aws-mla-c01",
              "gcp-pmle",
            ],
            "suggestions": {},
            "unknown": [
              "nope",
            ],
          },
          "message": "no exam with id "nope"; known exams: aws-mls-c01, aws-mla-c01, gcp-pmle",
        },
      ]
    `);
  });

  it('GET /api/compare and GET /api/conflicts?exam=: the same', async () => {
    // Compare answers a code exactly as the plan routes do (their full answer is pinned above).
    const viaCompare = await answer('/api/compare?exams=gcp-pmle,MLA-C01');
    expect(viaCompare).toEqual(await answer(`/api/plans?${planQuery('MLA-C01')}`));
    expect((await answer('/api/compare?exams=pmle,MLA-C01,nope'))[1].message).toMatchInlineSnapshot(
      `"no exam with id "pmle", "MLA-C01", "nope"; known exams: aws-mls-c01, aws-mla-c01, gcp-pmle; did you mean "gcp-pmle" for "pmle" and "aws-mla-c01" for "MLA-C01"?"`,
    );
    // The conflicts filter answers a code exactly as compare does.
    expect(await answer('/api/conflicts?exam=MLA-C01')).toEqual(viaCompare);
    expect((await answer('/api/conflicts?exam=aws-xyz-c01'))[1].message).toMatchInlineSnapshot(
      `"no exam with id "aws-xyz-c01"; known exams: aws-mls-c01, aws-mla-c01, gcp-pmle"`,
    );
  });

  it('near misses: what names no exam and is not shaped like an id is still a 400 for its shape', async () => {
    for (const path of ['/api/exams/AWS', '/api/exams/x%00y', '/api/compare?exams=../etc']) {
      const [status, error] = await answer(path);
      expect([path, status, error.code]).toEqual([path, 400, 'bad_request']);
    }
    const [status, error] = await post('/api/plans', { exam: 'Machine Learning', ...plan });
    expect([status, error.message]).toMatchInlineSnapshot(`
      [
        400,
        "invalid body: exam: "Machine Learning" is not an exam id (known exams: aws-mls-c01, aws-mla-c01, gcp-pmle)",
      ]
    `);
  });

  it('the OpenAPI document says what a 404 on an exam id holds', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    for (const [path, method] of [
      ['/api/plans', 'post'],
      ['/api/plans', 'get'],
      ['/api/plans/ics', 'post'],
      ['/api/plans/ics', 'get'],
      ['/api/exams/{id}', 'get'],
      ['/api/conflicts', 'get'],
      ['/api/compare', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.responses['404']?.description, `${method} ${path}`).toMatch(
        /exam code or alias/,
      );
    }
  });
});

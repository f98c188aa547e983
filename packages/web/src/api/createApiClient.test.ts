import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError.ts';
import { createApiClient } from './createApiClient.ts';

function recorder(response: Response) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    return response;
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

describe('createApiClient', () => {
  it('posts a plan as JSON and unwraps {plan}', async () => {
    const { fetch, requests } = recorder(Response.json({ plan: { exam: 'gcp-pmle' } }));
    const api = createApiClient({ fetch });
    expect(await api.createPlan({ exam: 'gcp-pmle', hoursPerWeek: 5, startDate: '2026-12-01' })).toEqual({
      exam: 'gcp-pmle',
    });
    expect(requests[0]?.url).toBe('/api/plans');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(new Headers(requests[0]?.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual({
      exam: 'gcp-pmle',
      hoursPerWeek: 5,
      startDate: '2026-12-01',
    });
  });

  it("turns an error answer into an ApiError with the API's message, field issues and details", async () => {
    const body = {
      error: {
        code: 'bad_request',
        message: 'invalid body: hoursPerWeek: Too big',
        issues: [{ path: 'hoursPerWeek', message: 'Too big: expected number to be <=80' }],
        details: { etag: '"x"' },
      },
    };
    const { fetch } = recorder(Response.json(body, { status: 400 }));
    const error = await createApiClient({ fetch })
      .createPlan({ exam: 'gcp-pmle', hoursPerWeek: 500, startDate: '2026-12-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'invalid body: hoursPerWeek: Too big',
      issues: [{ path: 'hoursPerWeek', message: 'Too big: expected number to be <=80' }],
      details: { etag: '"x"' },
    });
  });

  it('says the server could not be reached instead of throwing a TypeError', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await expect(createApiClient({ fetch }).listExams()).rejects.toMatchObject({
      status: 0,
      message: 'The server could not be reached.',
    });
  });

  it('sends the bearer token and If-Match with a review, and returns the new ETag', async () => {
    const { fetch, requests } = recorder(
      Response.json({ claim: null, conflict: { id: 'c1', etag: '"body"' } }, { headers: { etag: '"new"' } }),
    );
    const result = await createApiClient({ fetch }).reviewConflict(
      'c1',
      { decision: 'accept', note: 'official wins' },
      { token: 't0k', etag: '"old"' },
    );
    const headers = new Headers(requests[0]?.init?.headers);
    expect(requests[0]?.url).toBe('/api/conflicts/c1/review');
    expect(requests[0]?.init?.method).toBe('PUT');
    expect(headers.get('authorization')).toBe('Bearer t0k');
    expect(headers.get('if-match')).toBe('"old"');
    expect(result.etag).toBe('"new"');
  });

  it('encodes ids in paths, so an id cannot walk to another route', async () => {
    const { fetch, requests } = recorder(Response.json({ conflict: { etag: '"e"' } }));
    await createApiClient({ fetch }).getConflict('../exams');
    expect(requests[0]?.url).toBe('/api/conflicts/..%2Fexams');
  });
});

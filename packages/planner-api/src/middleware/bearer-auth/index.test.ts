import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../lib/errors.ts';
import { ReviewerRegistry, tokenDigest } from '../../lib/ReviewerRegistry.ts';
import { type BearerAuthEnv, bearerAuth } from './index.ts';

const registry = new ReviewerRegistry('shared-token', [
  { name: 'ana', tokenSha256: tokenDigest('ana-token').toString('hex') },
  { name: 'bo', tokenSha256: tokenDigest('bo-token').toString('hex') },
]);

function app() {
  const hono = new Hono<BearerAuthEnv>();
  hono.onError((error, c) => errorResponse(c, error));
  hono.use('*', bearerAuth({ realm: 'certplan reviews', verify: (token) => registry.identify(token) }));
  hono.get('/', (c) => c.json({ reviewer: c.get('reviewer') }));
  return hono;
}

const call = (authorization?: string) =>
  app().request('/', { headers: authorization === undefined ? {} : { Authorization: authorization } });

describe('bearerAuth middleware', () => {
  it('names the reviewer a token belongs to; the shared token is "reviewer"', async () => {
    expect(await (await call('Bearer ana-token')).json()).toEqual({ reviewer: 'ana' });
    expect(await (await call('bearer   bo-token  ')).json()).toEqual({ reviewer: 'bo' });
    expect(await (await call('Bearer shared-token')).json()).toEqual({ reviewer: 'reviewer' });
  });

  it('401 without a header, with a challenge', async () => {
    const res = await call();
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="certplan reviews"');
    expect(await res.json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "unauthorized",
          "message": "review writes need Authorization: Bearer <token>",
        },
      }
    `);
  });

  it('400 invalid_request for a malformed header', async () => {
    for (const header of ['Basic YTpi', 'Bearer', 'Bearer a b', 'Bearer tok:en', 'Bearerana-token', 'Bearer ==']) {
      const res = await call(header);
      expect(res.status, header).toBe(400);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="certplan reviews", error="invalid_request"');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    // As Hono's bearer-auth: a header that is not "Bearer <token>" is the client's malformed request (RFC 6750
    // §3.1 invalid_request), not a wrong credential.
    expect(await (await call('Basic YTpi')).json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "bad_request",
          "issues": [
            {
              "message": "expected "Bearer <token>"",
              "path": "Authorization",
            },
          ],
          "message": "malformed Authorization header: expected "Bearer <token>"",
        },
      }
    `);
  });

  it('401 invalid_token for a wrong token, including a prefix or extension of a right one', async () => {
    for (const token of ['wrong', 'ana-toke', 'ana-token1', 'ANA-TOKEN']) {
      const res = await call(`Bearer ${token}`);
      expect(res.status, token).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="certplan reviews", error="invalid_token"');
    }
    expect(await (await call('Bearer wrong')).json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "unauthorized",
          "message": "unknown review token",
        },
      }
    `);
  });
});

describe('ReviewerRegistry.identify', () => {
  it('compares digests of equal length with every entry (constant time in the token), first match wins', () => {
    const twice = new ReviewerRegistry(null, [
      { name: 'first', tokenSha256: tokenDigest('same').toString('hex') },
      { name: 'second', tokenSha256: tokenDigest('same').toString('hex') },
    ]);
    expect(twice.identify('same')).toBe('first');
    expect(twice.identify('x'.repeat(10_000))).toBeNull();
    expect(new ReviewerRegistry('', []).identify('')).toBeNull();
  });
});

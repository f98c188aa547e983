/**
 * Bearer token authentication (RFC 6750) that tells who is calling: `verify` maps a presented token to a
 * reviewer's name, or null. Follows Hono's bearer-auth in its answers:
 *
 * - no Authorization header: 401 `unauthorized`, `WWW-Authenticate: Bearer realm="…"`;
 * - a header that is not `Bearer <b64token>` (RFC 6750 §2.1): 400 `bad_request`, `error="invalid_request"`;
 * - a token `verify` does not know: 401 `unauthorized`, `error="invalid_token"`.
 *
 * On success the reviewer's name is in `c.get('reviewer')`. Comparing tokens in constant time is `verify`'s
 * job (see ReviewerRegistry.identify: sha-256 digests compared with timingSafeEqual, every entry, no early exit).
 */
import { CertplanError } from '@certplan/core';
import type { MiddlewareHandler } from 'hono';

export type BearerAuthEnv = { Variables: { reviewer: string } };

export interface BearerAuthOptions {
  realm: string;
  /** The reviewer's name for a token, or null for an unknown token. */
  verify: (token: string) => string | null;
}

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" /
// "+" / "/" ) *"=". The scheme is case-insensitive (RFC 9110 §11.1). Linear: no nested or overlapping repeats.
const CREDENTIALS = /^bearer +([\w.~+/-]+=*) *$/i;

export function bearerAuth(options: BearerAuthOptions): MiddlewareHandler<BearerAuthEnv> {
  const challenge = (error?: string) => `Bearer realm="${options.realm}"${error ? `, error="${error}"` : ''}`;
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      c.header('WWW-Authenticate', challenge());
      throw new CertplanError('unauthorized', 'review writes need Authorization: Bearer <token>');
    }
    const match = CREDENTIALS.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', challenge('invalid_request'));
      throw new CertplanError('bad_request', 'malformed Authorization header: expected "Bearer <token>"', {
        issues: [{ path: 'Authorization', message: 'expected "Bearer <token>"' }],
      });
    }
    const reviewer = options.verify(match[1]!);
    if (reviewer === null) {
      c.header('WWW-Authenticate', challenge('invalid_token'));
      throw new CertplanError('unauthorized', 'unknown review token');
    }
    c.set('reviewer', reviewer);
    await next();
  };
}

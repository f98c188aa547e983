/**
 * Answers with a body that is a pure function of the request (a plan, its calendar): a weak ETag from the
 * body's bytes, 304 Not Modified when If-None-Match names it (RFC 9110 §13.1.2, weak comparison), the
 * Cache-Control given, and the body compressed with brotli or gzip when the client accepts it. Hono's
 * compress middleware streams through CompressionStream, which has no brotli; node:zlib has both, and a
 * plan (~14 KB of JSON) is small enough to compress in one synchronous call.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** Below this, compressing costs more than it saves on the wire. */
const MIN_COMPRESS_BYTES = 1024;
/** Brotli's quality for dynamic responses: 4–5 is the usual trade of CPU for size (11 is for static assets). */
const BROTLI_QUALITY = 5;

export interface CacheableOptions {
  contentType: string;
  /** Omit for responses that are not cacheable (POST): then no ETag and no 304. */
  cacheControl?: string;
  headers?: Record<string, string>;
}

/** W/"<27 base64url chars of SHA-256>": weak because compressed and plain bodies share it. */
export function weakEtag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match `*`, or a list naming `etag` (weak comparison: W/ prefixes are ignored). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === opaque) return true;
  }
  return false;
}

/** The coding to use from Accept-Encoding: br before gzip, and neither when q=0 refuses it. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') q = Number(value);
    }
    accepted.set(name, Number.isFinite(q) ? q : 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

export function sendCacheable(c: Context, body: string, options: CacheableOptions): Response {
  const headers: Record<string, string> = {
    'Content-Type': options.contentType,
    Vary: 'Accept-Encoding',
    ...options.headers,
  };
  if (options.cacheControl !== undefined) {
    const etag = weakEtag(body);
    headers.ETag = etag;
    headers['Cache-Control'] = options.cacheControl;
    if (etagMatches(c.req.header('If-None-Match'), etag)) {
      delete headers['Content-Type'];
      return c.body(null, 304, headers);
    }
  }
  const encoding =
    Buffer.byteLength(body) >= MIN_COMPRESS_BYTES ? chooseEncoding(c.req.header('Accept-Encoding')) : null;
  if (encoding === null) return c.body(body, 200, headers);
  const bytes =
    encoding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : gzipSync(body, { level: 6 });
  headers['Content-Encoding'] = encoding;
  return c.body(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), 200, headers);
}

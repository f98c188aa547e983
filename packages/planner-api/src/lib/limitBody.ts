/**
 * Request body limit that does not touch the body when the headers settle it. Hono's bodyLimit reads
 * `c.req.raw.body` first, and under @hono/node-server that getter builds a full web Request around the socket
 * (a Readable.toWeb stream) for every request, GETs included; the JSON body is then read through that stream
 * instead of node-server's direct buffer read. Here, a Content-Length is checked as a number and the body is
 * left to be read once by whoever parses it; a GET or HEAD with no body framing is not a body at all. Anything
 * else (chunked, or a body without a length as `app.request()` sends it) goes through Hono's bodyLimit, which
 * counts the bytes as they stream.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.header('transfer-encoding') === undefined) {
      const length = c.req.header('content-length');
      if (length !== undefined && /^\d+$/.test(length.trim())) {
        if (Number(length) > maxSize) return onError(c);
        return next();
      }
      if (length === undefined && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    }
    return streaming(c, next);
  };
}

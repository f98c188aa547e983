import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from './limitBody.ts';

/** An app that answers with the body's length, behind a 10-byte limit. */
function app() {
  const hono = new Hono();
  hono.use(
    '*',
    limitBody(10, (c) => c.text('too large', 413)),
  );
  // (Node's HTTP parser refuses a malformed Content-Length with a 400 before any app sees it.)
  hono.all('*', async (c) => c.text(String((await c.req.text()).length)));
  return hono;
}

describe('limitBody', () => {
  it('refuses on a Content-Length over the limit without reading the body, and passes one within it', async () => {
    const over = await app().request('/', { method: 'POST', headers: { 'Content-Length': '11' }, body: 'x' });
    expect([over.status, await over.text()]).toEqual([413, 'too large']);
    const within = await app().request('/', { method: 'POST', headers: { 'Content-Length': '5' }, body: '12345' });
    expect([within.status, await within.text()]).toEqual([200, '5']);
  });

  it('counts the bytes of a streamed body without Content-Length', async () => {
    const stream = () =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('x'.repeat(11)));
          controller.close();
        },
      });
    const chunked = await app().request('/', { method: 'POST', body: stream(), duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('lets a GET without a body through', async () => {
    const res = await app().request('/');
    expect([res.status, await res.text()]).toEqual([200, '0']);
  });
});

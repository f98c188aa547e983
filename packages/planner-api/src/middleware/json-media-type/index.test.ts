import { CertplanError } from '@certplan/core';
import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../lib/errors.ts';
import { jsonMediaType, parseMediaType } from './index.ts';

function app() {
  const hono = new Hono();
  hono.onError((error, c) => errorResponse(c, error));
  hono.use('*', jsonMediaType());
  // What the route's validator sees after the middleware.
  hono.post('/echo', async (c) => c.json({ type: c.req.header('Content-Type'), body: await c.req.json() }));
  hono.get('/echo', (c) => c.json({ ok: true }));
  return hono;
}

const post = (type: string | null) =>
  app().request('/echo', {
    method: 'POST',
    headers: type === null ? {} : { 'Content-Type': type },
    // Bytes, not a string: a string body would get text/plain from the Request constructor.
    body: new TextEncoder().encode('{"a":1}'),
  });

describe('parseMediaType (RFC 9110 §8.3.1)', () => {
  it('reads type, subtype and parameters case-insensitively, with whitespace around ";"', () => {
    expect(parseMediaType('Application/JSON ; Charset="utf-8" ;')).toEqual({
      essence: 'application/json',
      parameters: new Map([['charset', 'utf-8']]),
    });
    expect(parseMediaType('application/json;;q=1')?.parameters).toEqual(new Map([['q', '1']]));
    expect(parseMediaType('text/plain; x="a\\"b"')?.parameters.get('x')).toBe('a"b');
  });

  it('refuses what is not a media type', () => {
    for (const text of [
      '',
      'json',
      'application/',
      '/json',
      'application/json garbage',
      'application/json; charset',
      'application/json; a=1; a=2',
      'application/json; x="open',
    ]) {
      expect(parseMediaType(text), text).toBeNull();
    }
  });

  it('is linear: 100,000 semicolons or spaces parse at once', () => {
    expect(parseMediaType(`application/json${';'.repeat(100_000)}`)?.essence).toBe('application/json');
    expect(parseMediaType(`application/json${' '.repeat(100_000)}x`)).toBeNull();
  });

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseMediaType(text);
      }),
    );
  });
});

describe('jsonMediaType middleware', () => {
  it('accepts every valid spelling of application/json and hands the route plain application/json', async () => {
    for (const type of [
      'application/json',
      'APPLICATION/JSON',
      'application/json;',
      'application/json ;charset=utf-8',
      'application/json; charset=UTF-8',
      'application/json;charset="utf-8"',
      'application/json\t;\tcharset=utf-8 ; q=1',
    ]) {
      const res = await post(type);
      expect(res.status, type).toBe(200);
      expect(await res.json()).toEqual({ type: 'application/json', body: { a: 1 } });
    }
  });

  it("answers 415 in certplan's error shape for a missing, malformed or other type, or a charset that is not UTF-8", async () => {
    const cases: Record<string, string | null> = {
      none: null,
      text: 'text/plain',
      suffix: 'application/merge-patch+json',
      malformed: 'application/json garbage',
      latin1: 'application/json; charset=iso-8859-1',
    };
    const messages: Record<string, string> = {};
    for (const [name, type] of Object.entries(cases)) {
      const res = await post(type);
      expect(res.status, name).toBe(415);
      const { error } = (await res.json()) as { error: { code: string; message: string; issues: unknown[] } };
      expect(error.code).toBe('unsupported_media_type');
      expect(error.issues).toEqual([{ path: 'Content-Type', message: 'must be application/json' }]);
      messages[name] = error.message;
    }
    expect(messages).toMatchInlineSnapshot(`
      {
        "latin1": "expected Content-Type: application/json, got charset "iso-8859-1": JSON is UTF-8",
        "malformed": "expected Content-Type: application/json, got "application/json garbage", which is not a media type",
        "none": "expected Content-Type: application/json, got none",
        "suffix": "expected Content-Type: application/json, got "application/merge-patch+json"",
        "text": "expected Content-Type: application/json, got "text/plain"",
      }
    `);
  });

  it('lets methods without a body through', async () => {
    expect((await app().request('/echo')).status).toBe(200);
  });

  it('throws a CertplanError (mapped by the app), not a Response', async () => {
    const hono = new Hono();
    let thrown: unknown;
    hono.onError((error, c) => {
      thrown = error;
      return c.text('x', 500);
    });
    hono.use('*', jsonMediaType());
    hono.post('/', (c) => c.text('ok'));
    await hono.request('/', { method: 'POST', body: 'x' });
    expect(thrown).toBeInstanceOf(CertplanError);
  });
});

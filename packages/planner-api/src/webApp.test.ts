/**
 * Serving the built web app: files from the web root, index.html for client-side routes, 404 for missing
 * assets, nothing outside the root, and the same security headers as the API.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, tempContentDir } from './test/fixtureDataset.ts';

let root: string;
let webRoot: string;
let contentDir: string;
let app: ReturnType<typeof fixtureApp>['app'];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'certplan-web-'));
  webRoot = join(root, 'dist');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(
    join(webRoot, 'index.html'),
    '<!doctype html><title>certplan</title><script type="module" src="/assets/app.js"></script>',
  );
  await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log("app")');
  // A file beside the web root that must never be served.
  await writeFile(join(root, 'secret.txt'), 'TOP-SECRET-CONTENT');
  contentDir = await tempContentDir();
  ({ app } = fixtureApp(contentDir, { webRoot }));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
});

describe('web app', () => {
  it('serves index.html at / and for client routes, with the CSP', async () => {
    for (const path of ['/', '/plan', '/exams/aws-mla-c01', '/conflicts/x.y.z']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>certplan</title>');
      expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    }
  });

  it('serves assets with their type and 404s missing ones instead of sending HTML', async () => {
    const js = await app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('Content-Type')).toMatch(/javascript/);
    const missing = await app.request('/assets/missing.js');
    expect(missing.status).toBe(404);
  });

  it('never serves a file outside the web root', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '//secret.txt',
    ]) {
      const res = await app.request(path);
      expect(await res.text(), path).not.toContain('TOP-SECRET-CONTENT');
    }
  });
});

/**
 * The built web app (packages/web/dist): `/` serves the SPA and its assets; any other non-API GET falls back to
 * index.html so client routes survive a reload. `/api` paths pass on (to the app's JSON 404). Mounted last by
 * createApp with `app.route('/', …)`; `webRoot` null: `/` says how to build the web app.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';

const STATIC_ASSET = /\.(?:js|mjs|css|map|json|txt|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|webmanifest|wasm)$/i;

const MINIMAL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>certplan</title></head>
<body><h1>certplan</h1><p>The web app is not built. Run <code>pnpm --filter @certplan/web build</code>
(or <code>pnpm start</code>, which builds everything), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

export function webAppRoutes(webRoot: string | null) {
  const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');
  const indexHtml = async (): Promise<string | null> => {
    if (!webRoot) return null;
    try {
      return await readFile(join(webRoot, 'index.html'), 'utf8');
    } catch {
      return null;
    }
  };
  const staticFiles = webRoot ? serveStatic({ root: webRoot }) : null;
  return new Hono().on(['GET', 'HEAD'], '*', async (c, next) => {
    if (isApi(c)) return next();
    if (staticFiles) {
      const served = await staticFiles(c, async () => {});
      if (served instanceof Response) return served;
      if (c.finalized) return c.res;
    }
    // A missing asset is a 404, not the SPA shell: a browser would otherwise parse HTML as a script. Client
    // routes may hold dots (conflict ids), so only known asset types count.
    if (STATIC_ASSET.test(c.req.path)) return next();
    const html = await indexHtml();
    return c.html(html ?? MINIMAL_PAGE);
  });
}

/**
 * The API about itself: `GET /api/health` (liveness), `GET /api/openapi.json` (the OpenAPI 3.1 document of
 * every route group) and `GET /api/docs` (that document as a page with no scripts, styled by `/api/docs.css`).
 * Mounted by createApp at `/api`; `document` is read lazily, after every group is mounted.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createRouteGroup } from '../lib/createRouteGroup.ts';
import { renderDocsCss, renderDocsPage } from '../lib/docsPage.ts';
import { HealthSchema } from '../schemas.ts';

export interface MetaRoutesDeps {
  /** The app's OpenAPI document (generated once, on first use). */
  document: () => ReturnType<OpenAPIHono['getOpenAPI31Document']>;
}

export function metaRoutes(deps: MetaRoutesDeps) {
  return createRouteGroup()
    .openapi(
      createRoute({
        method: 'get',
        path: '/health',
        summary: 'Liveness',
        responses: { 200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } } },
      }),
      (c) => c.json({ ok: true as const }, 200),
    )
    .get('/openapi.json', (c) => c.json(deps.document()))
    .get('/docs', (c) => c.html(renderDocsPage(deps.document())))
    .get('/docs.css', (c) => c.body(renderDocsCss(), 200, { 'Content-Type': 'text/css; charset=utf-8' }));
}

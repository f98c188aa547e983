/**
 * The HTTP API as a Hono app: `createApp(deps)` wires the route groups under `src/routes/` to an in-memory
 * dataset, a content directory and a clock, and listens nowhere (server.ts does). Tests call `app.request()`
 * directly. The groups are mounted by chaining `.route()`, so `AppType` (the app's type) carries every route
 * with its request and response schemas: the web app calls the API through `hc<AppType>`.
 */
import { type WriteFile, writeFileAtomic } from '@certplan/atomic-write';
import { CertplanError, DEFAULT_FRESHNESS_SETTINGS, type FreshnessSettings } from '@certplan/core';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { createRouteGroup } from './lib/createRouteGroup.ts';
import { DatasetStore } from './lib/DatasetStore.ts';
import { errorResponse } from './lib/errors.ts';
import { limitBody } from './lib/limitBody.ts';
import { ReviewerRegistry } from './lib/ReviewerRegistry.ts';
import { jsonMediaType } from './middleware/json-media-type/index.ts';
import { compareRoute } from './routes/compareRoute.ts';
import { conflictRoutes } from './routes/conflictRoutes.ts';
import { examRoutes } from './routes/examRoutes.ts';
import { metaRoutes } from './routes/metaRoutes.ts';
import { planRoutes } from './routes/planRoutes.ts';
import { webAppRoutes } from './routes/webAppRoutes.ts';

export interface AppDeps {
  /** The in-memory dataset; reviews swap in a re-reconciled one. */
  dataset: DatasetStore;
  /** Where reviews.yaml lives (content/). */
  contentDir: string;
  /** The shared bearer token that allows review writes, recorded as "reviewer" ("" for none). */
  reviewToken: string;
  /**
   * Reviewers with their own tokens (content/reviewers.yaml), kept current by the server. Default: only
   * `reviewToken`.
   */
  reviewers?: ReviewerRegistry;
  clock: () => Date;
  /** The built web app (packages/web/dist); null or missing: `/` says how to build it. */
  webRoot?: string | null;
  /** Atomic writer (tmp, fsync, rename); injectable so tests can simulate a failing disk. */
  writeFile?: WriteFile;
  /** Origins allowed to call the API from a browser. Empty (the default): no CORS headers at all. */
  corsOrigins?: readonly string[];
  /** Request body limit in bytes (default 64 KiB: a plan request or a review is well under 2 KiB). */
  bodyLimitBytes?: number;
  /** When a claim counts as stale (content/freshness.yaml); default 18 months. */
  freshness?: FreshnessSettings;
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export function createApp(deps: AppDeps) {
  const store = deps.dataset;
  const clock = deps.clock;
  const thresholdMonths = (deps.freshness ?? DEFAULT_FRESHNESS_SETTINGS).thresholdMonths;
  const app = createRouteGroup();

  app.onError((error, c) => {
    if (!(error instanceof CertplanError) && !('getResponse' in error)) {
      console.error('unexpected error', c.req.method, c.req.path, error);
    }
    return errorResponse(c, error);
  });
  app.notFound((c) => {
    return errorResponse(c, new CertplanError('not_found', `no route for ${c.req.method} ${c.req.path}`));
  });

  app.use(
    '*',
    secureHeaders({
      // The web app is a Vite bundle with no inline scripts or styles: only our own origin, nothing else.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
      strictTransportSecurity: false,
    }),
  );
  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...deps.corsOrigins],
        allowHeaders: ['Content-Type', 'Authorization', 'If-Match'],
        exposeHeaders: ['ETag'],
      }),
    );
  }
  app.use(
    '/api/*',
    limitBody(deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES, () => {
      throw new CertplanError(
        'payload_too_large',
        `request body over ${deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES} bytes`,
      );
    }),
  );
  app.use('/api/*', jsonMediaType());

  const api = app
    .route('/api', metaRoutes({ document: () => document() }))
    .route('/api', examRoutes({ dataset: store, clock, thresholdMonths }))
    .route(
      '/api',
      conflictRoutes({
        dataset: store,
        contentDir: deps.contentDir,
        writeFile: deps.writeFile ?? writeFileAtomic,
        clock,
        reviewers: deps.reviewers ?? new ReviewerRegistry(deps.reviewToken),
      }),
    )
    .route('/api', planRoutes({ dataset: store, clock }))
    .route('/api', compareRoute({ dataset: store, clock, thresholdMonths }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: 'certplan API',
      version: '1.0.0',
      description:
        'Study plans for ML cloud certifications, the facts behind them with citations, and reviews of conflicts between sources.',
    },
  };
  // Generated once, on first request: the routes do not change after createApp.
  let openApiDocument: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const document = () => {
    openApiDocument ??= app.getOpenAPI31Document(openApiConfig);
    return openApiDocument;
  };

  // Last: the SPA's catch-all GET passes every /api path on, to the app's JSON 404.
  app.route('/', webAppRoutes(deps.webRoot ?? null));
  return api;
}

/** The API's type: every route with its request and response schemas, for `hc<AppType>` (hono/client). */
export type AppType = ReturnType<typeof createApp>;
export { DatasetStore };

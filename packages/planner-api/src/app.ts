/**
 * The HTTP API as a Hono app: `createApp(deps)` wires routes to an in-memory dataset, a content directory and
 * a clock, and listens nowhere (server.ts does). Tests call `app.request()` directly.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CertplanError } from '@certplan/core';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { DatasetStore } from './lib/DatasetStore.ts';
import { renderDocsCss, renderDocsPage } from './lib/docsPage.ts';
import { errorResponse, validationError } from './lib/errors.ts';
import { limitBody } from './lib/limitBody.ts';
import { recordReview } from './lib/recordReview.ts';
import { claimForConflict, claimView, conflictEtag, conflictView, examSummary } from './lib/views.ts';
import { type WriteFile, writeFileAtomic } from './lib/writeFileAtomic.ts';
import {
  icsOptionsFor,
  PlanRequestSchema,
  type PlanResponse,
  PlanResponseSchema,
  planFromRequest,
  planToIcs,
  retirementOf,
  serializePlanResponse,
} from './planner/index.ts';
import {
  ConflictIdParamSchema,
  ConflictListSchema,
  ConflictQuerySchema,
  ConflictResponseSchema,
  ErrorSchema,
  ExamDetailSchema,
  ExamIdParamSchema,
  ExamListSchema,
  HealthSchema,
  ReviewRequestSchema,
  ReviewResponseSchema,
} from './schemas.ts';

export interface AppDeps {
  /** The in-memory dataset; reviews swap in a re-reconciled one. */
  dataset: DatasetStore;
  /** Where reviews.yaml lives (content/). */
  contentDir: string;
  /** Bearer token that allows review writes. */
  reviewToken: string;
  clock: () => Date;
  /** The built web app (packages/web/dist); null or missing: `/` says how to build it. */
  webRoot?: string | null;
  /** Atomic writer (tmp, fsync, rename); injectable so tests can simulate a failing disk. */
  writeFile?: WriteFile;
  /** Origins allowed to call the API from a browser. Empty (the default): no CORS headers at all. */
  corsOrigins?: readonly string[];
  /** Request body limit in bytes (default 64 KiB: a plan request or a review is well under 2 KiB). */
  bodyLimitBytes?: number;
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: describeStatus(status), content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );

function describeStatus(status: number): string {
  const descriptions: Record<number, string> = {
    400: 'Bad request: invalid body, query, path or header (see error.issues)',
    401: 'Missing or wrong bearer token',
    404: 'Unknown id',
    409: "If-Match does not match the conflict's current ETag (error.details.etag holds the current one)",
    413: 'Request body too large',
    422: 'The exam is retired by the exam date (error.details names the date, successor and sources)',
    503: "The server's content (reviews.yaml) cannot be read; nothing was written",
  };
  return descriptions[status] ?? String(status);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time: comparing digests of equal length leaks neither content nor length of the token. */
function bearerAuth(token: string): MiddlewareHandler {
  const expected = sha256(token);
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match || !timingSafeEqual(sha256(match[1]!), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="certplan reviews"');
      throw new CertplanError('unauthorized', 'review writes need Authorization: Bearer <REVIEW_TOKEN>');
    }
    await next();
  };
}

/** Without this, a body sent as text/plain would skip JSON parsing and fail with confusing "required" issues. */
const requireJson: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw new CertplanError('bad_request', `expected Content-Type: application/json, got "${mediaType || 'none'}"`, {
        issues: [{ path: 'Content-Type', message: 'must be application/json' }],
      });
    }
  }
  await next();
};

const STATIC_ASSET = /\.(?:js|mjs|css|map|json|txt|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|webmanifest|wasm)$/i;

function today(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}

const MINIMAL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>certplan</title></head>
<body><h1>certplan</h1><p>The web app is not built. Run <code>pnpm --filter @certplan/web build</code>
(or <code>pnpm start</code>, which builds everything), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

export function createApp(deps: AppDeps) {
  const store = deps.dataset;
  const writeFile = deps.writeFile ?? writeFileAtomic;
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target === 'json' ? 'body' : result.target, result.error);
    },
  });

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
  app.use('/api/*', requireJson);
  app.on('PUT', '/api/conflicts/:id/review', bearerAuth(deps.reviewToken));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness',
      responses: { 200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } } },
    }),
    (c) => c.json({ ok: true as const }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/exams',
      summary: 'Exams with their key facts, each with citations',
      responses: { 200: { description: 'All exams', content: { 'application/json': { schema: ExamListSchema } } } },
    }),
    (c) => {
      const { index } = store;
      const exams = store.dataset.exams.map((exam) =>
        examSummary(index, exam, retirementOf(store.plannerIndex, exam.id)),
      );
      return c.json({ exams }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/exams/{id}',
      summary: 'One exam: every claim with citations, and the conflicts that touch it',
      request: { params: ExamIdParamSchema },
      responses: {
        200: { description: 'The exam', content: { 'application/json': { schema: ExamDetailSchema } } },
        ...errorResponses(400, 404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const { index } = store;
      const exam = index.examsById.get(id);
      if (!exam) throw new CertplanError('not_found', `no exam with id "${id}"`, { details: { exam: id } });
      const summary = examSummary(index, exam, retirementOf(store.plannerIndex, exam.id));
      return c.json(
        {
          exam: { ...summary, aliases: exam.aliases },
          claims: (index.claimsByExam.get(id) ?? []).map((claim) => claimView(index, claim)),
          conflicts: (index.conflictsByExam.get(id) ?? []).map((conflict) => conflictView(index, conflict)),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conflicts',
      summary: 'Conflicts between sources, with quotes, the suggestion and the review',
      request: { query: ConflictQuerySchema },
      responses: {
        200: { description: 'Conflicts', content: { 'application/json': { schema: ConflictListSchema } } },
        ...errorResponses(400),
      },
    }),
    (c) => {
      const query = c.req.valid('query');
      const { index } = store;
      const conflicts = store.dataset.conflicts
        .filter((conflict) => query.exam === undefined || conflict.exam === query.exam)
        .filter((conflict) => query.severity === undefined || conflict.severity === query.severity)
        .filter((conflict) => query.status === undefined || (conflict.review ? 'reviewed' : 'open') === query.status)
        .map((conflict) => conflictView(index, conflict));
      return c.json({ conflicts }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conflicts/{id}',
      summary: 'One conflict, with its ETag for a review',
      request: { params: ConflictIdParamSchema },
      responses: {
        200: {
          description: 'The conflict',
          headers: { ETag: { schema: { type: 'string' }, description: 'Send back in If-Match to review' } },
          content: { 'application/json': { schema: ConflictResponseSchema } },
        },
        ...errorResponses(400, 404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const conflict = store.index.conflictsById.get(id);
      if (!conflict) throw new CertplanError('not_found', `no conflict with id "${id}"`);
      c.header('ETag', conflictEtag(conflict));
      c.header('Cache-Control', 'no-cache');
      return c.json({ conflict: conflictView(store.index, conflict) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conflicts/{id}/review',
      summary: "Record a reviewer's decision (writes content/reviews.yaml)",
      security: [{ bearer: [] }],
      request: {
        params: ConflictIdParamSchema,
        headers: z.object({
          'if-match': z
            .string()
            .max(200)
            .optional()
            .openapi({ description: "The conflict's ETag from GET /api/conflicts/{id}" }),
        }),
        body: { required: true, content: { 'application/json': { schema: ReviewRequestSchema } } },
      },
      responses: {
        200: {
          description: 'Recorded; the claim as it now stands and the conflict with its new ETag',
          headers: { ETag: { schema: { type: 'string' } } },
          content: { 'application/json': { schema: ReviewResponseSchema } },
        },
        ...errorResponses(400, 401, 404, 409, 413, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const updated = await recordReview({
        store,
        contentDir: deps.contentDir,
        writeFile,
        clock: deps.clock,
        conflictId: id,
        ifMatch: c.req.valid('header')['if-match'],
        request: c.req.valid('json'),
      });
      const { index } = store;
      const claim = claimForConflict(index, updated);
      c.header('ETag', conflictEtag(updated));
      return c.json({ claim: claim ? claimView(index, claim) : null, conflict: conflictView(index, updated) }, 200);
    },
  );

  const planRequestBody = {
    required: true,
    content: { 'application/json': { schema: PlanRequestSchema } },
  } as const;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans',
      summary: 'A week-by-week study plan',
      request: { body: planRequestBody },
      responses: {
        200: { description: 'The plan', content: { 'application/json': { schema: PlanResponseSchema } } },
        ...errorResponses(400, 404, 413, 422),
      },
    }),
    (c) => {
      // The body passed PlanRequestSchema in the route's validator: plan it without validating it again.
      const plan = planFromRequest(c.req.valid('json'), store.plannerIndex, { today: today(deps.clock) });
      // Same bytes as c.json({plan}), written from cached fragments of the dataset's passages (serializePlan.ts).
      const response = c.body(serializePlanResponse(plan), 200, { 'Content-Type': 'application/json' });
      return response as unknown as TypedResponse<PlanResponse, 200, 'json'>;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans/ics',
      summary: 'The same plan as an iCalendar file (RFC 5545)',
      request: {
        body: planRequestBody,
        query: z.object({
          granularity: z
            .enum(['week', 'session'])
            .optional()
            .openapi({
              param: { name: 'granularity', in: 'query' },
              description: 'One event per week (default) or per session',
            }),
        }),
      },
      responses: {
        200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
        ...errorResponses(400, 404, 413, 422),
      },
    }),
    (c) => {
      const stamp = today(deps.clock);
      const plan = planFromRequest(c.req.valid('json'), store.plannerIndex, { today: stamp });
      const granularity = c.req.valid('query').granularity ?? 'week';
      const ics = planToIcs(plan, { ...icsOptionsFor(store.plannerIndex, plan.exam), granularity, stamp });
      return c.body(ics, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="certplan-${plan.exam}.ics"`,
      });
    },
  );

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
  // Generated once: the routes do not change after createApp.
  let openApiDocument: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const document = () => {
    openApiDocument ??= app.getOpenAPI31Document(openApiConfig);
    return openApiDocument;
  };
  app.get('/api/openapi.json', (c) => c.json(document()));
  app.get('/api/docs', (c) => c.html(renderDocsPage(document())));
  app.get('/api/docs.css', (c) => c.body(renderDocsCss(), 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  mountWebApp(app, deps.webRoot ?? null);
  return app;
}

/** `/` serves the built SPA; any other non-API GET falls back to index.html so client routes survive a reload. */
function mountWebApp(app: OpenAPIHono, webRoot: string | null) {
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
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
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

export type App = ReturnType<typeof createApp>;
export { DatasetStore };

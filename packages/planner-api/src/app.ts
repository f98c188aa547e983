/**
 * The HTTP API as a Hono app: `createApp(deps)` wires routes to an in-memory dataset, a content directory and
 * a clock, and listens nowhere (server.ts does). Tests call `app.request()` directly.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type WriteFile, writeFileAtomic } from '@certplan/atomic-write';
import { CertplanError, type Conflict, DEFAULT_FRESHNESS_SETTINGS, type FreshnessSettings } from '@certplan/core';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { Context, TypedResponse } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { DatasetStore } from './lib/DatasetStore.ts';
import { renderDocsCss, renderDocsPage } from './lib/docsPage.ts';
import { errorResponse, validationError } from './lib/errors.ts';
import { freshnessOf } from './lib/freshnessViews.ts';
import { limitBody } from './lib/limitBody.ts';
import { ReviewerRegistry } from './lib/ReviewerRegistry.ts';
import { recordReview, undoReview } from './lib/recordReview.ts';
import { sendCacheable } from './lib/sendCacheable.ts';
import { staleReviewViews } from './lib/staleReviewViews.ts';
import { claimForConflict, claimView, conflictEtag, conflictView, examSummary } from './lib/views.ts';
import { type BearerAuthEnv, bearerAuth } from './middleware/bearer-auth/index.ts';
import { jsonMediaType } from './middleware/json-media-type/index.ts';
import {
  icsOptionsFor,
  type Plan,
  type PlanRequest,
  PlanRequestSchema,
  type PlanResponse,
  PlanResponseSchema,
  planFromRequest,
  planRequestFromQuery,
  planRequestToQuery,
  planToIcs,
  retirementOf,
  serializePlanResponse,
} from './planner/index.ts';
import { compareRoute } from './routes/compareRoute.ts';
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
    415: 'Content-Type is not application/json',
    409: "If-Match does not match the conflict's current ETag (error.details.etag holds the current one)",
    413: 'Request body too large',
    422: 'The exam is retired by the exam date (error.details names the date, successor and sources)',
    503: "The server's content (reviews.yaml) cannot be read; nothing was written",
  };
  return descriptions[status] ?? String(status);
}

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

/**
 * The If-Match header of a review write: the conflict's ETag, so a decision on a conflict that changed since
 * the reviewer read it is refused. Optional in the schema: recordReview names a missing one itself.
 */
const ifMatchHeader = (description: string) =>
  z.object({ 'if-match': z.string().max(200).optional().openapi({ description }) });

export function createApp(deps: AppDeps) {
  const store = deps.dataset;
  const thresholdMonths = (deps.freshness ?? DEFAULT_FRESHNESS_SETTINGS).thresholdMonths;
  /** Claims dated as of the request's day (core's claimFreshness; never stored). */
  const freshnessToday = (claims: Parameters<typeof freshnessOf>[1]) =>
    freshnessOf(store.index, claims, { asOf: today(deps.clock), thresholdMonths });
  const writeFile = deps.writeFile ?? writeFileAtomic;
  /** What recording and undoing a decision both write through. */
  const reviewFiles = { store, contentDir: deps.contentDir, writeFile, clock: deps.clock };
  /** After a decision or its undo: the claim as it now stands and the conflict (its ETag goes in a header). */
  const reviewAnswer = (updated: Conflict) => {
    const { index } = store;
    const claim = claimForConflict(index, updated);
    return { claim: claim ? claimView(index, claim) : null, conflict: conflictView(index, updated) };
  };
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
  app.use('/api/*', jsonMediaType());
  const reviewers = deps.reviewers ?? new ReviewerRegistry(deps.reviewToken);
  app.on(
    ['PUT', 'DELETE'],
    '/api/conflicts/:id/review',
    bearerAuth({ realm: 'certplan reviews', verify: (token) => reviewers.identify(token) }),
  );

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
      const freshness = freshnessToday(store.dataset.claims);
      const exams = store.dataset.exams.map((exam) =>
        examSummary(index, exam, retirementOf(store.plannerIndex, exam.id), freshness),
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
      const claims = index.claimsByExam.get(id) ?? [];
      const freshness = freshnessToday(claims);
      const summary = examSummary(index, exam, retirementOf(store.plannerIndex, exam.id), freshness);
      return c.json(
        {
          exam: { ...summary, aliases: exam.aliases },
          claims: claims.map((claim) => claimView(index, claim, freshness)),
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
      // Decisions that stopped applying are listed whatever the severity/status filter: they belong to no conflict.
      const staleReviews = staleReviewViews(index, store.dataset, query.exam === undefined ? {} : { exam: query.exam });
      return c.json({ conflicts, staleReviews }, 200);
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
        headers: ifMatchHeader("The conflict's ETag from GET /api/conflicts/{id}"),
        body: { required: true, content: { 'application/json': { schema: ReviewRequestSchema } } },
      },
      responses: {
        200: {
          description: 'Recorded; the claim as it now stands and the conflict with its new ETag',
          headers: { ETag: { schema: { type: 'string' } } },
          content: { 'application/json': { schema: ReviewResponseSchema } },
        },
        ...errorResponses(400, 401, 404, 409, 413, 415, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const updated = await recordReview({
        ...reviewFiles,
        conflictId: id,
        ifMatch: c.req.valid('header')['if-match'],
        request: c.req.valid('json'),
        // Set by bearerAuth: the name the token belongs to, never what the client claims.
        reviewer: (c as unknown as Context<BearerAuthEnv>).get('reviewer'),
      });
      c.header('ETag', conflictEtag(updated));
      return c.json(reviewAnswer(updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/conflicts/{id}/review',
      summary: "Undo a reviewer's decision (removes it from content/reviews.yaml); the conflict is open again",
      security: [{ bearer: [] }],
      request: {
        params: ConflictIdParamSchema,
        headers: ifMatchHeader("The conflict's current ETag (it changes with every decision)"),
      },
      responses: {
        200: {
          description: 'Removed; the claim as it now stands and the open conflict with its new ETag',
          headers: { ETag: { schema: { type: 'string' } } },
          content: { 'application/json': { schema: ReviewResponseSchema } },
        },
        ...errorResponses(400, 401, 404, 409, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const updated = await undoReview({
        ...reviewFiles,
        conflictId: id,
        ifMatch: c.req.valid('header')['if-match'],
      });
      c.header('ETag', conflictEtag(updated));
      return c.json(reviewAnswer(updated), 200);
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
      const response = sendCacheable(c, serializePlanResponse(plan), { contentType: 'application/json' });
      return response as unknown as TypedResponse<PlanResponse, 200, 'json'>;
    },
  );

  /**
   * A GET plan request's query: parsed into a body, validated by PlanRequestSchema. Returns the request and
   * whether the query was already in its canonical form (else the route redirects there, so caches see one
   * URL per plan).
   */
  const planQuery = (url: URL): { request: PlanRequest; canonical: string; isCanonical: boolean } => {
    const { request, issues } = planRequestFromQuery(url.searchParams);
    if (issues.length > 0) {
      const first = issues[0] as { path: string; message: string };
      throw new CertplanError('bad_request', `invalid query: ${first.path}: ${first.message}`, { issues });
    }
    const parsed = PlanRequestSchema.safeParse(request);
    if (!parsed.success) throw validationError('query', parsed.error);
    const canonical = planRequestToQuery(parsed.data);
    return { request: parsed.data, canonical, isCanonical: url.search.slice(1) === canonical };
  };
  // A plan changes only with the dataset (reviews): caches may keep it a few minutes, then revalidate by ETag.
  const PLAN_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
  const planQueryParameters = z
    .object({
      exam: z.string().openapi({ param: { name: 'exam', in: 'query' }, example: 'gcp-pmle' }),
      startDate: z.string().openapi({ param: { name: 'startDate', in: 'query' }, example: '2026-12-01' }),
      examDate: z
        .string()
        .optional()
        .openapi({ param: { name: 'examDate', in: 'query' } }),
      hoursPerWeek: z.string().openapi({ param: { name: 'hoursPerWeek', in: 'query' }, example: '8' }),
      targetHours: z
        .string()
        .optional()
        .openapi({ param: { name: 'targetHours', in: 'query' } }),
      experienceYears: z
        .string()
        .optional()
        .openapi({ param: { name: 'experienceYears', in: 'query' } }),
      studyDays: z
        .string()
        .optional()
        .openapi({ param: { name: 'studyDays', in: 'query' }, example: 'mon,wed,sat', description: 'Comma list' }),
      sessionStart: z
        .string()
        .optional()
        .openapi({ param: { name: 'sessionStart', in: 'query' }, example: '19:00' }),
      timeZone: z
        .string()
        .optional()
        .openapi({ param: { name: 'timeZone', in: 'query' }, example: 'Europe/Berlin' }),
      replanFrom: z
        .string()
        .optional()
        .openapi({ param: { name: 'replanFrom', in: 'query' } }),
    })
    .catchall(z.string())
    .openapi({
      description:
        'The plan request as query parameters, in the canonical order of plan.query; proficiency and done as `proficiency.<domain>=<1..5>` and `done.<domain>=<hours>`. A query in another order or spelling is redirected (308) to the canonical one.',
    });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans',
      summary: 'The same plan as POST /api/plans, cacheable: ETag, Cache-Control, 304, gzip/brotli',
      request: { query: planQueryParameters },
      responses: {
        200: {
          description: 'The plan',
          headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
          content: { 'application/json': { schema: PlanResponseSchema } },
        },
        304: { description: 'Not modified (If-None-Match named the current ETag)' },
        308: { description: 'Redirect to the canonical query of the same request' },
        ...errorResponses(400, 404, 422),
      },
    }),
    (c) => {
      const { request, canonical, isCanonical } = planQuery(new URL(c.req.url));
      if (!isCanonical) return c.redirect(`/api/plans?${canonical}`, 308) as never;
      const plan = planFromRequest(request, store.plannerIndex, { today: today(deps.clock) });
      const response = sendCacheable(c, serializePlanResponse(plan), {
        contentType: 'application/json',
        cacheControl: PLAN_CACHE_CONTROL,
      });
      return response as unknown as TypedResponse<PlanResponse, 200, 'json'>;
    },
  );

  const planIcs = (c: Context, plan: Plan, granularity: 'week' | 'session', feedUrl: string | null) => {
    const ics = planToIcs(plan, {
      ...icsOptionsFor(store.plannerIndex, plan.exam),
      granularity,
      stamp: today(deps.clock),
      vtimezone: getVtimezoneComponent,
      feedUrl,
    });
    return sendCacheable(c, ics, {
      contentType: 'text/calendar; charset=utf-8',
      ...(feedUrl ? { cacheControl: PLAN_CACHE_CONTROL } : {}),
      headers: { 'Content-Disposition': `attachment; filename="certplan-${plan.exam}.ics"` },
    });
  };
  const granularityQuery = z
    .enum(['week', 'session'])
    .optional()
    .openapi({
      param: { name: 'granularity', in: 'query' },
      description: 'One timed event per session (default) or one all-day event per week',
    });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans/ics',
      summary: 'The same plan as an iCalendar file (RFC 5545)',
      request: {
        body: planRequestBody,
        query: z.object({ granularity: granularityQuery }),
      },
      responses: {
        200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
        ...errorResponses(400, 404, 413, 422),
      },
    }),
    (c) => {
      const plan = planFromRequest(c.req.valid('json'), store.plannerIndex, { today: today(deps.clock) });
      return planIcs(c, plan, c.req.valid('query').granularity ?? 'session', null) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/ics',
      summary:
        'The plan as a calendar feed to subscribe to (webcal://…/api/plans/ics?<plan.query>): UIDs stay the same across re-plans, so events update in place',
      request: { query: planQueryParameters },
      responses: {
        200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
        304: { description: 'Not modified' },
        308: { description: 'Redirect to the canonical query' },
        ...errorResponses(400, 404, 422),
      },
    }),
    (c) => {
      const url = new URL(c.req.url);
      const granularity = url.searchParams.get('granularity');
      if (granularity !== null && granularity !== 'week' && granularity !== 'session') {
        throw new CertplanError('bad_request', 'invalid query: granularity: expected "week" or "session"', {
          issues: [{ path: 'granularity', message: 'expected "week" or "session"' }],
        });
      }
      // The feed's canonical form: the plan's query, then granularity only when it is not the default.
      const planParams = new URL(url);
      planParams.searchParams.delete('granularity');
      const { request, canonical } = planQuery(planParams);
      const suffix = granularity === 'week' ? '&granularity=week' : '';
      if (url.search.slice(1) !== `${canonical}${suffix}`) {
        return c.redirect(`/api/plans/ics?${canonical}${suffix}`, 308) as never;
      }
      const plan = planFromRequest(request, store.plannerIndex, { today: today(deps.clock) });
      const feedUrl = `${url.origin}/api/plans/ics?${canonical}${suffix}`;
      return planIcs(c, plan, granularity === 'week' ? 'week' : 'session', feedUrl) as never;
    },
  );

  app.route(
    '/',
    compareRoute({
      dataset: store,
      clock: deps.clock,
      thresholdMonths,
    }),
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

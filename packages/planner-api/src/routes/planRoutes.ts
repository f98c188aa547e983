/**
 * `/api/plans…`: a week-by-week study plan, posted as JSON or fetched by a canonical query (cacheable: ETag,
 * Cache-Control, 304, gzip/brotli), and the same plan as an iCalendar file or a calendar feed to subscribe to.
 * Mounted by createApp at `/api`.
 */
import { CertplanError } from '@certplan/core';
import { createRoute, z } from '@hono/zod-openapi';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { Context, TypedResponse } from 'hono';
import { createRouteGroup } from '../lib/createRouteGroup.ts';
import type { DatasetStore } from '../lib/DatasetStore.ts';
import { errorResponses, unknownExamResponse } from '../lib/errorResponses.ts';
import { validationError } from '../lib/errors.ts';
import { isoDay } from '../lib/isoDay.ts';
import { sendCacheable } from '../lib/sendCacheable.ts';
import { type CatalogExam, examHintFor, unknownExamError } from '../lib/unknownExamError.ts';
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
  serializePlanResponse,
} from '../planner/index.ts';

export interface PlanRoutesDeps {
  dataset: DatasetStore;
  clock: () => Date;
}

// A plan changes only with the dataset (reviews): caches may keep it a few minutes, then revalidate by ETag.
const PLAN_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

const planRequestBody = {
  required: true,
  content: { 'application/json': { schema: PlanRequestSchema } },
} as const;

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

const granularityQuery = z
  .enum(['week', 'session'])
  .optional()
  .openapi({
    param: { name: 'granularity', in: 'query' },
    description: 'One timed event per session (default) or one all-day event per week',
  });

/**
 * A GET plan request's query: parsed into a body, validated by PlanRequestSchema. Returns the request and
 * whether the query was already in its canonical form (else the route redirects there, so caches see one URL
 * per plan).
 */
function planQuery(
  url: URL,
  exams: Iterable<CatalogExam>,
): { request: PlanRequest; canonical: string; isCanonical: boolean } {
  const { request, issues } = planRequestFromQuery(url.searchParams);
  if (issues.length > 0) {
    const first = issues[0] as { path: string; message: string };
    throw new CertplanError('bad_request', `invalid query: ${first.path}: ${first.message}`, { issues });
  }
  const parsed = PlanRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw examHintFor(parsed.error, request, EXAM_FIELD, exams, 'query') ?? validationError('query', parsed.error);
  }
  const canonical = planRequestToQuery(parsed.data);
  return { request: parsed.data, canonical, isCanonical: url.search.slice(1) === canonical };
}

/** The plan request's field that takes an exam id (see unknownExamError.ts). */
const EXAM_FIELD = { exam: 'id' } as const;

export function planRoutes(deps: PlanRoutesDeps) {
  const store = deps.dataset;
  const plan = (request: PlanRequest) => {
    // The catalog's answer for an id it does not hold (the id meant by an exam code, or the known ids).
    if (!store.index.examsById.has(request.exam)) throw unknownExamError([request.exam], store.dataset.exams);
    return planFromRequest(request, store.plannerIndex, { today: isoDay(deps.clock) });
  };
  const planIcs = (c: Context, planned: Plan, granularity: 'week' | 'session', feedUrl: string | null) => {
    const ics = planToIcs(planned, {
      ...icsOptionsFor(store.plannerIndex, planned.exam),
      granularity,
      stamp: isoDay(deps.clock),
      vtimezone: getVtimezoneComponent,
      feedUrl,
    });
    return sendCacheable(c, ics, {
      contentType: 'text/calendar; charset=utf-8',
      ...(feedUrl ? { cacheControl: PLAN_CACHE_CONTROL } : {}),
      headers: { 'Content-Disposition': `attachment; filename="certplan-${planned.exam}.ics"` },
    });
  };

  return createRouteGroup({ examFields: { fields: EXAM_FIELD, exams: () => store.dataset.exams } })
    .openapi(
      createRoute({
        method: 'post',
        path: '/plans',
        summary: 'A week-by-week study plan',
        request: { body: planRequestBody },
        responses: {
          200: { description: 'The plan', content: { 'application/json': { schema: PlanResponseSchema } } },
          ...errorResponses(400, 404, 413, 422),
          404: unknownExamResponse,
        },
      }),
      (c) => {
        // The body passed PlanRequestSchema in the route's validator: plan it without validating it again.
        const planned = plan(c.req.valid('json'));
        // Same bytes as c.json({plan}), written from cached fragments of the dataset's passages (serializePlan.ts).
        const response = sendCacheable(c, serializePlanResponse(planned), { contentType: 'application/json' });
        return response as unknown as TypedResponse<PlanResponse, 200, 'json'>;
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/plans',
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
          404: unknownExamResponse,
        },
      }),
      (c) => {
        const { request, canonical, isCanonical } = planQuery(new URL(c.req.url), store.dataset.exams);
        if (!isCanonical) return c.redirect(`/api/plans?${canonical}`, 308) as never;
        const response = sendCacheable(c, serializePlanResponse(plan(request)), {
          contentType: 'application/json',
          cacheControl: PLAN_CACHE_CONTROL,
        });
        return response as unknown as TypedResponse<PlanResponse, 200, 'json'>;
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/plans/ics',
        summary: 'The same plan as an iCalendar file (RFC 5545)',
        request: {
          body: planRequestBody,
          query: z.object({ granularity: granularityQuery }),
        },
        responses: {
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
          ...errorResponses(400, 404, 413, 422),
          404: unknownExamResponse,
        },
      }),
      (c) => {
        const planned = plan(c.req.valid('json'));
        return planIcs(c, planned, c.req.valid('query').granularity ?? 'session', null) as never;
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/plans/ics',
        summary:
          'The plan as a calendar feed to subscribe to (webcal://…/api/plans/ics?<plan.query>): UIDs stay the same across re-plans, so events update in place',
        request: { query: planQueryParameters },
        responses: {
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
          304: { description: 'Not modified' },
          308: { description: 'Redirect to the canonical query' },
          ...errorResponses(400, 404, 422),
          404: unknownExamResponse,
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
        const { request, canonical } = planQuery(planParams, store.dataset.exams);
        const suffix = granularity === 'week' ? '&granularity=week' : '';
        if (url.search.slice(1) !== `${canonical}${suffix}`) {
          return c.redirect(`/api/plans/ics?${canonical}${suffix}`, 308) as never;
        }
        const feedUrl = `${url.origin}/api/plans/ics?${canonical}${suffix}`;
        return planIcs(c, plan(request), granularity === 'week' ? 'week' : 'session', feedUrl) as never;
      },
    );
}

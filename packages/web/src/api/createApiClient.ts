/**
 * The typed client for planner-api: every call goes through `hc<AppType>` (hono/client), so paths, path
 * parameters, queries, bodies and answers are the server's own route definitions, not strings and casts here.
 * `answer` turns an error answer into an `ApiError` carrying the API's own message and per-field issues, so
 * forms can show them next to the field.
 */
import type { AppType } from '@certplan/planner-api';
import { hc } from 'hono/client';
import { ApiError } from './ApiError.ts';
import type {
  Comparison,
  ConflictList,
  ConflictView,
  ExamDetail,
  ExamSummary,
  Plan,
  PlanRequest,
  ReviewRequest,
  ReviewResult,
} from './types.ts';

export interface ApiClientOptions {
  /** Prefix of every path; '' for the same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface Tagged<T> {
  data: T;
  etag: string | null;
}

export interface ApiClient {
  listExams(signal?: AbortSignal): Promise<ExamSummary[]>;
  getExam(id: string, signal?: AbortSignal): Promise<ExamDetail>;
  /** GET /api/compare: up to four exams side by side. */
  compareExams(ids: readonly string[], signal?: AbortSignal): Promise<Comparison>;
  createPlan(body: PlanRequest, signal?: AbortSignal): Promise<Plan>;
  /** The plan as an RFC 5545 calendar. */
  planCalendar(body: PlanRequest, signal?: AbortSignal): Promise<Blob>;
  /** The conflicts, and the decisions that stopped applying because their quotes changed. */
  listConflicts(signal?: AbortSignal): Promise<ConflictList>;
  getConflict(id: string, signal?: AbortSignal): Promise<Tagged<ConflictView>>;
  reviewConflict(id: string, body: ReviewRequest, auth: { token: string; etag: string }): Promise<Tagged<ReviewResult>>;
  /** Undo: removes the conflict's decision (DELETE, checked against the conflict's current ETag). */
  undoReview(id: string, auth: { token: string; etag: string }): Promise<Tagged<ReviewResult>>;
}

/** What every typed answer has: hono/client types `ok` as `true` exactly for the route's 2xx statuses. */
interface TypedAnswer {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

/** A route's success answers; an answer whose statuses the types cannot tell apart (a calendar) stays whole. */
type Success<R> = [Extract<R, { ok: true }>] extends [never] ? R : Extract<R, { ok: true }>;

/**
 * The answer of a successful call, narrowed to the route's success statuses; an error answer becomes an
 * ApiError with the API's message, an unreachable server a `network` ApiError. An abort stays an AbortError.
 */
async function answer<R extends TypedAnswer>(call: Promise<R>): Promise<Success<R>> {
  let response: R;
  try {
    response = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { error: { code: 'network', message: 'The server could not be reached.' } });
  }
  if (!response.ok) throw new ApiError(response.status, await readJson(response));
  return response as Success<R>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { api } = hc<AppType>(options.baseUrl ?? '', { fetch: doFetch });
  /** Path parameters are encoded here (hono/client inserts them as given), so an id cannot walk to another route. */
  const param = (id: string) => ({ id: encodeURIComponent(id) });
  const aborts = (signal: AbortSignal | undefined) => ({ init: { signal: signal ?? null } });
  const reviewHeaders = (auth: { token: string }) => ({ headers: { authorization: `Bearer ${auth.token}` } });

  return {
    listExams: async (signal) => (await (await answer(api.exams.$get({}, aborts(signal)))).json()).exams,
    getExam: async (id, signal) => (await answer(api.exams[':id'].$get({ param: param(id) }, aborts(signal)))).json(),
    compareExams: async (ids, signal) =>
      (await answer(api.compare.$get({ query: { exams: ids.join(',') } }, aborts(signal)))).json(),
    createPlan: async (body, signal) =>
      (await (await answer(api.plans.$post({ json: body }, aborts(signal)))).json()).plan,
    planCalendar: async (body, signal) =>
      (await answer(api.plans.ics.$post({ json: body, query: {} }, aborts(signal)))).blob(),
    listConflicts: async (signal) => (await answer(api.conflicts.$get({ query: {} }, aborts(signal)))).json(),
    getConflict: async (id, signal) => {
      const response = await answer(api.conflicts[':id'].$get({ param: param(id) }, aborts(signal)));
      const { conflict } = await response.json();
      return { data: conflict, etag: response.headers.get('etag') ?? conflict.etag };
    },
    reviewConflict: async (id, body, auth) => {
      const response = await answer(
        api.conflicts[':id'].review.$put(
          { param: param(id), header: { 'if-match': auth.etag }, json: body },
          reviewHeaders(auth),
        ),
      );
      const result = await response.json();
      return { data: result, etag: response.headers.get('etag') ?? result.conflict.etag };
    },
    undoReview: async (id, auth) => {
      const response = await answer(
        api.conflicts[':id'].review.$delete(
          { param: param(id), header: { 'if-match': auth.etag } },
          reviewHeaders(auth),
        ),
      );
      const result = await response.json();
      return { data: result, etag: response.headers.get('etag') ?? result.conflict.etag };
    },
  };
}

async function readJson(response: TypedAnswer): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: `http_${response.status}`, message: text.slice(0, 200) } };
  }
}

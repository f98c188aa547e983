/**
 * The typed client for planner-api. Every call goes through `request`, which turns an error answer into an
 * `ApiError` carrying the API's own message and per-field issues, so forms can show them next to the field.
 */
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

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(base + path, init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, { error: { code: 'network', message: 'The server could not be reached.' } });
    }
    if (!response.ok) throw new ApiError(response.status, await readJson(response));
    return response;
  }

  async function json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await request(path, init)).json()) as T;
  }

  const post = (body: unknown, signal?: AbortSignal): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ?? null,
  });

  return {
    listExams: async (signal) => (await json<{ exams: ExamSummary[] }>('/api/exams', { signal: signal ?? null })).exams,
    getExam: (id, signal) => json<ExamDetail>(`/api/exams/${encodeURIComponent(id)}`, { signal: signal ?? null }),
    compareExams: (ids, signal) =>
      json<Comparison>(`/api/compare?exams=${ids.map(encodeURIComponent).join(',')}`, { signal: signal ?? null }),
    createPlan: async (body, signal) => (await json<{ plan: Plan }>('/api/plans', post(body, signal))).plan,
    planCalendar: async (body, signal) => (await request('/api/plans/ics', post(body, signal))).blob(),
    listConflicts: (signal) => json<ConflictList>('/api/conflicts', { signal: signal ?? null }),
    getConflict: async (id, signal) => {
      const response = await request(`/api/conflicts/${encodeURIComponent(id)}`, { signal: signal ?? null });
      const { conflict } = (await response.json()) as { conflict: ConflictView };
      return { data: conflict, etag: response.headers.get('etag') ?? conflict.etag };
    },
    reviewConflict: async (id, body, auth) => {
      const response = await request(`/api/conflicts/${encodeURIComponent(id)}/review`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${auth.token}`,
          'if-match': auth.etag,
        },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as ReviewResult;
      return { data: result, etag: response.headers.get('etag') ?? result.conflict.etag };
    },
    undoReview: async (id, auth) => {
      const response = await request(`/api/conflicts/${encodeURIComponent(id)}/review`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${auth.token}`, 'if-match': auth.etag },
      });
      const result = (await response.json()) as ReviewResult;
      return { data: result, etag: response.headers.get('etag') ?? result.conflict.etag };
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: `http_${response.status}`, message: text.slice(0, 200) } };
  }
}

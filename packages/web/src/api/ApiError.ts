/** An error answer from planner-api, with its status and the per-field issues it named. */
import type { ApiErrorBody } from './types.ts';

export interface FieldIssue {
  /** The field path joined with dots (`hoursPerWeek`, `proficiency.Data Engineering`); `(root)` for the body. */
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  /** Extra facts the API gives with some errors: the current `etag` with a 409, the successor with a 422. */
  readonly details: Record<string, unknown>;
  /** The response body as parsed, for callers that need more than the error (a 409 carries the new state). */
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    const error = isErrorBody(body) ? body.error : null;
    super(error?.message ?? `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.code = error?.code ?? `http_${status}`;
    this.issues = (error?.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message }));
    this.details = error?.details ?? {};
    this.body = body;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    'error' in body &&
    typeof (body as ApiErrorBody).error === 'object' &&
    (body as ApiErrorBody).error !== null
  );
}

/**
 * The one place where certplan's error codes become HTTP statuses, and where any thrown value becomes the
 * JSON error body `{error: {code, message, issues?}}`.
 */
import { CertplanError, type CertplanErrorCode, type CertplanErrorIssue } from '@certplan/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export const statusByCode = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  etag_mismatch: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  exam_retired: 422,
  unprocessable: 422,
  // The server's own content is broken (a hand-edited reviews.yaml, a bad dataset): not the client's fault.
  invalid_reviews: 503,
  invalid_content: 503,
  // Never raised while serving (the server refuses to start on these), but every code has its status.
  invalid_config: 503,
  unreadable_source: 503,
  // Another server holds the review lock for longer than a decision takes: try again.
  review_busy: 503,
  internal: 500,
} as const satisfies Record<CertplanErrorCode, ContentfulStatusCode>;

/** For errors raised by Hono itself (malformed JSON, body limit, unknown method). */
function codeForStatus(status: number): CertplanErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'etag_mismatch';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 422) return 'unprocessable';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'internal';
}

export function toCertplanError(error: unknown): CertplanError {
  if (error instanceof CertplanError) return error;
  if (error instanceof HTTPException) {
    return new CertplanError(codeForStatus(error.status), error.message || 'bad request', { cause: error });
  }
  // Anything else is a bug: keep its message out of the response, it may carry paths or internals.
  return new CertplanError('internal', 'internal error', { cause: error });
}

export interface ErrorBody {
  error: { code: CertplanErrorCode; message: string; issues?: CertplanErrorIssue[]; details?: Record<string, unknown> };
}

export function errorBody(error: CertplanError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues?.length ? { issues: error.issues } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

export function errorResponse(c: Context, thrown: unknown): Response {
  const error = toCertplanError(thrown);
  return c.json(errorBody(error), statusByCode[error.code]);
}

/** zod issues as `{path: "hoursPerWeek", message}`, with array indexes as `weeks.0.hours`. */
export function zodIssues(error: z.ZodError): CertplanErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.') || '(root)',
    message: issue.message,
  }));
}

export function validationError(target: string, error: z.ZodError): CertplanError {
  const issues = zodIssues(error);
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid';
  return new CertplanError('bad_request', `invalid ${target}: ${summary}`, { issues });
}

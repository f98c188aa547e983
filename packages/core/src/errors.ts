/**
 * certplan's one domain error: a code from a closed union and a message for people. Only planner-api maps
 * codes to HTTP statuses (in one table); everything else throws or returns these.
 */
export type CertplanErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'etag_mismatch'
  | 'exam_retired'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'review_busy'
  | 'invalid_reviews'
  | 'invalid_content'
  | 'internal';

export interface CertplanErrorIssue {
  path: string;
  message: string;
}

export class CertplanError extends Error {
  override readonly name = 'CertplanError';
  readonly code: CertplanErrorCode;
  readonly issues: CertplanErrorIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: CertplanErrorCode,
    message: string,
    options: { issues?: CertplanErrorIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues;
    this.details = options.details;
  }
}

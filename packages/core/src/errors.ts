/**
 * certplan's one error type, in every package: a code from a closed union and a message for people, plus,
 * for a problem in a file, where it is (`file`, `place`) and which rule found it (`ruleId`, as a vfile message
 * carries them). Only planner-api maps codes to HTTP statuses (in one table); everything else throws these.
 * Content problems that do not stop a build are vfile messages, not errors.
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
  /** A configuration file (exams.yaml, sources.yaml) or setting (PORT, HOST) that cannot be used. */
  | 'invalid_config'
  /** A source that cannot be read at all (binary, invalid UTF-8, empty, too large, malformed JSON). */
  | 'unreadable_source'
  | 'internal';

export interface CertplanErrorIssue {
  path: string;
  message: string;
}

/** 1-based line and column in a file (columns count bytes for an encoding error). */
export interface CertplanErrorPlace {
  line: number;
  column: number;
}

export interface CertplanErrorOptions {
  issues?: CertplanErrorIssue[];
  details?: Record<string, unknown>;
  /** The file the problem is in, as shown to people. */
  file?: string;
  place?: CertplanErrorPlace | null;
  /** The check that found it, `certplan:<name>` ("certplan:invalid-utf8"). */
  ruleId?: string;
  cause?: unknown;
}

export class CertplanError extends Error {
  override readonly name = 'CertplanError';
  readonly code: CertplanErrorCode;
  readonly issues: CertplanErrorIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly file: string | undefined;
  readonly place: CertplanErrorPlace | null;
  readonly ruleId: string | undefined;

  constructor(code: CertplanErrorCode, message: string, options: CertplanErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues;
    this.details = options.details;
    this.file = options.file;
    this.place = options.place ?? null;
    this.ruleId = options.ruleId;
  }
}

/** Whether `error` is a CertplanError, of one of `codes` when given. */
export function isCertplanError(error: unknown, ...codes: CertplanErrorCode[]): error is CertplanError {
  return error instanceof CertplanError && (codes.length === 0 || codes.includes(error.code));
}

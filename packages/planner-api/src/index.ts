/**
 * @certplan/planner-api: the Hono app (createApp), its dependencies, and the response types the web client
 * imports with `import type { … } from '@certplan/planner-api'`.
 */
import type { z } from 'zod';
import type {
  CitationSchema,
  ClaimViewSchema,
  ConflictFactSchema,
  ConflictListSchema,
  ConflictResponseSchema,
  ConflictViewSchema,
  ErrorSchema,
  ExamDetailSchema,
  ExamListSchema,
  ExamSummarySchema,
  HealthSchema,
  KeyFactsSchema,
  RetiredSchema,
  ReviewRequestSchema,
  ReviewResponseSchema,
} from './schemas.ts';

export type { WriteFile } from '@certplan/atomic-write';
export type { AppDeps, AppType } from './app.ts';
export { createApp, DEFAULT_BODY_LIMIT_BYTES } from './app.ts';
export type { ExamFreshness as ApiExamFreshness } from './freshnessSchemas.ts';
/**
 * Literal types generated from the built dataset by ts-morph (turbo task `codegen`): code that names an exam
 * or a domain checks against what the data holds, so a catalog change that drops one fails the typecheck.
 */
export type { DomainName as KnownDomainName, ExamId as KnownExamId } from './generated/dataset-types.ts';
export type { DatasetIndex, Reconcile } from './lib/DatasetStore.ts';
export { DatasetStore } from './lib/DatasetStore.ts';
export { statusByCode } from './lib/errors.ts';
export { withFileLock } from './lib/withFileLock.ts';
export type {
  Focus,
  Plan,
  PlanDomain,
  PlannerIndex,
  PlanRequest,
  PlanResponse,
  PlanSession,
  PlanWarning,
  PlanWeek,
  SessionKind,
  WarningCode,
} from './planner/index.ts';
/**
 * The planner alone, pure and in process (benchmarks, scripts): build the index once per dataset. The request
 * schema and its limits are here too, so a client's checks can be tested against the server's own.
 */
export {
  createPlan,
  MAX_HOURS_PER_WEEK,
  MAX_PLAN_WEEKS,
  MAX_TARGET_HOURS,
  PlanRequestSchema,
  preparePlannerData,
} from './planner/index.ts';
export type {
  CompareCell as ApiCompareCell,
  CompareClaim as ApiCompareClaim,
  CompareExam as ApiCompareExam,
  CompareResponse,
  CompareRow as ApiCompareRow,
} from './routes/compareSchemas.ts';
export { MAX_COMPARED_EXAMS } from './routes/compareSchemas.ts';

/** `{error: {code, message, issues?, details?}}`: the body of every 4xx and 5xx. */
export type ApiError = z.infer<typeof ErrorSchema>;
/** A quote backing a value: `{source, title, url, published, quote, factId, line, authority}`. */
export type ApiCitation = z.infer<typeof CitationSchema>;
export type ApiClaim = z.infer<typeof ClaimViewSchema>;
export type ApiRetired = z.infer<typeof RetiredSchema>;
export type ApiKeyFacts = z.infer<typeof KeyFactsSchema>;
export type ApiExamSummary = z.infer<typeof ExamSummarySchema>;
/** GET /api/exams */
export type ExamListResponse = z.infer<typeof ExamListSchema>;
/** GET /api/exams/:id */
export type ExamDetailResponse = z.infer<typeof ExamDetailSchema>;
export type ApiConflictFact = z.infer<typeof ConflictFactSchema>;
export type ApiConflict = z.infer<typeof ConflictViewSchema>;
/** GET /api/conflicts */
export type ConflictListResponse = z.infer<typeof ConflictListSchema>;
/** A decision that stopped applying, with why and the conflict to decide again (GET /api/conflicts `staleReviews`). */
export type ApiStaleReview = ConflictListResponse['staleReviews'][number];
/** GET /api/conflicts/:id (ETag header = conflict.etag) */
export type ConflictResponse = z.infer<typeof ConflictResponseSchema>;
/** PUT /api/conflicts/:id/review body */
export type ReviewRequest = z.input<typeof ReviewRequestSchema>;
/** PUT /api/conflicts/:id/review answer (ETag header = conflict.etag) */
export type ReviewResponse = z.infer<typeof ReviewResponseSchema>;
/** GET /api/health */
export type HealthResponse = z.infer<typeof HealthSchema>;

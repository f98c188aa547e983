/**
 * The shapes the web app reads from planner-api: its own response types, imported as types only, so the
 * client and the server cannot drift apart without the typecheck saying so.
 */
import type {
  ApiClaim,
  ApiCompareClaim,
  ApiCompareExam,
  ApiConflict,
  ApiConflictFact,
  ApiExamSummary,
  ApiRetired,
  ApiStaleReview,
  ExamDetailResponse,
  Plan,
  ReviewResponse,
} from '@certplan/planner-api';

export type {
  ApiError as ApiErrorBody,
  CompareResponse as Comparison,
  Plan,
  PlanDomain,
  PlanRequest,
  PlanSession,
  PlanWarning,
  PlanWeek,
  ReviewRequest,
  ReviewResponse,
  SessionKind,
} from '@certplan/planner-api';

/** `{source, title, url, published, quote}`; the exam and conflict endpoints add `factId`, `line`, `authority`. */
export type Citation = Plan['citations'][number] & { authority?: string; line?: number };
export type ClaimView = ApiClaim;
export type ExamSummary = ApiExamSummary;
export type ExamRetirement = ApiRetired;
export type ExamDetail = ExamDetailResponse;
export type ConflictView = ApiConflict;
export type ConflictFact = ApiConflictFact;
export type ReviewView = NonNullable<ApiConflict['review']>;
/** A decision in reviews.yaml that stopped applying, with what changed (GET /api/conflicts `staleReviews`). */
export type StaleReview = ApiStaleReview;
/** GET /api/conflicts: the conflicts and the decisions that stopped applying. */
export interface ConflictList {
  conflicts: ConflictView[];
  staleReviews: StaleReview[];
}
export type ReviewResult = ReviewResponse;
export type Proficiency = Record<string, number>;
export type CompareClaimView = ApiCompareClaim;
export type CompareExamView = ApiCompareExam;
/** A claim's freshness: `{newest, stale, cause, reason}`. */
export type Freshness = ApiCompareClaim['freshness'];

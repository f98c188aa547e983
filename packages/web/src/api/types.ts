/**
 * The shapes the web app reads from planner-api, inferred from the server's own route definitions through
 * `hc<AppType>` (hono/client): a route's request or response schema that changes fails this package's
 * typecheck. Type imports only: nothing of the server is bundled.
 */
import type { AppType } from '@certplan/planner-api';
import type { hc, InferRequestType, InferResponseType } from 'hono/client';

/** The API's routes as the typed client sees them: `ApiRoutes['exams'][':id']['$get']` is GET /api/exams/:id. */
export type ApiRoutes = ReturnType<typeof hc<AppType>>['api'];

type Ok<Endpoint> = InferResponseType<Endpoint, 200>;

/** `{error: {code, message, issues?, details?}}`: the body of every 4xx and 5xx. */
export type ApiErrorBody = InferResponseType<ApiRoutes['plans']['$post'], 400>;

/** GET /api/exams: one exam with its key facts, status and freshness. */
export type ExamSummary = Ok<ApiRoutes['exams']['$get']>['exams'][number];
export type ExamRetirement = NonNullable<ExamSummary['retired']>;
/** GET /api/exams/:id: the exam, every claim with citations, and its conflicts. */
export type ExamDetail = Ok<ApiRoutes['exams'][':id']['$get']>;
export type ClaimView = ExamDetail['claims'][number];

/** GET /api/conflicts: the conflicts and the decisions that stopped applying. */
export type ConflictList = Ok<ApiRoutes['conflicts']['$get']>;
export type ConflictView = ConflictList['conflicts'][number];
export type ConflictFact = ConflictView['facts'][number];
export type ReviewView = NonNullable<ConflictView['review']>;
/** A decision in reviews.yaml that stopped applying, with what changed (GET /api/conflicts `staleReviews`). */
export type StaleReview = ConflictList['staleReviews'][number];
/** PUT /api/conflicts/:id/review body. */
export type ReviewRequest = InferRequestType<ApiRoutes['conflicts'][':id']['review']['$put']>['json'];
/** PUT or DELETE /api/conflicts/:id/review answer: the claim as it now stands and the conflict. */
export type ReviewResult = Ok<ApiRoutes['conflicts'][':id']['review']['$put']>;
export type ReviewResponse = ReviewResult;

/** POST /api/plans body. */
export type PlanRequest = InferRequestType<ApiRoutes['plans']['$post']>['json'];
export type Plan = Ok<ApiRoutes['plans']['$post']>['plan'];
export type PlanWeek = Plan['weeks'][number];
export type PlanSession = PlanWeek['sessions'][number];
export type SessionKind = PlanSession['kind'];
export type PlanDomain = Plan['domains'][number];
export type PlanWarning = Plan['warnings'][number];

/** GET /api/compare: exams side by side. */
export type Comparison = Ok<ApiRoutes['compare']['$get']>;
export type CompareExamView = Comparison['exams'][number];
export type CompareClaimView = Comparison['rows'][number]['cells'][number]['claims'][number];
/** A claim's freshness: `{newest, stale, cause, reason}`. */
export type Freshness = CompareClaimView['freshness'];

/** `{source, title, url, published, quote}`; the exam and conflict endpoints add `factId`, `line`, `authority`. */
export type Citation = Plan['citations'][number] & { authority?: string; line?: number };
export type Proficiency = Record<string, number>;

/**
 * Reconciliation: facts in, one claim per comparable set out, with conflicts flagged for review and
 * reviewers' decisions applied. (Placeholder signature: the core issue fills it in.)
 */
import type { Claim, Conflict, Exam, Fact, Review, Source } from '../schema/dataset.ts';

export interface ReconcileInput {
  exams: readonly Exam[];
  sources: readonly Source[];
  facts: readonly Fact[];
  reviews: readonly Review[];
}

export interface StaleReview {
  review: Review;
  reason: string;
}

export interface ReconcileResult {
  claims: Claim[];
  conflicts: Conflict[];
  staleReviews: StaleReview[];
}

export function reconcile(_input: ReconcileInput): ReconcileResult {
  return { claims: [], conflicts: [], staleReviews: [] };
}

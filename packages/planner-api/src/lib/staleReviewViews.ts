/**
 * The decisions in reviews.yaml that stopped applying (core's `staleReviews`), as the API shows them: what the
 * decision was, why it no longer applies, and where to decide again. Without this only `pnpm ingest` and
 * `pnpm conflicts` said so, and a reviewer on /review saw a conflict silently open again (or none at all).
 */
import { claimIdOf, type Dataset } from '@certplan/core';
import type { z } from 'zod';
import type { StaleReviewViewSchema } from '../schemas.ts';
import type { DatasetIndex } from './DatasetStore.ts';
import { conflictFactView } from './views.ts';

type StaleReviewView = z.infer<typeof StaleReviewViewSchema>;

/** Conflict ids are `claimId.<12 hex digits>` (core's conflictIdOf). */
const DIGEST_SUFFIX = /\.[0-9a-f]{12}$/;

/**
 * One view per stale review, in core's order (by conflict id). `exam` (only among `examIds`, if given) selects
 * those about one exam. The exam and attribute come from the claim id the conflict id starts with; the
 * successor is the conflict on the same claim now, if any.
 */
export function staleReviewViews(
  index: DatasetIndex,
  dataset: Pick<Dataset, 'staleReviews'>,
  options: { exam?: string } = {},
): StaleReviewView[] {
  const views: StaleReviewView[] = [];
  for (const { review, reason } of dataset.staleReviews ?? []) {
    const claimId = review.conflict.replace(DIGEST_SUFFIX, '');
    const exam = examOf(index, claimId);
    if (options.exam !== undefined && exam !== options.exam) continue;
    const successor = exam
      ? (index.conflictsByExam.get(exam) ?? []).find(
          (conflict) => claimIdOf(conflict.exam, conflict.attribute, conflict.key) === claimId,
        )
      : undefined;
    const attribute = successor?.attribute ?? (exam ? (claimId.slice(exam.length + 1).split('.')[0] ?? null) : null);
    const chosen = review.factId !== undefined ? index.factsById.get(review.factId) : undefined;
    views.push({
      review,
      reason,
      claimId,
      exam,
      attribute: attribute || null,
      successorConflictId: successor?.id ?? null,
      chosenFact: chosen ? conflictFactView(index, chosen) : null,
      chosenFactGone: review.decision === 'choose' && chosen === undefined,
    });
  }
  return views;
}

/** The catalog exam whose id the claim id starts with (the longest, should one id prefix another). */
function examOf(index: DatasetIndex, claimId: string): string | null {
  let found: string | null = null;
  for (const id of index.examsById.keys()) {
    if (claimId.startsWith(`${id}.`) && (found === null || id.length > found.length)) found = id;
  }
  return found;
}

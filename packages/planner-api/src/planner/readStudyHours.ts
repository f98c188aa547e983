/**
 * The preparation time sources state for an exam, as the range a plan aims into, bounded to what a plan holds.
 * The dataset schema checked each value's shape ({min, max}, non-negative); what is checked here is whether the
 * range makes sense as a target (a positive lower end, max ≥ min).
 */
import { type Claim, claimsOf } from '@certplan/core';
import type { PrepareContext, StudyHoursInfo } from './ExamPlannerData.ts';

/**
 * The preparation time sources state (`studyHours` claims, {min, max} hours): the claim's range, or the
 * span of several claims, with their citations; null when no source states one.
 */
export function readStudyHours(ctx: PrepareContext, claims: readonly Claim[]): StudyHoursInfo | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const factIds: string[] = [];
  for (const claim of claimsOf(claims, 'studyHours')) {
    const { value } = claim;
    if (!(value.min > 0) || !(value.max >= value.min) || !Number.isFinite(value.max)) continue;
    min = Math.min(min, value.min);
    max = Math.max(max, value.max);
    factIds.push(...claim.factIds);
  }
  if (!Number.isFinite(min)) return null;
  // Plans count half hours and at most MAX_TARGET_HOURS (8320); a stated figure beyond that is not a plan.
  const middle = Math.min(8320, Math.max(0.5, Math.round(min + max) / 2));
  return { range: { min, max }, middle, citations: ctx.citationsOf(factIds) };
}

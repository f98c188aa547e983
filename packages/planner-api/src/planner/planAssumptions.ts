/**
 * The assumptions every plan states about the planner's own rules (weeks, the light last week, review shares,
 * proficiency factors, defaults it filled in), so a learner can tell a sourced figure from a rule of thumb.
 */
import type { ExamPlannerData } from './ExamPlannerData.ts';
import type { PlanRequest } from './schema.ts';
import { DEFAULT_EXAM_MINUTES, PROFICIENCY_FACTORS, REVIEW_SHARE, type Split } from './splitHours.ts';

/**
 * The rule assumptions, in the order the plan lists them after those of its weeks; `sessionStart` is the start
 * time the plan uses (the request's, or the default).
 */
export function planAssumptions(
  request: PlanRequest,
  data: ExamPlannerData,
  proficiency: readonly (number | undefined)[],
  split: Split,
  sessionStart: string,
): string[] {
  const assumptions = [
    'Weeks run in 7-day blocks from the start date; the last week before the exam is kept light (at most half the weekly hours), and the day before the exam is left free for rest.',
  ];
  if (data.domains.length > 0) {
    assumptions.push(
      `About ${REVIEW_SHARE * 100}% of each domain's hours are a review one to two weeks after its block; mixed review and a practice exam fill the final stretch.`,
    );
  }
  if (proficiency.some((p) => p !== undefined)) {
    assumptions.push(
      `Proficiency scales a domain's share of hours by ${PROFICIENCY_FACTORS.slice(1).join(', ')} for ratings 1 to 5 (unrated counts as 3).`,
    );
  }
  if (split.practiceUnits > 0 && !data.duration) {
    assumptions.push(`No source states the exam's length: the practice exam assumes ${DEFAULT_EXAM_MINUTES} minutes.`);
  }
  if (request.sessionStart === undefined) {
    assumptions.push(`No start time was given: sessions start at ${sessionStart}.`);
  }
  return assumptions;
}

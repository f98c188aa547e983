/**
 * The assumptions every plan states about the planner's own rules (weeks, the light last week, review shares,
 * proficiency factors, defaults it filled in), so a learner can tell a sourced figure from a rule of thumb.
 */
import type { ExamPlannerData } from './ExamPlannerData.ts';
import { hoursWord } from './lib/hoursWord.ts';
import type { PlanHoursSplit, PlanRequest, PlanTarget } from './schema.ts';
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

/**
 * Why a plan holds more hours than its target, or null when it does not. With an exam date and no `targetHours`,
 * the plan fills every study week until the exam at the weekly hours (planWeekCaps.ts): the target (the sources'
 * figure or the planner's default) then only decides whether time is short, so the total can exceed it. The
 * sentence names the excess and what the hours are spent on (`split`, in hours, adding up to `totalHours`).
 */
export function hoursBeyondTarget(
  request: PlanRequest,
  target: Pick<PlanTarget, 'hours' | 'basis'>,
  totalHours: number,
  split: PlanHoursSplit,
): string | null {
  if (request.examDate === undefined || target.basis === 'requested' || totalHours <= target.hours) return null;
  const parts = [
    split.domains > 0 ? `${split.domains} h for the domains (learning and review)` : null,
    split.general > 0 ? `${split.general} h of general study` : null,
    split.mixedReview > 0 ? `${split.mixedReview} h of mixed review` : null,
    split.practiceExam > 0 ? `${split.practiceExam} h for a practice exam` : null,
    split.lightWeek > 0 ? `${split.lightWeek} h in the light last week` : null,
  ].filter((part): part is string => part !== null);
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  return `The plan holds ${hoursWord(totalHours)}, ${hoursWord(totalHours - target.hours)} more than its target of ${hoursWord(target.hours)}: with an exam date and no target hours, it fills every study week until the exam at ${hoursWord(request.hoursPerWeek)} a week (give target hours to plan fewer). They are ${listed}.`;
}

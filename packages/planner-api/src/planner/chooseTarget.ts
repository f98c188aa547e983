/**
 * What a plan aims for, and whose figure that is: the learner's target, else the preparation time sources
 * state (the middle of their range, to the half hour), else the planner's default, said to be one. Warnings and
 * assumptions quote `describeWanted`, so the learner always knows where the number came from.
 */
import type { ExamPlannerData } from './ExamPlannerData.ts';
import { hoursWord } from './lib/hoursWord.ts';
import type { Citation, PlanRequest, PlanTarget } from './schema.ts';

/** The planner's own rule of thumb when the learner gives neither an exam date nor a target: not a sourced figure. */
export const DEFAULT_TOTAL_HOURS = 100;

/** The plan's target before its citations become references into plan.citations. */
export type ChosenTarget = Omit<PlanTarget, 'citationRefs'> & { citations: readonly Citation[] };

/** The learner's `targetHours`, else the sources' study hours, else DEFAULT_TOTAL_HOURS. */
export function chooseTarget(request: PlanRequest, data: ExamPlannerData): ChosenTarget {
  const targetUnits = request.targetHours === undefined ? null : request.targetHours * 2;
  const stated = data.studyHours;
  return targetUnits !== null
    ? {
        hours: targetUnits / 2,
        basis: 'requested',
        range: stated ? stated.range : null,
        citations: stated?.citations ?? [],
      }
    : stated
      ? { hours: stated.middle, basis: 'sources', range: stated.range, citations: stated.citations }
      : { hours: DEFAULT_TOTAL_HOURS, basis: 'assumption', range: null, citations: [] };
}

/** The target as a warning says it: whose figure it is. */
export function describeWanted(target: {
  hours: number;
  basis: PlanTarget['basis'];
  range: PlanTarget['range'];
}): string {
  if (target.basis === 'requested') return `the ${hoursWord(target.hours)} you asked for`;
  if (target.basis === 'sources' && target.range) {
    return `the ${target.range.min}–${target.range.max} hours of preparation the sources state (the plan aims for the middle, ${hoursWord(target.hours)})`;
  }
  return `the planner's rule of thumb of ${hoursWord(target.hours)} (an assumption, not a figure from any source)`;
}

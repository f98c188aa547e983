/**
 * Step 1 of a plan: the weeks and how many half-hours each can hold. With an exam date the weeks run until
 * two days before it (the day before is rest) and a target scales them down; without one, the target sets the
 * number of weeks, cut at MAX_PLAN_WEEKS. What does not fit is a `short_on_time` warning, what the planner
 * chose for the learner an assumption.
 */

import { badRequest } from './checkPlanRequest.ts';
import { type ChosenTarget, DEFAULT_TOTAL_HOURS, describeWanted } from './chooseTarget.ts';
import { fromEpochDay, toEpochDay } from './lib/dates.ts';
import { sum } from './lib/sum.ts';
import { capsForTarget, capsUntilExam, hoursPerWeekForWeeks, lightUnits, scaleCaps } from './planCapacity.ts';
import { MAX_PLAN_WEEKS, type PlanRequest, type PlanWarning } from './schema.ts';
import { shortOnTime } from './shortOnTime.ts';

export interface WeekCaps {
  /** Half-hours per week, after a target scaled them down. */
  caps: number[];
  /** The weeks' capacity before a target scaled it down (a re-plan fills from these). */
  fullCaps: number[];
  /** The exam's epoch day: the one asked for, or the day after the rest day that follows the last week. */
  examDay: number;
  warnings: PlanWarning[];
  assumptions: string[];
}

/** The weeks from `startDay` at `capUnits` half-hours a week on the study days in `mask`. */
export function planWeekCaps(
  request: PlanRequest,
  target: ChosenTarget,
  startDay: number,
  capUnits: number,
  mask: readonly boolean[],
): WeekCaps {
  const assumptions: string[] = [];
  const warnings: PlanWarning[] = [];
  const targetUnits = request.targetHours === undefined ? null : request.targetHours * 2;
  const wantedUnits = target.hours * 2;
  let caps: number[];
  let fullCaps: number[];
  let examDay: number;
  if (request.examDate !== undefined) {
    examDay = toEpochDay(request.examDate);
    // The day before the exam is a rest day (the plan says so): study days end two days before it.
    caps = capsUntilExam(startDay, examDay - startDay - 1, capUnits, mask);
    fullCaps = caps;
    const capacity = sum(caps);
    if (targetUnits !== null && targetUnits > capacity) {
      warnings.push(shortOnTime(request, mask, capacity, targetUnits, startDay, describeWanted(target)));
    } else if (targetUnits !== null) {
      caps = scaleCaps(caps, targetUnits);
    } else if (capacity < wantedUnits) {
      warnings.push(shortOnTime(request, mask, capacity, wantedUnits, startDay, describeWanted(target)));
    }
  } else {
    let units = wantedUnits;
    caps = capsForTarget(units, capUnits);
    if (caps.length > MAX_PLAN_WEEKS) {
      if (targetUnits !== null) {
        const needed = hoursPerWeekForWeeks(units, MAX_PLAN_WEEKS);
        throw badRequest([
          {
            path: 'targetHours',
            message: `${request.targetHours} hours at ${request.hoursPerWeek} hours a week need ${caps.length} weeks; plans span at most ${MAX_PLAN_WEEKS} weeks (study at least ${needed} hours a week, or aim for fewer hours)`,
          },
        ]);
      }
      units = capUnits * (MAX_PLAN_WEEKS - 1) + lightUnits(capUnits);
      caps = capsForTarget(units, capUnits);
      assumptions.push(
        `The ${target.basis === 'sources' ? `${target.hours} hours the sources suggest do` : `planner's default of ${DEFAULT_TOTAL_HOURS} hours does`} not fit ${MAX_PLAN_WEEKS} weeks at ${request.hoursPerWeek} hours a week, so the plan is cut to ${units / 2} hours.`,
      );
    }
    fullCaps = caps;
    // The day after the last study week is the rest day; the exam follows it.
    examDay = startDay + caps.length * 7 + 1;
  }
  if (target.basis === 'assumption' && request.examDate === undefined) {
    assumptions.push(
      `No exam date or target hours were given and no source states a preparation time, so the plan assumes ${DEFAULT_TOTAL_HOURS} study hours in total: a planner default, not a figure from any source.`,
    );
  }
  if (request.examDate === undefined) {
    assumptions.push(
      `No exam date was given: ${fromEpochDay(examDay)} is the date the planner suggests, the day after the rest day that follows the last study week.`,
    );
  }
  return { caps, fullCaps, examDay, warnings, assumptions };
}

/**
 * The `short_on_time` warning, for a first plan and for a re-plan: the hours do not fit before the exam, and
 * what would make them fit (hours a week, or the earliest exam date), found by the same capacity rule as the
 * plan itself so the advice is always one the planner would accept.
 */
import { addDays, fromEpochDay, toEpochDay } from './lib/dates.ts';
import { hoursWord } from './lib/hoursWord.ts';
import { capacityUntilExam } from './planCapacity.ts';
import { MAX_HOURS_PER_WEEK, MAX_PLAN_WEEKS, type PlanRequest, type PlanWarning } from './schema.ts';

/** `wanted` half-hours do not fit the `capacity` until the requested exam date; `asked` says whose figure. */
export function shortOnTime(
  request: PlanRequest,
  mask: readonly boolean[],
  capacity: number,
  wanted: number,
  startDay: number,
  asked: string,
): PlanWarning {
  const days = toEpochDay(request.examDate as string) - startDay;
  let needed: number | null = null;
  for (let cap = request.hoursPerWeek * 2 + 1; cap <= MAX_HOURS_PER_WEEK * 2; cap++) {
    // `days - 1` study days: the day before the exam is the rest day.
    if (capacityUntilExam(startDay, days - 1, cap, mask) >= wanted) {
      needed = cap / 2;
      break;
    }
  }
  // The earliest exam date whose weeks hold the hours, by the same rule as the plan itself.
  let earliest: string | null = null;
  for (let d = days + 1; d <= MAX_PLAN_WEEKS * 7; d++) {
    if (capacityUntilExam(startDay, d - 1, request.hoursPerWeek * 2, mask) >= wanted) {
      earliest = addDays(request.startDate, d);
      break;
    }
  }
  const perWeek = hoursWord(request.hoursPerWeek);
  const later = earliest
    ? `The earliest exam date that fits them at ${perWeek} a week is ${earliest}.`
    : `No exam date within ${MAX_PLAN_WEEKS} weeks fits them at ${perWeek} a week.`;
  const faster =
    needed !== null
      ? `To fit them by ${request.examDate}, study ${hoursWord(needed)} a week.`
      : `Even at ${MAX_HOURS_PER_WEEK} hours a week, the most the planner allows, they do not fit before ${request.examDate}.`;
  return {
    code: 'short_on_time',
    message: `At ${perWeek} a week until ${request.examDate} there is room for ${hoursWord(capacity / 2, 'study hour')}, fewer than ${asked}. ${faster} ${later}`,
    citations: [],
  };
}

/** The re-plan's rest does not fit before the exam: what would (hours a week, or the earliest date). */
export function replanShortOnTime(
  request: PlanRequest,
  mask: readonly boolean[],
  fromDay: number,
  examDay: number,
  capacity: number,
  wanted: number,
  doneUnits: number,
  missedUnits: number,
): PlanWarning {
  const days = examDay - fromDay - 1;
  let needed: number | null = null;
  for (let cap = request.hoursPerWeek * 2 + 1; cap <= MAX_HOURS_PER_WEEK * 2; cap++) {
    if (capacityUntilExam(fromDay, days, cap, mask) >= wanted) {
      needed = cap / 2;
      break;
    }
  }
  let earliest: string | null = null;
  for (let d = Math.max(days + 1, 2); d <= MAX_PLAN_WEEKS * 7; d++) {
    if (capacityUntilExam(fromDay, d - 1, request.hoursPerWeek * 2, mask) >= wanted) {
      earliest = fromEpochDay(fromDay + d);
      break;
    }
  }
  const perWeek = hoursWord(request.hoursPerWeek);
  const from = fromEpochDay(fromDay);
  const exam = fromEpochDay(examDay);
  const faster =
    needed !== null
      ? `To fit them by ${exam}, study ${hoursWord(needed)} a week.`
      : `Even at ${MAX_HOURS_PER_WEEK} hours a week they do not fit before ${exam}.`;
  const later = earliest
    ? `At ${perWeek} a week, the earliest exam date that fits them is ${earliest}.`
    : `No exam date within ${MAX_PLAN_WEEKS} weeks fits them at ${perWeek} a week.`;
  return {
    code: 'short_on_time',
    message: `From ${from} until ${exam} at ${perWeek} a week there is room for ${hoursWord(capacity / 2, 'study hour')}, fewer than the ${hoursWord(wanted / 2)} still to do (${hoursWord(doneUnits / 2)} done, ${hoursWord(missedUnits / 2)} missed and moved forward); ${hoursWord((wanted - capacity) / 2)} are not in the plan. ${faster} ${later}`,
    citations: [],
  };
}

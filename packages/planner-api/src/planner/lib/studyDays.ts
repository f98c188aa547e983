/**
 * Study days: which weekdays a learner studies on, as a 7-slot mask (Monday first, ISO 8601 order), and the
 * day-level arithmetic the planner needs on epoch days (days since 1970-01-01, a Thursday).
 */

/** ISO 8601 weekday order, Monday first; the request's `studyDays` uses these names. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 0 = Monday … 6 = Sunday. 1970-01-01 (epoch day 0) was a Thursday (3). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** `mask[weekday]` is true on a study day; no list (or an empty one) means every day. */
export function studyDayMask(days: readonly Weekday[] | undefined): boolean[] {
  const mask = new Array<boolean>(7).fill(days === undefined || days.length === 0);
  for (const day of days ?? []) mask[WEEKDAYS.indexOf(day)] = true;
  return mask;
}

/** The study days in ISO order, for the plan's echo of its inputs. */
export function studyDaysOf(mask: readonly boolean[]): Weekday[] {
  return WEEKDAYS.filter((_, i) => mask[i]);
}

/** How many study days lie in [from, to] (epoch days, inclusive). */
export function countStudyDays(from: number, to: number, mask: readonly boolean[]): number {
  if (to < from) return 0;
  const span = to - from + 1;
  let count = Math.floor(span / 7) * mask.filter(Boolean).length;
  for (let d = from + Math.floor(span / 7) * 7; d <= to; d++) if (mask[weekdayOf(d)]) count++;
  return count;
}

/** The study days in [from, to] (epoch days, inclusive), in order. */
export function studyDaysBetween(from: number, to: number, mask: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d++) if (mask[weekdayOf(d)]) out.push(d);
  return out;
}

/** Minutes after midnight for "HH:MM" (24-hour clock, as the request's `sessionStart`). */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** "HH:MM" for minutes after midnight; past midnight wraps (a late session may end the next day). */
export function timeOfDay(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  const mm = m % 60;
  return `${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}`;
}

/** The study days of week `w` (7-day blocks from `startDay`) within [first, last]. */
export function weekDays(startDay: number, w: number, first: number, last: number, mask: readonly boolean[]): number[] {
  const from = startDay + w * 7;
  return studyDaysBetween(Math.max(from, first), Math.min(from + 6, last), mask);
}

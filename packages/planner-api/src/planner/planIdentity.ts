/**
 * A plan's identity: what the learner chose (exam, dates, hours, target, experience, ratings, study days,
 * start time, time zone), not the progress (`done`, `replanFrom`). Progress ticks and calendar UIDs key on
 * it, so a re-plan keeps them.
 */
import { createHash } from 'node:crypto';
import { WEEKDAYS } from './lib/studyDays.ts';
import type { PlanRequest } from './schema.ts';

/** 24 hex digits of SHA-256 over the identity fields in a fixed order. */
export function planIdOf(request: PlanRequest): string {
  const proficiency = request.proficiency
    ? Object.entries(request.proficiency).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    : [];
  const days = request.studyDays ? WEEKDAYS.filter((d) => request.studyDays?.includes(d)) : [];
  return createHash('sha256')
    .update(
      JSON.stringify([
        request.exam,
        request.startDate,
        request.examDate ?? null,
        request.hoursPerWeek,
        request.targetHours ?? null,
        request.experienceYears ?? null,
        proficiency,
        days.length === 7 ? [] : days,
        request.sessionStart ?? null,
        request.timeZone ?? null,
      ]),
    )
    .digest('hex')
    .slice(0, 24);
}

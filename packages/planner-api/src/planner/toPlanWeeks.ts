/**
 * The plan's weeks as sent: 7-day blocks from the start date until the rest day before the exam (or as far as a
 * re-plan's sessions reach), each with its sessions in order and its hours. Missed sessions are listed but not
 * counted, in the week's hours or in the plan's total.
 */
import type { DomainPlanInfo } from './ExamPlannerData.ts';
import { NO_DOMAIN } from './fillWeeks.ts';
import type { PreparedSession } from './layOutSessions.ts';
import { fromEpochDay } from './lib/dates.ts';
import type { PlanCitations } from './PlanCitations.ts';
import type { PlanHoursSplit, PlanSession, PlanWeek } from './schema.ts';

/**
 * The weeks of `sessions` (in order), the half-hours not missed, from `startDay` to `examDay` (epoch days), and
 * the same hours by kind of work (`split`, adding up to `totalUnits / 2`).
 */
export function toPlanWeeks(
  sessions: readonly PreparedSession[],
  startDay: number,
  examDay: number,
  domains: readonly DomainPlanInfo[],
  citations: PlanCitations,
): { weeks: PlanWeek[]; totalUnits: number; split: PlanHoursSplit } {
  let weekCount = Math.ceil((examDay - 1 - startDay) / 7);
  for (const session of sessions) if (session.week + 1 > weekCount) weekCount = session.week + 1;
  const weeks: PlanWeek[] = new Array(weekCount);
  for (let w = 0; w < weekCount; w++) {
    const start = startDay + w * 7;
    weeks[w] = {
      index: w,
      start: fromEpochDay(start),
      end: fromEpochDay(Math.max(start, Math.min(start + 6, examDay - 2))),
      hours: 0,
      sessions: [],
    };
  }
  let totalUnits = 0;
  const splitUnits = { domains: 0, general: 0, mixedReview: 0, practiceExam: 0, lightWeek: 0 };
  for (const session of sessions) {
    const week = weeks[session.week] as PlanWeek;
    if (session.status !== 'missed') {
      week.hours += session.hours;
      totalUnits += session.units;
      splitUnits[splitKey(session)] += session.units;
    }
    const wire: PlanSession = {
      id: session.id,
      date: session.date,
      start: session.start,
      status: session.status,
      domain: session.domain === NO_DOMAIN ? null : (domains[session.domain]?.name as string),
      hours: session.hours,
      kind: session.kind,
      focus: citations.focusOf(session.focus),
    };
    week.sessions.push(wire);
  }
  const split: PlanHoursSplit = {
    domains: splitUnits.domains / 2,
    general: splitUnits.general / 2,
    mixedReview: splitUnits.mixedReview / 2,
    practiceExam: splitUnits.practiceExam / 2,
    lightWeek: splitUnits.lightWeek / 2,
  };
  return { weeks, totalUnits, split };
}

/** Which part of the plan's hours a session counts towards (see PlanHoursSplitSchema). */
function splitKey(session: PreparedSession): keyof PlanHoursSplit {
  if (session.domain !== NO_DOMAIN) return 'domains';
  if (session.kind === 'practice') return 'practiceExam';
  if (session.kind === 'buffer') return 'lightWeek';
  if (session.kind === 'review') return 'mixedReview';
  return 'general';
}

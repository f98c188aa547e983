/**
 * Step 5 of a plan, for a re-plan from progress: the work done stays where the first plan had it, what was
 * missed rolls forward, and the rest is planned from `replanFrom` with the same weekly hours and order. Its own
 * file because it re-runs the filler from a state the first plan left, and reports what no longer fits.
 */
import type { ExamPlannerData } from './ExamPlannerData.ts';
import { type FillFocus, type FillState, fillWeeks, leftOver, NO_DOMAIN, type Piece } from './fillWeeks.ts';
import { dayCaps, layOutWeek, type PreparedSession, sessionId } from './layOutSessions.ts';
import { fromEpochDay, toEpochDay } from './lib/dates.ts';
import { minutesOfDay, studyDaysBetween, timeOfDay, weekDays } from './lib/studyDays.ts';
import { sum } from './lib/sum.ts';
import { blockCap, capsForTarget, scaleCaps } from './planCapacity.ts';
import { MAX_PLAN_WEEKS, type Plan, type PlanRequest, type PlanWarning } from './schema.ts';
import { replanShortOnTime } from './shortOnTime.ts';
import { freshState, indexes, type Split } from './splitHours.ts';

export interface ReplanInput {
  request: PlanRequest;
  data: ExamPlannerData;
  split: Split;
  /** The first plan's fill state after it ran: when each domain's review came due. */
  state: FillState;
  /** The first plan's sessions (the plan as made from its identity, before any progress). */
  p0: readonly PreparedSession[];
  /** Units done per domain, at most each domain's units. */
  done: readonly number[];
  startDay: number;
  capUnits: number;
  mask: readonly boolean[];
  startMinutes: number;
  focus: FillFocus;
}

/**
 * Re-plan from progress. Work done is taken from the front of each domain's hours (learning, then its
 * review) and shown where the first plan had it, with the same session ids; done work planned for
 * `replanFrom` or later (worked ahead) is shown the day before. Sessions before `replanFrom` that were not
 * done are marked missed and their work rolls forward. The rest is planned from `replanFrom` with the
 * same weekly hours, in the same order; what no longer fits before a given exam date is reported.
 */
export function replanRest(input: ReplanInput): {
  sessions: PreparedSession[];
  examDay: number;
  domainUnits: number[];
  summary: NonNullable<Plan['replan']>;
  shortWarning: PlanWarning | null;
} {
  const { request, split, done, startDay, capUnits, mask, startMinutes, focus } = input;
  const fromDay = toEpochDay(request.replanFrom as string);
  const n = split.domainUnits.length;
  const learnUnits = split.domainUnits.map((units, j) => units - (split.reviewUnits[j] as number));
  const learnDone = done.map((units, j) => Math.min(units, learnUnits[j] as number));
  const reviewDone = done.map((units, j) => units - (learnDone[j] as number));
  const doneIn = (session: PreparedSession): number =>
    session.domain === NO_DOMAIN
      ? 0
      : session.kind === 'learn'
        ? (learnDone[session.domain] as number)
        : (reviewDone[session.domain] as number);

  const out: PreparedSession[] = [];
  const ahead: PreparedSession[] = [];
  let missedUnits = 0;
  for (const session of input.p0) {
    const doneEnd = doneIn(session);
    const doneUnits = Math.max(0, Math.min(session.offset + session.units, doneEnd) - session.offset);
    if (doneUnits > 0) {
      const piece = { ...session, status: 'done' as const, units: doneUnits, hours: doneUnits / 2 };
      (session.day < fromDay ? out : ahead).push(piece);
    }
    const rest = session.units - doneUnits;
    if (rest > 0 && session.day < fromDay) {
      const offset = session.offset + doneUnits;
      missedUnits += rest;
      out.push({
        ...session,
        id: `missed.${sessionId(session.stream, offset)}`,
        status: 'missed',
        offset,
        units: rest,
        hours: rest / 2,
        start: doneUnits > 0 ? addMinutes(session.start, doneUnits * 30) : session.start,
      });
    }
  }
  // Worked ahead: on the last study day before replanFrom (else the first one), one after another.
  if (ahead.length > 0) {
    const before = studyDaysBetween(startDay, fromDay - 1, mask);
    const day = before.length > 0 ? (before[before.length - 1] as number) : (ahead[0] as PreparedSession).day;
    let minutes = startMinutes;
    for (const session of ahead) {
      out.push({
        ...session,
        day,
        date: fromEpochDay(day),
        week: Math.floor((day - startDay) / 7),
        start: timeOfDay(minutes),
      });
      minutes += session.units * 30;
    }
  }

  // What is left: the domains less what was done; the final stretch in full.
  const state = freshState(split, { learn: learnDone, review: reviewDone });
  const fromWeek = Math.max(0, Math.floor((fromDay - startDay) / 7));
  // Reviews whose block is finished come due when the first plan had them, or now.
  for (const j of [...input.state.reviewQueue, ...indexes(n)]) {
    if (state.learnLeft[j] === 0 && (state.reviewLeft[j] as number) > 0 && !state.reviewQueue.includes(j)) {
      const due = input.state.reviewDue[j] as number;
      state.reviewDue[j] = Number.isFinite(due) ? Math.max(due, fromWeek) : fromWeek;
      state.reviewQueue.push(j);
    }
  }
  const remaining = leftOver(state).total;

  // The weeks from replanFrom: its own week holds the study days left in it, at the first plan's day shares.
  let lastStudyDay = split.examDay - 2;
  const fromWeekStart = startDay + fromWeek * 7;
  const fullFromCap = blockCap(fromWeekStart, Math.min(fromWeekStart + 6, lastStudyDay), capUnits, mask);
  const fromWeekDays = weekDays(startDay, fromWeek, startDay, lastStudyDay, mask);
  const fromWeekShares = dayCaps(split.fullCaps[fromWeek] ?? fullFromCap, fromWeekDays).filter(
    (_, i) => (fromWeekDays[i] as number) >= fromDay,
  );
  let caps: number[];
  let examDay = split.examDay;
  if (request.examDate !== undefined) {
    caps = split.fullCaps.map((cap, w) => (w < fromWeek ? 0 : cap));
    if (fromWeek < caps.length) caps[fromWeek] = sum(fromWeekShares);
    const capacity = sum(caps);
    if (remaining < capacity) caps = scaleCaps(caps, remaining);
  } else {
    const firstCap = fromWeekDays.length > 0 ? sum(fromWeekShares) : 0;
    caps = new Array<number>(fromWeek).fill(0);
    if (remaining <= firstCap) {
      caps.push(remaining);
    } else {
      caps.push(firstCap);
      const more = capsForTarget(remaining - firstCap, capUnits);
      const room = Math.max(0, fromWeek + MAX_PLAN_WEEKS - caps.length);
      for (const cap of more.slice(0, room)) caps.push(cap);
    }
    examDay = startDay + caps.length * 7 + 1;
    lastStudyDay = examDay - 2;
  }
  const pieces = fillWeeks(caps, fromWeek, state, focus);
  const planned: PreparedSession[] = [];
  for (let w = fromWeek; w < pieces.length; w++) {
    const days = weekDays(startDay, w, w === fromWeek ? fromDay : startDay, lastStudyDay, mask);
    const shares = w === fromWeek && request.examDate !== undefined ? fromWeekShares : undefined;
    layOutWeek(w, pieces[w] as Piece[], days, dayCaps(caps[w] as number, days, shares), startMinutes, planned);
  }
  const left = leftOver(state);
  const sessions = [...out, ...planned].sort((a, b) => a.day - b.day || statusRank(a) - statusRank(b));

  const domainUnits = new Array<number>(n).fill(0);
  for (const session of sessions) {
    if (session.domain !== NO_DOMAIN && session.status !== 'missed') {
      domainUnits[session.domain] = (domainUnits[session.domain] as number) + session.units;
    }
  }
  const doneTotal = sum(done as number[]);
  const unscheduled: { domain: string | null; hours: number }[] = [];
  left.byDomain.forEach((units, j) => {
    if (units > 0) unscheduled.push({ domain: input.data.domains[j]?.name as string, hours: units / 2 });
  });
  const otherLeft = left.total - sum(left.byDomain);
  if (otherLeft > 0) unscheduled.push({ domain: null, hours: otherLeft / 2 });
  let shortWarning: PlanWarning | null = null;
  if (left.total > 0) {
    const capacity = sum(caps);
    shortWarning = replanShortOnTime(request, mask, fromDay, examDay, capacity, remaining, doneTotal, missedUnits);
  }
  return {
    sessions,
    examDay,
    domainUnits,
    summary: {
      from: request.replanFrom as string,
      doneHours: doneTotal / 2,
      missedHours: missedUnits / 2,
      unscheduledHours: left.total / 2,
      unscheduled,
    },
    shortWarning,
  };
}

function statusRank(session: PreparedSession): number {
  return session.status === 'done' ? 0 : session.status === 'missed' ? 1 : 2;
}

/** `time` ("HH:MM") plus `minutes`, wrapping past midnight. */
function addMinutes(time: string, minutes: number): string {
  return timeOfDay(minutesOfDay(time) + minutes);
}

/**
 * The planning engine: a request and the prepared exam data in, a plan of dated study sessions out.
 * Everything is counted in half-hour units so every total is exact; the clock comes in as `today` and is
 * used only to check the request is within reason, so a plan is a pure function of its inputs.
 *
 * This file runs the steps in order; each lives in its own file: the request's checks (checkPlanRequest.ts),
 * the target (chooseTarget.ts), the weeks' capacity (planWeekCaps.ts, planCapacity.ts), the split of hours
 * (splitHours.ts), what each session is for (planFocus.ts), the order of study (fillWeeks.ts), the days and
 * times (layOutSessions.ts), a re-plan's work done and missed (replanRest.ts), and the plan as sent: citations
 * (PlanCitations.ts), weeks (toPlanWeeks.ts), warnings (planWarnings.ts) and assumptions (planAssumptions.ts).
 */
import { CertplanError } from '@certplan/core';
import { badRequest, checkDone, checkPlanRequest } from './checkPlanRequest.ts';
import { chooseTarget } from './chooseTarget.ts';
import type { PlannerIndex } from './ExamPlannerData.ts';
import { fillWeeks, type Piece } from './fillWeeks.ts';
import { dayCaps, layOutWeek, type PreparedSession } from './layOutSessions.ts';
import { fromEpochDay, toEpochDay } from './lib/dates.ts';
import { minutesOfDay, studyDayMask, studyDaysOf, weekDays } from './lib/studyDays.ts';
import { PlanCitations } from './PlanCitations.ts';
import { hoursBeyondTarget, planAssumptions } from './planAssumptions.ts';
import { planFocus } from './planFocus.ts';
import { planIdOf } from './planIdentity.ts';
import { planRequestToQuery } from './planRequestToQuery.ts';
import { planWarnings } from './planWarnings.ts';
import { planWeekCaps } from './planWeekCaps.ts';
import { replanRest } from './replanRest.ts';
import { retiredError } from './retiredError.ts';
import { type Plan, type PlanDomain, type PlanRequest, PlanRequestSchema, type PlanTarget } from './schema.ts';
import { freshState, splitHours } from './splitHours.ts';
import { toPlanWeeks } from './toPlanWeeks.ts';

export interface CreatePlanOptions {
  /**
   * The learner's today, YYYY-MM-DD: a plan may start up to MAX_PLAN_WEEKS weeks before it (a saved link
   * keeps opening) and up to two years after it. Nothing else in the plan depends on it.
   */
  today: string;
}

/** When the learner does not say: sessions start at 19:00 local time. */
export const DEFAULT_SESSION_START = '19:00';

/** Validates `input` against PlanRequestSchema, then plans it (see planFromRequest). */
export function createPlan(input: unknown, index: PlannerIndex, options: CreatePlanOptions): Plan {
  const parsed = PlanRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    throw badRequest(issues);
  }
  return planFromRequest(parsed.data, index, options);
}

/**
 * Plans a request that already passed PlanRequestSchema (the HTTP route validates the body once, with the
 * same schema, before this). The checks that need the exam (known id, proficiency and done names, start
 * date against today, retirement) happen here.
 */
export function planFromRequest(request: PlanRequest, index: PlannerIndex, options: CreatePlanOptions): Plan {
  const data = index.exams.get(request.exam);
  if (!data) {
    throw new CertplanError('not_found', `unknown exam "${request.exam}"`, { details: { exam: request.exam } });
  }
  const todayDay = toEpochDay(options.today);
  if (Number.isNaN(todayDay)) throw new TypeError(`createPlan: options.today must be YYYY-MM-DD, got ${options.today}`);
  const { startDay, proficiency, doneUnits } = checkPlanRequest(request, data, options.today, todayDay);

  const mask = studyDayMask(request.studyDays);
  const sessionStart = request.sessionStart ?? DEFAULT_SESSION_START;
  const startMinutes = minutesOfDay(sessionStart);
  const capUnits = request.hoursPerWeek * 2;

  // 1. What the plan aims for, the weeks and how many half-hours each can hold.
  const target = chooseTarget(request, data);
  const weekCaps = planWeekCaps(request, target, startDay, capUnits, mask);
  const { caps, fullCaps, warnings, assumptions } = weekCaps;
  let examDay = weekCaps.examDay;

  // 2. A retired exam cannot be planned past its last day.
  const retirement = data.retirement;
  if (retirement && fromEpochDay(examDay) > retirement.date) {
    throw retiredError(data, fromEpochDay(examDay), request.examDate === undefined);
  }

  // 3. How the hours split: light last week, practice exam, mixed review, then the domains.
  const split = splitHours(data, proficiency, caps, fullCaps, examDay);
  const domains = data.domains;
  const domainCount = domains.length;
  const doneClamp = doneUnits ? checkDone(doneUnits, split.domainUnits, data) : null;
  const focus = planFocus(data, proficiency, split.domainUnits);

  // 4. Fill the weeks in order, then put each week's work on its study days.
  const state = freshState(split);
  const pieces = fillWeeks(split.caps, 0, state, focus);
  let sessions: PreparedSession[] = [];
  for (let w = 0; w < pieces.length; w++) {
    const days = weekDays(startDay, w, startDay, split.examDay - 2, mask);
    layOutWeek(w, pieces[w] as Piece[], days, dayCaps(split.caps[w] as number, days), startMinutes, sessions);
  }

  // 5. A re-plan keeps what was done, marks what was missed, and plans the rest from `replanFrom`.
  let replan: Plan['replan'] = null;
  let domainHoursUnits = split.domainUnits;
  if (request.replanFrom !== undefined) {
    const result = replanRest({
      request,
      data,
      split,
      state,
      p0: sessions,
      done: doneClamp ?? new Array<number>(domainCount).fill(0),
      startDay,
      capUnits,
      mask,
      startMinutes,
      focus,
    });
    sessions = result.sessions;
    examDay = result.examDay;
    domainHoursUnits = result.domainUnits;
    replan = result.summary;
    for (let i = warnings.length - 1; i >= 0; i--) if (warnings[i]?.code === 'short_on_time') warnings.splice(i, 1);
    if (result.shortWarning) warnings.push(result.shortWarning);
    if (retirement && fromEpochDay(examDay) > retirement.date)
      throw retiredError(data, fromEpochDay(examDay), request.examDate === undefined);
  }
  const examDate = fromEpochDay(examDay);

  // 6. Target, domains, weeks, warnings and assumptions as sent. Citations are listed once, in plan.citations,
  // in the order first referred to; the rest refer to them by index.
  const citations = new PlanCitations();
  const planTarget: PlanTarget = {
    hours: target.hours,
    basis: target.basis,
    range: target.range,
    citationRefs: citations.refsOf(target.citations),
  };
  const doneOf = doneClamp ?? [];
  const planDomains: PlanDomain[] = domains.map((domain, j) => ({
    name: domain.name,
    weightPercent: domain.weightPercent,
    weightRange: domain.weightRange,
    hours: (domainHoursUnits[j] as number) / 2,
    doneHours: (doneOf[j] ?? 0) / 2,
    proficiency: proficiency[j] ?? null,
    citationRefs: citations.refsOf(domain.citations),
  }));
  const { weeks, totalUnits, split: hoursSplit } = toPlanWeeks(sessions, startDay, examDay, domains, citations);
  warnings.push(...planWarnings({ request, data, proficiency, examDay, examDate, todayDay, today: options.today }));
  assumptions.push(...planAssumptions(request, data, proficiency, split, sessionStart));
  const beyondTarget = hoursBeyondTarget(request, target, totalUnits / 2, hoursSplit);
  if (beyondTarget) assumptions.push(beyondTarget);
  for (const warning of warnings) citations.refsOf(warning.citations);

  return {
    id: planIdOf(request),
    query: planRequestToQuery(request),
    exam: data.exam.id,
    examName: data.exam.name,
    startDate: request.startDate,
    examDate,
    examDateSuggested: request.examDate === undefined,
    hoursPerWeek: request.hoursPerWeek,
    studyDays: studyDaysOf(mask),
    sessionStart,
    timeZone: request.timeZone ?? null,
    totalHours: totalUnits / 2,
    hoursSplit,
    target: planTarget,
    replan,
    weeks,
    domains: planDomains,
    warnings,
    citations: citations.list,
    assumptions,
  };
}

/**
 * The planning engine: a request and the prepared exam data in, a plan of dated study sessions out.
 * Everything is counted in half-hour units so every total is exact; the clock comes in as `today` and is
 * used only to check the request is within reason, so a plan is a pure function of its inputs.
 *
 * Steps: the weeks' capacity (planCapacity.ts), the split of hours (here), the order of study
 * (fillWeeks.ts), the days and times (layOutSessions.ts), and for a re-plan the work done and missed
 * (here, `replan`).
 */
import { CertplanError, type CertplanErrorIssue, formatExperience } from '@certplan/core';
import { domainSlug, type FillFocus, type FillState, fillWeeks, leftOver, NO_DOMAIN, type Piece } from './fillWeeks.ts';
import { dayCaps, layOutWeek, type PreparedSession, sessionId } from './layOutSessions.ts';
import { apportion } from './lib/apportion.ts';
import { addDays, fromEpochDay, toEpochDay } from './lib/dates.ts';
import { normalizeDomainName } from './lib/matchDomain.ts';
import { minutesOfDay, studyDayMask, studyDaysBetween, studyDaysOf } from './lib/studyDays.ts';
import {
  blockCap,
  capacityUntilExam,
  capsForTarget,
  capsUntilExam,
  hoursPerWeekForWeeks,
  lightUnits,
  scaleCaps,
} from './planCapacity.ts';
import { planIdOf } from './planIdentity.ts';
import { planRequestToQuery } from './planRequestToQuery.ts';
import type { ExamPlannerData, PlannerIndex } from './preparePlannerData.ts';
import {
  type Citation,
  type Focus,
  MAX_HOURS_PER_WEEK,
  MAX_PLAN_WEEKS,
  type Plan,
  type PlanDomain,
  type PlanRequest,
  PlanRequestSchema,
  type PlanSession,
  type PlanTarget,
  type PlanWarning,
  type PlanWeek,
  type PreparedFocus,
} from './schema.ts';

export interface CreatePlanOptions {
  /**
   * The learner's today, YYYY-MM-DD: a plan may start up to MAX_PLAN_WEEKS weeks before it (a saved link
   * keeps opening) and up to two years after it. Nothing else in the plan depends on it.
   */
  today: string;
}

/** The planner's own rule of thumb when the learner gives neither an exam date nor a target: not a sourced figure. */
export const DEFAULT_TOTAL_HOURS = 100;
/** When the learner does not say: sessions start at 19:00 local time. */
export const DEFAULT_SESSION_START = '19:00';
/** A practice exam's length when no source states the real one. */
const DEFAULT_EXAM_MINUTES = 120;
/** Weaker domains get more time: hours scale by these factors for self-ratings 1..5. */
export const PROFICIENCY_FACTORS: readonly number[] = [1, 1.6, 1.3, 1, 0.8, 0.6];
/** Share of a domain's hours kept for its review one to two weeks after its block. */
const REVIEW_SHARE = 0.2;
/** Share of the non-final-week hours for mixed review in the final stretch. */
const MIXED_REVIEW_SHARE = 0.08;
/** The practice exam takes at most this share (so short plans still mostly learn). */
const PRACTICE_MAX_SHARE = 0.2;

/** A plan starts within two years: further out, exam facts will have changed anyway. */
const MAX_START_AHEAD_DAYS = 730;
/** A saved plan keeps opening as long as it could still be running: plans span at most MAX_PLAN_WEEKS. */
const MAX_START_BEHIND_DAYS = MAX_PLAN_WEEKS * 7;

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

/** The units of one plan: what each kind of work gets before the weeks are filled. */
interface Split {
  caps: number[];
  /** The weeks' capacity before a target scaled it down (a re-plan fills from these). */
  fullCaps: number[];
  examDay: number;
  domainUnits: number[];
  reviewUnits: number[];
  generalUnits: number;
  mixedUnits: number;
  practiceUnits: number;
  bufferUnits: number;
  blockOrder: number[];
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

  const issues: CertplanErrorIssue[] = [];
  const startDay = toEpochDay(request.startDate);
  if (startDay < todayDay - MAX_START_BEHIND_DAYS) {
    issues.push({
      path: 'startDate',
      message: `must be at most ${MAX_PLAN_WEEKS} weeks before today (${options.today}): a plan spans at most that`,
    });
  } else if (startDay > todayDay + MAX_START_AHEAD_DAYS) {
    issues.push({
      path: 'startDate',
      message: `must be within ${MAX_START_AHEAD_DAYS} days of today (${options.today})`,
    });
  }
  const proficiency = readProficiency(request, data, issues);
  const doneUnits = readDone(request, data, issues);
  if (request.replanFrom !== undefined && toEpochDay(request.replanFrom) > startDay + MAX_PLAN_WEEKS * 7) {
    issues.push({ path: 'replanFrom', message: `must be within ${MAX_PLAN_WEEKS} weeks of startDate` });
  }
  if (issues.length > 0) throw badRequest(issues);

  const mask = studyDayMask(request.studyDays);
  const sessionStart = request.sessionStart ?? DEFAULT_SESSION_START;
  const startMinutes = minutesOfDay(sessionStart);
  const assumptions: string[] = [];
  const warnings: PlanWarning[] = [];
  const capUnits = request.hoursPerWeek * 2;
  const targetUnits = request.targetHours === undefined ? null : request.targetHours * 2;

  // What the plan aims for: the learner's target, else the preparation time sources state (the middle of
  // their range, to the half hour), else the planner's default, said to be one.
  const stated = data.studyHours;
  const target: Omit<PlanTarget, 'citationRefs'> & { citations: readonly Citation[] } =
    targetUnits !== null
      ? {
          hours: targetUnits / 2,
          basis: 'requested',
          range: stated ? stated.range : null,
          citations: stated?.citations ?? [],
        }
      : stated
        ? { hours: stated.middle, basis: 'sources', range: stated.range, citations: stated.citations }
        : { hours: DEFAULT_TOTAL_HOURS, basis: 'assumption', range: null, citations: [] };
  const wantedUnits = target.hours * 2;

  // 1. The weeks and how many half-hours each can hold.
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

  // 2. A retired exam cannot be planned past its last day.
  const retirement = data.retirement;
  if (retirement && fromEpochDay(examDay) > retirement.date) {
    throw retiredError(data, fromEpochDay(examDay));
  }

  // 3. How the hours split: light last week, practice exam, mixed review, then the domains.
  const split = splitHours(data, proficiency, caps, fullCaps, examDay);
  const domains = data.domains;
  const domainCount = domains.length;
  const doneClamp = doneUnits ? checkDone(doneUnits, split.domainUnits, data) : null;

  const weakestFirst = indexes(domainCount).sort(
    (a, b) =>
      (proficiency[a] ?? 3) - (proficiency[b] ?? 3) ||
      (split.domainUnits[b] ?? 0) - (split.domainUnits[a] ?? 0) ||
      a - b,
  );
  const weakestNames = weakestFirst.slice(0, 3).map((j) => domains[j]?.name as string);
  const focus: FillFocus = {
    learn: domains.map((d) => d.learnFocus),
    review: domains.map((d) => d.reviewFocus),
    general: data.generalFocus,
    practice: data.practiceFocus,
    mixed: {
      text:
        domainCount > 0
          ? `Mixed review across all domains, weakest first (${weakestNames.join(', ')}): practice questions that mix every domain.`
          : 'Mixed review: practice questions across the whole exam.',
      objectives: [],
      topics: [],
      citations: [],
    },
    buffer: {
      text: `Light week before the exam: skim your notes${domainCount > 0 ? ` (weakest first: ${weakestNames.join(', ')})` : ''}, check the exam logistics (ID, test centre or online setup), and rest the day before.`,
      objectives: [],
      topics: [],
      citations: [],
    },
    slugs: uniqueSlugs(domains.map((d) => d.name)),
  };

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
    if (retirement && fromEpochDay(examDay) > retirement.date) throw retiredError(data, fromEpochDay(examDay));
  }
  const examDate = fromEpochDay(examDay);

  // 6. Weeks, domains, warnings, citations.
  // Citations are listed once, in plan.citations; domains and sessions refer to them by index.
  const citations: Citation[] = [];
  const citationIndex = new Map<Citation, number>();
  const refsOf = (list: readonly Citation[]): number[] => {
    const refs: number[] = [];
    for (const citation of list) {
      let i = citationIndex.get(citation);
      if (i === undefined) {
        i = citations.length;
        citationIndex.set(citation, i);
        citations.push(citation);
      }
      if (!refs.includes(i)) refs.push(i);
    }
    return refs;
  };
  const planTarget: PlanTarget = {
    hours: target.hours,
    basis: target.basis,
    range: target.range,
    citationRefs: refsOf(target.citations),
  };
  const doneOf = doneClamp ?? [];
  const planDomains: PlanDomain[] = domains.map((domain, j) => ({
    name: domain.name,
    weightPercent: domain.weightPercent,
    weightRange: domain.weightRange,
    hours: (domainHoursUnits[j] as number) / 2,
    doneHours: (doneOf[j] ?? 0) / 2,
    proficiency: proficiency[j] ?? null,
    citationRefs: refsOf(domain.citations),
  }));
  // The same prepared focus recurs in every session of its domain: one wire focus each.
  const focusFor = new Map<PreparedFocus, Focus>();
  const wireFocus = (prepared: PreparedFocus): Focus => {
    let wire = focusFor.get(prepared);
    if (!wire) {
      wire = {
        text: prepared.text,
        objectives: prepared.objectives.map((o) => ({ ref: o.ref, label: o.label, citationRefs: refsOf(o.citations) })),
        topics: prepared.topics as string[],
        citationRefs: refsOf(prepared.citations),
      };
      focusFor.set(prepared, wire);
    }
    return wire;
  };
  let weekCount = Math.ceil((examDay - 1 - startDay) / 7);
  for (const session of sessions) if (session.week + 1 > weekCount) weekCount = session.week + 1;
  const planWeeks: PlanWeek[] = new Array(weekCount);
  for (let w = 0; w < weekCount; w++) {
    const start = startDay + w * 7;
    planWeeks[w] = {
      index: w,
      start: fromEpochDay(start),
      end: fromEpochDay(Math.max(start, Math.min(start + 6, examDay - 2))),
      hours: 0,
      sessions: [],
    };
  }
  let totalUnits = 0;
  for (const session of sessions) {
    const week = planWeeks[session.week] as PlanWeek;
    if (session.status !== 'missed') {
      week.hours += session.hours;
      totalUnits += session.units;
    }
    const wire: PlanSession = {
      id: session.id,
      date: session.date,
      start: session.start,
      status: session.status,
      domain: session.domain === NO_DOMAIN ? null : (domains[session.domain]?.name as string),
      hours: session.hours,
      kind: session.kind,
      focus: wireFocus(session.focus),
    };
    week.sessions.push(wire);
  }

  // Experience disagreements matter only to a learner who told us their experience; they are told inside
  // the experience warning when there is one.
  const toldDisagreements = new Set<string>();
  if (request.experienceYears !== undefined) {
    for (const recommended of data.experience) {
      if (request.experienceYears >= recommended.minYears) continue;
      if (recommended.disagreement) toldDisagreements.add(recommended.disagreement.id);
      const who = recommended.sourceTitle ? `"${recommended.sourceTitle}"` : 'A source';
      const quote = recommended.quote ? ` ("${recommended.quote.trim()}")` : '';
      warnings.push({
        code: 'experience_below_recommended',
        message: `${who} recommends ${formatExperience(recommended)}${quote}; you have ${request.experienceYears} year${request.experienceYears === 1 ? '' : 's'}. Plan extra hands-on practice.${recommended.disagreement ? ` ${recommended.disagreement.text}` : ''}`,
        citations: unique([...recommended.citations, ...(recommended.disagreement?.citations ?? [])]),
      });
    }
  }
  if (domainCount === 0) {
    warnings.push({
      code: 'domains_unknown',
      message: `No source lists the domains of ${data.exam.name}: the plan has general study sessions instead of domain blocks.`,
      citations: [],
    });
  } else if (data.weightsFromRanges) {
    const ranged = domains.filter((d) => d.weightRange !== null);
    warnings.push({
      code: 'weights_from_ranges',
      message: `The exam guide gives ${ranged.length === domainCount ? "every domain's weight" : `the weight of ${ranged.length} of the ${domainCount} domains`} only as a range (${ranged.map((d) => `${d.name} ${d.weightRange?.[0]}–${d.weightRange?.[1]}%`).join(', ')}): hours are split by the middle of each range.`,
      citations: data.domainsEvidence as Citation[],
    });
  } else if (!data.weightsKnown) {
    warnings.push({
      code: 'weights_unknown',
      message: `The sources do not give every domain's weight for ${data.exam.name}: hours are split evenly across the ${domainCount} domains${proficiency.some((p) => p !== undefined) ? ', adjusted by your proficiency' : ''}.`,
      citations: data.domainsEvidence as Citation[],
    });
  }
  for (const disagreement of data.disagreements) {
    if (disagreement.attribute === 'experience' && request.experienceYears === undefined) continue;
    if (toldDisagreements.has(disagreement.id)) continue;
    warnings.push(disagreement.warning);
  }
  if (examDay < todayDay) {
    // A saved link opens whatever today is (durable plans), but a plan whose exam has passed is history: say so
    // rather than show its sessions as if they were to come.
    warnings.push({
      code: 'exam_date_passed',
      message: `The ${request.examDate === undefined ? 'suggested ' : ''}exam date, ${examDate}, is before today (${options.today}): every session of this plan is in the past. Re-plan with a new exam date to study from today.`,
      citations: [],
    });
  }
  if (retirement && examDate <= retirement.date) {
    warnings.push({
      code: 'exam_retiring',
      message: `${data.exam.name} retires on ${retirement.date}: there is no retake after that date.${retirement.successor ? ` Its successor is ${retirement.successor.name}.` : ''}`,
      citations: retirement.citations as Citation[],
    });
  }

  assumptions.push(
    'Weeks run in 7-day blocks from the start date; the last week before the exam is kept light (at most half the weekly hours), and the day before the exam is left free for rest.',
  );
  if (domainCount > 0) {
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
    assumptions.push(`No start time was given: sessions start at ${DEFAULT_SESSION_START}.`);
  }

  for (const warning of warnings) refsOf(warning.citations);

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
    target: planTarget,
    replan,
    weeks: planWeeks,
    domains: planDomains,
    warnings,
    citations,
    assumptions,
  };
}

/** Step 3: light last week, practice exam, mixed review, then the domains by weight and proficiency. */
function splitHours(
  data: ExamPlannerData,
  proficiency: readonly (number | undefined)[],
  caps: number[],
  fullCaps: number[],
  examDay: number,
): Split {
  const weekCount = caps.length;
  const totalUnits = sum(caps);
  const bufferUnits = weekCount >= 2 ? (caps[weekCount - 1] as number) : 0;
  const restUnits = totalUnits - bufferUnits;
  const examMinutes = data.duration?.value.minutes ?? DEFAULT_EXAM_MINUTES;
  let practiceUnits =
    weekCount >= 2 ? Math.min(Math.ceil(examMinutes / 30) + 2, Math.floor(restUnits * PRACTICE_MAX_SHARE)) : 0;
  if (practiceUnits < 2) practiceUnits = 0;
  const mixedUnits = weekCount >= 3 ? Math.floor(restUnits * MIXED_REVIEW_SHARE) : 0;
  const domainUnitsTotal = restUnits - practiceUnits - mixedUnits;

  const domains = data.domains;
  const domainCount = domains.length;
  const scores = new Array<number>(domainCount);
  for (let j = 0; j < domainCount; j++) {
    const weight = data.weightsKnown ? weightOf(domains[j] as ExamPlannerData['domains'][number]) : 1;
    scores[j] = weight * (PROFICIENCY_FACTORS[proficiency[j] ?? 3] as number);
  }
  const domainUnits = domainCount > 0 ? apportion(domainUnitsTotal, scores) : [];
  const reviewUnits = domainUnits.map((units) =>
    weekCount >= 2 && units >= 4 ? Math.max(1, Math.round(units * REVIEW_SHARE)) : 0,
  );
  // Heavier domains first (official weight), the official order among equals.
  const blockOrder = indexes(domainCount);
  if (data.weightsKnown) {
    blockOrder.sort(
      (a, b) =>
        weightOf(domains[b] as ExamPlannerData['domains'][number]) -
          weightOf(domains[a] as ExamPlannerData['domains'][number]) || a - b,
    );
  }
  return {
    caps,
    fullCaps,
    examDay,
    domainUnits,
    reviewUnits,
    generalUnits: domainCount === 0 ? domainUnitsTotal : 0,
    mixedUnits,
    practiceUnits,
    bufferUnits,
    blockOrder,
  };
}

/** A domain's weight for splitting hours: the stated percent, else the middle of the stated range. */
function weightOf(domain: ExamPlannerData['domains'][number]): number {
  if (domain.weightPercent !== null) return domain.weightPercent;
  if (domain.weightRange) return (domain.weightRange[0] + domain.weightRange[1]) / 2;
  return 0;
}

/**
 * The filler's state at the start of a plan, or after the work already done per domain (half-hour units, learning
 * first, then review: `learnDone[j] + reviewDone[j]` of domain j is done). Omitted: nothing done yet.
 */
function freshState(
  split: Split,
  done: { learn: readonly number[]; review: readonly number[] } | null = null,
): FillState {
  const n = split.domainUnits.length;
  const learnDone = done?.learn ?? new Array<number>(n).fill(0);
  const reviewDone = done?.review ?? new Array<number>(n).fill(0);
  return {
    learnLeft: split.domainUnits.map((units, j) => units - (split.reviewUnits[j] as number) - (learnDone[j] as number)),
    learnAt: learnDone.slice(),
    reviewLeft: split.reviewUnits.map((units, j) => units - (reviewDone[j] as number)),
    reviewAt: reviewDone.slice(),
    reviewDue: new Array<number>(n).fill(Number.POSITIVE_INFINITY),
    reviewQueue: [],
    blockOrder: split.blockOrder,
    block: 0,
    generalLeft: split.generalUnits,
    generalAt: 0,
    mixedLeft: split.mixedUnits,
    mixedAt: 0,
    practiceLeft: split.practiceUnits,
    practiceAt: 0,
    bufferLeft: split.bufferUnits,
    bufferAt: 0,
  };
}

/** The study days of week `w` (7-day blocks from `startDay`) within [first, last]. */
function weekDays(startDay: number, w: number, first: number, last: number, mask: readonly boolean[]): number[] {
  const from = startDay + w * 7;
  return studyDaysBetween(Math.max(from, first), Math.min(from + 6, last), mask);
}

interface ReplanInput {
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
function replanRest(input: ReplanInput): {
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
        start: minutesText(minutes),
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

function minutesText(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function addMinutes(time: string, minutes: number): string {
  return minutesText(minutesOfDay(time) + minutes);
}

/** The re-plan's rest does not fit before the exam: what would (hours a week, or the earliest date). */
function replanShortOnTime(
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

/** The target as a warning says it: whose figure it is. */
function describeWanted(target: { hours: number; basis: PlanTarget['basis']; range: PlanTarget['range'] }): string {
  if (target.basis === 'requested') return `the ${hoursWord(target.hours)} you asked for`;
  if (target.basis === 'sources' && target.range) {
    return `the ${target.range.min}–${target.range.max} hours of preparation the sources state (the plan aims for the middle, ${hoursWord(target.hours)})`;
  }
  return `the planner's rule of thumb of ${hoursWord(target.hours)} (an assumption, not a figure from any source)`;
}

function shortOnTime(
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

/** Done hours by domain index (units); unknown names become issues at `done.<name>`. */
function readDone(request: PlanRequest, data: ExamPlannerData, issues: CertplanErrorIssue[]): number[] | null {
  if (!request.done) return null;
  const units = new Array<number>(data.domains.length).fill(0);
  const seen = new Set<number>();
  for (const [name, hours] of Object.entries(request.done)) {
    const j = data.domainKeys.get(normalizeDomainName(name));
    if (j === undefined) {
      const known = data.domains.map((d) => `"${d.name}"`).join(', ');
      issues.push({
        path: `done.${name}`,
        message: known
          ? `not a domain of ${data.exam.id}; expected one of ${known}`
          : `${data.exam.id} has no known domains`,
      });
    } else if (seen.has(j)) {
      issues.push({ path: `done.${name}`, message: `counts "${data.domains[j]?.name}" a second time` });
    } else {
      seen.add(j);
      units[j] = hours * 2;
    }
  }
  return units;
}

/** Done may not exceed what the plan gives a domain: the extra would be counted nowhere. */
function checkDone(done: number[], domainUnits: readonly number[], data: ExamPlannerData): number[] {
  const issues: CertplanErrorIssue[] = [];
  done.forEach((units, j) => {
    const has = domainUnits[j] as number;
    if (units > has) {
      issues.push({
        path: `done.${data.domains[j]?.name}`,
        message: `${units / 2} hours done is more than the ${has / 2} hours this plan gives the domain`,
      });
    }
  });
  if (issues.length > 0) throw badRequest(issues);
  return done;
}

/** Stream names per domain; two names with the same slug get -2, -3 so session ids stay unique. */
function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = domainSlug(name);
    let slug = base;
    for (let k = 2; used.has(slug); k++) slug = `${base}-${k}`;
    used.add(slug);
    return slug;
  });
}

/** The exam's refusal: the date, the source that says so and the successor, for a 422. */
export function retiredError(data: ExamPlannerData, examDate: string): CertplanError {
  const retirement = data.retirement;
  if (!retirement) throw new TypeError('retiredError: exam has no retirement');
  const source = retirement.citations[0];
  const sourceText = source ? ` (source: ${source.title ?? source.source}${source.url ? `, ${source.url}` : ''})` : '';
  const successorText = retirement.successor
    ? ` Its successor is ${retirement.successor.name} (${retirement.successor.id}).`
    : '';
  return new CertplanError(
    'exam_retired',
    `${data.exam.name} was retired on ${retirement.date}${sourceText}, so it cannot be taken on ${examDate}.${successorText}`,
    {
      details: {
        exam: data.exam.id,
        date: retirement.date,
        successor: retirement.successor,
        citations: retirement.citations,
      },
    },
  );
}

function badRequest(issues: CertplanErrorIssue[]): CertplanError {
  const first = issues[0];
  return new CertplanError(
    'bad_request',
    `invalid plan request: ${first ? `${first.path}: ${first.message}` : 'invalid'}`,
    {
      issues,
    },
  );
}

/** Proficiency ratings by domain index; unknown names become issues at `proficiency.<name>`. */
function readProficiency(
  request: PlanRequest,
  data: ExamPlannerData,
  issues: CertplanErrorIssue[],
): (number | undefined)[] {
  const levels = new Array<number | undefined>(data.domains.length).fill(undefined);
  if (!request.proficiency) return levels;
  for (const [name, level] of Object.entries(request.proficiency)) {
    const j = data.domainKeys.get(normalizeDomainName(name));
    if (j === undefined) {
      const known = data.domains.map((d) => `"${d.name}"`).join(', ');
      issues.push({
        path: `proficiency.${name}`,
        message: known
          ? `not a domain of ${data.exam.id}; expected one of ${known}`
          : `${data.exam.id} has no known domains`,
      });
    } else if (levels[j] !== undefined) {
      issues.push({ path: `proficiency.${name}`, message: `rates "${data.domains[j]?.name}" a second time` });
    } else {
      levels[j] = level;
    }
  }
  return levels;
}

/** "1 hour", "1.5 hours", "8 study hours": the noun agrees with the number. */
export function hoursWord(hours: number, noun = 'hour'): string {
  return `${hours} ${noun}${hours === 1 ? '' : 's'}`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** [0, 1, …, n-1] (a plain loop: Array.from with a callback is slow on the hot path). */
function indexes(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * The planning engine: a request and the prepared exam data in, a week-by-week plan out. Everything is
 * counted in half-hour units so every total is exact; the clock comes in as `today`.
 */
import { CertplanError, type CertplanErrorIssue } from '@certplan/core';
import { apportion } from './lib/apportion.ts';
import { addDays, fromEpochDay, toEpochDay } from './lib/dates.ts';
import { describeYears, experienceKindLabel } from './lib/describeValue.ts';
import { normalizeDomainName } from './lib/matchDomain.ts';
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
  type PlanWarning,
  type PlanWeek,
  type PreparedFocus,
  type SessionKind,
} from './schema.ts';

/** A session while the weeks are filled: its focus still holds the citations themselves. */
type PreparedSession = Omit<PlanSession, 'focus'> & { focus: PreparedFocus };
type PreparedWeek = Omit<PlanWeek, 'sessions'> & { sessions: PreparedSession[] };

export interface CreatePlanOptions {
  /** The learner's today, YYYY-MM-DD: a plan may not start before it (a day of slack for time zones). */
  today: string;
}

/** The planner's own rule of thumb when the learner gives neither an exam date nor a target: not a sourced figure. */
export const DEFAULT_TOTAL_HOURS = 100;
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

const NO_DOMAIN = -1;
/** A plan starts within two years: further out, exam facts will have changed anyway. */
const MAX_START_AHEAD_DAYS = 730;

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
 * same schema, before this). The checks that need the exam (known id, proficiency names, start date against
 * today, retirement) happen here.
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
  if (startDay < todayDay - 1) {
    issues.push({ path: 'startDate', message: `must not be before today (${options.today})` });
  } else if (startDay > todayDay + MAX_START_AHEAD_DAYS) {
    issues.push({
      path: 'startDate',
      message: `must be within ${MAX_START_AHEAD_DAYS} days of today (${options.today})`,
    });
  }
  const proficiency = readProficiency(request, data, issues);
  if (issues.length > 0) throw badRequest(issues);

  const assumptions: string[] = [];
  const warnings: PlanWarning[] = [];
  const capUnits = request.hoursPerWeek * 2;
  const targetUnits = request.targetHours === undefined ? null : request.targetHours * 2;

  // 1. The weeks and how many half-hours each can hold.
  let caps: number[];
  let examDate: string;
  if (request.examDate !== undefined) {
    examDate = request.examDate;
    // The day before the exam is a rest day (the plan says so): study days end two days before it.
    caps = capsUntilExam(toEpochDay(examDate) - startDay - 1, capUnits);
    const capacity = sum(caps);
    if (targetUnits !== null && targetUnits > capacity) {
      warnings.push(shortOnTime(request, capacity, targetUnits, startDay, false));
    } else if (targetUnits !== null) {
      caps = scaleCaps(caps, targetUnits);
    } else if (capacity < DEFAULT_TOTAL_HOURS * 2) {
      warnings.push(shortOnTime(request, capacity, DEFAULT_TOTAL_HOURS * 2, startDay, true));
    }
  } else {
    let units = targetUnits ?? DEFAULT_TOTAL_HOURS * 2;
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
        `The planner's default of ${DEFAULT_TOTAL_HOURS} hours does not fit ${MAX_PLAN_WEEKS} weeks at ${request.hoursPerWeek} hours a week, so the plan is cut to ${units / 2} hours.`,
      );
    }
    if (targetUnits === null) {
      assumptions.push(
        `No exam date or target hours were given, so the plan assumes ${DEFAULT_TOTAL_HOURS} study hours in total: a planner default, not a figure from any source.`,
      );
    }
    // The day after the last study week is the rest day; the exam follows it.
    examDate = fromEpochDay(startDay + caps.length * 7 + 1);
  }

  // 2. A retired exam cannot be planned past its last day.
  const retirement = data.retirement;
  if (retirement && examDate > retirement.date) {
    throw retiredError(data, examDate);
  }

  // 3. How the hours split: light last week, practice exam, mixed review, then the domains.
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
    const domain = domains[j] as ExamPlannerData['domains'][number];
    const weight = data.weightsKnown ? (domain.weightPercent as number) : 1;
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
      (a, b) => ((domains[b]?.weightPercent as number) ?? 0) - ((domains[a]?.weightPercent as number) ?? 0) || a - b,
    );
  }
  const weakestFirst = indexes(domainCount).sort(
    (a, b) => (proficiency[a] ?? 3) - (proficiency[b] ?? 3) || (domainUnits[b] ?? 0) - (domainUnits[a] ?? 0) || a - b,
  );
  const weakestNames = weakestFirst.slice(0, 3).map((j) => domains[j]?.name as string);

  const mixedFocus: PreparedFocus = {
    text:
      domainCount > 0
        ? `Mixed review across all domains, weakest first (${weakestNames.join(', ')}): practice questions that mix every domain.`
        : 'Mixed review: practice questions across the whole exam.',
    topics: [],
    citations: [],
  };
  const bufferFocus: PreparedFocus = {
    text: `Light week before the exam: skim your notes${domainCount > 0 ? ` (weakest first: ${weakestNames.join(', ')})` : ''}, check the exam logistics (ID, test centre or online setup), and rest the day before.`,
    topics: [],
    citations: [],
  };

  // 4. Fill the weeks in order. Reviews come due the week after their block ends and go first.
  const weeks: PreparedWeek[] = new Array(weekCount);
  const learnLeft = domainUnits.map((units, j) => units - (reviewUnits[j] as number));
  const reviewDue = new Array<number>(domainCount).fill(Number.POSITIVE_INFINITY);
  const reviewLeft = reviewUnits.slice();
  let block = 0;
  while (block < domainCount && (learnLeft[blockOrder[block] as number] as number) === 0) block++;
  let generalLeft = domainCount === 0 ? domainUnitsTotal : 0;
  let mixedLeft = mixedUnits;
  let practiceLeft = practiceUnits;
  let bufferLeft = bufferUnits;
  const reviewQueue: number[] = [];
  const examDay = toEpochDay(examDate);

  for (let w = 0; w < weekCount; w++) {
    let room = caps[w] as number;
    const sessions: PreparedSession[] = [];
    while (room > 0) {
      let take = 0;
      let kind: SessionKind;
      let domain = NO_DOMAIN;
      let focus: PreparedFocus;
      const due = reviewQueue.find((j) => (reviewDue[j] as number) <= w && (reviewLeft[j] as number) > 0);
      if (due !== undefined) {
        take = Math.min(room, reviewLeft[due] as number);
        reviewLeft[due] = (reviewLeft[due] as number) - take;
        kind = 'review';
        domain = due;
        focus = domains[due]?.reviewFocus as PreparedFocus;
      } else if (block < domainCount) {
        const j = blockOrder[block] as number;
        take = Math.min(room, learnLeft[j] as number);
        learnLeft[j] = (learnLeft[j] as number) - take;
        kind = 'learn';
        domain = j;
        focus = domains[j]?.learnFocus as PreparedFocus;
        if (learnLeft[j] === 0) {
          if ((reviewLeft[j] as number) > 0) {
            reviewDue[j] = w + 1;
            reviewQueue.push(j);
          }
          block++;
          while (block < domainCount && (learnLeft[blockOrder[block] as number] as number) === 0) block++;
        }
      } else if (generalLeft > 0) {
        take = Math.min(room, generalLeft);
        generalLeft -= take;
        kind = 'learn';
        focus = data.generalFocus;
      } else {
        // Final stretch: mixed review first, so the last block's own review can come due a week later;
        // a review still pending when the mixed review runs out is taken early rather than dropped.
        const early = mixedLeft > 0 ? undefined : reviewQueue.find((j) => (reviewLeft[j] as number) > 0);
        if (mixedLeft > 0) {
          take = Math.min(room, mixedLeft);
          mixedLeft -= take;
          kind = 'review';
          focus = mixedFocus;
        } else if (early !== undefined) {
          take = Math.min(room, reviewLeft[early] as number);
          reviewLeft[early] = (reviewLeft[early] as number) - take;
          kind = 'review';
          domain = early;
          focus = domains[early]?.reviewFocus as PreparedFocus;
        } else if (practiceLeft > 0) {
          take = Math.min(room, practiceLeft);
          practiceLeft -= take;
          kind = 'practice';
          focus = data.practiceFocus;
        } else if (bufferLeft > 0) {
          take = Math.min(room, bufferLeft);
          bufferLeft -= take;
          kind = 'buffer';
          focus = bufferFocus;
        } else {
          break;
        }
      }
      room -= take;
      addSession(sessions, kind, domain === NO_DOMAIN ? null : (domains[domain]?.name as string), take, focus);
    }
    const start = startDay + w * 7;
    const end = Math.min(start + 6, examDay - 2);
    let hours = 0;
    for (const session of sessions) hours += session.hours;
    weeks[w] = { index: w, start: fromEpochDay(start), end: fromEpochDay(end), hours, sessions };
  }

  // 5. Domains, warnings, citations.
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
  const planDomains: PlanDomain[] = domains.map((domain, j) => ({
    name: domain.name,
    weightPercent: domain.weightPercent,
    hours: (domainUnits[j] as number) / 2,
    proficiency: proficiency[j] ?? null,
    citationRefs: refsOf(domain.citations),
  }));
  // The same prepared focus recurs in every session of its domain: one wire focus each.
  const focusFor = new Map<PreparedFocus, Focus>();
  const planWeeks: PlanWeek[] = weeks.map((week) => ({
    ...week,
    sessions: week.sessions.map((session): PlanSession => {
      let focus = focusFor.get(session.focus);
      if (!focus) {
        focus = {
          text: session.focus.text,
          topics: session.focus.topics,
          citationRefs: refsOf(session.focus.citations),
        };
        focusFor.set(session.focus, focus);
      }
      return { domain: session.domain, hours: session.hours, kind: session.kind, focus };
    }),
  }));

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
        message: `${who} recommends ${describeYears(recommended.minYears, recommended.maxYears)} of ${experienceKindLabel(recommended.kind)} experience${quote}; you have ${request.experienceYears} year${request.experienceYears === 1 ? '' : 's'}. Plan extra hands-on practice.${recommended.disagreement ? ` ${recommended.disagreement.text}` : ''}`,
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
  if (practiceUnits > 0 && !data.duration) {
    assumptions.push(`No source states the exam's length: the practice exam assumes ${DEFAULT_EXAM_MINUTES} minutes.`);
  }

  for (const warning of warnings) refsOf(warning.citations);

  return {
    exam: data.exam.id,
    examName: data.exam.name,
    startDate: request.startDate,
    examDate,
    hoursPerWeek: request.hoursPerWeek,
    totalHours: totalUnits / 2,
    weeks: planWeeks,
    domains: planDomains,
    warnings,
    citations,
    assumptions,
  };
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

function lightUnits(capUnits: number): number {
  return Math.max(1, Math.floor(capUnits / 2));
}

/** Half-hour capacity of each of `days` study days' weeks (the rest day excluded); a short last week is prorated. */
function capsUntilExam(days: number, capUnits: number): number[] {
  const count = Math.ceil(days / 7);
  const caps = new Array<number>(count);
  for (let w = 0; w < count; w++) {
    const d = Math.min(7, days - w * 7);
    caps[w] = d === 7 ? capUnits : Math.floor((capUnits * d) / 7);
  }
  if (count >= 2) caps[count - 1] = Math.min(caps[count - 1] as number, lightUnits(capUnits));
  return caps;
}

/** `sum(capsUntilExam(days, capUnits))` without building the weeks: the warnings search over many of these. */
function capacityUntilExam(days: number, capUnits: number): number {
  const count = Math.ceil(days / 7);
  const lastDays = days - (count - 1) * 7;
  const last = lastDays === 7 ? capUnits : Math.floor((capUnits * lastDays) / 7);
  if (count === 1) return last;
  return (count - 1) * capUnits + Math.min(last, lightUnits(capUnits));
}

/** As many weeks as `units` need: even weeks, then a light last week. */
function capsForTarget(units: number, capUnits: number): number[] {
  if (units <= capUnits) return [units];
  const light = lightUnits(capUnits);
  const fullWeeks = Math.ceil((units - light) / capUnits);
  if (fullWeeks + 1 > MAX_PLAN_WEEKS) return new Array(fullWeeks + 1).fill(0);
  const caps = apportion(units - light, new Array(fullWeeks).fill(1));
  caps.push(light);
  return caps;
}

/** Fewer hours than the weeks hold: spread them in proportion, never over a week's capacity. */
function scaleCaps(caps: number[], units: number): number[] {
  const scaled = apportion(units, caps);
  let excess = 0;
  for (let w = 0; w < scaled.length; w++) {
    const over = (scaled[w] as number) - (caps[w] as number);
    if (over > 0) {
      scaled[w] = caps[w] as number;
      excess += over;
    }
  }
  for (let w = 0; excess > 0 && w < scaled.length; w++) {
    const room = (caps[w] as number) - (scaled[w] as number);
    const add = Math.min(room, excess);
    scaled[w] = (scaled[w] as number) + add;
    excess -= add;
  }
  return scaled;
}

function hoursPerWeekForWeeks(units: number, weeks: number): number {
  for (let cap = 1; cap <= MAX_HOURS_PER_WEEK * 2; cap++) {
    if (capsForTarget(units, cap).length <= weeks) return cap / 2;
  }
  return MAX_HOURS_PER_WEEK;
}

function shortOnTime(
  request: PlanRequest,
  capacity: number,
  wanted: number,
  startDay: number,
  byDefault: boolean,
): PlanWarning {
  const days = toEpochDay(request.examDate as string) - startDay;
  let needed: number | null = null;
  for (let cap = request.hoursPerWeek * 2 + 1; cap <= MAX_HOURS_PER_WEEK * 2; cap++) {
    // `days - 1` study days: the day before the exam is the rest day.
    if (capacityUntilExam(days - 1, cap) >= wanted) {
      needed = cap / 2;
      break;
    }
  }
  // The earliest exam date whose weeks hold the hours, by the same rule as the plan itself.
  let earliest: string | null = null;
  for (let d = days + 1; d <= MAX_PLAN_WEEKS * 7; d++) {
    if (capacityUntilExam(d - 1, request.hoursPerWeek * 2) >= wanted) {
      earliest = addDays(request.startDate, d);
      break;
    }
  }
  const asked = byDefault
    ? `the planner's rule of thumb of ${hoursWord(wanted / 2)} (an assumption, not a figure from any source)`
    : `the ${hoursWord(wanted / 2)} you asked for`;
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

/** "1 hour", "1.5 hours", "8 study hours": the noun agrees with the number. */
export function hoursWord(hours: number, noun = 'hour'): string {
  return `${hours} ${noun}${hours === 1 ? '' : 's'}`;
}

function addSession(
  sessions: PreparedSession[],
  kind: SessionKind,
  domain: string | null,
  units: number,
  focus: PreparedFocus,
): void {
  for (const session of sessions) {
    if (session.kind === kind && session.domain === domain) {
      session.hours += units / 2;
      return;
    }
  }
  sessions.push({ domain, hours: units / 2, kind, focus });
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

/**
 * A plan's inputs live in the URL so a link reproduces the plan. These two functions are inverses on valid
 * input: `parsePlanParams(planParamsToSearch(x))` gives `x` back.
 */
import type { PlanRequest } from '../api/types.ts';

/** What the form holds: strings as typed, so a half-typed number is not lost or coerced. */
export interface PlanInputs {
  exam: string;
  hoursPerWeek: string;
  startDate: string;
  examDate: string;
  targetHours: string;
  experienceYears: string;
  /** Domain name → "1".."5", or absent. */
  proficiency: Record<string, string>;
  /** Weekdays to study on ("mon".."sun"); empty means every day. */
  studyDays: string[];
  /** HH:MM, or empty for the planner's default. */
  sessionStart: string;
  /** IANA zone of sessionStart, or empty (floating local times). */
  timeZone: string;
  /** Re-plan: domain name → hours done. */
  done: Record<string, string>;
  /** Re-plan: the day the rest was planned from. */
  replanFrom: string;
}

/** ISO weekday order, Monday first, as the API names them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function emptyPlanInputs(today: string): PlanInputs {
  return {
    exam: '',
    hoursPerWeek: '',
    startDate: today,
    examDate: '',
    targetHours: '',
    experienceYears: '',
    proficiency: {},
    studyDays: [],
    sessionStart: '',
    timeZone: '',
    done: {},
    replanFrom: '',
  };
}

const PROFICIENCY_PREFIX = 'rate.';
const DONE_PREFIX = 'done.';

export function parsePlanParams(search: string, today: string): PlanInputs {
  const params = new URLSearchParams(search);
  const inputs = emptyPlanInputs(today);
  inputs.exam = params.get('exam') ?? '';
  inputs.hoursPerWeek = params.get('hours') ?? '';
  inputs.startDate = params.get('start') ?? today;
  inputs.examDate = params.get('examDate') ?? '';
  inputs.targetHours = params.get('target') ?? '';
  inputs.experienceYears = params.get('experience') ?? '';
  const days = params.get('days') ?? '';
  inputs.studyDays = days === '' ? [] : WEEKDAYS.filter((day) => days.split(',').includes(day));
  inputs.sessionStart = params.get('time') ?? '';
  inputs.timeZone = params.get('tz') ?? '';
  inputs.replanFrom = params.get('from') ?? '';
  for (const [key, value] of params) {
    if (key.startsWith(PROFICIENCY_PREFIX) && value)
      setOwn(inputs.proficiency, key.slice(PROFICIENCY_PREFIX.length), value);
    if (key.startsWith(DONE_PREFIX) && value) setOwn(inputs.done, key.slice(DONE_PREFIX.length), value);
  }
  return inputs;
}

export function planParamsToSearch(inputs: PlanInputs): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string) => {
    if (value.trim() !== '') params.set(key, value.trim());
  };
  set('exam', inputs.exam);
  set('hours', inputs.hoursPerWeek);
  set('start', inputs.startDate);
  set('examDate', inputs.examDate);
  set('target', inputs.targetHours);
  set('experience', inputs.experienceYears);
  for (const name of Object.keys(inputs.proficiency).sort()) {
    set(PROFICIENCY_PREFIX + name, inputs.proficiency[name] ?? '');
  }
  if (inputs.studyDays.length > 0 && inputs.studyDays.length < 7) {
    set('days', WEEKDAYS.filter((day) => inputs.studyDays.includes(day)).join(','));
  }
  set('time', inputs.sessionStart);
  set('tz', inputs.timeZone);
  set('from', inputs.replanFrom);
  for (const name of Object.keys(inputs.done).sort()) set(DONE_PREFIX + name, inputs.done[name] ?? '');
  return params.toString();
}

/**
 * The API's limits for a plan request (planner-api's PlanRequestSchema; planParams.test.ts checks these against
 * it), repeated here so the builder can say what is wrong as the learner types, without a round trip.
 */
export const PLAN_LIMITS = {
  minHoursPerWeek: 0.5,
  maxHoursPerWeek: 80,
  maxTargetHours: 8320,
  maxExperienceYears: 60,
  maxPlanWeeks: 104,
  /** The day before the exam is kept free for rest, so the exam must be at least this many days after the start. */
  minDaysToExam: 2,
} as const;

const isHalfHours = (value: number) => Number.isInteger(value * 2);

function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isFinite(a) && Number.isFinite(b) ? Math.round((b - a) / 86_400_000) : null;
}

/**
 * Turns the typed inputs into the API's body, checking what the browser can know for sure: a number is a
 * number within the API's limits, the exam date leaves room for study and the rest day. What depends on the
 * data (the exam's retirement, proficiency names) is checked elsewhere or left to the API, whose messages show.
 */
export function toPlanRequest(inputs: PlanInputs): { request: PlanRequest | null; issues: Record<string, string> } {
  const issues: Record<string, string> = {};
  const number = (field: string, value: string, required: boolean): number | undefined => {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (required) issues[field] = 'Required.';
      return undefined;
    }
    const parsed = Number(trimmed);
    if (!Number.isFinite(parsed)) {
      issues[field] = 'Enter a number.';
      return undefined;
    }
    return parsed;
  };
  const { minHoursPerWeek, maxHoursPerWeek, maxTargetHours, maxExperienceYears, maxPlanWeeks, minDaysToExam } =
    PLAN_LIMITS;
  if (!inputs.exam) issues.exam = 'Choose an exam.';
  const hoursPerWeek = number('hoursPerWeek', inputs.hoursPerWeek, true);
  if (
    hoursPerWeek !== undefined &&
    (hoursPerWeek < minHoursPerWeek || hoursPerWeek > maxHoursPerWeek || !isHalfHours(hoursPerWeek))
  ) {
    issues.hoursPerWeek = `Enter ${minHoursPerWeek} to ${maxHoursPerWeek} hours, in half-hour steps.`;
  }
  const targetHours = number('targetHours', inputs.targetHours, false);
  if (targetHours !== undefined && (targetHours < 0.5 || targetHours > maxTargetHours || !isHalfHours(targetHours))) {
    issues.targetHours = `Enter 0.5 to ${maxTargetHours} hours, in half-hour steps.`;
  }
  const experienceYears = number('experienceYears', inputs.experienceYears, false);
  if (experienceYears !== undefined && (experienceYears < 0 || experienceYears > maxExperienceYears)) {
    issues.experienceYears = `Enter 0 to ${maxExperienceYears} years.`;
  }
  if (!inputs.startDate) issues.startDate = 'Required.';
  if (inputs.sessionStart && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(inputs.sessionStart)) {
    issues.sessionStart = 'Enter a time as HH:MM, 24-hour clock.';
  }
  if (inputs.startDate && inputs.examDate) {
    const days = daysBetween(inputs.startDate, inputs.examDate);
    if (days !== null && days < minDaysToExam) {
      issues.examDate =
        'Choose a date at least 2 days after the start date: the day before the exam is kept free for rest.';
    } else if (days !== null && days > maxPlanWeeks * 7) {
      issues.examDate = `Choose a date at most ${maxPlanWeeks} weeks after the start date.`;
    }
  }
  if (Object.keys(issues).length > 0 || hoursPerWeek === undefined) return { request: null, issues };
  const request: PlanRequest = { exam: inputs.exam, hoursPerWeek, startDate: inputs.startDate };
  if (inputs.examDate) request.examDate = inputs.examDate;
  if (targetHours !== undefined) request.targetHours = targetHours;
  if (experienceYears !== undefined) request.experienceYears = experienceYears;
  const proficiency: Record<string, number> = {};
  for (const [name, value] of Object.entries(inputs.proficiency)) if (value) setOwn(proficiency, name, Number(value));
  if (Object.keys(proficiency).length > 0) request.proficiency = proficiency;
  if (inputs.studyDays.length > 0 && inputs.studyDays.length < 7) {
    request.studyDays = WEEKDAYS.filter((day) => inputs.studyDays.includes(day));
  }
  if (inputs.sessionStart) request.sessionStart = inputs.sessionStart;
  if (inputs.timeZone) request.timeZone = inputs.timeZone;
  if (inputs.replanFrom) {
    request.replanFrom = inputs.replanFrom;
    const done: Record<string, number> = {};
    for (const [name, value] of Object.entries(inputs.done)) if (value) setOwn(done, name, Number(value));
    request.done = done;
  }
  return { request, issues };
}

/**
 * Domain names come from the URL, which anyone can write: `obj[name] = v` with name "__proto__" would replace
 * the object's prototype instead of recording a rating. Define an own property whatever the name.
 */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

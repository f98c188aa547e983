/**
 * The checks of a plan request that need the exam or the clock (the body itself passed PlanRequestSchema):
 * the start date against today, proficiency and done hours by domain name. Every problem is collected and
 * thrown at once as one `bad_request` with a dotted path per issue, so a learner fixes a form in one go.
 */
import { CertplanError, type CertplanErrorIssue } from '@certplan/core';
import type { ExamPlannerData } from './ExamPlannerData.ts';
import { toEpochDay } from './lib/dates.ts';
import { normalizeDomainName } from './lib/matchDomain.ts';
import { MAX_PLAN_WEEKS, type PlanRequest } from './schema.ts';

/** A plan starts within two years: further out, exam facts will have changed anyway. */
const MAX_START_AHEAD_DAYS = 730;

/** A saved plan keeps opening as long as it could still be running: plans span at most MAX_PLAN_WEEKS. */
const MAX_START_BEHIND_DAYS = MAX_PLAN_WEEKS * 7;

/**
 * The request's start day (epoch days), proficiency ratings and done units by domain index; throws a
 * `bad_request` CertplanError listing every issue.
 */
export function checkPlanRequest(
  request: PlanRequest,
  data: ExamPlannerData,
  today: string,
  todayDay: number,
): { startDay: number; proficiency: (number | undefined)[]; doneUnits: number[] | null } {
  const issues: CertplanErrorIssue[] = [];
  const startDay = toEpochDay(request.startDate);
  if (startDay < todayDay - MAX_START_BEHIND_DAYS) {
    issues.push({
      path: 'startDate',
      message: `must be at most ${MAX_PLAN_WEEKS} weeks before today (${today}): a plan spans at most that`,
    });
  } else if (startDay > todayDay + MAX_START_AHEAD_DAYS) {
    issues.push({
      path: 'startDate',
      message: `must be within ${MAX_START_AHEAD_DAYS} days of today (${today})`,
    });
  }
  const proficiency = readProficiency(request, data, issues);
  const doneUnits = readDone(request, data, issues);
  if (request.replanFrom !== undefined && toEpochDay(request.replanFrom) > startDay + MAX_PLAN_WEEKS * 7) {
    issues.push({ path: 'replanFrom', message: `must be within ${MAX_PLAN_WEEKS} weeks of startDate` });
  }
  if (issues.length > 0) throw badRequest(issues);
  return { startDay, proficiency, doneUnits };
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
    const j = domainIndex(data, 'proficiency', name, issues);
    if (j === undefined) continue;
    if (levels[j] !== undefined) {
      issues.push({ path: `proficiency.${name}`, message: `rates "${data.domains[j]?.name}" a second time` });
    } else {
      levels[j] = level;
    }
  }
  return levels;
}

/** Done hours by domain index (units); unknown names become issues at `done.<name>`. */
function readDone(request: PlanRequest, data: ExamPlannerData, issues: CertplanErrorIssue[]): number[] | null {
  if (!request.done) return null;
  const units = new Array<number>(data.domains.length).fill(0);
  const seen = new Set<number>();
  for (const [name, hours] of Object.entries(request.done)) {
    const j = domainIndex(data, 'done', name, issues);
    if (j === undefined) continue;
    if (seen.has(j)) {
      issues.push({ path: `done.${name}`, message: `counts "${data.domains[j]?.name}" a second time` });
    } else {
      seen.add(j);
      units[j] = hours * 2;
    }
  }
  return units;
}

/** Done may not exceed what the plan gives a domain: the extra would be counted nowhere. */
export function checkDone(done: number[], domainUnits: readonly number[], data: ExamPlannerData): number[] {
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

export function badRequest(issues: CertplanErrorIssue[]): CertplanError {
  const first = issues[0];
  return new CertplanError(
    'bad_request',
    `invalid plan request: ${first ? `${first.path}: ${first.message}` : 'invalid'}`,
    {
      issues,
    },
  );
}

/**
 * The index in `data.domains` of the domain a learner named `name` in `field` (matched as normalizeDomainName
 * reads names), or undefined after adding an issue at `<field>.<name>` that lists the exam's domains.
 */
function domainIndex(
  data: ExamPlannerData,
  field: 'proficiency' | 'done',
  name: string,
  issues: CertplanErrorIssue[],
): number | undefined {
  const j = data.domainKeys.get(normalizeDomainName(name));
  if (j === undefined) {
    const known = data.domains.map((d) => `"${d.name}"`).join(', ');
    issues.push({
      path: `${field}.${name}`,
      message: known
        ? `not a domain of ${data.exam.id}; expected one of ${known}`
        : `${data.exam.id} has no known domains`,
    });
  }
  return j;
}

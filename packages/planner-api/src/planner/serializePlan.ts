/**
 * `{plan}` as JSON text, byte for byte what `JSON.stringify({plan})` gives, built faster. Serialising was the
 * largest cost of POST /api/plans in our own code (a profile under load: 18 % of the server's time in
 * JSON.stringify). Most of a plan's text is the same few dataset passages and focus texts in request after
 * request: citations come from the prepared planner data (one object per passage, never mutated), so their
 * JSON is kept per object; a focus shared by many sessions of one plan is written once per plan. Everything
 * per request (dates, hours, messages) is written with JSON.stringify as usual.
 */
import type { Citation, Focus, Objective, Plan, PlanDomain, PlanSession, PlanWarning, PlanWeek } from './schema.ts';

/** Citations are the prepared data's own objects, immutable once built: their JSON never changes. */
const citationJson = new WeakMap<Citation, string>();

function citationText(citation: Citation): string {
  let text = citationJson.get(citation);
  if (text === undefined) {
    text = JSON.stringify(citation);
    citationJson.set(citation, text);
  }
  return text;
}

function citationList(citations: readonly Citation[]): string {
  let out = '[';
  for (let i = 0; i < citations.length; i++) {
    if (i > 0) out += ',';
    out += citationText(citations[i] as Citation);
  }
  return `${out}]`;
}

const str = JSON.stringify;

function objectiveText(objective: Objective): string {
  return `{"ref":${str(objective.ref)},"label":${str(objective.label)},"citationRefs":[${objective.citationRefs.join(',')}]}`;
}

function focusText(focus: Focus): string {
  return `{"text":${str(focus.text)},"objectives":[${join(focus.objectives, objectiveText)}],"topics":${str(focus.topics)},"citationRefs":[${focus.citationRefs.join(',')}]}`;
}

function sessionText(session: PlanSession, focusCache: Map<Focus, string>): string {
  let focus = focusCache.get(session.focus);
  if (focus === undefined) {
    focus = focusText(session.focus);
    focusCache.set(session.focus, focus);
  }
  return `{"id":${str(session.id)},"date":"${session.date}","start":"${session.start}","status":"${session.status}","domain":${str(session.domain)},"hours":${str(session.hours)},"kind":"${session.kind}","focus":${focus}}`;
}

function weekText(week: PlanWeek, focusCache: Map<Focus, string>): string {
  let sessions = '';
  for (let i = 0; i < week.sessions.length; i++) {
    if (i > 0) sessions += ',';
    sessions += sessionText(week.sessions[i] as PlanSession, focusCache);
  }
  return `{"index":${week.index},"start":"${week.start}","end":"${week.end}","hours":${str(week.hours)},"sessions":[${sessions}]}`;
}

function domainText(domain: PlanDomain): string {
  return `{"name":${str(domain.name)},"weightPercent":${str(domain.weightPercent)},"weightRange":${str(domain.weightRange)},"hours":${str(domain.hours)},"doneHours":${str(domain.doneHours)},"proficiency":${str(domain.proficiency)},"citationRefs":[${domain.citationRefs.join(',')}]}`;
}

function warningText(warning: PlanWarning): string {
  return `{"code":"${warning.code}","message":${str(warning.message)},"citations":${citationList(warning.citations)}}`;
}

function join<T>(items: readonly T[], write: (item: T) => string): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i] as T);
  }
  return out;
}

/**
 * `JSON.stringify({plan})` for a plan from createPlan/planFromRequest. The keys are written in the order
 * createPlan builds them (a property test checks the output against JSON.stringify); a plan with other keys
 * or key order needs JSON.stringify instead.
 */
export function serializePlanResponse(plan: Plan): string {
  const focusCache = new Map<Focus, string>();
  return (
    `{"plan":{"id":${str(plan.id)},"query":${str(plan.query)},"exam":${str(plan.exam)},"examName":${str(plan.examName)},"startDate":"${plan.startDate}",` +
    `"examDate":"${plan.examDate}","examDateSuggested":${plan.examDateSuggested},"hoursPerWeek":${str(plan.hoursPerWeek)},` +
    `"studyDays":${str(plan.studyDays)},"sessionStart":${str(plan.sessionStart)},"timeZone":${str(plan.timeZone)},` +
    `"totalHours":${str(plan.totalHours)},"hoursSplit":${str(plan.hoursSplit)},"target":${str(plan.target)},"replan":${str(plan.replan)},` +
    `"weeks":[${join(plan.weeks, (week) => weekText(week, focusCache))}],` +
    `"domains":[${join(plan.domains, domainText)}],` +
    `"warnings":[${join(plan.warnings, warningText)}],` +
    `"citations":${citationList(plan.citations)},"assumptions":${str(plan.assumptions)}}}`
  );
}

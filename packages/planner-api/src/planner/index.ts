/**
 * The planner: study plans from the reconciled dataset, and their calendar. Pure: no I/O, clock passed in.
 */

export { DEFAULT_TOTAL_HOURS } from './chooseTarget.ts';
export type { CreatePlanOptions } from './createPlan.ts';
export { createPlan, DEFAULT_SESSION_START, planFromRequest } from './createPlan.ts';
export type {
  ClaimInfo,
  DomainPlanInfo,
  ExamPlannerData,
  ExperienceInfo,
  PlannerDataset,
  PlannerIndex,
  RetirementInfo,
  StudyHoursInfo,
} from './ExamPlannerData.ts';
export { planIdOf } from './planIdentity.ts';
export { isCanonicalPlanQuery, planRequestFromQuery, planRequestToQuery } from './planRequestToQuery.ts';
export type { PlanIcsOptions } from './planToIcs.ts';
export { escapeIcsText, icsOptionsFor, planToIcs } from './planToIcs.ts';
export { preparePlannerData, retirementOf } from './preparePlannerData.ts';
export type {
  Citation,
  Focus,
  Objective,
  Plan,
  PlanDomain,
  PlanReplan,
  PlanRequest,
  PlanResponse,
  PlanSession,
  PlanTarget,
  PlanWarning,
  PlanWeek,
  PreparedFocus,
  PreparedObjective,
  SessionKind,
  SessionStatus,
  WarningCode,
} from './schema.ts';
export {
  CitationSchema,
  FocusSchema,
  MAX_HOURS_PER_WEEK,
  MAX_PLAN_WEEKS,
  MAX_TARGET_HOURS,
  ObjectiveSchema,
  PlanDomainSchema,
  PlanReplanSchema,
  PlanRequestSchema,
  PlanResponseSchema,
  PlanSchema,
  PlanSessionSchema,
  PlanTargetSchema,
  PlanWarningSchema,
  PlanWeekSchema,
  ProficiencySchema,
  SessionKindSchema,
  SessionStatusSchema,
  WarningCodeSchema,
  WeekdaySchema,
} from './schema.ts';
export { serializePlanResponse } from './serializePlan.ts';
export { PROFICIENCY_FACTORS } from './splitHours.ts';

/**
 * The planner: study plans from the reconciled dataset, and their calendar. Pure: no I/O, clock passed in.
 */

export type { CreatePlanOptions } from './createPlan.ts';
export { createPlan, DEFAULT_TOTAL_HOURS, PROFICIENCY_FACTORS, planFromRequest } from './createPlan.ts';
export type { PlanIcsOptions } from './planToIcs.ts';
export { icsOptionsFor, planToIcs } from './planToIcs.ts';
export type {
  ClaimInfo,
  DomainPlanInfo,
  ExamPlannerData,
  ExperienceInfo,
  PlannerDataset,
  PlannerIndex,
  RetirementInfo,
} from './preparePlannerData.ts';
export { preparePlannerData, retirementOf } from './preparePlannerData.ts';
export type {
  Citation,
  Focus,
  Plan,
  PlanDomain,
  PlanRequest,
  PlanResponse,
  PlanSession,
  PlanWarning,
  PlanWeek,
  PreparedFocus,
  SessionKind,
  WarningCode,
} from './schema.ts';
export {
  CitationSchema,
  FocusSchema,
  MAX_HOURS_PER_WEEK,
  MAX_PLAN_WEEKS,
  MAX_TARGET_HOURS,
  PlanDomainSchema,
  PlanRequestSchema,
  PlanResponseSchema,
  PlanSchema,
  PlanSessionSchema,
  PlanWarningSchema,
  PlanWeekSchema,
  ProficiencySchema,
  SessionKindSchema,
  WarningCodeSchema,
} from './schema.ts';
export { serializePlanResponse } from './serializePlan.ts';

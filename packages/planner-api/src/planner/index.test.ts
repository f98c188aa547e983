import { describe, expect, it } from 'vitest';

describe('planner public surface', () => {
  it('exports exactly these names (additions are fine; removals break the HTTP layer)', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toMatchInlineSnapshot(`
      [
        "CitationSchema",
        "DEFAULT_SESSION_START",
        "DEFAULT_TOTAL_HOURS",
        "FocusSchema",
        "MAX_HOURS_PER_WEEK",
        "MAX_PLAN_WEEKS",
        "MAX_TARGET_HOURS",
        "ObjectiveSchema",
        "PROFICIENCY_FACTORS",
        "PlanDomainSchema",
        "PlanReplanSchema",
        "PlanRequestSchema",
        "PlanResponseSchema",
        "PlanSchema",
        "PlanSessionSchema",
        "PlanTargetSchema",
        "PlanWarningSchema",
        "PlanWeekSchema",
        "ProficiencySchema",
        "SessionKindSchema",
        "SessionStatusSchema",
        "WarningCodeSchema",
        "WeekdaySchema",
        "createPlan",
        "escapeIcsText",
        "icsOptionsFor",
        "isCanonicalPlanQuery",
        "planFromRequest",
        "planIdOf",
        "planRequestFromQuery",
        "planRequestToQuery",
        "planToIcs",
        "preparePlannerData",
        "retirementOf",
        "serializePlanResponse",
      ]
    `);
  });
});

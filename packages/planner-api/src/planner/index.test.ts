import { describe, expect, it } from 'vitest';

describe('planner public surface', () => {
  it('exports exactly these names (additions are fine; removals break the HTTP layer)', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toMatchInlineSnapshot(`
      [
        "CitationSchema",
        "DEFAULT_TOTAL_HOURS",
        "FocusSchema",
        "MAX_HOURS_PER_WEEK",
        "MAX_PLAN_WEEKS",
        "MAX_TARGET_HOURS",
        "PROFICIENCY_FACTORS",
        "PlanDomainSchema",
        "PlanRequestSchema",
        "PlanResponseSchema",
        "PlanSchema",
        "PlanSessionSchema",
        "PlanWarningSchema",
        "PlanWeekSchema",
        "ProficiencySchema",
        "SessionKindSchema",
        "WarningCodeSchema",
        "createPlan",
        "icsOptionsFor",
        "planFromRequest",
        "planToIcs",
        "preparePlannerData",
        "retirementOf",
        "serializePlanResponse",
      ]
    `);
  });
});

/**
 * "Re-plan from today": the hours still to do (the plan's total minus the sessions ticked done) become the
 * target of a new plan starting today. The exam date, experience and ratings carry over.
 */
import type { Plan } from '../api/types.ts';
import type { PlanInputs } from './planParams.ts';
import { sessionKey } from './progressStore.ts';

export function hoursDone(plan: Plan, done: ReadonlySet<string>): number {
  let total = 0;
  for (const week of plan.weeks) {
    week.sessions.forEach((session, index) => {
      if (done.has(sessionKey(week.index, index))) total += session.hours;
    });
  }
  return total;
}

export function replanFromToday(inputs: PlanInputs, plan: Plan, done: ReadonlySet<string>, today: string): PlanInputs {
  // Half-hour units, as the planner apportions them; never below one unit so the API has something to plan.
  const remaining = Math.max(0.5, Math.round((plan.totalHours - hoursDone(plan, done)) * 2) / 2);
  return { ...inputs, startDate: today, targetHours: String(remaining) };
}

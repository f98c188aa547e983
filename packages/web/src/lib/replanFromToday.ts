/**
 * "Re-plan from today": the hours ticked done, per domain, go to the API as `done` with `replanFrom` =
 * today; the plan's inputs (its identity) stay as they are, so the re-plan keeps the plan id, its session
 * ids and the ticks. The API plans what remains from today at the same weekly hours.
 */
import type { Plan } from '../api/types.ts';
import type { PlanInputs } from './planParams.ts';

/** Hours of the plan's ticked sessions (missed ones never count: their work moved forward). */
export function hoursDone(plan: Plan, done: ReadonlySet<string>): number {
  let total = 0;
  for (const week of plan.weeks) {
    for (const session of week.sessions)
      if (session.status !== 'missed' && done.has(session.id)) total += session.hours;
  }
  return total;
}

/** Ticked hours per domain name (sessions without a domain are mixed review, practice, buffer: not counted). */
export function doneByDomain(plan: Plan, done: ReadonlySet<string>): Map<string, number> {
  const byDomain = new Map<string, number>();
  for (const week of plan.weeks) {
    for (const session of week.sessions) {
      if (session.status === 'missed' || !session.domain || !done.has(session.id)) continue;
      byDomain.set(session.domain, (byDomain.get(session.domain) ?? 0) + session.hours);
    }
  }
  return byDomain;
}

export function replanFromToday(inputs: PlanInputs, plan: Plan, done: ReadonlySet<string>, today: string): PlanInputs {
  const hours: Record<string, string> = {};
  for (const [domain, value] of doneByDomain(plan, done)) {
    Object.defineProperty(hours, domain, {
      value: String(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { ...inputs, done: hours, replanFrom: today < inputs.startDate ? inputs.startDate : today };
}

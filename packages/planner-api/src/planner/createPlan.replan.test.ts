/**
 * Re-planning from progress and study days, as properties: whatever was done, missed or still to do, no hour
 * is lost or counted twice; sessions land only on the chosen days; totals are exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlan } from './createPlan.ts';
import { basicDataset } from './fixtures/basic/dataset.ts';
import { addDays, daysBetween, toEpochDay } from './lib/dates.ts';
import { WEEKDAYS, weekdayOf } from './lib/studyDays.ts';
import { preparePlannerData } from './preparePlannerData.ts';
import type { Plan } from './schema.ts';

const TODAY = '2026-11-22';
const basic = preparePlannerData(basicDataset);
const units = (hours: number) => Math.round(hours * 2);

const caseArb = fc.record({
  hoursPerWeek: fc.integer({ min: 1, max: 60 }).map((u) => u / 2),
  studyDays: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  startOffset: fc.integer({ min: -300, max: 30 }),
  examDays: fc.option(fc.integer({ min: 10, max: 250 }), { nil: undefined }),
  targetHours: fc.option(
    fc.integer({ min: 2, max: 400 }).map((u) => u / 2),
    { nil: undefined },
  ),
  fromFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  doneFractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function baseRequest(c: Case) {
  const startDate = addDays(TODAY, c.startOffset);
  return {
    exam: 'ex-mle',
    hoursPerWeek: c.hoursPerWeek,
    startDate,
    studyDays: c.studyDays,
    ...(c.examDays !== undefined ? { examDate: addDays(startDate, c.examDays) } : {}),
    ...(c.targetHours !== undefined ? { targetHours: c.targetHours } : {}),
  };
}

function tryPlan(request: Record<string, unknown>): Plan | null {
  try {
    return createPlan(request, basic, { today: TODAY });
  } catch (error) {
    if ((error as { code?: string }).code === 'bad_request') return null;
    throw error;
  }
}

function domainUnits(plan: Plan, status: 'done' | 'planned' | 'counted'): Map<string, number> {
  const totals = new Map<string, number>();
  for (const week of plan.weeks) {
    for (const s of week.sessions) {
      if (!s.domain) continue;
      if (status === 'counted' ? s.status === 'missed' : s.status !== status) continue;
      totals.set(s.domain, (totals.get(s.domain) ?? 0) + units(s.hours));
    }
  }
  return totals;
}

describe('re-planning from progress (properties)', () => {
  it('never loses or double-counts hours: done + planned + unscheduled = the first plan, per domain', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const request = baseRequest(c);
        const first = tryPlan(request);
        if (!first) return;
        const span = daysBetween(first.startDate, first.examDate);
        const replanFrom = addDays(first.startDate, Math.floor(c.fromFraction * Math.max(0, span - 2)));
        const done: Record<string, number> = {};
        first.domains.forEach((d, j) => {
          done[d.name] = Math.floor(units(d.hours) * (c.doneFractions[j] as number)) / 2;
        });
        const again = tryPlan({ ...request, done, replanFrom });
        if (!again) return;
        expect(again.id).toBe(first.id);
        const doneByDomain = domainUnits(again, 'done');
        const counted = domainUnits(again, 'counted');
        const unscheduled = new Map(again.replan?.unscheduled.map((u) => [u.domain, units(u.hours)]));
        for (const [j, domain] of again.domains.entries()) {
          const before = units(first.domains[j]?.hours as number);
          expect(units(domain.doneHours)).toBe(units(done[domain.name] as number));
          expect(doneByDomain.get(domain.name) ?? 0).toBe(units(domain.doneHours));
          expect(counted.get(domain.name) ?? 0).toBe(units(domain.hours));
          expect(units(domain.hours) + (unscheduled.get(domain.name) ?? 0)).toBe(before);
        }
        // Totals exact, and the summary agrees with the sessions.
        let total = 0;
        let missed = 0;
        for (const week of again.weeks) {
          let weekUnits = 0;
          let plannedUnits = 0;
          for (const s of week.sessions) {
            if (s.status === 'missed') {
              missed += units(s.hours);
              expect(s.date < replanFrom).toBe(true);
              continue;
            }
            weekUnits += units(s.hours);
            if (s.status === 'planned') {
              plannedUnits += units(s.hours);
              expect(s.date >= replanFrom && s.date <= addDays(again.examDate, -2)).toBe(true);
            }
          }
          expect(weekUnits).toBe(units(week.hours));
          expect(plannedUnits).toBeLessThanOrEqual(units(again.hoursPerWeek));
          total += weekUnits;
        }
        expect(total).toBe(units(again.totalHours));
        expect(missed).toBe(units(again.replan?.missedHours as number));
        // A shortfall is said, with what would fit.
        if ((again.replan?.unscheduledHours ?? 0) > 0) {
          expect(again.warnings.some((w) => w.code === 'short_on_time' && w.message.includes('not in the plan'))).toBe(
            true,
          );
        }
        const allowed = new Set(c.studyDays.map((d) => WEEKDAYS.indexOf(d)));
        for (const week of again.weeks) {
          for (const s of week.sessions) expect(allowed.has(weekdayOf(toEpochDay(s.date)))).toBe(true);
        }
        const ids = again.weeks.flatMap((w) => w.sessions.map((s) => s.id));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 250 },
    );
  });

  it('sessions land only on the chosen study days, between the start and the rest day, with exact totals', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const plan = tryPlan(baseRequest(c));
        if (!plan) return;
        const allowed = new Set(c.studyDays.map((d) => WEEKDAYS.indexOf(d)));
        let total = 0;
        for (const week of plan.weeks) {
          for (const s of week.sessions) {
            expect(allowed.has(weekdayOf(toEpochDay(s.date)))).toBe(true);
            expect(s.date >= week.start && s.date <= week.end).toBe(true);
            expect(s.date <= addDays(plan.examDate, -2)).toBe(true);
            expect(s.start).toMatch(/^\d\d:\d\d$/);
            total += units(s.hours);
          }
        }
        expect(total).toBe(units(plan.totalHours));
        expect(plan.studyDays).toEqual(WEEKDAYS.filter((d) => c.studyDays.includes(d)));
      }),
      { numRuns: 250 },
    );
  });
});

describe('re-planning from progress (examples)', () => {
  const request = {
    exam: 'ex-mle',
    hoursPerWeek: 6,
    startDate: '2026-10-25',
    examDate: '2027-02-20',
    studyDays: ['mon', 'wed', 'sat'],
  };
  const first = createPlan(request, basic, { today: TODAY });

  it('opens a plan that started four weeks ago; weeks before today keep their dates', () => {
    expect(first.startDate).toBe('2026-10-25');
    expect(first.weeks[0]?.start).toBe('2026-10-25');
    expect(first.weeks.some((w) => w.start <= TODAY && TODAY <= w.end)).toBe(true);
  });

  it('plans what remains from today at the same weekly hours, keeps done work and marks missed work', () => {
    const firstDomain = first.weeks[0]?.sessions[0]?.domain as string;
    const again = createPlan({ ...request, done: { [firstDomain]: 4 }, replanFrom: TODAY }, basic, { today: TODAY });
    expect(again.hoursPerWeek).toBe(6);
    expect(again.id).toBe(first.id);
    const d = again.domains.find((x) => x.name === firstDomain);
    expect(d?.doneHours).toBe(4);
    const sessions = again.weeks.flatMap((w) => w.sessions);
    expect(sessions.filter((s) => s.status === 'done').map((s) => s.id)).toEqual(
      first.weeks
        .flatMap((w) => w.sessions)
        .filter((s) => s.domain === firstDomain)
        .slice(0, sessions.filter((s) => s.status === 'done').length)
        .map((s) => s.id),
    );
    expect(again.replan?.missedHours).toBeGreaterThan(0);
    expect(sessions.filter((s) => s.status === 'planned').every((s) => s.date >= TODAY)).toBe(true);
  });

  it('says what would fit when the rest no longer fits before the exam', () => {
    const again = createPlan({ ...request, done: {}, replanFrom: '2027-01-20' }, basic, { today: TODAY });
    const warning = again.warnings.find((w) => w.code === 'short_on_time');
    expect(warning?.message).toMatch(/^From 2027-01-20 until 2027-02-20 at 6 hours a week there is room for /);
    expect(warning?.message).toMatch(/To fit them by 2027-02-20, study \d+(\.5)? hours a week\./);
    expect(again.replan?.unscheduledHours).toBeGreaterThan(0);
  });

  it('refuses more done hours than the plan gives the domain', () => {
    const name = first.domains[0]?.name as string;
    expect(() =>
      createPlan({ ...request, done: { [name]: 999 }, replanFrom: TODAY }, basic, { today: TODAY }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[CertplanError: invalid plan request: done.Data Preparation for ML: 999 hours done is more than the 24 hours this plan gives the domain]`,
    );
  });
});

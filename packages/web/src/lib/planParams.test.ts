import { MAX_HOURS_PER_WEEK, MAX_PLAN_WEEKS, MAX_TARGET_HOURS, PlanRequestSchema } from '@certplan/planner-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_LIMITS, parsePlanParams, planParamsToSearch, toPlanRequest } from './planParams.ts';

const TODAY = '2026-11-22';

describe('plan inputs in the URL', () => {
  it('round-trips every field, including ratings for domain names with spaces and symbols', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(
        fc.record({
          exam: fc.constantFrom('aws-mla-c01', 'gcp-pmle'),
          hoursPerWeek: fc.constantFrom('6', '7.5', '0.5'),
          startDate: fc.constantFrom('2026-11-22', '2027-01-01'),
          examDate: fc.constantFrom('', '2027-02-01'),
          targetHours: fc.constantFrom('', '40'),
          experienceYears: fc.constantFrom('', '0', '3'),
          proficiency: fc.dictionary(text, fc.constantFrom('1', '2', '3', '4', '5'), { maxKeys: 4 }),
          studyDays: fc.constantFrom<string[]>([], ['mon', 'wed', 'sat'], ['sun']),
          sessionStart: fc.constantFrom('', '19:00', '06:30'),
          timeZone: fc.constantFrom('', 'Europe/Berlin'),
          done: fc.dictionary(text, fc.constantFrom('0.5', '4', '10'), { maxKeys: 3 }),
          replanFrom: fc.constantFrom('', '2026-12-01'),
        }),
        (inputs) => {
          expect(parsePlanParams(planParamsToSearch(inputs), TODAY)).toEqual(inputs);
        },
      ),
    );
  });

  it('keeps a rating named "__proto__" as a rating (regression: it replaced the object prototype)', () => {
    const inputs = parsePlanParams('?exam=gcp-pmle&hours=5&rate.__proto__=2', TODAY);
    expect(Object.keys(inputs.proficiency)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(inputs.proficiency)).toBe(Object.prototype);
    expect(toPlanRequest(inputs).request?.proficiency).toEqual(JSON.parse('{"__proto__": 2}'));
  });

  it('defaults the start date to today and leaves absent fields empty', () => {
    expect(parsePlanParams('?exam=gcp-pmle&hours=5', TODAY)).toMatchObject({
      exam: 'gcp-pmle',
      hoursPerWeek: '5',
      startDate: TODAY,
      examDate: '',
      proficiency: {},
    });
  });
});

describe('toPlanRequest', () => {
  it('builds the API body with numbers and ratings, leaving out empty optional fields', () => {
    const inputs = parsePlanParams('exam=gcp-pmle&hours=7.5&start=2026-12-01&rate.Data+Prep=2', TODAY);
    expect(toPlanRequest(inputs)).toEqual({
      request: { exam: 'gcp-pmle', hoursPerWeek: 7.5, startDate: '2026-12-01', proficiency: { 'Data Prep': 2 } },
      issues: {},
    });
  });

  it('names each field the browser can already tell is wrong', () => {
    const inputs = parsePlanParams('hours=abc&target=x', TODAY);
    expect(toPlanRequest(inputs)).toEqual({
      request: null,
      issues: { exam: 'Choose an exam.', hoursPerWeek: 'Enter a number.', targetHours: 'Enter a number.' },
    });
  });

  it('refuses hours per week outside 0.5–80 or off the half hour before asking the server', () => {
    // Regression: 0 reached the server and its raw "invalid body: hoursPerWeek: Too small…" became the heading.
    for (const value of ['0', '-1', '80.5', '5.25', '1000']) {
      const inputs = parsePlanParams(`exam=gcp-pmle&hours=${value}`, TODAY);
      expect(toPlanRequest(inputs)).toEqual({
        request: null,
        issues: { hoursPerWeek: 'Enter 0.5 to 80 hours, in half-hour steps.' },
      });
    }
    expect(toPlanRequest(parsePlanParams('exam=gcp-pmle&hours=80', TODAY)).request?.hoursPerWeek).toBe(80);
  });

  it('refuses an exam date that leaves no study day before the rest day, or more than 104 weeks away', () => {
    const at = (examDate: string) =>
      toPlanRequest(parsePlanParams(`exam=gcp-pmle&hours=5&start=2026-12-01&examDate=${examDate}`, TODAY)).issues;
    expect(at('2026-12-02').examDate).toMatch(/at least 2 days after the start date/);
    expect(at('2026-11-30').examDate).toMatch(/at least 2 days after the start date/);
    expect(at('2026-12-03')).toEqual({});
    expect(at('2028-11-28')).toEqual({});
    expect(at('2028-11-29').examDate).toBe('Choose a date at most 104 weeks after the start date.');
  });

  it("agrees with the server's schema on every number and date it checks (no request the API would refuse)", () => {
    expect([PLAN_LIMITS.maxHoursPerWeek, PLAN_LIMITS.maxPlanWeeks, PLAN_LIMITS.maxTargetHours]).toEqual([
      MAX_HOURS_PER_WEEK,
      MAX_PLAN_WEEKS,
      MAX_TARGET_HOURS,
    ]);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -4, max: 170 }).map((u) => String(u / 2)),
          fc.constantFrom('5.25', '0.1', '80.01'),
        ),
        fc.option(
          fc.integer({ min: -2, max: 17_000 }).map((u) => String(u / 2)),
          { nil: '' },
        ),
        fc.option(
          fc.integer({ min: -2, max: 130 }).map((u) => String(u / 2)),
          { nil: '' },
        ),
        fc.option(fc.integer({ min: -3, max: 740 }), { nil: null }),
        (hours, target, experience, examOffset) => {
          const inputs = parsePlanParams(
            new URLSearchParams({ exam: 'gcp-pmle', hours, start: '2026-12-01', target, experience }).toString(),
            TODAY,
          );
          if (examOffset !== null) {
            const date = new Date(Date.UTC(2026, 11, 1 + examOffset));
            inputs.examDate = date.toISOString().slice(0, 10);
          }
          const { request, issues } = toPlanRequest(inputs);
          const server = PlanRequestSchema.safeParse({
            exam: 'gcp-pmle',
            hoursPerWeek: Number(hours),
            startDate: '2026-12-01',
            ...(inputs.examDate ? { examDate: inputs.examDate } : {}),
            ...(target ? { targetHours: Number(target) } : {}),
            ...(experience ? { experienceYears: Number(experience) } : {}),
          });
          expect({ ok: request !== null, issues: Object.keys(issues).sort() }).toEqual({
            ok: server.success,
            issues: server.success ? [] : [...new Set(server.error.issues.map((i) => String(i.path[0])))].sort(),
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});

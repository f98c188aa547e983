import { CertplanError } from '@certplan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOTAL_HOURS } from './chooseTarget.ts';
import { createPlan } from './createPlan.ts';
import { basicDataset } from './fixtures/basic/dataset.ts';
import { retiredDataset } from './fixtures/retired/dataset.ts';
import { unweightedDataset } from './fixtures/unweighted/dataset.ts';
import { addDays, daysBetween } from './lib/dates.ts';
import { hoursWord } from './lib/hoursWord.ts';
import { preparePlannerData } from './preparePlannerData.ts';
import { type Plan, PlanSchema } from './schema.ts';
import { serializePlanResponse } from './serializePlan.ts';

const TODAY = '2026-11-22';
const basic = preparePlannerData(basicDataset);
const unweighted = preparePlannerData(unweightedDataset);
const retired = preparePlannerData(retiredDataset);
const BASIC_DOMAINS = [
  'Data Preparation for ML',
  'ML Model Development',
  'Deployment and Orchestration',
  'Monitoring and Security',
];
const BASIC_WEIGHTS = [28, 26, 22, 24];

function thrown(fn: () => unknown): CertplanError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CertplanError) return error;
    throw error;
  }
  throw new Error('expected a CertplanError');
}

function units(hours: number): number {
  return Math.round(hours * 2);
}

/** Domain hours counted from the sessions, to check they agree with `plan.domains`. */
function sessionHoursByDomain(plan: Plan): Map<string | null, number> {
  const totals = new Map<string | null, number>();
  for (const week of plan.weeks) {
    for (const session of week.sessions) totals.set(session.domain, (totals.get(session.domain) ?? 0) + session.hours);
  }
  return totals;
}

const requestArb = fc.record(
  {
    hoursPerWeek: fc.integer({ min: 1, max: 160 }).map((u) => u / 2),
    startOffset: fc.integer({ min: -1, max: 400 }),
    span: fc.oneof(
      fc.record({
        kind: fc.constant('date' as const),
        days: fc.integer({ min: 2, max: 728 }),
        target: fc.option(fc.integer({ min: 1, max: 2000 }).map((u) => u / 2)),
      }),
      fc.record({ kind: fc.constant('target' as const), target: fc.integer({ min: 1, max: 1200 }).map((u) => u / 2) }),
      fc.constant({ kind: 'none' as const }),
    ),
    proficiency: fc.option(
      fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    ),
  },
  { requiredKeys: ['hoursPerWeek', 'startOffset', 'span'] },
);
type RequestCase = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function toRequest(c: RequestCase, exam = 'ex-mle', names = BASIC_DOMAINS): Record<string, unknown> {
  const startDate = addDays(TODAY, c.startOffset);
  const request: Record<string, unknown> = { exam, hoursPerWeek: c.hoursPerWeek, startDate };
  if (c.span.kind === 'date') {
    request.examDate = addDays(startDate, c.span.days);
    if (c.span.target !== null) request.targetHours = c.span.target;
  }
  if (c.span.kind === 'target') request.targetHours = c.span.target;
  if (c.proficiency) {
    const proficiency: Record<string, number> = {};
    c.proficiency.forEach((level, i) => {
      if (level !== undefined) proficiency[names[i] as string] = level;
    });
    request.proficiency = proficiency;
  }
  return request;
}

/** Plans that the 104-week limit refuses are not counterexamples. */
function tryPlan(request: Record<string, unknown>, index = basic): Plan | null {
  try {
    return createPlan(request, index, { today: TODAY });
  } catch (error) {
    if (error instanceof CertplanError && error.code === 'bad_request' && error.issues?.[0]?.path === 'targetHours')
      return null;
    throw error;
  }
}

describe('createPlan invariants (properties)', () => {
  it('serializePlanResponse writes exactly JSON.stringify({plan}), twice in a row (cached fragments)', () => {
    const indexes = [basic, unweighted, retired];
    fc.assert(
      fc.property(
        requestArb,
        fc.integer({ min: 0, max: 2 }),
        fc.option(fc.integer({ min: 0, max: 6 })),
        (c, which, experienceYears) => {
          const index = indexes[which] as typeof basic;
          const [examId, data] = [...index.exams][0] as [string, { domains: readonly { name: string }[] }];
          const request = toRequest(
            c,
            examId,
            data.domains.map((d) => d.name),
          );
          if (data.domains.length < 4) delete request.proficiency;
          if (experienceYears !== null) request.experienceYears = experienceYears;
          let plan: Plan | null;
          try {
            plan = tryPlan(request, index);
          } catch (error) {
            if (error instanceof CertplanError) return;
            throw error;
          }
          if (!plan) return;
          const expected = JSON.stringify({ plan });
          expect(serializePlanResponse(plan)).toBe(expected);
          expect(serializePlanResponse(plan)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists each citation once and every reference points into plan.citations; warnings cite listed passages', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest(c));
        if (!plan) return;
        expect(new Set(plan.citations).size).toBe(plan.citations.length);
        const used = new Set<number>();
        const check = (refs: number[]) => {
          expect(new Set(refs).size).toBe(refs.length);
          for (const i of refs) {
            expect(Number.isInteger(i) && i >= 0 && i < plan.citations.length).toBe(true);
            used.add(i);
          }
        };
        for (const domain of plan.domains) check(domain.citationRefs);
        for (const week of plan.weeks) for (const session of week.sessions) check(session.focus.citationRefs);
        for (const warning of plan.warnings) {
          for (const citation of warning.citations) {
            const i = plan.citations.indexOf(citation);
            expect(i).toBeGreaterThanOrEqual(0);
            used.add(i);
          }
        }
        // Nothing listed that nothing uses.
        expect(used.size).toBe(plan.citations.length);
      }),
      { numRuns: 200 },
    );
  });

  it('totals are exact: weeks, sessions and domains all add up to totalHours in half-hour units', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest(c));
        if (!plan) return;
        let weekUnits = 0;
        for (const week of plan.weeks) {
          let sessionUnits = 0;
          for (const session of week.sessions) {
            expect(Number.isInteger(session.hours * 2)).toBe(true);
            expect(session.hours).toBeGreaterThan(0);
            sessionUnits += units(session.hours);
          }
          expect(sessionUnits).toBe(units(week.hours));
          weekUnits += units(week.hours);
        }
        expect(weekUnits).toBe(units(plan.totalHours));
        const byDomain = sessionHoursByDomain(plan);
        for (const domain of plan.domains) expect(units(byDomain.get(domain.name) ?? 0)).toBe(units(domain.hours));
        if (c.span.kind === 'target') expect(plan.totalHours).toBe(c.span.target);
        if (c.span.kind === 'none' && plan.weeks.length < 104) expect(plan.totalHours).toBe(DEFAULT_TOTAL_HOURS);
        if (
          c.span.kind === 'date' &&
          c.span.target !== null &&
          !plan.warnings.some((w) => w.code === 'short_on_time')
        ) {
          expect(plan.totalHours).toBe(c.span.target);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the warnings’ capacity shortcut agrees with the weeks the plan builds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 728 }), fc.integer({ min: 1, max: 160 }), (days, capUnits) => {
        const start = '2026-12-01';
        const plan = createPlan(
          { exam: 'ex-mle', hoursPerWeek: capUnits / 2, startDate: start, examDate: addDays(start, days) },
          basic,
          { today: TODAY },
        );
        const warning = plan.warnings.find((w) => w.code === 'short_on_time');
        // The default (100 h) is asked for implicitly: the warning appears exactly when the weeks hold less.
        expect(warning !== undefined).toBe(plan.totalHours < DEFAULT_TOTAL_HOURS);
      }),
      { numRuns: 200 },
    );
  });

  it('no week exceeds hoursPerWeek; weeks are consecutive, end before the exam, and the last is light', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest(c));
        if (!plan) return;
        expect(plan.weeks.length).toBeLessThanOrEqual(104);
        plan.weeks.forEach((week, i) => {
          expect(week.hours).toBeLessThanOrEqual(c.hoursPerWeek);
          expect(week.index).toBe(i);
          expect(week.start).toBe(addDays(plan.startDate, 7 * i));
          expect(daysBetween(week.start, week.end)).toBeLessThanOrEqual(6);
          // The day before the exam is the rest day the plan promises: no week reaches it.
          expect(week.end < addDays(plan.examDate, -1)).toBe(true);
          expect(week.hours).toBeLessThanOrEqual(c.hoursPerWeek * ((daysBetween(week.start, week.end) + 1) / 7));
        });
        expect(plan.assumptions.join(' ')).toContain('the day before the exam is left free for rest');
        const last = plan.weeks.at(-1);
        if (plan.weeks.length >= 2 && last)
          expect(last.hours).toBeLessThanOrEqual(Math.max(0.5, Math.floor(c.hoursPerWeek) / 2 + 0.5));
        expect(PlanSchema.safeParse(plan).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('without proficiency, each domain is within one half-hour unit of its weight share', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest({ ...c, proficiency: null }));
        if (!plan) return;
        const domainUnits = plan.domains.map((d) => units(d.hours));
        const total = domainUnits.reduce((a, b) => a + b, 0);
        plan.domains.forEach((domain, i) => {
          const quota = (total * (BASIC_WEIGHTS[i] as number)) / 100;
          expect(Math.abs((domainUnits[i] as number) - quota)).toBeLessThan(1);
          expect(domain.weightPercent).toBe(BASIC_WEIGHTS[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('weights unknown: an even split, each domain within one unit of the others', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest({ ...c, proficiency: null }, 'ex-pro'), unweighted);
        if (!plan) return;
        const hours = plan.domains.map((d) => units(d.hours));
        expect(Math.max(...hours) - Math.min(...hours)).toBeLessThanOrEqual(1);
        expect(plan.warnings.map((w) => w.code)).toContain('weights_unknown');
      }),
      { numRuns: 100 },
    );
  });

  it('a weaker domain never gets less: lowering one rating never lowers that domain’s hours', () => {
    fc.assert(
      fc.property(requestArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }), (c, domain, drop) => {
        const levels = (c.proficiency ?? [undefined, undefined, undefined, undefined]).slice();
        const before = levels[domain] ?? 3;
        const after = Math.max(1, before - drop);
        const stronger = tryPlan(toRequest({ ...c, proficiency: levels.map((l, i) => (i === domain ? before : l)) }));
        const weaker = tryPlan(toRequest({ ...c, proficiency: levels.map((l, i) => (i === domain ? after : l)) }));
        if (!stronger || !weaker) return;
        expect(weaker.domains[domain]?.hours).toBeGreaterThanOrEqual(stronger.domains[domain]?.hours as number);
      }),
      { numRuns: 300 },
    );
  });

  it('a domain is reviewed only after its learning block, and learned in one contiguous block', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest(c));
        if (!plan) return;
        const order: string[] = [];
        const lastLearn = new Map<string, number>();
        for (const week of plan.weeks) {
          for (const session of week.sessions) {
            if (!session.domain) continue;
            if (session.kind === 'learn') {
              if (order.at(-1) !== session.domain) order.push(session.domain);
              lastLearn.set(session.domain, week.index);
            } else {
              expect(week.index).toBeGreaterThanOrEqual(lastLearn.get(session.domain) ?? -1);
            }
          }
        }
        expect(new Set(order).size).toBe(order.length);
      }),
      { numRuns: 200 },
    );
  });

  it('within a plan, a domain that weighs at least as much and is rated no stronger gets at least as many hours', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest(c));
        if (!plan) return;
        for (const a of plan.domains) {
          for (const b of plan.domains) {
            if (
              (a.weightPercent as number) >= (b.weightPercent as number) &&
              (a.proficiency ?? 3) <= (b.proficiency ?? 3)
            ) {
              expect(a.hours).toBeGreaterThanOrEqual(b.hours);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('createPlan week structure', () => {
  const plan = createPlan({ exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-12-01', examDate: '2027-02-15' }, basic, {
    today: TODAY,
  });

  it('learns domains in blocks, heaviest first, each reviewed one to two weeks after its block', () => {
    const learnOrder: string[] = [];
    const blockEnd = new Map<string, number>();
    const firstReview = new Map<string, number>();
    for (const week of plan.weeks) {
      for (const session of week.sessions) {
        if (!session.domain) continue;
        if (session.kind === 'learn') {
          if (learnOrder.at(-1) !== session.domain) learnOrder.push(session.domain);
          blockEnd.set(session.domain, week.index);
        } else if (session.kind === 'review' && !firstReview.has(session.domain)) {
          firstReview.set(session.domain, week.index);
        }
      }
    }
    expect(learnOrder).toEqual([
      'Data Preparation for ML',
      'ML Model Development',
      'Monitoring and Security',
      'Deployment and Orchestration',
    ]);
    for (const name of learnOrder) {
      const gap = (firstReview.get(name) as number) - (blockEnd.get(name) as number);
      expect(gap).toBeGreaterThanOrEqual(1);
      expect(gap).toBeLessThanOrEqual(2);
    }
  });

  it('ends with mixed review and a practice exam, then a light week of type buffer', () => {
    const last = plan.weeks.at(-1);
    expect([...new Set(last?.sessions.map((s) => s.kind))]).toEqual(['buffer']);
    expect(last?.hours).toBe(4);
    const kinds = plan.weeks
      .slice(-3, -1)
      .flatMap((w) => w.sessions.filter((s) => s.domain === null).map((s) => s.kind));
    expect(kinds).toEqual(expect.arrayContaining(['review', 'practice']));
    const practice = plan.weeks.flatMap((w) => w.sessions).find((s) => s.kind === 'practice');
    expect(practice?.focus.text).toContain('65 questions in 130 minutes');
    expect(practice?.focus.citationRefs.map((i) => plan.citations[i]?.quote)).toEqual([
      '65 questions',
      'lasts 130 minutes',
    ]);
  });

  it('names what to study from the sources, matching loosely written domain names, with citations', () => {
    const learn = plan.weeks[0]?.sessions[0];
    expect(learn).toMatchObject({ domain: 'Data Preparation for ML', kind: 'learn' });
    expect(learn?.focus.topics).toEqual(['Glue', 'Data Wrangler', 'Feature Store', 'Athena']);
    expect(learn?.focus.citationRefs.map((i) => plan.citations[i]?.source)).toEqual(['blog', 'notes']);
    const deploy = plan.weeks.flatMap((w) => w.sessions).find((s) => s.domain === 'Deployment and Orchestration');
    expect(deploy?.focus).toEqual({
      objectives: [],
      text: 'Learn Deployment and Orchestration from the official exam guide: no source names services or tools for it.',
      topics: [],
      citationRefs: [],
    });
    expect(plan.citations.length).toBeGreaterThan(0);
    const passages = plan.citations.map((c) => `${c.source} ${c.quote}`);
    expect(new Set(passages).size).toBe(passages.length);
  });

  it('regression: a domain list only third-party pages give is not called the official exam guide', () => {
    // The same exam, its guide page now a third-party article: the plan must not lend it the vendor's authority.
    const secondhand = {
      ...basicDataset,
      sources: basicDataset.sources.map((s) => (s.id === 'guide' ? { ...s, authority: 'secondary' as const } : s)),
    };
    const other = createPlan(
      { exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-12-01', examDate: '2027-02-15' },
      preparePlannerData(secondhand),
      { today: TODAY },
    );
    const deploy = other.weeks.flatMap((w) => w.sessions).find((s) => s.domain === 'Deployment and Orchestration');
    expect(deploy?.focus.text).toBe(
      "Learn Deployment and Orchestration: no source names services or tools for it, and only third-party pages give this domain list; check it against the vendor's exam guide.",
    );
  });

  it('with targetHours only, takes the weeks it needs and sets the exam date after them', () => {
    const p = createPlan({ exam: 'ex-mle', hoursPerWeek: 10, startDate: '2026-12-01', targetHours: 45 }, basic, {
      today: TODAY,
    });
    expect(p.weeks.map((w) => w.hours)).toEqual([10, 10, 10, 10, 5]);
    // Five weeks from 2026-12-01 end on 2027-01-04; 2027-01-05 is the rest day.
    expect(p.examDate).toBe('2027-01-06');
    expect(p.assumptions.join(' ')).not.toContain('planner default');
  });

  it('with neither, uses the default and labels it as the planner’s assumption', () => {
    const p = createPlan({ exam: 'ex-mle', hoursPerWeek: 10, startDate: '2026-12-01' }, basic, { today: TODAY });
    expect(p.totalHours).toBe(DEFAULT_TOTAL_HOURS);
    expect(p.assumptions[0]).toMatchInlineSnapshot(
      `"No exam date or target hours were given and no source states a preparation time, so the plan assumes 100 study hours in total: a planner default, not a figure from any source."`,
    );
    expect(p.citations.some((c) => c.quote.includes('100'))).toBe(false);
  });
});

describe('createPlan hours beyond the target', () => {
  it('regression: a plan with an exam date that holds more than its target says where the extra hours go', () => {
    // A new user saw "Total hours 116" beside "Target 100 h" and nothing saying why: with an exam date and no
    // targetHours, the plan fills every week until the exam; the target only decides whether time is short.
    const plan = createPlan(
      { exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-11-30', examDate: '2027-03-15' },
      basic,
      { today: TODAY },
    );
    expect([plan.totalHours, plan.target.hours, plan.target.basis]).toEqual([116, DEFAULT_TOTAL_HOURS, 'assumption']);
    expect(plan.hoursSplit).toEqual({ domains: 100, general: 0, mixedReview: 8.5, practiceExam: 3.5, lightWeek: 4 });
    expect(plan.assumptions.at(-1)).toMatchInlineSnapshot(
      `"The plan holds 116 hours, 16 hours more than its target of 100 hours: with an exam date and no target hours, it fills every study week until the exam at 8 hours a week (give target hours to plan fewer). They are 100 h for the domains (learning and review), 8.5 h of mixed review, 3.5 h for a practice exam and 4 h in the light last week."`,
    );
  });

  it('says nothing when the plan holds its target (no exam date, or target hours given)', () => {
    const byTarget = createPlan({ exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-11-30' }, basic, { today: TODAY });
    const capped = createPlan(
      { exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-11-30', examDate: '2027-03-15', targetHours: 100 },
      basic,
      { today: TODAY },
    );
    for (const plan of [byTarget, capped]) {
      expect(plan.totalHours).toBe(100);
      expect(plan.assumptions.some((a) => a.includes('more than its target'))).toBe(false);
    }
  });

  it('the hours split adds up to the total, for any request (property)', () => {
    fc.assert(
      fc.property(requestArb, (c) => {
        const plan = tryPlan(toRequest(c));
        if (!plan) return;
        const split = plan.hoursSplit;
        expect(split.domains + split.general + split.mixedReview + split.practiceExam + split.lightWeek).toBe(
          plan.totalHours,
        );
        expect(split.domains).toBe(plan.domains.reduce((total, d) => total + d.hours, 0));
        const beyond = plan.assumptions.some((a) => a.includes('more than its target'));
        expect(beyond).toBe(plan.totalHours > plan.target.hours && plan.target.basis !== 'requested');
      }),
      { numRuns: 200 },
    );
  });
});

describe('createPlan warnings', () => {
  const base = { exam: 'ex-mle', hoursPerWeek: 5, startDate: '2026-12-01' };
  const cases: { name: string; request: Record<string, unknown>; index?: typeof basic; codes: string[] }[] = [
    { name: 'enough time, no experience given', request: { ...base, targetHours: 40 }, codes: [] },
    {
      name: 'less time than asked',
      request: { ...base, examDate: '2027-01-01', targetHours: 60 },
      codes: ['short_on_time'],
    },
    { name: 'less time than the default', request: { ...base, examDate: '2027-01-01' }, codes: ['short_on_time'] },
    // 5 h × 20 weeks + a light week: 102.5 hours, above the planner's default of 100.
    { name: 'exam date with room for the default', request: { ...base, examDate: '2027-04-27' }, codes: [] },
    {
      name: 'exam date just short of the default',
      request: { ...base, examDate: '2027-04-13' },
      codes: ['short_on_time'],
    },
    {
      name: 'less experience than recommended',
      request: { ...base, targetHours: 40, experienceYears: 1 },
      codes: ['experience_below_recommended'],
    },
    {
      name: 'enough experience: the disputed claim is still flagged',
      request: { ...base, targetHours: 40, experienceYears: 3 },
      codes: ['sources_disagree'],
    },
    {
      name: 'weights unknown',
      request: { ...base, exam: 'ex-pro', targetHours: 20 },
      index: unweighted,
      codes: ['weights_unknown'],
    },
  ];
  it.each(cases)('$name → $codes', ({ request, index, codes }) => {
    const plan = createPlan(request, index ?? basic, { today: TODAY });
    expect(plan.warnings.map((w) => w.code)).toEqual(codes);
    for (const warning of plan.warnings) {
      if (warning.code !== 'short_on_time') expect(warning.citations.length).toBeGreaterThan(0);
    }
  });

  it('says what would fit when time is short: hours per week needed and the earliest date', () => {
    const plan = createPlan({ ...base, examDate: '2027-01-01', targetHours: 60 }, basic, { today: TODAY });
    expect(plan.totalHours).toBe(21);
    expect(plan.warnings[0]?.message).toMatchInlineSnapshot(
      `"At 5 hours a week until 2027-01-01 there is room for 21 study hours, fewer than the 60 hours you asked for. To fit them by 2027-01-01, study 14 hours a week. The earliest exam date that fits them at 5 hours a week is 2027-02-25."`,
    );
    const fits = createPlan({ ...base, hoursPerWeek: 14, examDate: '2027-01-01', targetHours: 60 }, basic, {
      today: TODAY,
    });
    expect(fits.totalHours).toBe(60);
    const later = createPlan({ ...base, examDate: '2027-02-25', targetHours: 60 }, basic, { today: TODAY });
    expect(later.totalHours).toBe(60);
    const tooEarly = createPlan({ ...base, examDate: '2027-02-24', targetHours: 60 }, basic, { today: TODAY });
    expect(tooEarly.warnings.map((w) => w.code)).toContain('short_on_time');
    const slower = createPlan({ ...base, hoursPerWeek: 13.5, examDate: '2027-01-01', targetHours: 60 }, basic, {
      today: TODAY,
    });
    expect(slower.warnings.map((w) => w.code)).toContain('short_on_time');
  });

  it('says plainly when even the most hours a week do not fit, and agrees in number (1 hour, not 1 hours)', () => {
    // Regression: "To fit them, even 80 hours a week would not be enough, or move the exam to …".
    const rushed = createPlan({ ...base, hoursPerWeek: 80, startDate: '2026-11-22', examDate: '2026-11-25' }, basic, {
      today: TODAY,
    });
    expect(rushed.warnings[0]?.message).toMatchInlineSnapshot(
      `"At 80 hours a week until 2026-11-25 there is room for 22.5 study hours, fewer than the planner's rule of thumb of 100 hours (an assumption, not a figure from any source). Even at 80 hours a week, the most the planner allows, they do not fit before 2026-11-25. The earliest exam date that fits them at 80 hours a week is 2026-12-02."`,
    );
    // Regression: "give 1 study hours".
    const one = createPlan(
      { ...base, hoursPerWeek: 0.5, startDate: '2026-12-01', examDate: '2026-12-16', targetHours: 1.5 },
      basic,
      { today: TODAY },
    );
    expect(one.warnings[0]?.message).toMatchInlineSnapshot(
      `"At 0.5 hours a week until 2026-12-16 there is room for 1 study hour, fewer than the 1.5 hours you asked for. To fit them by 2026-12-16, study 1 hour a week. The earliest exam date that fits them at 0.5 hours a week is 2026-12-23."`,
    );
    expect(hoursWord(1)).toBe('1 hour');
    expect(hoursWord(1, 'study hour')).toBe('1 study hour');
    expect(hoursWord(0.5)).toBe('0.5 hours');
  });

  it('keeps the day before the exam free: an exam two days away leaves one study day, the next day none', () => {
    // Regression: with the exam tomorrow at 80 h a week, the plan put 11 h on the day before the exam.
    const twoDays = createPlan({ ...base, hoursPerWeek: 80, startDate: '2026-11-22', examDate: '2026-11-24' }, basic, {
      today: TODAY,
    });
    expect(twoDays.weeks.map((w) => [w.start, w.end, w.hours])).toEqual([['2026-11-22', '2026-11-22', 11]]);
    expect(
      thrown(() =>
        createPlan({ ...base, hoursPerWeek: 80, startDate: '2026-11-22', examDate: '2026-11-23' }, basic, {
          today: TODAY,
        }),
      ).issues,
    ).toEqual([
      {
        path: 'examDate',
        message: 'must be at least 2 days after startDate (the day before the exam is kept free for rest)',
      },
    ]);
  });

  it('quotes the recommendation and the disagreement about it, once', () => {
    const plan = createPlan({ ...base, targetHours: 40, experienceYears: 1 }, basic, { today: TODAY });
    expect(plan.warnings[0]?.message).toMatchInlineSnapshot(
      `""Exam guide" recommends at least 2 years of machine learning experience ("at least 2 years of ML experience"); you have 1 year. Plan extra hands-on practice. Sources disagree on the recommended experience (ml): at least 2 years (Exam guide) vs 1 year (How I passed). The plan uses at least 2 years, pending review."`,
    );
    expect(plan.warnings[0]?.citations.map((c) => c.quote)).toEqual([
      'at least 2 years of ML experience',
      '1 year of ML experience',
    ]);
  });

  it('an exam without a known domain list plans general study and says so', () => {
    const index = preparePlannerData({
      ...basicDataset,
      claims: basicDataset.claims.filter((c) => c.attribute !== 'domains'),
      facts: basicDataset.facts.filter((f) => f.attribute !== 'domain'),
    });
    const plan = createPlan({ ...base, targetHours: 20 }, index, { today: TODAY });
    expect(plan.domains).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toContain('domains_unknown');
    expect(plan.weeks[0]?.sessions[0]).toMatchObject({ domain: null, kind: 'learn' });
  });
});

describe('createPlan errors', () => {
  // Regression: without an exam date, the refusal quoted the planner's suggested date as if the learner had given it.
  it('refuses a date after retirement, naming the date, the source and the successor the note names', () => {
    const error = thrown(() =>
      createPlan({ exam: 'ex-old', hoursPerWeek: 5, startDate: '2026-12-01' }, retired, { today: TODAY }),
    );
    expect(error.code).toBe('exam_retired');
    expect(error.message).toMatchInlineSnapshot(
      `"Example Old Specialty was retired on 2026-03-31 (source: Retirement note, https://example.com/retired), so it cannot be taken on the planner's suggested exam date, 2027-04-28 (no exam date was given: the day after the plan's last study week and rest day). Its successor is Example New Associate (ex-new)."`,
    );
    expect(error.details).toMatchObject({
      date: '2026-03-31',
      successor: { id: 'ex-new', name: 'Example New Associate' },
    });
  });

  it('uses the catalog’s successor when set, and plans up to the retirement day with a warning', () => {
    const error = thrown(() =>
      createPlan({ exam: 'ex-old2', hoursPerWeek: 5, startDate: '2026-12-01', examDate: '2027-02-01' }, retired, {
        today: TODAY,
      }),
    );
    expect(error.details?.successor).toEqual({ id: 'ex-new', name: 'Example New Associate' });
    // Near miss: a date the learner gave is quoted as theirs.
    expect(error.message).toMatchInlineSnapshot(
      `"Example Older Pro was retired on 2027-01-31 (source: Retirement note, https://example.com/retired), so it cannot be taken on 2027-02-01. Its successor is Example New Associate (ex-new)."`,
    );
    const plan = createPlan(
      { exam: 'ex-old2', hoursPerWeek: 5, startDate: '2026-12-01', examDate: '2027-01-31' },
      retired,
      { today: TODAY },
    );
    expect(plan.warnings.map((w) => w.code)).toContain('exam_retiring');
  });

  it('unknown exam → not_found', () => {
    const error = thrown(() =>
      createPlan({ exam: 'nope', hoursPerWeek: 5, startDate: '2026-12-01' }, basic, { today: TODAY }),
    );
    expect([error.code, error.message]).toEqual(['not_found', 'unknown exam "nope"']);
  });

  const bad: [string, Record<string, unknown>, string[]][] = [
    ['hours per week too high', { hoursPerWeek: 81 }, ['hoursPerWeek']],
    ['hours per week not in half hours', { hoursPerWeek: 5.25 }, ['hoursPerWeek']],
    ['impossible date', { startDate: '2026-02-30' }, ['startDate']],
    ['exam before start', { examDate: '2026-11-30' }, ['examDate']],
    ['exam more than 104 weeks away', { examDate: '2028-12-01' }, ['examDate']],
    ['start more than 104 weeks ago', { startDate: '2024-11-23' }, ['startDate']],
    ['start more than two years ahead', { startDate: '2028-11-22', examDate: '2028-12-22' }, ['startDate']],
    ['target needing more than 104 weeks', { hoursPerWeek: 1, targetHours: 500 }, ['targetHours']],
    [
      'proficiency out of range and unknown domain',
      { proficiency: { 'ML Model Development': 6, Cooking: 2 } },
      ['proficiency.ML Model Development'],
    ],
    ['unknown proficiency domain', { proficiency: { Cooking: 2 } }, ['proficiency.Cooking']],
    ['unknown field', { hoursPerweek: 3 }, ['(root)']],
  ];
  it.each(bad)('%s → bad_request at %j', (_name, patch, paths) => {
    const request = { exam: 'ex-mle', hoursPerWeek: 5, startDate: '2026-12-01', ...patch };
    const error = thrown(() => createPlan(request, basic, { today: TODAY }));
    expect(error.code).toBe('bad_request');
    expect(error.issues?.map((i) => i.path)).toEqual(paths);
  });

  it('any input at all: a plan or a CertplanError with a code the HTTP layer maps, never anything else', () => {
    const field = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 200 }),
      fc.double({ noNaN: false }),
      fc.string(),
      fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.dictionary(fc.string(), fc.anything()),
    );
    const input = fc.oneof(
      fc.anything(),
      fc.record(
        {
          exam: fc.oneof(fc.constantFrom('ex-mle', 'ex-pro', 'nope'), fc.string()),
          hoursPerWeek: field,
          startDate: field,
          examDate: field,
          targetHours: field,
          experienceYears: field,
          proficiency: fc.oneof(
            field,
            fc.dictionary(fc.constantFrom('ML Model Development', 'Cooking', '__proto__', 'constructor'), field),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(input, (request) => {
        try {
          const plan = createPlan(request, basic, { today: TODAY });
          expect(PlanSchema.safeParse(plan).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CertplanError);
          expect(['bad_request', 'not_found', 'exam_retired']).toContain((error as CertplanError).code);
          for (const issue of (error as CertplanError).issues ?? []) expect(issue.path.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('explains an unknown proficiency domain by listing the exam’s domains', () => {
    const error = thrown(() =>
      createPlan({ exam: 'ex-mle', hoursPerWeek: 5, startDate: '2026-12-01', proficiency: { Cooking: 2 } }, basic, {
        today: TODAY,
      }),
    );
    expect(error.message).toMatchInlineSnapshot(
      `"invalid plan request: proficiency.Cooking: not a domain of ex-mle; expected one of "Data Preparation for ML", "ML Model Development", "Deployment and Orchestration", "Monitoring and Security""`,
    );
  });

  it('accepts proficiency keys written with different case and punctuation', () => {
    const plan = createPlan(
      { exam: 'ex-mle', hoursPerWeek: 5, startDate: '2026-12-01', proficiency: { 'ml model-development': 1 } },
      basic,
      { today: TODAY },
    );
    expect(plan.domains[1]?.proficiency).toBe(1);
  });
});

describe('a plan whose exam date has passed', () => {
  const data = preparePlannerData(basicDataset);
  const request = { exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-11-01', examDate: '2026-11-20' };

  it('still opens (a saved link), and says that every session is in the past', () => {
    const plan = createPlan(request, data, { today: '2026-11-30' });
    const passed = plan.warnings.filter((w) => w.code === 'exam_date_passed');
    expect(passed.map((w) => w.message)).toMatchInlineSnapshot(`
      [
        "The exam date, 2026-11-20, is before today (2026-11-30): every session of this plan is in the past. Re-plan with a new exam date to study from today.",
      ]
    `);
  });

  it('says nothing on the exam day itself or before it', () => {
    for (const today of ['2026-11-20', '2026-11-10']) {
      const plan = createPlan(request, data, { today });
      expect(plan.warnings.some((w) => w.code === 'exam_date_passed')).toBe(false);
    }
  });

  it('names a suggested date as suggested when the learner gave none', () => {
    const plan = createPlan({ exam: 'ex-mle', hoursPerWeek: 8, startDate: '2025-01-06' }, data, {
      today: '2026-11-30',
    });
    expect(plan.examDateSuggested).toBe(true);
    expect(plan.warnings.find((w) => w.code === 'exam_date_passed')?.message).toMatch(
      /^The suggested exam date, \d{4}-\d{2}-\d{2}, is before today \(2026-11-30\)/,
    );
  });
});

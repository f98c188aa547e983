import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createPlan } from './createPlan.ts';
import { basicDataset } from './fixtures/basic/dataset.ts';
import { unweightedDataset } from './fixtures/unweighted/dataset.ts';
import { describeFee, icsOptionsFor, planToIcs } from './planToIcs.ts';
import { preparePlannerData } from './preparePlannerData.ts';

const TODAY = '2026-11-22';
const basic = preparePlannerData(basicDataset);
const request = { exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-12-01', examDate: '2027-02-15' };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      description: event.description,
      alarms: vevent.getAllSubcomponents('valarm').length,
    };
  });
}

describe('planToIcs', () => {
  const plan = createPlan(request, basic, { today: TODAY });
  const ics = planToIcs(plan, { ...icsOptionsFor(basic, 'ex-mle'), stamp: TODAY });
  const events = parse(ics);

  it('parses as iCalendar with one all-day event per study week, the booking reminder, exam day and recertification', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(events).toHaveLength(plan.weeks.length + 3);
    const weeks = events.filter((e) => e.uid.includes('-week-'));
    expect(weeks.map((e) => e.start)).toEqual(plan.weeks.map((w) => w.start));
    expect(weeks.every((e) => e.allDay)).toBe(true);
    // DTEND is exclusive: the day after the week's last day.
    expect(weeks[0]?.end).toBe('2026-12-08');
    expect(weeks[0]?.summary).toBe('Study week 1: Data Preparation for ML 8 h');
    expect(weeks[0]?.description).toContain('Glue, Data Wrangler, Feature Store');

    const exam = events.find((e) => e.uid.endsWith('-exam-day@certplan'));
    expect(exam).toMatchObject({ start: '2027-02-15', summary: 'Exam: Example Cloud ML Engineer', alarms: 1 });
    expect(exam?.description).toBe('Exam day. It lasts 130 minutes. The fee is USD 150.');

    const booking = events.find((e) => e.uid.endsWith('-book-exam@certplan'));
    expect(booking).toMatchObject({
      start: '2026-12-01',
      summary: 'Book the exam: Example Cloud ML Engineer',
      alarms: 1,
    });

    const recert = events.find((e) => e.uid.endsWith('-recertification@certplan'));
    // 36 months after 2027-02-15, less the planner's assumed 90-day lead (no source states one).
    expect(recert?.start).toBe('2029-11-17');
    expect(recert?.description).toContain("planner's assumption");
  });

  it('is byte-stable across runs, with UIDs that change only when the plan does', () => {
    const again = planToIcs(createPlan(request, preparePlannerData(basicDataset), { today: TODAY }), {
      ...icsOptionsFor(basic, 'ex-mle'),
      stamp: TODAY,
    });
    expect(again).toBe(ics);
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    // Pinned: a calendar app that imported last month's file must see the same UIDs today.
    expect(uids[0]).toMatchInlineSnapshot(`"e9808d82cde481dda9bf6ea2-week-0@certplan"`);
    const other = parse(
      planToIcs(createPlan({ ...request, hoursPerWeek: 9 }, basic, { today: TODAY }), { examName: 'x' }),
    );
    expect(other.map((e) => e.uid)).not.toContain(uids[0]);
  });

  it('can emit one event per session instead', () => {
    const perSession = parse(planToIcs(plan, { examName: 'Example', granularity: 'session' }));
    const sessionCount = plan.weeks.reduce((n, w) => n + w.sessions.length, 0);
    expect(perSession.filter((e) => e.uid.includes('-session-'))).toHaveLength(sessionCount);
  });

  it('leaves out the recertification window when validity is unknown, and escapes text', () => {
    const index = preparePlannerData(unweightedDataset);
    const p = createPlan({ exam: 'ex-pro', hoursPerWeek: 4, startDate: '2026-12-01', targetHours: 10 }, index, {
      today: TODAY,
    });
    const options = icsOptionsFor(index, 'ex-pro');
    expect(options).toEqual({
      examName: 'Example Professional',
      fee: null,
      durationMinutes: null,
      validityMonths: null,
      recertificationDaysBeforeExpiry: null,
    });
    const parsed = parse(planToIcs(p, { ...options, examName: 'Pro; with, commas\nand a newline' }));
    expect(parsed.some((e) => e.uid.includes('recertification'))).toBe(false);
    expect(parsed.find((e) => e.uid.includes('exam-day'))?.summary).toBe('Exam: Pro; with, commas\nand a newline');
    const calendar = new ICAL.Component(ICAL.parse(planToIcs(p, { examName: 'a\r\nb' })));
    expect(calendar.getFirstPropertyValue('name')).toBe('Study plan: a b');
  });

  it("carries the fee's qualifiers (plus tax, approximately) into the events, as the exam card says them", () => {
    // Regression: "USD 200 (plus tax)" was exported as "The fee is USD 200.", a different price.
    const taxed = structuredClone(basicDataset);
    for (const claim of taxed.claims) {
      if (claim.attribute === 'fee') claim.value = { amount: 200, currency: 'USD', plusTax: true, approximate: true };
    }
    const index = preparePlannerData(taxed);
    const options = icsOptionsFor(index, 'ex-mle');
    expect(options.fee).toEqual({ amount: 200, currency: 'USD', approximate: true, plusTax: true });
    const parsed = parse(planToIcs(createPlan(request, index, { today: TODAY }), { ...options, stamp: TODAY }));
    expect(parsed.find((e) => e.uid.endsWith('-exam-day@certplan'))?.description).toBe(
      'Exam day. It lasts 130 minutes. The fee is about USD 200 plus tax.',
    );
    expect(parsed.find((e) => e.uid.endsWith('-book-exam@certplan'))?.description).toContain(
      'The fee is about USD 200 plus tax.',
    );
    expect(describeFee({ amount: 150, currency: 'EUR' })).toBe('EUR 150');
  });
});

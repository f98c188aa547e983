import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createPlan } from './createPlan.ts';
import { basicDataset } from './fixtures/basic/dataset.ts';
import { unweightedDataset } from './fixtures/unweighted/dataset.ts';
import { escapeIcsText, icsOptionsFor, planToIcs } from './planToIcs.ts';
import { preparePlannerData } from './preparePlannerData.ts';

const TODAY = '2026-11-22';
const basic = preparePlannerData(basicDataset);
const request = { exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-12-01', examDate: '2027-02-15' };
const berlin = {
  ...request,
  studyDays: ['mon', 'wed', 'sat'],
  sessionStart: '19:00',
  timeZone: 'Europe/Berlin',
};

// RFC 7986 NAME and the widely used X-WR-CALNAME are TEXT (RFC 5545 §3.3.11): tell ical.js, which otherwise
// keeps a property it has no design for as raw, still-escaped text.
const design = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
design.name = { defaultType: 'text' };
design['x-wr-calname'] = { defaultType: 'text' };

/** Strict parse with ical.js, the time zones the file defines registered, as a calendar app would. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate,
      end: event.endDate,
      allDay: event.startDate.isDate,
      description: event.description,
      alarms: vevent.getAllSubcomponents('valarm').length,
    };
  });
}

const options = { ...icsOptionsFor(basic, 'ex-mle'), stamp: TODAY, vtimezone: getVtimezoneComponent };

describe('planToIcs', () => {
  const plan = createPlan(berlin, basic, { today: TODAY });
  const ics = planToIcs(plan, options);
  const events = parse(ics);
  const sessions = plan.weeks.flatMap((w) => w.sessions);

  it('has one timed event per session, only on Mon/Wed/Sat, at 19:00 Berlin time, with its VTIMEZONE', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    const timed = events.filter((e) => !e.allDay);
    expect(timed).toHaveLength(sessions.length);
    expect(timed.length).toBeGreaterThan(20);
    const days = new Set<number>();
    for (const event of timed) {
      expect(event.start.zone?.tzid).toBe('Europe/Berlin');
      // ical.js: 1 = Sunday … 7 = Saturday.
      days.add(event.start.dayOfWeek());
      expect(event.end.compare(event.start)).toBe(1);
    }
    expect([...days].sort()).toEqual([2, 4, 7]);
    // The first session of each day starts at 19:00 local; later ones follow it.
    const firstOfDay = new Map<string, ICAL.Time>();
    for (const event of timed) {
      const key = event.start.toString().slice(0, 10);
      const seen = firstOfDay.get(key);
      if (!seen || event.start.compare(seen) < 0) firstOfDay.set(key, event.start);
    }
    for (const start of firstOfDay.values()) expect([start.hour, start.minute]).toEqual([19, 0]);
    // The zone is real: 19:00 in Berlin in December is 18:00 UTC.
    const first = timed[0]?.start as ICAL.Time;
    expect(first.toJSDate().toISOString()).toBe(`${first.toString().slice(0, 10)}T18:00:00.000Z`);
    const exam = events.find((e) => e.uid.endsWith('-exam-day@certplan'));
    expect(exam).toMatchObject({ summary: 'Exam: Example Cloud ML Engineer', alarms: 1, allDay: true });
    expect(exam?.start.toString()).toBe('2027-02-15');
    expect(exam?.description).toBe('Exam day. It lasts 130 minutes. The fee is USD 150.');
  });

  it('stamps every event in UTC, as RFC 5545 requires of DTSTAMP, with or without a time zone', () => {
    const floating = planToIcs(createPlan(request, basic, { today: TODAY }), options);
    for (const text of [ics, floating]) {
      const stamps = text.split('\r\n').filter((line) => line.startsWith('DTSTAMP'));
      expect(stamps.length).toBeGreaterThan(1);
      expect(new Set(stamps)).toEqual(new Set(['DTSTAMP:20261122T000000Z']));
      const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
      const dtstamp = vevent.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
      expect(dtstamp.zone?.tzid).toBe('UTC');
    }
  });

  it('two exports of the same plan are byte-identical; UIDs are the plan id and the session id', () => {
    const again = planToIcs(createPlan(berlin, preparePlannerData(basicDataset), { today: '2026-11-29' }), options);
    expect(again).toBe(ics);
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain(`${plan.id}-${sessions[0]?.id}@certplan`);
    // Pinned: a calendar app that imported last month's file must see the same UIDs today.
    expect(uids[0]).toMatchInlineSnapshot(`"50b02d12655730a4e2de54de-learn.data-preparation-for-ml.0@certplan"`);
  });

  it('a re-plan that is on track keeps every UID; one that is behind keeps those of the sessions it keeps', () => {
    const from = '2026-12-15';
    const before = sessions.filter((s) => s.date < from);
    const doneOnTrack: Record<string, number> = {};
    for (const s of before) if (s.domain) doneOnTrack[s.domain] = (doneOnTrack[s.domain] ?? 0) + s.hours;
    const onTrack = createPlan({ ...berlin, done: doneOnTrack, replanFrom: from }, basic, { today: from });
    expect(onTrack.id).toBe(plan.id);
    const onTrackUids = parse(planToIcs(onTrack, options)).map((e) => e.uid);
    expect(new Set(onTrackUids)).toEqual(new Set(events.map((e) => e.uid)));

    // Nothing done: the missed work moves forward, under the same UIDs, to later dates.
    const behind = createPlan({ ...berlin, done: {}, replanFrom: from }, basic, { today: from });
    const behindEvents = parse(planToIcs(behind, options));
    const moved = behindEvents.find((e) => e.uid === `${plan.id}-${before[0]?.id}@certplan`);
    expect((moved?.start.toString() ?? '').slice(0, 10) >= from).toBe(true);
  });

  it('escapes every text value, the calendar name included, so a strict parser reads it back', () => {
    const name = 'Cloud Data, AI; ML (R\\Python)';
    const text = planToIcs(plan, { ...options, examName: name });
    expect(text).toContain('X-WR-CALNAME:Study plan: Cloud Data\\, AI\\; ML (R\\\\Python)\r\n');
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('name')).toBe(`Study plan: ${name}`);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Study plan: ${name}`);
    expect(parse(text).find((e) => e.uid.endsWith('-exam-day@certplan'))?.summary).toBe(`Exam: ${name}`);
    const broken = planToIcs(plan, { ...options, examName: 'a\r\nb\u0007c' });
    expect(new ICAL.Component(ICAL.parse(broken)).getFirstPropertyValue('name')).toBe('Study plan: a\nb c');
  });

  it('escapeIcsText round-trips any text through ical.js (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (value) => {
        // What the calendar keeps: line breaks as \n, any other control character as a space.
        let clean = '';
        for (const ch of value.replace(/\r\n?/g, '\n'))
          clean += ch !== '\n' && (ch < ' ' || ch === '\u007f') ? ' ' : ch;
        const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nNAME:${escapeIcsText(value)}\r\nEND:VCALENDAR\r\n`;
        expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('name')).toBe(clean);
      }),
      { numRuns: 300 },
    );
  });

  it('without a time zone, sessions are floating local times; a week view is all-day', () => {
    const floating = createPlan({ ...request, studyDays: ['tue'], sessionStart: '07:30' }, basic, { today: TODAY });
    const parsed = parse(planToIcs(floating, options)).filter((e) => !e.allDay);
    expect(parsed.every((e) => e.start.zone?.tzid === 'floating')).toBe(true);
    // Eight hours on one day: 07:30 to 11:30 (first session), then the next from 11:30; never another day.
    const firstOfDay = new Map<string, string>();
    for (const e of parsed) {
      const [date, time] = e.start.toString().split('T') as [string, string];
      if (!firstOfDay.has(date) || time < (firstOfDay.get(date) as string)) firstOfDay.set(date, time);
    }
    expect(new Set(firstOfDay.values())).toEqual(new Set(['07:30:00']));
    expect(parsed.every((e) => e.start.dayOfWeek() === 3)).toBe(true);
    const weeks = parse(planToIcs(floating, { ...options, granularity: 'week' })).filter((e) =>
      e.uid.includes('-week-'),
    );
    expect(weeks).toHaveLength(floating.weeks.filter((w) => w.sessions.length > 0).length);
    expect(weeks.every((e) => e.allDay)).toBe(true);
  });

  it('says a suggested exam date is suggested, and leaves out recertification when validity is unknown', () => {
    const index = preparePlannerData(unweightedDataset);
    const p = createPlan({ exam: 'ex-pro', hoursPerWeek: 4, startDate: '2026-12-01', targetHours: 10 }, index, {
      today: TODAY,
    });
    const o = icsOptionsFor(index, 'ex-pro');
    expect(o).toEqual({
      examName: 'Example Professional',
      fee: null,
      durationMinutes: null,
      validityMonths: null,
      recertificationDaysBeforeExpiry: null,
    });
    const parsed = parse(planToIcs(p, o));
    expect(parsed.some((e) => e.uid.includes('recertification'))).toBe(false);
    expect(parsed.find((e) => e.uid.includes('exam-day'))?.summary).toBe('Suggested exam date: Example Professional');
  });

  it("carries the fee's qualifiers (plus tax, approximately) into the events, as the exam card says them", () => {
    // Regression: "USD 200 (plus tax)" was exported as "The fee is USD 200.", a different price.
    const taxed = structuredClone(basicDataset);
    for (const claim of taxed.claims) {
      if (claim.attribute === 'fee') claim.value = { amount: 200, currency: 'USD', plusTax: true, approximate: true };
    }
    const index = preparePlannerData(taxed);
    const o = icsOptionsFor(index, 'ex-mle');
    expect(o.fee).toEqual({ amount: 200, currency: 'USD', approximate: true, plusTax: true });
    const parsed = parse(planToIcs(createPlan(request, index, { today: TODAY }), { ...o, stamp: TODAY }));
    expect(parsed.find((e) => e.uid.endsWith('-exam-day@certplan'))?.description).toBe(
      'Exam day. It lasts 130 minutes. The fee is about USD 200 plus tax.',
    );
  });
});

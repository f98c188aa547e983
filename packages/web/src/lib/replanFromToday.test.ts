import { describe, expect, it } from 'vitest';
import { plan } from '../test/fixtures.ts';
import { parsePlanParams } from './planParams.ts';
import { sessionKey } from './progressStore.ts';
import { hoursDone, replanFromToday } from './replanFromToday.ts';

describe('re-plan from today', () => {
  const current = plan();
  const inputs = parsePlanParams(
    'exam=aws-mla-c01&hours=6&start=2026-11-01&examDate=2026-12-13&experience=2',
    '2026-11-01',
  );

  it('counts the hours of ticked sessions only', () => {
    const done = new Set([sessionKey(0, 0), sessionKey(1, 2)]);
    expect(hoursDone(current, done)).toBe(5.5);
  });

  it('starts today with the hours still to do as the target, keeping the exam date and experience', () => {
    const done = new Set([sessionKey(0, 0), sessionKey(0, 1)]);
    expect(replanFromToday(inputs, current, done, '2026-11-29')).toEqual({
      ...inputs,
      startDate: '2026-11-29',
      targetHours: '9',
    });
  });

  it('asks for at least half an hour when everything is ticked', () => {
    const all = new Set(current.weeks.flatMap((week) => week.sessions.map((_, i) => sessionKey(week.index, i))));
    expect(replanFromToday(inputs, current, all, '2026-12-01').targetHours).toBe('0.5');
  });
});

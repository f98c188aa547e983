import { describe, expect, it } from 'vitest';
import { plan } from '../test/fixtures.ts';
import { parsePlanParams, planParamsToSearch, toPlanRequest } from './planParams.ts';
import { doneByDomain, hoursDone, replanFromToday } from './replanFromToday.ts';

describe('re-plan from today', () => {
  const current = plan();
  const inputs = parsePlanParams(
    'exam=aws-mla-c01&hours=6&start=2026-11-01&examDate=2026-12-13&experience=2&days=mon,wed,sat',
    '2026-11-01',
  );

  it('counts the hours of ticked sessions only, by session id', () => {
    const done = new Set(['learn.data-preparation.0', 'practice.0', 'not-in-this-plan.0']);
    expect(hoursDone(current, done)).toBe(5.5);
    // The practice exam has no domain: it is not reported as a domain's progress.
    expect([...doneByDomain(current, done)]).toEqual([['Data Preparation', 4]]);
  });

  it('keeps the plan’s inputs (its identity) and adds the done hours per domain and the day to plan from', () => {
    const done = new Set(['learn.data-preparation.0', 'learn.model-development.0', 'review.data-preparation.0']);
    const next = replanFromToday(inputs, current, done, '2026-11-29');
    expect(next).toEqual({
      ...inputs,
      done: { 'Data Preparation': '5', 'Model Development': '2' },
      replanFrom: '2026-11-29',
    });
    expect(parsePlanParams(planParamsToSearch(next), '2026-11-29')).toEqual(next);
    expect(toPlanRequest(next).request).toMatchObject({
      studyDays: ['mon', 'wed', 'sat'],
      done: { 'Data Preparation': 5, 'Model Development': 2 },
      replanFrom: '2026-11-29',
      startDate: '2026-11-01',
    });
  });

  it('never re-plans from before the start', () => {
    expect(replanFromToday(inputs, current, new Set(), '2026-10-01').replanFrom).toBe('2026-11-01');
  });
});

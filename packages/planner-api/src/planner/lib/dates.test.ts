import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fromEpochDay, isValidIsoDate, toEpochDay } from './dates.ts';

describe('dates', () => {
  it('agrees with Date for every day from 1900 to 2200 (round trip)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(day)).toBe(iso);
        expect(toEpochDay(iso)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '20261101', '2026-11-0a', ''])(
    'rejects %j',
    (date) => expect(isValidIsoDate(date)).toBe(false),
  );

  it('knows leap years and month ends', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-02-15', 36)).toBe('2030-02-15');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-22', '2027-11-22')).toBe(365);
  });
});

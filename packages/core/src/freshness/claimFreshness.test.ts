import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimFreshness,
  type DatedSource,
  type FreshnessOptions,
  newestSourceDate,
  subtractMonths,
  wholeMonthsBetween,
} from './claimFreshness.ts';

const dated = (published: string | null, modified: string | null = null): DatedSource => ({ published, modified });
const fee = { attribute: 'fee' };
const base: FreshnessOptions = { asOf: '2026-11-30', thresholdMonths: 18 };

describe('claimFreshness', () => {
  it.each([
    // [case, sources, options, expected cause, stale, newest]
    ['a source from May 2026 is fresh', [dated('2026-05-04')], base, 'fresh', false, '2026-05-04'],
    ['only a 2022 source is stale', [dated('2022-03-14')], base, 'threshold', true, '2022-03-14'],
    [
      'a fresh source next to the 2022 one clears it',
      [dated('2022-03-14'), dated('2026-01-10')],
      base,
      'fresh',
      false,
      '2026-01-10',
    ],
    ['a modified date counts as the newest', [dated('2022-03-14', '2026-02-01')], base, 'fresh', false, '2026-02-01'],
    ['exactly on the cutoff is still fresh', [dated('2025-05-30')], base, 'fresh', false, '2025-05-30'],
    ['one day before the cutoff is stale', [dated('2025-05-29')], base, 'threshold', true, '2025-05-29'],
    ['no dated source is stale as undated', [dated(null), dated(null)], base, 'undated', true, null],
    ['no source at all is undated', [], base, 'undated', true, null],
    [
      'a shorter threshold makes it stale',
      [dated('2026-05-04')],
      { ...base, thresholdMonths: 6 },
      'threshold',
      true,
      '2026-05-04',
    ],
    [
      'a source older than the guide in effect is stale',
      [dated('2026-01-10')],
      {
        ...base,
        changes: {
          guides: [
            { version: '1', effective: '2024-03-01' },
            { version: '2', effective: '2026-06-01' },
          ],
        },
      },
      'guide',
      true,
      '2026-01-10',
    ],
    [
      'a guide version not yet in effect does not count',
      [dated('2026-01-10')],
      { ...base, changes: { guides: [{ version: '3', effective: '2027-02-01' }] } },
      'fresh',
      false,
      '2026-01-10',
    ],
    [
      'a source before a past retirement is stale',
      [dated('2025-12-01')],
      { ...base, changes: { retired: '2026-03-31' } },
      'retirement',
      true,
      '2025-12-01',
    ],
    [
      'an announced retirement still ahead does not count',
      [dated('2025-12-01')],
      { ...base, changes: { retired: '2027-03-31' } },
      'fresh',
      false,
      '2025-12-01',
    ],
    [
      'a source after the retirement is judged by the threshold',
      [dated('2026-04-02')],
      { ...base, changes: { retired: '2026-03-31' } },
      'fresh',
      false,
      '2026-04-02',
    ],
  ] as const)('%s', (_name, sources, options, cause, stale, newest) => {
    const result = claimFreshness(fee, sources, options);
    expect(result.cause).toBe(cause);
    expect(result.stale).toBe(stale);
    expect(result.newest).toBe(newest);
  });

  it.each(['retirement', 'release'])(
    'never marks the %s claim stale for the retirement or a new guide',
    (attribute) => {
      const options = {
        ...base,
        changes: { retired: '2026-03-31', guides: [{ version: '2', effective: '2026-06-01' }] },
      };
      expect(claimFreshness({ attribute }, [dated('2025-10-01')], options).cause).toBe('fresh');
      expect(claimFreshness({ attribute: 'fee' }, [dated('2025-10-01')], options).cause).toBe('retirement');
    },
  );

  it('says what it compared', () => {
    expect(claimFreshness(fee, [dated('2022-03-14')], base).reason).toMatchInlineSnapshot(
      `"newest source 2022-03-14 is more than 18 months older than 2026-11-30"`,
    );
    expect(
      claimFreshness(fee, [dated('2026-01-10')], {
        ...base,
        changes: { guides: [{ version: '2', effective: '2026-06-01' }] },
      }).reason,
    ).toMatchInlineSnapshot(`"newest source 2026-01-10 predates exam guide version 2 (in effect from 2026-06-01)"`);
    expect(claimFreshness(fee, [dated('2026-10-01')], { ...base, thresholdMonths: 1 }).reason).toMatchInlineSnapshot(
      `"newest source 2026-10-01 is more than 1 month older than 2026-11-30"`,
    );
  });

  it('refuses a malformed date or threshold', () => {
    expect(() => claimFreshness(fee, [], { ...base, asOf: '30/11/2026' })).toThrowErrorMatchingInlineSnapshot(
      `[CertplanError: asOf must be a date as YYYY-MM-DD, got "30/11/2026"]`,
    );
    expect(() => claimFreshness(fee, [], { ...base, thresholdMonths: 1.5 })).toThrowErrorMatchingInlineSnapshot(
      `[CertplanError: thresholdMonths must be a whole number ≥ 0, got 1.5]`,
    );
  });
});

describe('subtractMonths', () => {
  it.each([
    ['2026-11-30', 18, '2025-05-30'],
    ['2026-08-31', 18, '2025-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-15', 24, '2024-01-15'],
  ])('%s minus %i months is %s', (date, months, expected) => {
    expect(subtractMonths(date, months)).toBe(expected);
  });
});

describe('wholeMonthsBetween', () => {
  it.each([
    ['2022-03-14', '2026-11-30', 56],
    ['2026-05-30', '2026-11-30', 6],
    ['2026-05-31', '2026-11-30', 5],
    ['2026-12-01', '2026-11-30', 0],
  ])('from %s to %s is %i', (from, to, expected) => {
    expect(wholeMonthsBetween(from, to)).toBe(expected);
  });
});

const dateArb = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sourceArb = fc.record({ published: fc.option(dateArb), modified: fc.option(dateArb) });
const optionsArb = fc.record({
  asOf: dateArb,
  thresholdMonths: fc.integer({ min: 0, max: 120 }),
  changes: fc.record({
    retired: fc.option(dateArb),
    guides: fc.array(fc.record({ version: fc.string({ minLength: 1, maxLength: 3 }), effective: dateArb }), {
      maxLength: 3,
    }),
  }),
});

describe('claimFreshness properties', () => {
  it('newest is the greatest date any backing source gives, and null only when none does', () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { maxLength: 6 }), optionsArb, (sources, options) => {
        const { newest } = claimFreshness(fee, sources, options);
        const all = sources.flatMap((s) => [s.published, s.modified]).filter((d): d is string => d !== null);
        expect(newest).toBe(all.length === 0 ? null : [...all].sort().at(-1));
        expect(newestSourceDate(sources)).toBe(newest);
      }),
    );
  });

  it('backing it with one more source never turns a fresh claim stale', () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { maxLength: 5 }), sourceArb, optionsArb, (sources, extra, options) => {
        const before = claimFreshness(fee, sources, options);
        const after = claimFreshness(fee, [...sources, extra], options);
        if (!before.stale) expect(after.stale).toBe(false);
      }),
    );
  });

  it('a longer threshold never turns a fresh claim stale; stale means a stated cause', () => {
    fc.assert(
      fc.property(
        fc.array(sourceArb, { maxLength: 4 }),
        optionsArb,
        fc.integer({ min: 0, max: 24 }),
        (sources, options, more) => {
          const shorter = claimFreshness(fee, sources, options);
          const longer = claimFreshness(fee, sources, { ...options, thresholdMonths: options.thresholdMonths + more });
          if (!shorter.stale) expect(longer.stale).toBe(false);
          expect(shorter.stale).toBe(shorter.cause !== 'fresh');
          expect(shorter.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('a threshold-fresh claim has its newest source on or after asOf minus the threshold', () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { maxLength: 4 }), optionsArb, (sources, options) => {
        const result = claimFreshness(fee, sources, { ...options, changes: {} });
        if (result.newest !== null) {
          expect(result.stale).toBe(result.newest < subtractMonths(options.asOf, options.thresholdMonths));
        }
      }),
    );
  });
});

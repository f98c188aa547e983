import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.ts';

describe('apportion', () => {
  it('hands out every unit, each share within one unit of its quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const shares = apportion(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            const quota = sum > 0 ? (total * (weights[i] as number)) / sum : total / weights.length;
            expect(Math.abs(share - quota)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('splits evenly when no weight is positive, extras to the earliest', () => {
    expect(apportion(7, [0, 0, 0])).toEqual([3, 2, 2]);
  });

  it('gives the leftover units to the largest remainders (Hamilton)', () => {
    // Quotas 3.43, 3.29, 3.14, 0.14 of 10: floors 9, one left for the largest remainder.
    expect(apportion(10, [24, 23, 22, 1])).toEqual([4, 3, 3, 0]);
  });
});

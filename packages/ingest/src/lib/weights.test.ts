import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, unnamedWeights, weightAt, weightCell, weightedItem, weightedSeries } from './weights.ts';

const item = (text: string) => {
  const found = weightedItem(text);
  return found && { name: found.name, percent: found.weight.percent, range: found.weight.range };
};

describe('weightedItem', () => {
  it.each([
    ['Sorting Widgets (30%)', 'Sorting Widgets', 30, null],
    ['Part 2: Polishing gadgets – 25%', 'Polishing gadgets', 25, null],
    ['Topic 3 — tuning the press (~18%, the biggest one)', 'tuning the press', 18, null],
    ['Storing Parts (10-15%)', 'Storing Parts', null, [10, 15]],
    ['Storing Parts (10 – 15 %)', 'Storing Parts', null, [10, 15]],
    ['4. Shipping and Returns (12.5%)', 'Shipping and Returns', 12.5, null],
    ['Inventory Control – 40%', 'Inventory Control', 40, null],
    ['Inventory Control: 40%', 'Inventory Control', 40, null],
    // Glued by text extraction: the weight cell right after the name cell.
    ['Plan the warehouse layout20-25%', 'Plan the warehouse layout', null, [20, 25]],
    ['Packing Crates (35% of the exam)', 'Packing Crates', 35, null],
    ['Quality Checks (15-20%) - went fine for me', 'Quality Checks', null, [15, 20]],
  ])('%s', (text, name, percent, range) => {
    expect(item(text)).toEqual({ name, percent, range });
  });

  it.each([
    ['Our costs fell by 30% last year'],
    ['Roughly 10% of the test touches on crates'],
    ['Sorting Widgets (30 questions)'],
    ['Sorting Widgets (3-4 items)'],
    ['The pass rate was 65% (estimated)'],
    ['Discount: $30 (20%)'],
    ['Section 1 — Sorting Widgets'],
    ['A very long sentence that goes on and on and names far too many words to be a domain heading (20%)'],
  ])('not an item: %s', (text) => {
    expect(weightedItem(text)).toBeNull();
  });
});

describe('weightedSeries', () => {
  it('reads a prose outline after a lead that names it', () => {
    const text =
      'The three areas weigh in as: sorting widgets (~40%), packing crates (35%, the largest), and shipping (25%).';
    expect(weightedSeries(text)?.map((i) => [i.name, i.weight.percent])).toEqual([
      ['sorting widgets', 40],
      ['packing crates', 35],
      ['shipping', 25],
    ]);
    const names = weightedSeries(text)?.map((i) => text.slice(i.nameStart, i.nameStart + i.name.length));
    expect(names).toEqual(['sorting widgets', 'packing crates', 'shipping']);
  });

  it('reads ranges and "and" between items', () => {
    const text = 'It covers five domains: planning (15-20%), storage (10-15%) and transport (20-25%).';
    expect(weightedSeries(text)?.map((i) => i.weight.range)).toEqual([
      [15, 20],
      [10, 15],
      [20, 25],
    ]);
  });

  it.each([
    ['We spent: a week (20%) and a day (5%) on it.'],
    ['Sorting widgets (~40%) and packing crates (35%) were hard.'],
    ['The areas: sorting widgets (~40%).'],
  ])('not a series: %s', (text) => {
    expect(weightedSeries(text)).toBeNull();
  });
});

describe('unnamedWeights', () => {
  it.each([
    ['they weigh 30 / 25 / 25 / 20', [30, 25, 25, 20]],
    ['20% / 30% / 50%', [20, 30, 50]],
  ])('%s', (text, weights) => {
    expect(unnamedWeights(text)?.map((w) => w.percent)).toEqual(weights);
  });
  it.each([['version 1 / 2 / 3'], ['24 / 7 / 365'], ['10 / 20'], ['2026/08/19']])('not weights: %s', (text) => {
    expect(unnamedWeights(text)).toBeNull();
  });
});

describe('weightCell and cleanName', () => {
  it('reads cells that are only a weight', () => {
    expect(weightCell(' ~13% ')).toMatchObject({ percent: 13, approximate: true });
    expect(weightCell('remainder')).toBe('remainder');
    expect(weightCell('13% of it')).toBeNull();
    expect(weightCell('Domain 1')).toBeNull();
  });
  it('strips enumerators and articles, keeping the offset', () => {
    expect(cleanName('Domain 3: the Packing line', 0)).toEqual({ name: 'Packing line', start: 14 });
    expect(cleanName('2) Storage', 5)).toEqual({ name: 'Storage', start: 8 });
  });
});

describe('linear scanning', () => {
  it('returns within bounds on long hostile input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('1', '-', '%', '(', ')', ' ', 'a', '/', '~', ':'), { maxLength: 400 }),
        (parts) => {
          const text = parts.join('');
          const w = weightAt(text, 0);
          if (w) expect(w.end).toBeLessThanOrEqual(text.length);
          weightedItem(text);
          weightedSeries(text);
          unnamedWeights(text);
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { render } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { plan } from '../test/fixtures.ts';
import { HoursChart, MIXED } from './HoursChart.tsx';

describe('HoursChart', () => {
  it('draws one stacked bar per week with a segment per domain, heights in proportion to hours', () => {
    const { container, getByRole, unmount } = render(() => <HoursChart plan={plan()} />);
    try {
      expect(getByRole('img', { name: /Hours per domain, week by week/ })).toBeTruthy();
      const bars = container.querySelectorAll('g.chart-bar');
      expect(bars.length).toBe(3);
      const heights = [...bars].map((bar) =>
        [...bar.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('height'))),
      );
      // Week 1: 4 h + 2 h; week 2: 1 + 3.5 + 1.5 mixed; week 3: 3 h mixed. The tallest week fills 160 px.
      expect(heights[0]?.[0]).toBeCloseTo((4 / 6) * 160, 1);
      expect(heights[0]?.[1]).toBeCloseTo((2 / 6) * 160, 1);
      expect(heights[1]?.reduce((a, b) => a + b, 0)).toBeCloseTo(160, 1);
      expect(heights[2]).toEqual([80]);
      const titles = [...container.querySelectorAll('g.chart-bar title')].map((t) => t.textContent);
      expect(titles).toContain(`Week 2: ${MIXED}, 1.5 h`);
    } finally {
      unmount();
    }
  });

  it('gives the same numbers as a table', () => {
    const { getByRole, unmount } = render(() => <HoursChart plan={plan()} />);
    try {
      const table = getByRole('table', { hidden: true });
      const rows = [...table.querySelectorAll('tbody tr')].map((row) =>
        [...row.children].map((cell) => cell.textContent),
      );
      expect(rows).toEqual([
        ['1', '4', '2', '0', '6'],
        ['2', '1', '3.5', '1.5', '6'],
        ['3', '0', '0', '3', '3'],
      ]);
    } finally {
      unmount();
    }
  });

  it('ends the axis on a labelled tick above the tallest week', () => {
    const short = plan();
    short.weeks = short.weeks.slice(0, 1).map((week) => ({
      ...week,
      hours: 5.5,
      sessions: [{ ...week.sessions[0]!, hours: 5.5 }],
    }));
    const { container, unmount } = render(() => <HoursChart plan={short} />);
    try {
      const ticks = [...container.querySelectorAll('g.chart-tick text')].map((t) => t.textContent);
      expect(ticks).toEqual(['0', '2', '4', '6']);
      expect(Number(container.querySelector('g.chart-bar rect')?.getAttribute('height'))).toBeCloseTo(
        (5.5 / 6) * 160,
        1,
      );
    } finally {
      unmount();
    }
  });
});

import { fireEvent, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { compareSearch, parseCompareParams } from '../lib/compareParams.ts';
import { examFreshnessLabel, freshnessLabel } from '../lib/formatFreshness.ts';
import { comparison, fakeApi, mla, mls } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';

describe('ComparePage', () => {
  it('shows the exams of the URL side by side, each value cited, dated and marked where sources disagree', async () => {
    const asked: string[][] = [];
    const api = fakeApi({
      compareExams: async (ids) => {
        asked.push([...ids]);
        return comparison(ids);
      },
    });
    const app = renderApp(api, `/compare?exams=${mla.id},${mls.id}`);
    try {
      const table = await app.findByRole('table');
      expect(asked).toEqual([[mla.id, mls.id]]);
      const headers = within(table).getAllByRole('columnheader');
      expect(headers.map((h) => h.querySelector('.compare-exam-name')?.textContent)).toEqual([mla.name, mls.name]);
      expect(within(headers[0]!).getByRole('link', { name: 'Plan for this exam' }).getAttribute('href')).toBe(
        `/?exam=${mla.id}`,
      );

      const fee = within(table).getByRole('row', { name: /Exam fee/ });
      const [mlaFee, mlsFee] = fee.querySelectorAll('td');
      expect(mlaFee?.textContent).toContain('USD 150');
      expect(within(mlaFee!).getByRole('link', { name: 'sources disagree' }).getAttribute('href')).toBe(
        '/review#conflict-conf-fee',
      );
      expect(mlaFee?.querySelector('.freshness')?.textContent).toBe('as of June 2026');
      expect(mlsFee?.querySelector('.freshness')?.textContent).toBe('stale: newest source March 2022');
      expect(mlsFee?.querySelector('.compare-value')?.getAttribute('data-stale')).toBe('true');

      // Every value has a marker that opens its quote.
      const values = table.querySelectorAll('.compare-value');
      expect(values.length).toBe(4);
      for (const value of values) expect(value.querySelectorAll('.citation-marker').length).toBeGreaterThan(0);
      fireEvent.click(mlsFee!.querySelector('.citation-marker')!);
      expect(mlsFee!.querySelector('dialog blockquote')?.textContent).toBe('MLS-C01 costs USD 300.');

      const status = within(table).getByRole('row', { name: /Status/ });
      expect(status.querySelectorAll('td')[0]?.textContent).toContain('no retirement announced');
      expect(within(status).getByRole('link', { name: mla.name }).getAttribute('href')).toBe(`/exams/${mla.id}`);
      const domains = within(table).getByRole('row', { name: /Domains/ });
      expect([...domains.querySelectorAll('.domain-weights li')].map((li) => li.textContent)).toEqual([
        'Data Preparation 60%',
        'Modeling 40%',
        'Deployment 10–15%',
        'Monitoring (no weight given)',
      ]);
      expect(domains.querySelectorAll('td')[1]?.textContent).toContain('not stated by any source');
    } finally {
      app.unmount();
    }
  });

  it('puts the chosen exams in the URL, and allows at most four', async () => {
    const many = ['a-1', 'a-2', 'a-3', 'a-4', 'a-5'].map((id) => ({ ...mla, id, name: `Exam ${id}` }));
    const api = fakeApi({ listExams: async () => many, compareExams: async () => comparison([mla.id]) });
    const app = renderApp(api, '/compare');
    try {
      await app.findByText('Choose up to four exams to see them side by side.');
      const box = (id: string) => app.getByRole('checkbox', { name: new RegExp(`Exam ${id}`) }) as HTMLInputElement;
      const chosen = ['a-1', 'a-2', 'a-3', 'a-4'];
      for (const [i, id] of chosen.entries()) {
        fireEvent.click(box(id));
        await waitFor(() => expect(app.location()).toBe(`/compare?exams=${chosen.slice(0, i + 1).join(',')}`));
      }
      await waitFor(() => expect(box('a-5').disabled).toBe(true));
      fireEvent.click(box('a-2'));
      await waitFor(() => expect(app.location()).toBe('/compare?exams=a-1,a-3,a-4'));
      await waitFor(() => expect(box('a-5').disabled).toBe(false));
    } finally {
      app.unmount();
    }
  });

  it("shows the API's message when it refuses", async () => {
    const api = fakeApi({
      compareExams: async () => {
        const { ApiError } = await import('../api/ApiError.ts');
        throw new ApiError(404, { error: { code: 'not_found', message: 'no exam with id "x"; known exams: a, b' } });
      },
    });
    const app = renderApp(api, '/compare?exams=x');
    try {
      expect((await app.findByRole('alert')).textContent).toContain('known exams: a, b');
    } finally {
      app.unmount();
    }
  });
});

describe('compare URL and freshness words', () => {
  it('reads ids leniently and writes them back', () => {
    expect(parseCompareParams('?exams=b-1,,a-2,b-1,BAD!,c,d,e')).toEqual(['b-1', 'a-2', 'c', 'd']);
    expect(compareSearch(['b-1', 'a-2'])).toBe('?exams=b-1,a-2');
    expect(compareSearch([])).toBe('');
  });

  it('says as of when current, and stale with the newest source otherwise', () => {
    expect(freshnessLabel({ newest: '2026-05-04', stale: false, cause: 'fresh' })).toBe('as of May 2026');
    expect(freshnessLabel({ newest: '2022-03-14', stale: true, cause: 'threshold' })).toBe(
      'stale: newest source March 2022',
    );
    expect(freshnessLabel({ newest: '2025-12-01', stale: true, cause: 'retirement' })).toBe(
      'stale: newest source December 2025, before the exam retired',
    );
    expect(freshnessLabel({ newest: null, stale: true, cause: 'undated' })).toBe('stale: no source gives a date');
    expect(examFreshnessLabel({ newest: '2026-06-01', staleClaims: 2, claims: 14 })).toBe(
      'sources as of June 2026 · 2 of 14 values stale',
    );
  });
});

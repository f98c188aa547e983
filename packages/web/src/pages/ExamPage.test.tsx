import { within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { citation, claim, fakeApi, mla } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';

describe('ExamPage', () => {
  it('lists every claim with its supporting and disputing sources side by side, dated', async () => {
    const contested = claim(
      'fee',
      { amount: 150, currency: 'USD' },
      {
        id: 'claim-fee',
        status: 'contested',
        conflictId: 'conf-fee',
        citations: [
          {
            ...citation({ title: 'Official page', published: '2026-01-10', quote: 'The fee is $150.' }),
            factId: 'a',
            line: 1,
            authority: 'official',
          },
        ],
        dissent: [
          {
            ...citation({ title: 'A blog', published: '2024-03-02', quote: 'It costs $300.' }),
            factId: 'b',
            line: 2,
            authority: 'secondary',
          },
        ],
      },
    );
    const api = fakeApi({
      getExam: async () => ({
        exam: { ...mla, aliases: ['MLA-C01'] },
        claims: [contested, ...mla.facts.duration],
        conflicts: [],
      }),
    });
    const app = renderApp(api, '/exams/aws-mla-c01');
    try {
      await app.findByRole('heading', { level: 1, name: mla.name });
      const block = app.getByRole('region', { name: 'Fee' });
      expect(block.textContent).toContain('sources disagree');
      const [supporting, disputing] = block.querySelectorAll('.side');
      expect(supporting?.textContent).toContain('The fee is $150.');
      expect(supporting?.textContent).toContain('10 Jan 2026');
      expect(disputing?.textContent).toContain('It costs $300.');
      expect(disputing?.textContent).toContain('2 Mar 2024');
      expect(within(block).getByRole('link', { name: 'See the conflict and its review' }).getAttribute('href')).toBe(
        '/review#conflict-conf-fee',
      );
      app.getByRole('region', { name: 'Length' });
    } finally {
      app.unmount();
    }
  });

  it("shows a superseded guide's figure as history, and no history side where there is none", async () => {
    const withHistory = claim(
      'duration',
      { minutes: 120 },
      {
        history: [
          {
            ...citation({ title: 'Old study notes', published: '2024-03-01', quote: 'The exam ran 90 minutes.' }),
            factId: 'h',
            line: 4,
            authority: 'secondary',
          },
        ],
      },
    );
    const api = fakeApi({
      getExam: async () => ({
        exam: { ...mla, aliases: ['MLA-C01'] },
        claims: [withHistory, claim('fee', { amount: 150, currency: 'USD' })],
        conflicts: [],
      }),
    });
    const app = renderApp(api, '/exams/aws-mla-c01');
    try {
      await app.findByRole('heading', { level: 1, name: mla.name });
      const history = app.getByRole('region', { name: 'Length' }).querySelector('[data-side="history"]');
      expect(history?.textContent).toContain('Earlier guide versions (1)');
      expect(history?.textContent).toContain('The exam ran 90 minutes.');
      expect(app.getByRole('region', { name: 'Fee' }).querySelector('[data-side="history"]')).toBeNull();
    } finally {
      app.unmount();
    }
  });

  it("shows how current the exam's facts are and which value is stale", async () => {
    const stale = claim(
      'validity',
      { months: 24 },
      {
        freshness: {
          newest: '2022-05-09',
          stale: true,
          cause: 'threshold',
          reason: 'newest source 2022-05-09 is more than 18 months older than 2026-11-22',
        },
      },
    );
    const fresh = claim(
      'fee',
      { amount: 150, currency: 'USD' },
      { freshness: { newest: '2026-06-01', stale: false, cause: 'fresh', reason: 'within 18 months' } },
    );
    const freshness = {
      asOf: '2026-11-22',
      thresholdMonths: 18,
      newest: '2026-06-01',
      stale: true,
      staleClaims: 1,
      claims: 2,
    };
    const api = fakeApi({
      getExam: async () => ({
        exam: { ...mla, aliases: [], freshness },
        claims: [fresh, stale],
        conflicts: [],
      }),
    });
    const app = renderApp(api, '/exams/aws-mla-c01');
    try {
      await app.findByRole('heading', { level: 1, name: mla.name });
      expect(app.container.querySelector('.exam-page > .freshness')?.textContent).toBe(
        'sources as of June 2026 · 1 of 2 values stale',
      );
      expect(app.getByRole('region', { name: 'Fee' }).querySelector('.freshness')?.textContent).toBe('as of June 2026');
      expect(app.getByRole('region', { name: 'Valid for' }).querySelector('.freshness')?.textContent).toBe(
        'stale: newest source May 2022',
      );
      expect(app.getByRole('link', { name: 'Compare with other exams' }).getAttribute('href')).toBe(
        '/compare?exams=aws-mla-c01',
      );
    } finally {
      app.unmount();
    }
  });

  // Regression: "Fee USD 165 — sources agree" on a claim only one source states.
  it('says "sources agree" only where two distinct sources state an agreed value; one source is "uncontested"', async () => {
    const quote = (source: string, text: string) => ({
      ...citation({ source, title: source, quote: text }),
      factId: `${source}-${text.length}`,
      line: 1,
      authority: 'secondary',
    });
    const single = claim(
      'fee',
      { amount: 165, currency: 'USD' },
      {
        id: 'claim-fee',
        // Two quotes, one page: still one source.
        citations: [quote('vendor-page', 'USD 165'), quote('vendor-page', 'The fee is 165 USD.')],
      },
    );
    const both = claim(
      'duration',
      { minutes: 100 },
      {
        id: 'claim-duration',
        citations: [quote('vendor-page', '100 minutes'), quote('blog', 'It lasts 100 minutes.')],
      },
    );
    const api = fakeApi({
      getExam: async () => ({ exam: { ...mla, aliases: [] }, claims: [single, both], conflicts: [] }),
    });
    const app = renderApp(api, '/exams/aws-mla-c01');
    try {
      await app.findByRole('heading', { level: 1, name: mla.name });
      const badge = (name: string) => app.getByRole('region', { name }).querySelector('.badge')?.textContent;
      expect([badge('Fee'), badge('Length')]).toEqual(['one source, uncontested', 'sources agree']);
    } finally {
      app.unmount();
    }
  });

  it('says so when the exam does not exist', async () => {
    const app = renderApp(fakeApi(), '/exams/nope');
    try {
      await app.findByRole('heading', { name: 'Exam not found' });
      app.getByText('no exam with id "nope"');
    } finally {
      app.unmount();
    }
  });
});

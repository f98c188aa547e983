import { fireEvent, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import { fakeApi } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';

afterEach(() => localStorage.clear());

describe('PlanPage', () => {
  it('shows exam cards with cited numbers, and a retired exam with its date, source and successor', async () => {
    const app = renderApp(fakeApi(), '/');
    try {
      const mlaCard = (await app.findByLabelText('AWS Certified Machine Learning Engineer – Associate')).closest(
        'article',
      )!;
      expect(mlaCard.textContent).toContain('USD 150');
      expect(mlaCard.textContent).toContain('130 minutes');
      expect(mlaCard.textContent).toContain('65 questions');
      expect(mlaCard.textContent).toContain('at least 1 year of hands-on platform experience');
      expect(within(mlaCard as HTMLElement).getAllByRole('button', { name: /^Source 1/ }).length).toBe(4);

      const mlsCard = app.getByLabelText('AWS Certified Machine Learning – Specialty').closest('article')!;
      expect(mlsCard.textContent).toContain('Retired on 31 Mar 2026');
      within(mlsCard as HTMLElement).getByRole('button', { name: 'Source 1: MLS-C01 retirement notice' });
      fireEvent.click(within(mlsCard as HTMLElement).getByRole('button', { name: mlaName }));
      expect((app.getByLabelText(mlaName) as HTMLInputElement).checked).toBe(true);
    } finally {
      app.unmount();
    }
  });

  it('refuses to plan a retired exam past its retirement date, on its card and next to the exam date', async () => {
    const api = fakeApi();
    const app = renderApp(api, '/');
    try {
      const radio = await app.findByLabelText('AWS Certified Machine Learning – Specialty');
      fireEvent.click(radio);
      fireEvent.input(app.getByLabelText('Hours per week'), { target: { value: '6' } });
      fireEvent.click(app.getByRole('button', { name: 'Build plan' }));
      const card = radio.closest('article') as HTMLElement;
      const onCard = within(card).getByText(
        /MLS-C01 was retired on 31 Mar 2026; it cannot be planned for a date after that/,
      );
      expect(radio.getAttribute('aria-describedby')?.split(' ')).toContain(onCard.id);
      const examDate = app.getByLabelText('Exam date (optional)');
      expect(examDate.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(examDate.getAttribute('aria-describedby') as string)?.textContent).toMatch(
        /MLS-C01 was retired on 31 Mar 2026/,
      );
      expect(examDate.getAttribute('max')).toBe('2026-03-31');
      // Regression: the message appeared under Start date, which is not what the retirement constrains.
      const start = app.getByLabelText('Start date');
      expect(start.getAttribute('aria-invalid')).toBe(null);
      expect(start.closest('.field')?.querySelector('.field-error')).toBe(null);
      await waitFor(() => expect(document.activeElement).toBe(radio));
      expect(app.location()).toBe('/');
      expect(api.calls.createPlan).toEqual([]);
    } finally {
      app.unmount();
    }
  });

  it('checks hours per week as you type (0.5–80, half hours), next to the field, without asking the server', async () => {
    const api = fakeApi();
    const app = renderApp(api, '/');
    try {
      fireEvent.click(await app.findByLabelText(mlaName));
      const hours = app.getByLabelText('Hours per week');
      for (const value of ['0', '80.5', '2.25']) {
        fireEvent.input(hours, { target: { value } });
        const message = await app.findByText('Enter 0.5 to 80 hours, in half-hour steps.');
        expect(hours.getAttribute('aria-describedby')).toBe(message.id);
        expect(message.closest('.field')?.contains(hours)).toBe(true);
      }
      fireEvent.input(hours, { target: { value: '0.5' } });
      await waitFor(() => expect(app.queryByText('Enter 0.5 to 80 hours, in half-hour steps.')).toBe(null));
      expect(api.calls.createPlan.every((body) => body.hoursPerWeek === 0.5)).toBe(true);
    } finally {
      app.unmount();
    }
  });

  it('a plan link with 0 hours a week shows the problem next to the field, not as the page heading', async () => {
    const api = fakeApi();
    const app = renderApp(api, '/?exam=aws-mla-c01&hours=0&start=2026-11-22');
    try {
      const message = await app.findByText('Enter 0.5 to 80 hours, in half-hour steps.');
      expect(app.getByLabelText('Hours per week').getAttribute('aria-describedby')).toBe(message.id);
      expect(app.getByRole('heading', { level: 1 }).textContent).toBe('Plan your certification study');
      expect(document.body.textContent).not.toContain('invalid body');
      expect(api.calls.createPlan).toEqual([]);
    } finally {
      app.unmount();
    }
  });

  it("validates as you type and shows the API's message next to the field, and only a pointer above", async () => {
    const api = fakeApi({
      createPlan: async (body) => {
        if (body.startDate > '2028-01-01') {
          throw new ApiError(400, {
            error: {
              code: 'bad_request',
              message: 'invalid body: startDate: must be within 730 days of today (2026-11-22)',
              issues: [{ path: 'startDate', message: 'must be within 730 days of today (2026-11-22)' }],
            },
          });
        }
        throw new Error('not expected');
      },
    });
    const app = renderApp(api, '/');
    try {
      fireEvent.click(await app.findByLabelText(mlaName));
      fireEvent.input(app.getByLabelText('Hours per week'), { target: { value: '5' } });
      fireEvent.input(app.getByLabelText('Start date'), { target: { value: '2029-01-01' } });
      const message = await app.findByText('must be within 730 days of today (2026-11-22)');
      expect(app.getByLabelText('Start date').getAttribute('aria-describedby')).toBe(message.id);
    } finally {
      app.unmount();
    }
    const linked = renderApp(api, '/?exam=aws-mla-c01&hours=5&start=2029-01-01');
    try {
      await linked.findByText('No plan for these inputs: see the fields marked in the form below.');
      await linked.findByText('must be within 730 days of today (2026-11-22)');
      expect(document.body.textContent).not.toContain('invalid body');
    } finally {
      linked.unmount();
    }
  });

  // Regression: `hours=0` in a link showed the empty builder with no word of why, while an invalid date the API
  // refused said "see the fields marked in the form below".
  it('a link with a value the builder refuses says so above the form and marks the field, without asking the API', async () => {
    const api = fakeApi({
      createPlan: async () => {
        throw new Error('not expected: the browser can refuse these itself');
      },
    });
    for (const [search, label, message] of [
      ['exam=aws-mla-c01&hours=0&start=2026-12-01', 'Hours per week', 'Enter 0.5 to 80 hours, in half-hour steps.'],
      ['exam=aws-mla-c01&hours=abc&start=2026-12-01', 'Hours per week', 'Enter a number.'],
      [
        'exam=aws-mla-c01&hours=8&start=2026-12-01&target=0',
        'Or target hours (optional)',
        'Enter 0.5 to 8320 hours, in half-hour steps.',
      ],
      ['hours=8&start=2026-12-01&time=25:00', 'Sessions start at (optional)', 'Enter a time as HH:MM, 24-hour clock.'],
    ] as const) {
      const linked = renderApp(api, `/?${search}`);
      try {
        await linked.findByText('No plan for these inputs: see the fields marked in the form below.');
        const shown = await linked.findByText(message);
        expect(linked.getByLabelText(label).getAttribute('aria-describedby'), search).toBe(shown.id);
      } finally {
        linked.unmount();
      }
    }
  });

  it('near miss: a link that only prefills the builder (no hours yet) is not called refused', async () => {
    const linked = renderApp(fakeApi(), '/?exam=aws-mla-c01');
    try {
      await linked.findByLabelText('Hours per week');
      expect(linked.queryByText(/No plan for these inputs/)).toBeNull();
    } finally {
      linked.unmount();
    }
  });

  it('puts the inputs in the URL, builds the plan, and keeps ticks per plan link', async () => {
    const api = fakeApi();
    const app = renderApp(api, '/');
    try {
      fireEvent.click(await app.findByLabelText(mlaName));
      fireEvent.input(app.getByLabelText('Hours per week'), { target: { value: '6' } });
      fireEvent.input(app.getByLabelText('Years of experience (optional)'), { target: { value: '0' } });
      fireEvent.change(app.getByLabelText('Data Preparation'), { target: { value: '2' } });
      fireEvent.click(app.getByRole('button', { name: 'Build plan' }));
      await waitFor(() =>
        expect(app.location()).toBe('/?exam=aws-mla-c01&hours=6&start=2026-11-22&experience=0&rate.Data+Preparation=2'),
      );
      await app.findByRole('heading', { name: `Your plan for ${mlaName}` });
      expect(api.calls.createPlan.at(-1)).toEqual({
        exam: 'aws-mla-c01',
        hoursPerWeek: 6,
        startDate: '2026-11-22',
        experienceYears: 0,
        proficiency: { 'Data Preparation': 2 },
      });
      const warning = app.getByText(/AWS recommends at least 1 year/).closest('li')!;
      within(warning as HTMLElement).getByRole('button', { name: 'Source 1: Exam guide' });
      expect(app.getByRole('heading', { name: /Week 1/ })).toBeTruthy();

      fireEvent.click(app.getByLabelText(/Learn: Data Preparation · 4 h/));
      expect(app.getByTestId('hours-done').textContent).toBe('4');
      const stored = Object.entries(localStorage).find(([key]) => key.startsWith('certplan:progress:'));
      // Keyed to the plan's identity and the session's id, both from the API: a re-plan keeps them.
      expect(stored).toEqual([
        'certplan:progress:a1b2c3d4e5f6a1b2c3d4e5f6',
        '{"ticks":["learn.data-preparation.0"],"replan":null}',
      ]);
    } finally {
      app.unmount();
    }
  });

  it('restores ticks for the plan and re-plans from today with the hours done per domain, ticks kept', async () => {
    const url = '/?exam=aws-mla-c01&hours=6&start=2026-11-01&examDate=2026-12-13';
    localStorage.setItem(
      'certplan:progress:a1b2c3d4e5f6a1b2c3d4e5f6',
      '{"ticks":["learn.data-preparation.0","learn.model-development.0"],"replan":null}',
    );
    const api = fakeApi();
    const app = renderApp(api, url);
    try {
      await app.findByRole('heading', { name: `Your plan for ${mlaName}` });
      expect((app.getByLabelText(/Learn: Data Preparation · 4 h/) as HTMLInputElement).checked).toBe(true);
      expect(app.getByTestId('hours-done').textContent).toBe('6');
      fireEvent.click(app.getByRole('button', { name: 'Re-plan from today' }));
      await waitFor(() =>
        expect(app.location()).toBe(
          '/?exam=aws-mla-c01&hours=6&start=2026-11-01&examDate=2026-12-13&from=2026-11-22&done.Data+Preparation=4&done.Model+Development=2',
        ),
      );
      await waitFor(() =>
        expect(api.calls.createPlan.at(-1)).toMatchObject({
          startDate: '2026-11-01',
          replanFrom: '2026-11-22',
          done: { 'Data Preparation': 4, 'Model Development': 2 },
        }),
      );
      // Same plan identity: the ticks stay.
      expect(app.getByTestId('hours-done').textContent).toBe('6');
    } finally {
      app.unmount();
    }
  });
});

const mlaName = 'AWS Certified Machine Learning Engineer – Associate';

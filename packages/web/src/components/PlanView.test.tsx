import { fireEvent, render, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { createProgressStore } from '../lib/progressStore.ts';
import { citation, claim, mla, plan } from '../test/fixtures.ts';
import { groupCitationsBySource, PlanView } from './PlanView.tsx';

const guide = (quote: string) =>
  citation({ source: 'aws-guide', title: 'Exam guide', quote, published: '2025-05-24', modified: '2025-12-27' });
const blog = citation({
  source: 'blog',
  title: 'How I passed',
  url: 'https://blog.example.org/',
  quote: 'I studied 6 weeks.',
});

function renderPlan() {
  const p = plan({
    citations: [guide('Domain 1: Data Preparation (52%)'), guide('Domain 2: Model Development (48%)'), blog],
    domains: [
      {
        name: 'Data Preparation',
        weightPercent: 52,
        weightRange: null,
        hours: 5,
        doneHours: 0,
        proficiency: null,
        citationRefs: [0, 2],
      },
      {
        name: 'Model Development',
        weightPercent: 48,
        weightRange: null,
        hours: 5.5,
        doneHours: 0,
        proficiency: null,
        citationRefs: [1],
      },
      {
        name: 'Monitoring',
        weightPercent: null,
        weightRange: null,
        hours: 4,
        doneHours: 0,
        proficiency: null,
        citationRefs: [],
      },
    ],
  });
  return render(() => (
    <PlanView
      plan={p}
      exam={mla}
      progress={createProgressStore('plan-view-test')}
      onExportCalendar={() => {}}
      onReplan={() => {}}
    />
  ));
}

describe('PlanView', () => {
  it("cites each domain's weight with markers that open its passage, and says when a weight is unknown", () => {
    const app = renderPlan();
    try {
      const items = within(app.getByRole('region', { name: 'Domains' })).getAllByRole('listitem');
      expect(items[0]?.textContent).toContain('Data Preparation: 5 h (52% of the exam)');
      // Regression: the domain list showed sourced weights with no citation marker.
      const markers = within(items[0] as HTMLElement).getAllByRole('button', { name: /^Source \d/ });
      expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual([
        'Source 1: Exam guide',
        'Source 2: How I passed',
      ]);
      fireEvent.click(markers[0] as HTMLElement);
      const dialog = within(items[0] as HTMLElement).getByRole('dialog', { name: 'Source: Exam guide' });
      expect(dialog.querySelector('blockquote')?.textContent).toBe('Domain 1: Data Preparation (52%)');
      expect(dialog.textContent).toContain('published 24 May 2025, updated 27 Dec 2025');
      expect(within(items[1] as HTMLElement).getAllByRole('button', { name: /^Source/ })).toHaveLength(1);
      expect(items[2]?.textContent).toBe(
        'Monitoring: 4 h (weight not stated by the sources: hours split evenly, a planner assumption)',
      );
    } finally {
      app.unmount();
    }
  });

  it('lists each source once, with its dates, authority and link, and every distinct passage under it', () => {
    const app = renderPlan();
    try {
      const list = app.getByRole('region', { name: 'Sources this plan uses' }).querySelector('.source-list')!;
      const groups = [...list.children] as HTMLElement[];
      // Regression: the same title was listed once per passage, six times, with no quote to tell them apart.
      expect(groups).toHaveLength(2);
      expect(
        within(groups[0] as HTMLElement)
          .getByRole('link', { name: 'Exam guide' })
          .getAttribute('href'),
      ).toBe('https://example.com/guide');
      expect(groups[0]?.textContent).toContain('published 24 May 2025, updated 27 Dec 2025');
      expect([...(groups[0] as HTMLElement).querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual([
        'Domain 1: Data Preparation (52%)',
        'Domain 2: Model Development (48%)',
      ]);
      expect(groups[1]?.textContent).toContain('How I passed · 24 May 2025');
      expect(groups[1]?.querySelectorAll('blockquote')).toHaveLength(1);
    } finally {
      app.unmount();
    }
  });

  it('groups by source id, keeps first-cited order, drops repeated quotes, and takes authority from the exam', () => {
    const groups = groupCitationsBySource([blog, guide('a'), guide('b'), guide('a')], {
      ...mla,
      facts: { ...mla.facts, fee: [{ ...mla.facts.fee[0]!, citations: [{ ...guide('x'), authority: 'official' }] }] },
    } as typeof mla);
    expect(groups.map((g) => [g.source, g.quotes, g.authority])).toEqual([
      ['blog', ['I studied 6 weeks.'], undefined],
      ['aws-guide', ['a', 'b'], 'official'],
    ]);
  });

  it("lists a session's task statements from the exam guide, each with a marker opening its quote; says a proposed date is suggested", () => {
    const base = plan();
    const [firstWeek, ...rest] = base.weeks;
    const [learn, ...others] = firstWeek!.sessions;
    const p = plan({
      examDateSuggested: true,
      citations: [
        guide('Task 1.1: Collect and store the data.'),
        guide('Task 1.2: Shape features from raw data.'),
        blog,
      ],
      weeks: [
        {
          ...firstWeek!,
          sessions: [
            {
              ...learn!,
              focus: {
                text: 'Learn Data Preparation: 1.1 Collect and store the data; 1.2 Shape features from raw data.',
                objectives: [
                  { ref: '1.1', label: 'Collect and store the data', citationRefs: [0] },
                  { ref: '1.2', label: 'Shape features from raw data', citationRefs: [1] },
                ],
                topics: [],
                citationRefs: [],
              },
            },
            ...others,
          ],
        },
        ...rest,
      ],
    });
    const app = render(() => (
      <PlanView
        plan={p}
        exam={mla}
        progress={createProgressStore('plan-view-objectives')}
        onExportCalendar={() => {}}
        onReplan={() => {}}
      />
    ));
    try {
      const list = app.container.querySelector(`[data-session-id="${learn!.id}"] .session-objectives`) as HTMLElement;
      const items = within(list).getAllByRole('listitem');
      expect(items.map((item) => item.querySelector('.objective-ref')?.textContent)).toEqual(['1.1', '1.2']);
      expect(items[1]?.textContent).toContain('Shape features from raw data');
      const marker = within(items[1] as HTMLElement).getByRole('button', { name: 'Source 1: Exam guide' });
      fireEvent.click(marker);
      const dialog = within(items[1] as HTMLElement).getByRole('dialog', { name: 'Source: Exam guide' });
      expect(dialog.querySelector('blockquote')?.textContent).toBe('Task 1.2: Shape features from raw data.');
      // The second session of the week has no objectives: no empty list is drawn.
      expect(app.container.querySelectorAll('.session-objectives')).toHaveLength(1);
      expect(app.getByTestId('exam-date-suggested').textContent).toContain('suggested');
    } finally {
      app.unmount();
    }
  });
});

describe('PlanView: the fee box says what the exam card says', () => {
  const feeBox = (container: HTMLElement) =>
    [...container.querySelectorAll('dt')].find((dt) => dt.textContent === 'Fee')?.nextElementSibling;
  const renderWithExam = (exam: typeof mla) =>
    render(() => (
      <PlanView
        plan={plan()}
        exam={exam}
        progress={createProgressStore('plan-view-fee-test')}
        onExportCalendar={() => {}}
        onReplan={() => {}}
      />
    ));

  // Regression: a new user saw "not stated" here while the exam card said "not published" for the same exam.
  it('says "not published", with its citation, where a source states the vendor does not publish the fee', () => {
    const statement = {
      ...citation({ source: 'policy-note', title: 'Vendor pricing policy', quote: 'Prices vary by region.' }),
      factId: 'np-fee',
      line: 3,
      authority: 'editorial',
    };
    const unpriced = {
      ...mla,
      facts: {
        ...mla.facts,
        fee: [],
        notPublished: [claim('notPublished', { attribute: 'fee' }, { key: 'fee', citations: [statement] })],
      },
    };
    const { container, unmount } = renderWithExam(unpriced);
    try {
      expect(feeBox(container)?.textContent).toMatch(/^not published/);
      expect(feeBox(container)?.querySelector('.not-published')).not.toBeNull();
    } finally {
      unmount();
    }
  });

  it('near miss: "not stated" where no source says anything about the fee', () => {
    const { container, unmount } = renderWithExam({ ...mla, facts: { ...mla.facts, fee: [], notPublished: [] } });
    try {
      expect(feeBox(container)?.textContent).toBe('not stated');
    } finally {
      unmount();
    }
  });

  it("shows the fee in core's words where there is one", () => {
    const { container, unmount } = renderWithExam(mla);
    try {
      expect(feeBox(container)?.textContent).toMatch(/^USD 150/);
    } finally {
      unmount();
    }
  });
});

describe('PlanView totals', () => {
  function renderTotals(p: ReturnType<typeof plan>) {
    return render(() => (
      <PlanView
        plan={p}
        exam={mla}
        progress={createProgressStore('plan-view-totals-test')}
        onExportCalendar={() => {}}
        onReplan={() => {}}
      />
    ));
  }

  // Regression: a new user saw "Total hours 116" beside "Target 100 h" and nothing saying why.
  it('says what the total is spent on, and why it exceeds the target when the exam date holds more', () => {
    const over = plan({
      totalHours: 116,
      hoursPerWeek: 8,
      hoursSplit: { domains: 100, general: 0, mixedReview: 8.5, practiceExam: 3.5, lightWeek: 4 },
    });
    const { getByTestId, unmount } = renderTotals(over);
    try {
      expect(getByTestId('hours-split').textContent).toMatchInlineSnapshot(
        `" (100 h domains, 8.5 h mixed review, 3.5 h practice exam, 4 h light last week)"`,
      );
      expect(getByTestId('target').textContent).toMatchInlineSnapshot(
        `"100 h (a planner assumption: no source states a preparation time) The plan holds 16 h more: it fills every week until your exam date at 8 h a week (give target hours to plan fewer)."`,
      );
    } finally {
      unmount();
    }
  });

  it('near miss: no note when the total is the target, or is the learner’s own target', () => {
    for (const p of [
      plan({ totalHours: 100 }),
      plan({ totalHours: 116, target: { hours: 100, basis: 'requested', range: null, citationRefs: [] } }),
    ]) {
      const { queryByTestId, unmount } = renderTotals(p);
      try {
        expect(queryByTestId('beyond-target')).toBeNull();
      } finally {
        unmount();
      }
    }
  });
});

import { MemoryRouter, Route } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import type { ExamSummary } from '../api/types.ts';
import { claim, mla } from '../test/fixtures.ts';
import { ExamCard } from './ExamCard.tsx';

/** An exam whose vendor prices it per country: no fee, a cited "not published" instead. */
const unpriced: ExamSummary = {
  ...mla,
  id: 'contoso-ai-203',
  name: 'Contoso AI Agents Developer Associate',
  facts: {
    ...mla.facts,
    fee: [],
    questions: [],
    notPublished: [
      claim(
        'notPublished',
        { attribute: 'fee' },
        {
          key: 'fee',
          citations: [
            {
              source: 'note',
              title: 'Editorial note: Contoso exam policy',
              url: 'https://learn.contoso.example/policy',
              published: '2026-11-30',
              quote: 'The AI-203 fee is not published on the pages linked here.',
              factId: 'np1',
              line: 12,
              authority: 'editorial',
            },
          ],
        },
      ),
      // A "not published" for another attribute than a card shows never fills a slot it does not name.
      claim('notPublished', { attribute: 'passingScore' }, { key: 'passingscore' }),
    ],
  },
};

function renderCard(exam: ExamSummary) {
  return render(() => (
    <MemoryRouter>
      <Route path="/" component={() => <ExamCard exam={exam} selected={false} onSelect={() => {}} />} />
    </MemoryRouter>
  ));
}

const factText = (container: HTMLElement, label: string) =>
  [...container.querySelectorAll('.exam-fact')]
    .find((f) => f.querySelector('dt')?.textContent === label)
    ?.querySelector('dd');

describe('ExamCard: figures the vendor does not publish', () => {
  it('shows "not published" with the citation that says so where the exam has no fee', () => {
    const { container, unmount } = renderCard(unpriced);
    try {
      const fee = factText(container, 'Fee');
      expect(fee?.textContent).toMatch(/^not published/);
      expect(fee?.querySelectorAll('button, a').length).toBeGreaterThan(0);
      // Near miss: no "not published" claim for the question count, so it stays "not stated".
      expect(factText(container, 'Questions')?.textContent).toBe('not stated');
    } finally {
      unmount();
    }
  });

  it('near miss: a figure, where there is one, is shown rather than "not published"', () => {
    const withFee: ExamSummary = { ...unpriced, facts: { ...unpriced.facts, fee: mla.facts.fee } };
    const { container, unmount } = renderCard(withFee);
    try {
      expect(factText(container, 'Fee')?.textContent).toMatch(/^USD 150/);
    } finally {
      unmount();
    }
  });
});

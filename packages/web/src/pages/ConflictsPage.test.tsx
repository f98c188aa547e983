import { fireEvent, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import type { ConflictView, StaleReview } from '../api/types.ts';
import { conflict, fakeApi } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';
import { sortConflicts } from './ConflictsPage.tsx';

afterEach(() => sessionStorage.clear());

const review: NonNullable<ConflictView['review']> = {
  conflict: 'conf-fee',
  decision: 'choose',
  factId: 'fact-b',
  note: 'The blog is newer',
  by: 'alice',
  at: '2026-11-22T06:00:00Z',
  factsDigest: 'digest',
};

describe('sortConflicts', () => {
  it('puts open conflicts first and high severity before low', () => {
    const list = [
      conflict({ id: 'reviewed-high', status: 'reviewed', severity: 'high' }),
      conflict({ id: 'open-low', severity: 'low' }),
      conflict({ id: 'open-high' }),
      conflict({ id: 'reviewed-low', status: 'reviewed', severity: 'low' }),
    ];
    expect(sortConflicts(list).map((c) => c.id)).toEqual(['open-high', 'open-low', 'reviewed-high', 'reviewed-low']);
  });

  it("ties in core's one string order (code units), the same on every machine, not the browser's locale", () => {
    // localeCompare would put 'aws-b' before 'aws-Z' (and its answer depends on the locale); code units do not.
    const list = [conflict({ id: 'x', exam: 'aws-b' }), conflict({ id: 'y', exam: 'aws-Z' })];
    expect(sortConflicts(list).map((c) => c.exam)).toEqual(['aws-Z', 'aws-b']);
  });
});

describe('ConflictsPage', () => {
  it('shows the quotes side by side with source, date and authority, and the suggestion with its rationale', async () => {
    const app = renderApp(fakeApi(), '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      const sides = within(card).getAllByRole('region', { name: /^Sources saying/ });
      expect(sides.map((side) => side.querySelector('h3')?.textContent)).toEqual(['USD 150', 'USD 300']);
      expect(sides[0]?.textContent).toContain('The fee is $150.');
      expect(sides[0]?.textContent).toContain('10 Jan 2026');
      expect(sides[0]?.textContent).toContain('official');
      expect(sides[1]?.textContent).toContain('A blog');
      expect(card.textContent).toContain('Suggestion: USD 150');
      expect(card.textContent).toContain('The official page wins.');
    } finally {
      app.unmount();
    }
  });

  it('shows "not published" as a side of its own, first and as the suggestion where it ranks first', async () => {
    const base = conflict();
    const vendorSays = {
      ...base.facts[0]!,
      id: 'fact-np',
      value: { attribute: 'fee' },
      quote: 'The vendor does not publish the fee.',
    } as ConflictView['facts'][number];
    const contested = conflict({
      facts: [vendorSays, base.facts[1]!],
      factCount: 2,
      suggestion: {
        value: { amount: 300, currency: 'USD' },
        rationale: [{ factor: 'authority', text: 'Vendor first.' }],
      },
      sides: [{ value: { amount: 300, currency: 'USD' }, factIds: ['fact-b'], factCount: 1 }],
      notPublished: { factIds: ['fact-np'], factCount: 1, suggested: true },
    } as Partial<ConflictView>);
    const app = renderApp(
      fakeApi({ listConflicts: async () => ({ conflicts: [contested], staleReviews: [] }) }),
      '/review',
    );
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      const sides = within(card).getAllByRole('region', { name: /^Sources saying/ });
      expect(sides.map((side) => side.querySelector('h3')?.textContent)).toEqual(['not published', 'USD 300']);
      expect(sides[0]?.textContent).toContain('The vendor does not publish the fee.');
      expect(card.textContent).toContain('Suggestion: not published');
      fireEvent.click(within(card).getByLabelText(/Choose a source/));
      expect(
        within(card)
          .getByLabelText(/The vendor does not publish the fee/)
          .closest('.choice')?.textContent,
      ).toMatch(/^not published/);
    } finally {
      app.unmount();
    }
  });

  it('says how many quotes of a side the API held back, and nothing when it sent them all', async () => {
    const many = conflict({
      factCount: 41,
      sides: [
        { value: { amount: 150, currency: 'USD' }, factIds: ['fact-a'], factCount: 40 },
        { value: { amount: 300, currency: 'USD' }, factIds: ['fact-b'], factCount: 1 },
      ],
    });
    const app = renderApp(fakeApi({ listConflicts: async () => ({ conflicts: [many], staleReviews: [] }) }), '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      const sides = within(card).getAllByRole('region', { name: /^Sources saying/ });
      expect(sides[0]?.querySelector('.more-quotes')?.textContent).toBe('39 more quotes not shown');
      expect(sides[1]?.querySelector('.more-quotes')).toBeNull();
    } finally {
      app.unmount();
    }
  });

  // Regression: a new user read only of REVIEW_TOKEN here, not of the per-reviewer tokens the README documents.
  it("says which tokens work: a reviewer's own from `pnpm reviewers add`, or the shared one", async () => {
    const app = renderApp(fakeApi(), '/review');
    try {
      const form = (await app.findByRole('form', { name: 'Review token' })) as HTMLElement;
      expect(form.querySelector('p.muted')?.textContent).toMatchInlineSnapshot(
        `"Deciding needs a review token: your own, from pnpm reviewers add <name> (decisions are recorded under that name), or the server's shared one (REVIEW_TOKEN, or the one it printed at start). It is kept in this tab until you close it."`,
      );
    } finally {
      app.unmount();
    }
  });

  it('asks for the token once, keeps it for the session, and sends the decision with it', async () => {
    const api = fakeApi();
    const app = renderApp(api, '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      fireEvent.input(app.getByLabelText('Token'), { target: { value: 'secret-token' } });
      fireEvent.click(app.getByRole('button', { name: 'Use token' }));
      expect(sessionStorage.getItem('certplan:review-token')).toBe('secret-token');
      expect(app.queryByLabelText('Token')).toBeNull();

      fireEvent.click(within(card).getByLabelText(/Choose a source/));
      fireEvent.click(within(card).getByLabelText(/USD 300 \(A blog/));
      fireEvent.input(within(card).getByLabelText('Note (why)'), { target: { value: 'Newer page' } });
      fireEvent.click(within(card).getByRole('button', { name: 'Record decision' }));
      await within(card).findByText('Decision recorded.');
      app.getByText(/^0 open of 1 conflicts/);
      expect(api.calls.reviews).toEqual([
        {
          id: 'conf-fee',
          body: { decision: 'choose', factId: 'fact-b', note: 'Newer page' },
          auth: { token: 'secret-token', etag: '"etag-1"' },
        },
      ]);
    } finally {
      app.unmount();
    }
    // A second visit in the same session does not ask again.
    const again = renderApp(fakeApi(), '/review');
    try {
      await again.findByRole('article', { name: /Fee/ });
      expect(again.queryByLabelText('Token')).toBeNull();
      again.getByText(/Review token kept for this session/);
    } finally {
      again.unmount();
    }
  });

  it('on 409 shows the decision that won and keeps what was typed, then succeeds with the new ETag', async () => {
    sessionStorage.setItem('certplan:review-token', 't');
    let attempts = 0;
    const api = fakeApi({
      reviewConflict: async (id, body, auth) => {
        api.calls.reviews.push({ id, body, auth });
        attempts += 1;
        if (attempts === 1) {
          throw new ApiError(409, {
            error: { code: 'etag_mismatch', message: 'stale', details: { etag: '"etag-2"' } },
          });
        }
        return {
          data: { claim: null, conflict: conflict({ status: 'reviewed', etag: '"etag-3"' }) },
          etag: '"etag-3"',
        };
      },
      getConflict: async () => ({ data: conflict({ status: 'reviewed', review, etag: '"etag-2"' }), etag: '"etag-2"' }),
    });
    const app = renderApp(api, '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      fireEvent.click(within(card).getByLabelText(/Enter a value/));
      const value = within(card).getByLabelText(/Value \(JSON/) as HTMLTextAreaElement;
      expect(value.value).toBe('{"amount":150,"currency":"USD"}');
      fireEvent.input(value, { target: { value: '{"amount":200,"currency":"USD"}' } });
      fireEvent.input(within(card).getByLabelText('Note (why)'), {
        target: { value: 'Checked the vendor page today' },
      });
      fireEvent.click(within(card).getByRole('button', { name: 'Record decision' }));

      const alert = await within(card).findByText(/Someone else decided first/);
      expect(alert.getAttribute('role')).toBe('alert');
      expect(card.textContent).toContain('The blog is newer');
      expect(card.textContent).toContain('by alice');
      expect((within(card).getByLabelText(/Value \(JSON/) as HTMLTextAreaElement).value).toBe(
        '{"amount":200,"currency":"USD"}',
      );
      expect((within(card).getByLabelText('Note (why)') as HTMLTextAreaElement).value).toBe(
        'Checked the vendor page today',
      );

      fireEvent.click(within(card).getByRole('button', { name: 'Record decision' }));
      await within(card).findByText('Decision recorded.');
      expect(api.calls.reviews.map((call) => call.auth.etag)).toEqual(['"etag-1"', '"etag-2"']);
      expect(api.calls.reviews[1]?.body).toEqual({
        decision: 'custom',
        value: { amount: 200, currency: 'USD' },
        note: 'Checked the vendor page today',
      });
    } finally {
      app.unmount();
    }
  });

  it('a decided card shows the value chosen, the source, by whom and when; undo sends the ETag and reopens it', async () => {
    sessionStorage.setItem('certplan:review-token', 't');
    const undone: { id: string; auth: { token: string; etag: string } }[] = [];
    const api = fakeApi({
      listConflicts: async () => ({
        conflicts: [conflict({ status: 'reviewed', review, etag: '"etag-2"' })],
        staleReviews: [],
      }),
      undoReview: async (id, auth) => {
        undone.push({ id, auth });
        return { data: { claim: null, conflict: conflict({ etag: '"etag-3"' }) }, etag: '"etag-3"' };
      },
    });
    const app = renderApp(api, '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      const decided = card.querySelector('.current-review')!;
      // fact-b (the blog's $300) was chosen: the card says the value, not only "chose a source".
      expect(decided.querySelector('.review-value')?.textContent).toBe('USD 300');
      expect(decided.textContent).toContain('chose A blog');
      expect(decided.querySelector('.review-by')?.textContent).toBe('alice');
      expect(decided.querySelector('time')?.textContent).toBe('22 Nov 2026, 06:00 UTC');
      fireEvent.click(within(card).getByRole('button', { name: 'Undo this decision' }));
      await within(card).findByText('Decision undone: the conflict is open again.');
      expect(undone).toEqual([{ id: 'conf-fee', auth: { token: 't', etag: '"etag-2"' } }]);
      expect(card.querySelector('.current-review')).toBeNull();
      expect(card.getAttribute('data-status')).toBe('open');
    } finally {
      app.unmount();
    }
  });

  it('lists each source to choose from with its value, source, date and quote', async () => {
    const app = renderApp(fakeApi(), '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      fireEvent.click(within(card).getByLabelText('Choose a source'));
      const choices = [...card.querySelectorAll('.radio.choice label')].map((label) => label.textContent);
      expect(choices).toEqual([
        'USD 150 (Official page, 10 Jan 2026)The fee is $150.',
        'USD 300 (A blog, 2 Mar 2024)It costs $300.',
      ]);
    } finally {
      app.unmount();
    }
  });

  it('on 401 forgets the token, asks again, and keeps the decision', async () => {
    sessionStorage.setItem('certplan:review-token', 'wrong');
    const api = fakeApi({
      reviewConflict: async () => {
        throw new ApiError(401, { error: { code: 'unauthorized', message: 'review writes need a token' } });
      },
    });
    const app = renderApp(api, '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      fireEvent.click(within(card).getByLabelText(/Accept the suggestion/));
      fireEvent.input(within(card).getByLabelText('Note (why)'), { target: { value: 'fine' } });
      fireEvent.click(within(card).getByRole('button', { name: 'Record decision' }));
      await app.findByText('The server refused the review token. Enter it again.');
      expect(sessionStorage.getItem('certplan:review-token')).toBeNull();
      await waitFor(() => expect(document.activeElement).toBe(app.getByLabelText('Token')));
      expect((within(card).getByLabelText('Note (why)') as HTMLTextAreaElement).value).toBe('fine');
    } finally {
      app.unmount();
    }
  });

  it('says what is missing before sending anything', async () => {
    sessionStorage.setItem('certplan:review-token', 't');
    const api = fakeApi();
    const app = renderApp(api, '/review');
    try {
      const card = (await app.findByRole('article', { name: /Fee/ })) as HTMLElement;
      fireEvent.click(within(card).getByLabelText(/Choose a source/));
      fireEvent.click(within(card).getByRole('button', { name: 'Record decision' }));
      within(card).getByText('Choose the source whose value wins.');
      within(card).getByText('Say why, in a sentence: the next reviewer will read it.');
      expect(api.calls.reviews).toEqual([]);
    } finally {
      app.unmount();
    }
  });
});

describe('ConflictCard sides', () => {
  it("shows core's positions side by side when the API gives them, not one column per fact", async () => {
    const list = conflict({
      id: 'conf-domains',
      attribute: 'domains',
      facts: [
        {
          ...conflict().facts[0]!,
          id: 'd1',
          value: { name: 'Modeling', weightPercent: 36, order: 0 },
          quote: 'Modeling (36%)',
        },
        {
          ...conflict().facts[0]!,
          id: 'd2',
          value: { name: 'Operations', weightPercent: 20, order: 1 },
          quote: 'Operations (20%)',
        },
        {
          ...conflict().facts[1]!,
          id: 'd3',
          value: { name: 'Modeling', weightPercent: null, order: 0 },
          quote: 'four pillars',
        },
      ],
      sides: [
        {
          value: {
            domains: [
              { name: 'Modeling', weightPercent: 36 },
              { name: 'Operations', weightPercent: 20 },
            ],
            weightsKnown: true,
          },
          factIds: ['d1', 'd2'],
          factCount: 2,
        },
        {
          value: {
            domains: [
              { name: 'Modeling', weightPercent: null },
              { name: 'Operations', weightPercent: null },
            ],
            weightsKnown: false,
          },
          factIds: ['d3', 'd4'],
          factCount: 2,
        },
      ],
      suggestion: { value: { domains: [{ name: 'Modeling', weightPercent: 36 }], weightsKnown: true }, rationale: [] },
    });
    const app = renderApp(fakeApi({ listConflicts: async () => ({ conflicts: [list], staleReviews: [] }) }), '/review');
    try {
      const card = (await app.findByRole('article', { name: /Domains/ })) as HTMLElement;
      const sides = within(card).getAllByRole('region', { name: /^Sources saying/ });
      expect(sides.map((side) => side.querySelector('h3')?.textContent)).toEqual([
        '2 domains: Modeling (36%); Operations (20%)',
        '2 domains: Modeling; Operations',
      ]);
      expect(sides[0]?.querySelectorAll('blockquote').length).toBe(2);
      // The same sentence stating two domains is quoted once.
      expect(sides[1]?.querySelectorAll('blockquote').length).toBe(1);
      fireEvent.click(within(card).getByLabelText(/Choose a source/));
      within(card).getByLabelText(/^2 domains: Modeling \(36%\); Operations \(20%\) \(Official page/, {
        selector: '#c-conf-domains-fact-d2',
      });
    } finally {
      app.unmount();
    }
  });

  it('shows decisions that no longer apply: what was decided, by whom, what changed, and where to decide again', async () => {
    const successor = conflict({ id: 'conf-fee-now' });
    const gone: StaleReview = {
      review: { ...review, conflict: 'aws-mla-c01.fee.0123456789ab', factId: 'fact-old', by: 'alice' },
      reason:
        'conflict aws-mla-c01.fee.0123456789ab no longer exists: the quotes about aws-mla-c01.fee changed and the disagreement is now conflict conf-fee-now; review it again',
      claimId: 'aws-mla-c01.fee',
      exam: 'aws-mla-c01',
      attribute: 'fee',
      successorConflictId: 'conf-fee-now',
      chosenFact: null,
      chosenFactGone: true,
    };
    const kept: StaleReview = {
      review: {
        ...review,
        conflict: 'aws-mla-c01.duration.ba9876543210',
        decision: 'choose',
        factId: 'fact-a',
        by: 'bob',
        note: 'The guide is right',
      },
      reason:
        'conflict aws-mla-c01.duration.ba9876543210 no longer exists: the sources now agree on aws-mla-c01.duration, so the decision is not needed',
      claimId: 'aws-mla-c01.duration',
      exam: 'aws-mla-c01',
      attribute: 'duration',
      successorConflictId: null,
      chosenFact: { ...successor.facts[0]!, value: { minutes: 130 }, quote: 'You get 130 minutes.' },
      chosenFactGone: false,
    };
    const app = renderApp(
      fakeApi({ listConflicts: async () => ({ conflicts: [successor], staleReviews: [gone, kept] }) }),
      '/review',
    );
    try {
      const section = (await app.findByRole('region', { name: 'Decisions that no longer apply (2)' })) as HTMLElement;
      const [first, second] = within(section).getAllByRole('article') as HTMLElement[];
      expect(first!.querySelector('h3')?.textContent).toBe(
        'AWS Certified Machine Learning Engineer – Associate · Fee: a decision that no longer applies',
      );
      expect(first!.textContent).toContain('chose a source · by alice · 22 Nov 2026, 06:00 UTC');
      expect(first!.textContent).toContain('The blog is newer');
      expect(first!.textContent).toContain(
        'What changed: conflict aws-mla-c01.fee.0123456789ab no longer exists: the quotes about aws-mla-c01.fee changed',
      );
      expect(first!.textContent).toContain('The quote it chose is no longer in any source');
      const again = within(first!).getByRole('link', { name: 'Decide the conflict again' });
      expect(again.getAttribute('href')).toBe('#conflict-conf-fee-now');
      // The link leads to a card on this page.
      expect(document.getElementById('conflict-conf-fee-now')).not.toBeNull();

      expect(second!.textContent).toContain('130 minutes · chose a source · by bob');
      expect(second!.querySelector('blockquote.quote')?.textContent).toBe('You get 130 minutes.');
      expect(second!.textContent).not.toContain('no longer in any source');
      expect(second!.textContent).toContain('nothing to decide again');
      expect(within(second!).queryByRole('link', { name: 'Decide the conflict again' })).toBeNull();
    } finally {
      app.unmount();
    }
  });

  it('shows no such section when every decision applies', async () => {
    const app = renderApp(fakeApi(), '/review');
    try {
      await app.findByRole('article', { name: /Fee/ });
      expect(app.queryByRole('region', { name: /no longer apply/ })).toBeNull();
    } finally {
      app.unmount();
    }
  });
});

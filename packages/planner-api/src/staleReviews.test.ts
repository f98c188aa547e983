/**
 * A decision that stopped applying is shown, not silent: after a reviewer's choice, a rebuilt dataset in which
 * the chosen sentence was reworded (so the conflict is a different one) lists the decision in GET /api/conflicts
 * `staleReviews`, with core's reason, the conflict to decide again and the fact that the chosen quote is gone.
 * Reconciled by core's real `reconcile`; the review goes through the real PUT into a temporary reviews.yaml.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, type Exam, type Fact, type Review, reconcile, type Source } from '@certplan/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { ConflictListResponse } from './index.ts';
import { DatasetStore } from './lib/DatasetStore.ts';

const TOKEN = 'stale-review-token-0123456789';
const exam: Exam = { id: 'gcp-pmle', name: 'PMLE', vendor: 'Google Cloud', code: 'PMLE', aliases: ['PMLE'] };
const other: Exam = { id: 'aws-mla-c01', name: 'MLA-C01', vendor: 'AWS', code: 'MLA-C01', aliases: ['MLA-C01'] };

function source(id: string, authority: Source['authority'], text: string): Source {
  return {
    id,
    file: `${id}.md`,
    format: 'markdown',
    url: `https://${id}.example/page`,
    title: `Page of ${id}`,
    published: '2026-06-01',
    modified: null,
    authority,
    text,
  };
}

function feeFact(src: Source, amount: number): Fact {
  return {
    id: `fact-${src.id}-${src.text.length}`,
    exam: exam.id,
    source: src.id,
    attribute: 'fee',
    value: { amount, currency: 'USD' },
    quote: src.text,
    start: 0,
    end: src.text.length,
    section: [],
    line: 1,
  } as Fact;
}

/** The official page says USD 200; a blog says `blogAmount` (USD 250 unless given) in `blogSentence`. */
function datasetWith(blogSentence: string, reviews: readonly Review[] = [], blogAmount = 250): Dataset {
  const official = source('official', 'official', 'Registration fee: USD 200.');
  const blog = source('blog', 'secondary', blogSentence);
  const sources = [official, blog];
  const facts = [feeFact(official, 200), feeFact(blog, blogAmount)];
  const { claims, conflicts, staleReviews } = reconcile({ exams: [exam, other], sources, facts, reviews });
  return { exams: [exam, other], sources, facts, claims, conflicts, staleReviews };
}

let contentDir: string;
beforeEach(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'certplan-stale-'));
});
afterEach(async () => {
  await rm(contentDir, { recursive: true, force: true });
});

describe('stale reviews in the API', () => {
  it('lists a choice whose chosen sentence was reworded, with the reason and the conflict to decide again', async () => {
    const store = new DatasetStore(datasetWith('The exam fee is USD 250, this blog says.'), { reviews: [] });
    const app = createApp({
      dataset: store,
      contentDir,
      reviewToken: TOKEN,
      clock: () => new Date('2026-11-30T08:00:00Z'),
    });

    const before = (await (await app.request('/api/conflicts')).json()) as ConflictListResponse;
    expect(before.staleReviews).toEqual([]);
    const [conflict] = before.conflicts;
    const chosen = conflict!.facts.find((fact) => fact.source.id === 'blog')!;
    const etag = (await app.request(`/api/conflicts/${conflict!.id}`)).headers.get('ETag')!;
    const put = await app.request(`/api/conflicts/${conflict!.id}/review`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, 'If-Match': etag },
      body: JSON.stringify({ decision: 'choose', factId: chosen.id, note: 'The blog quotes the new price' }),
    });
    expect(put.status).toBe(200);

    // pnpm ingest after the blog reworded its sentence: watchContent swaps the new dataset in with the same reviews.
    store.replaceDataset(datasetWith('This blog was told the exam fee is USD 250.'), store.reviews);
    const after = (await (await app.request('/api/conflicts')).json()) as ConflictListResponse;
    const successor = after.conflicts[0]!;
    expect(successor.id).not.toBe(conflict!.id);
    expect(successor.status).toBe('open');
    expect(after.staleReviews).toHaveLength(1);
    const [stale] = after.staleReviews;
    expect(stale).toMatchObject({
      review: { conflict: conflict!.id, decision: 'choose', factId: chosen.id, by: 'reviewer' },
      claimId: 'gcp-pmle.fee',
      exam: 'gcp-pmle',
      attribute: 'fee',
      successorConflictId: successor.id,
      chosenFact: null,
      chosenFactGone: true,
    });
    expect(stale!.reason).toBe(
      `conflict ${conflict!.id} no longer exists: the quotes about gcp-pmle.fee changed and the disagreement is now conflict ${successor.id}; review it again`,
    );

    // Filtered by exam like the conflicts; another exam has none.
    const forOther = (await (await app.request('/api/conflicts?exam=aws-mla-c01')).json()) as ConflictListResponse;
    expect(forOther.staleReviews).toEqual([]);
    const forPmle = (await (await app.request('/api/conflicts?exam=gcp-pmle')).json()) as ConflictListResponse;
    expect(forPmle.staleReviews.map((s) => s.review.conflict)).toEqual([conflict!.id]);
  });

  it('keeps the chosen quote when it still exists and only another quote changed; none when sources now agree', async () => {
    const store = new DatasetStore(datasetWith('The exam fee is USD 250, this blog says.'), { reviews: [] });
    const [conflict] = store.dataset.conflicts;
    const official = store.dataset.facts.find((fact) => fact.source === 'official')!;
    const review: Review = {
      conflict: conflict!.id,
      decision: 'choose',
      factId: official.id,
      note: 'The official page wins',
      by: 'alice',
      at: '2026-11-29T10:00:00Z',
      factsDigest: conflict!.factsDigest,
    };
    store.applyReviews([review]);
    const app = createApp({ dataset: store, contentDir, reviewToken: TOKEN, clock: () => new Date() });

    store.replaceDataset(datasetWith('A blog post puts the fee at USD 250.'), [review]);
    const list = (await (await app.request('/api/conflicts')).json()) as ConflictListResponse;
    expect(list.staleReviews[0]).toMatchObject({
      successorConflictId: list.conflicts[0]!.id,
      chosenFact: { id: official.id, quote: 'Registration fee: USD 200.', source: { id: 'official' } },
      chosenFactGone: false,
    });

    // The blog now says USD 200 too: no conflict is left, the decision is not needed.
    store.replaceDataset(datasetWith('The exam fee is USD 200, this blog says.', [], 200), [review]);
    const none = (await (await app.request('/api/conflicts')).json()) as ConflictListResponse;
    expect(none.conflicts).toEqual([]);
    expect(none.staleReviews[0]).toMatchObject({ successorConflictId: null, exam: 'gcp-pmle', attribute: 'fee' });
    expect(none.staleReviews[0]!.reason).toContain('the sources now agree on gcp-pmle.fee');
  });
});

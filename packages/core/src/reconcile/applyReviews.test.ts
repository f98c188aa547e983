import { describe, expect, it } from 'vitest';
import { makeFact, makeSource } from '../lib/testFacts.ts';
import type { Fact, Review } from '../schema/dataset.ts';
import { reconcile } from './reconcile.ts';

const sources = [makeSource('guide', 'secondary', '2025-12-27'), makeSource('blog', 'secondary', '2024-01-01')];
const twoYears = makeFact(
  'experience',
  { minYears: 2, maxYears: null, kind: 'ml' },
  { source: 'guide', quote: 'At least two years.' },
);
const oneToTwo = makeFact(
  'experience',
  { minYears: 1, maxYears: 2, kind: 'ml' },
  { source: 'blog', quote: '1-2 years.' },
);
const facts = [twoYears, oneToTwo];
const run = (reviews: Review[], withFacts: Fact[] = facts) =>
  reconcile({ exams: [], sources, facts: withFacts, reviews });
const [conflict] = run([]).conflicts;

const review = (overrides: Partial<Review>): Review => ({
  conflict: conflict!.id,
  decision: 'accept',
  note: 'AWS exam guide says two or more years.',
  by: 'maintainer',
  at: '2026-11-22T07:00:00Z',
  factsDigest: conflict!.factsDigest,
  ...overrides,
});

describe('applying reviews', () => {
  it('accept: the claim becomes reviewed, keeps the suggestion and quotes the note', () => {
    const result = run([review({})]);
    const claim = result.claims[0]!;
    expect(claim.status).toBe('reviewed');
    expect(claim.value).toEqual(twoYears.value);
    expect(claim.rationale).toEqual([
      {
        factor: 'review',
        text: "A reviewer (maintainer, 2026-11-22T07:00:00Z) accepted certplan's suggestion, “at least 2 years”. The reviewer's note: “AWS exam guide says two or more years.”",
      },
    ]);
    expect(result.conflicts[0]!.review).toEqual(review({}));
    expect(result.staleReviews).toEqual([]);
  });

  it("choose: the claim takes the chosen fact's value; the suggestion stays visible in the conflict", () => {
    const result = run([review({ decision: 'choose', factId: oneToTwo.id, note: 'The newer guide is wrong.' })]);
    const claim = result.claims[0]!;
    expect(claim).toMatchObject({
      status: 'reviewed',
      value: oneToTwo.value,
      factIds: [oneToTwo.id],
      dissentingFactIds: [twoYears.id],
    });
    // The note is the reviewer's, said apart from the source the value comes from.
    expect(claim.rationale[0]!.text).toBe(
      "A reviewer (maintainer, 2026-11-22T07:00:00Z) chose “1–2 years” (the value blog.example states). The reviewer's note: “The newer guide is wrong.”",
    );
    expect(result.conflicts[0]!.suggestion.value).toEqual(twoYears.value);
  });

  it("custom: the claim takes the reviewer's value", () => {
    const value = { minYears: 3, maxYears: null, kind: 'ml' };
    const claim = run([review({ decision: 'custom', value })]).claims[0]!;
    expect(claim).toMatchObject({
      status: 'reviewed',
      value,
      factIds: [],
      dissentingFactIds: [twoYears.id, oneToTwo.id],
    });
  });

  it('custom domain list: weightsKnown follows from the weights given', () => {
    const listFacts = [
      makeFact('domain', { name: 'A', weightPercent: 60, order: 0 }, { source: 'guide' }),
      makeFact('domain', { name: 'A', weightPercent: 50, order: 0 }, { source: 'blog' }),
    ];
    const [listConflict] = reconcile({ exams: [], sources, facts: listFacts, reviews: [] }).conflicts;
    const value = {
      domains: [
        { name: 'A', weightPercent: null },
        { name: 'B', weightPercent: 40 },
      ],
      weightsKnown: true,
    };
    const custom = review({
      conflict: listConflict!.id,
      factsDigest: listConflict!.factsDigest,
      decision: 'custom',
      value,
    });
    const claim = reconcile({ exams: [], sources, facts: listFacts, reviews: [custom] }).claims[0]!;
    expect(claim).toMatchObject({ status: 'reviewed', value: { ...value, weightsKnown: false } });
  });

  it.each([
    [
      'the facts changed under it',
      review({ factsDigest: '0000000000000000' }),
      facts,
      /^the facts of this conflict changed since the review/,
    ],
    [
      'a quote changed, so the conflict is a different one',
      review({}),
      [twoYears, { ...oneToTwo, quote: 'One to two years.' }],
      /^conflict exam-a\.experience\.ml\.[0-9a-f]{12} no longer exists: the quotes about exam-a\.experience\.ml changed and the disagreement is now conflict exam-a\.experience\.ml\.[0-9a-f]{12}; review it again$/,
    ],
    ['the sources now agree', review({}), [twoYears], /the sources now agree on exam-a\.experience\.ml/],
    ['nothing about it remains', review({ conflict: 'exam-z.fee.0123456789ab' }), facts, /no facts about it remain/],
    [
      'the chosen fact is not in the conflict',
      review({ decision: 'choose', factId: 'f-nope' }),
      facts,
      /chosen fact f-nope is not one of this conflict's facts/,
    ],
    [
      'a custom value of the wrong shape',
      review({ decision: 'custom', value: { years: 3 } }),
      facts,
      /^the custom value is not a valid experience value at value\.minYears/,
    ],
    [
      'an accepted suggestion that has since moved',
      review({ value: { minYears: 1, maxYears: 2, kind: 'ml' } }),
      facts,
      /^the suggestion changed since it was accepted \(now “at least 2 years”\)/,
    ],
  ])('a stale review is reported, not applied: %s', (_name, stale, withFacts, reason) => {
    const result = run([stale], withFacts);
    expect(result.staleReviews).toHaveLength(1);
    expect(result.staleReviews[0]!.review).toEqual(stale);
    expect(result.staleReviews[0]!.reason).toMatch(reason);
    expect(result.claims.every((c) => c.status !== 'reviewed')).toBe(true);
    expect(result.conflicts.every((c) => c.review === null)).toBe(true);
  });

  it('of two reviews for one conflict, the later applies and the earlier is reported', () => {
    const early = review({ at: '2026-11-01', note: 'first' });
    const late = review({ at: '2026-11-02', note: 'second', decision: 'choose', factId: oneToTwo.id });
    const result = run([late, early]);
    expect(result.conflicts[0]!.review).toEqual(late);
    expect(result.staleReviews).toEqual([
      { review: early, reason: 'superseded by a later review of the same conflict (2026-11-02)' },
    ]);
  });
});

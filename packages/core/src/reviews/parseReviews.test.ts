import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CertplanError } from '../errors.ts';
import type { Review } from '../schema/dataset.ts';
import { parseReviews, removeReview, serializeReviews, upsertReview } from './parseReviews.ts';

const valid = `# decisions
reviews:
  - conflict: gcp-pmle.domains.0123456789ab
    decision: choose
    factId: f-google-1
    note: Google's own page is the authority; it gives no weights.
    by: maintainer
    at: 2026-11-22T07:00:00Z
    factsDigest: 0123456789abcdef
  - conflict: aws-mls-c01.experience.ml.abcdefabcdef
    decision: custom
    value: { minYears: 2, maxYears: null, kind: ml }
    note: AWS's exam guide says two or more years.
    by: maintainer
    at: 2026-11-22
    factsDigest: "1111111111111111"
`;

/** The error a text gets, as message and details, for inline snapshots. */
function errorOf(text: string): { message: string; details: unknown } {
  try {
    parseReviews(text, 'content/reviews.yaml');
  } catch (error) {
    if (error instanceof CertplanError) {
      expect(error.code).toBe('invalid_reviews');
      return { message: error.message, details: error.details };
    }
    throw error;
  }
  throw new Error('expected parseReviews to throw');
}

describe('parseReviews', () => {
  it('reads decisions', () => {
    const reviews = parseReviews(valid, 'content/reviews.yaml');
    expect(reviews).toHaveLength(2);
    expect(reviews[1]).toEqual({
      conflict: 'aws-mls-c01.experience.ml.abcdefabcdef',
      decision: 'custom',
      value: { minYears: 2, maxYears: null, kind: 'ml' },
      note: "AWS's exam guide says two or more years.",
      by: 'maintainer',
      at: '2026-11-22',
      factsDigest: '1111111111111111',
    });
  });

  it.each([
    ['', 'empty'],
    ['# nothing decided yet\n', 'only comments'],
    ['reviews: []\n', 'an empty list'],
    ['reviews:\n', 'a bare key'],
  ])('reads %j (%s) as no decisions', (text) => {
    expect(parseReviews(text, 'reviews.yaml')).toEqual([]);
  });

  it('reports broken YAML with its line and column', () => {
    expect(errorOf('reviews:\n  - conflict: a\n    note: "unterminated\n')).toMatchInlineSnapshot(`
      {
        "details": {
          "column": 1,
          "file": "content/reviews.yaml",
          "line": 4,
          "path": "",
        },
        "message": "content/reviews.yaml:4:1: invalid YAML: Missing closing "quote",
      }
    `);
  });

  it('reports a duplicated key', () => {
    expect(
      errorOf(valid.replace('    by: maintainer\n', '    by: maintainer\n    by: someone\n')).message,
    ).toMatchInlineSnapshot(`"content/reviews.yaml:8:5: invalid YAML: Map keys must be unique"`);
  });

  it('reports a missing field at the review that lacks it', () => {
    expect(
      errorOf(valid.replace("    note: Google's own page is the authority; it gives no weights.\n", '')),
    ).toMatchInlineSnapshot(`
      {
        "details": {
          "column": 5,
          "file": "content/reviews.yaml",
          "line": 3,
          "path": "reviews[0]",
        },
        "message": "content/reviews.yaml:3:5: reviews[0]: missing note (a review needs conflict, decision, note, by, at and factsDigest)",
      }
    `);
  });

  it('reports several missing fields of one review as one problem', () => {
    expect(errorOf('reviews:\n  - conflict: x\n    decision: approve\n').message).toMatchInlineSnapshot(`
      "content/reviews.yaml:2:5: reviews[0]: missing note, by, at and factsDigest (a review needs conflict, decision, note, by, at and factsDigest) (and 1 more problem)
      content/reviews.yaml:3:15: reviews[0].decision: expected one of "accept", "choose", "custom", got "approve""
    `);
  });

  it('reports an unknown decision at its value', () => {
    expect(errorOf(valid.replace('decision: custom', 'decision: approve')).message).toMatchInlineSnapshot(
      `"content/reviews.yaml:11:15: reviews[1].decision: expected one of "accept", "choose", "custom", got "approve""`,
    );
  });

  it('reports a misspelt field at its key', () => {
    expect(errorOf(valid.replace('    note: AWS', '    notes: AWS')).message).toMatchInlineSnapshot(`
      "content/reviews.yaml:10:5: reviews[1]: missing note (a review needs conflict, decision, note, by, at and factsDigest) (and 1 more problem)
      content/reviews.yaml:13:5: reviews[1].notes: unknown field "notes"; a review has conflict, decision, factId, value, note, by, at, factsDigest"
    `);
  });

  it('reports a malformed date and digest', () => {
    expect(
      errorOf(valid.replace('at: 2026-11-22\n', 'at: 22/11/2026\n').replace('"1111111111111111"', 'abc')).message,
    ).toMatchInlineSnapshot(`
        "content/reviews.yaml:15:9: reviews[1].at: expected a date (2026-11-22) or a date and time (2026-11-22T08:00:00Z) (and 1 more problem)
        content/reviews.yaml:16:18: reviews[1].factsDigest: expected the 16 hex digits of the conflict’s factsDigest"
      `);
  });

  it('reports a digest YAML read as a number', () => {
    expect(errorOf(valid.replace('"1111111111111111"', '1111111111111111')).message).toMatchInlineSnapshot(
      `"content/reviews.yaml:16:18: reviews[1].factsDigest: expected a string, got a number 1111111111111111"`,
    );
  });

  it('reports a "choose" without the fact it chooses', () => {
    expect(errorOf(valid.replace('    factId: f-google-1\n', '')).message).toMatchInlineSnapshot(
      `"content/reviews.yaml:3:5: reviews[0].factId: a "choose" decision needs the factId it chooses"`,
    );
  });

  it('reports two decisions on one conflict at the second', () => {
    const twice = valid.replace('aws-mls-c01.experience.ml.abcdefabcdef', 'gcp-pmle.domains.0123456789ab');
    expect(errorOf(twice).message).toMatchInlineSnapshot(
      `"content/reviews.yaml:10:15: reviews[1].conflict: conflict gcp-pmle.domains.0123456789ab is already decided by reviews[0]; keep one decision per conflict"`,
    );
  });

  it('reports a file that is not a mapping with reviews', () => {
    expect(errorOf('- conflict: a\n').message).toMatchInlineSnapshot(
      `"content/reviews.yaml:1:1: expected a mapping with a \`reviews:\` list, got a list"`,
    );
    expect(errorOf('reviews: 3\n').message).toMatchInlineSnapshot(
      `"content/reviews.yaml:1:10: reviews: expected a list, got a number 3"`,
    );
  });
});

const reviewArb: fc.Arbitrary<Review> = fc
  .record({
    conflict: fc.stringMatching(/^[a-z0-9-]{1,12}\.[a-z]{1,10}\.[0-9a-f]{12}$/),
    decision: fc.constantFrom('accept' as const, 'choose' as const, 'custom' as const),
    factId: fc.stringMatching(/^f-[a-z0-9]{1,10}$/),
    value: fc.oneof(
      fc.constant({ minutes: 180 }),
      fc.constant({ domains: [{ name: 'A: "b" # c', weightPercent: null }], weightsKnown: false }),
    ),
    note: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0),
    by: fc.constantFrom('maintainer', 'ana@example.org', 'Jo Bloggs'),
    at: fc.constantFrom('2026-11-22', '2026-11-22T07:00:00Z', '2026-11-22T07:00:00.123+01:00'),
    factsDigest: fc.stringMatching(/^[0-9a-f]{16}$/),
  })
  .map(({ decision, factId, value, ...rest }) => ({
    ...rest,
    decision,
    ...(decision === 'choose' ? { factId } : {}),
    ...(decision === 'custom' ? { value } : {}),
    note: rest.note.trim(),
  }));

describe('serializeReviews', () => {
  it('round-trips through parseReviews', () => {
    fc.assert(
      fc.property(fc.uniqueArray(reviewArb, { selector: (r) => r.conflict, maxLength: 6 }), (reviews) => {
        const text = serializeReviews(reviews);
        const sorted = [...reviews].sort((a, b) => (a.conflict < b.conflict ? -1 : 1));
        expect(parseReviews(text, 'reviews.yaml')).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same decisions in any order give the same text', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(reviewArb, { selector: (r) => r.conflict, maxLength: 6 })
          .chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length }))),
        ([reviews, shuffled]) => {
          expect(serializeReviews(shuffled)).toBe(serializeReviews(reviews));
        },
      ),
    );
  });

  it('writes one readable block per decision', () => {
    const [first] = parseReviews(valid, 'reviews.yaml');
    expect(serializeReviews([first!])).toMatchInlineSnapshot(`
      "# Reviewers' decisions on flagged conflicts, keyed by conflict id. Written by the API (PUT
      # /api/conflicts/:id/review) or by hand; applied on every rebuild.
      reviews:
        - conflict: gcp-pmle.domains.0123456789ab
          decision: choose
          factId: f-google-1
          note: Google's own page is the authority; it gives no weights.
          by: maintainer
          at: 2026-11-22T07:00:00Z
          factsDigest: 0123456789abcdef
      "
    `);
    expect(serializeReviews([])).toContain('reviews: []\n');
  });
});

describe('upsertReview / removeReview', () => {
  const base = parseReviews(valid, 'reviews.yaml');
  it('replaces the decision on the same conflict and keeps the file order', () => {
    const changed = { ...base[0]!, note: 'changed my mind', decision: 'accept' as const, factId: undefined };
    const next = upsertReview(base, changed);
    expect(next.map((r) => r.conflict)).toEqual([base[1]!.conflict, base[0]!.conflict]);
    expect(next.find((r) => r.conflict === changed.conflict)?.note).toBe('changed my mind');
    expect(base).toHaveLength(2);
  });
  it('removes a decision', () => {
    expect(removeReview(base, base[0]!.conflict).map((r) => r.conflict)).toEqual([base[1]!.conflict]);
  });
});

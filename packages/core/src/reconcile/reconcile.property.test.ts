import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDomainList, makeFact, makeSource } from '../lib/testFacts.ts';
import type { Authority, DomainsValue, Fact, Review, Source } from '../schema/dataset.ts';
import { comparableValue, covers } from './comparableValue.ts';
import { reconcile } from './reconcile.ts';

/**
 * A small world where collisions are likely: few exams, few values, sentences reused across sources (copies),
 * several sources on the same date.
 */
const sourceArb = (id: string) =>
  fc
    .record({
      authority: fc.constantFrom<Authority>('official', 'editorial', 'secondary'),
      date: fc.constantFrom(null, '2024-01-01', '2025-06-30', '2025-12-27'),
    })
    .map(({ authority, date }) => makeSource(id, authority, date));

const statementArb = fc.oneof(
  fc.record({ kind: fc.constant('duration' as const), n: fc.constantFrom(120, 170, 180) }),
  fc.record({ kind: fc.constant('fee' as const), n: fc.constantFrom(150, 200, 300), approximate: fc.boolean() }),
  fc.record({
    kind: fc.constant('experience' as const),
    n: fc.constantFrom(1, 2, 3),
    bounded: fc.boolean(),
    key: fc.constantFrom('ml' as const, 'industry' as const),
  }),
  // `tagged`: the facts carry a list id, so a source may give several lists; untagged facts are the source's one list.
  fc.record({ kind: fc.constant('domains' as const), list: fc.constantFrom(0, 1, 2, 3, 4), tagged: fc.boolean() }),
);

const lists: [string, number | null][][] = [
  [
    ['Data Engineering', 20],
    ['Modeling', 80],
  ],
  [
    ['Data Engineering', null],
    ['Modeling', null],
  ],
  [
    ['Data engineering', 30],
    ['Modeling', 70],
  ],
  [
    ['Data Engineering', null],
    ['Modeling', null],
    ['Deployment', null],
  ],
  [
    ['Data Engineering', 20],
    ['Modeling', null],
  ],
];

/**
 * Which of `lists` disagree, by the rule, written out by hand: same names with different weights (0, 2; 2, 4),
 * different names (3 against every other). A list leaving weights open (1, 4) agrees with the lists that give
 * them, so 1 and 4 conflict with nothing that shares their names and agrees on the weights they give.
 */
const conflictingLists = new Set(['0-2', '0-3', '1-3', '2-3', '2-4', '3-4']);

interface World {
  sources: Source[];
  facts: Fact[];
}

function buildFacts(sourceId: string, index: number, exam: string, statement: StatementValue, wording: number): Fact[] {
  const quote = (text: string) => `${text} [w${wording}]`;
  const options = (text: string) => ({ source: sourceId, exam, quote: quote(text), id: `${sourceId}-${index}` });
  switch (statement.kind) {
    case 'duration':
      return [makeFact('duration', { minutes: statement.n }, options(`${statement.n} minutes`))];
    case 'fee':
      return [
        makeFact(
          'fee',
          { amount: statement.n, currency: 'USD', approximate: statement.approximate },
          options(`$${statement.n}`),
        ),
      ];
    case 'experience':
      return [
        makeFact(
          'experience',
          { minYears: statement.n, maxYears: statement.bounded ? statement.n + 1 : null, kind: statement.key },
          options(`${statement.n} years`),
        ),
      ];
    case 'domains':
      return makeDomainList(sourceId, lists[statement.list]!, exam, statement.tagged ? `L${index}` : undefined).map(
        (f, i) => ({
          ...f,
          id: `${sourceId}-${index}-${i}-l${statement.list}`,
        }),
      );
  }
}
type StatementValue = typeof statementArb extends fc.Arbitrary<infer T> ? T : never;

const worldArb: fc.Arbitrary<World> = fc
  .tuple(
    fc.array(sourceArb('x'), { minLength: 1, maxLength: 4 }),
    fc.array(
      fc.record({
        source: fc.nat(3),
        exam: fc.constantFrom('exam-a', 'exam-b'),
        statement: statementArb,
        wording: fc.nat(2),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  )
  .map(([sourceDrafts, drafts]) => {
    const sources = sourceDrafts.map((s, i) => ({
      ...s,
      id: `s${i}`,
      file: `s${i}.txt`,
      url: `https://s${i}.example/`,
    }));
    const domainListed = new Set<string>();
    const facts = drafts.flatMap((d, index) => {
      const source = sources[d.source % sources.length]!;
      // Lists with ids are statements of their own, so a source may give several; facts without ids are read
      // as the source's one list, so there is at most one such list per source and exam.
      if (d.statement.kind === 'domains' && !d.statement.tagged) {
        if (domainListed.has(`${source.id}/${d.exam}`)) return [];
        domainListed.add(`${source.id}/${d.exam}`);
      }
      return buildFacts(source.id, index, d.exam, d.statement, d.wording);
    });
    return { sources, facts };
  });

const reviewsFor = (world: World): Review[] =>
  reconcile({ exams: [], sources: world.sources, facts: world.facts, reviews: [] }).conflicts.map((c, i) => ({
    conflict: c.id,
    decision: i % 2 === 0 ? 'accept' : 'choose',
    ...(i % 2 === 0 ? {} : { factId: c.factIds[c.factIds.length - 1]! }),
    note: `decided ${i}`,
    by: 'tester',
    at: '2026-11-22',
    factsDigest: c.factsDigest,
  }));

describe('reconcile properties', () => {
  it('claims and conflicts do not depend on the order of facts, sources or reviews', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) =>
          fc.tuple(
            fc.constant(world),
            fc.shuffledSubarray(world.facts, { minLength: world.facts.length }),
            fc.shuffledSubarray(world.sources, { minLength: world.sources.length }),
            fc
              .constant(reviewsFor(world))
              .chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length }))),
          ),
        ),
        ([world, facts, sources, [reviews, shuffledReviews]]) => {
          const before = reconcile({ exams: [], sources: world.sources, facts: world.facts, reviews });
          const after = reconcile({ exams: [], sources, facts, reviews: shuffledReviews });
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding an unrelated source changes no existing conflict', () => {
    fc.assert(
      fc.property(worldArb, worldArb, (world, extra) => {
        // The extra source speaks about another exam only: it is unrelated to every existing set.
        const id = 'unrelated';
        const source = { ...extra.sources[0]!, id, file: 'unrelated.txt' };
        const facts = extra.facts.map((f, i) => ({ ...f, id: `u-${i}`, source: id, exam: 'exam-new' }));
        const before = reconcile({ exams: [], sources: world.sources, facts: world.facts, reviews: [] });
        const after = reconcile({
          exams: [],
          sources: [...world.sources, source],
          facts: [...world.facts, ...facts],
          reviews: [],
        });
        for (const conflict of before.conflicts) {
          expect(after.conflicts.find((c) => c.id === conflict.id)).toEqual(conflict);
        }
        expect(after.claims.filter((c) => c.exam !== 'exam-new')).toEqual(before.claims);
      }),
      { numRuns: 200 },
    );
  });

  it('every claim has a rationale and accounts for every fact of its set', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const result = reconcile({ exams: [], sources: world.sources, facts: world.facts, reviews: [] });
        const accounted = new Set<string>();
        for (const claim of result.claims) {
          expect(claim.rationale.length).toBeGreaterThan(0);
          expect(claim.factIds.length + claim.dissentingFactIds.length).toBeGreaterThan(0);
          for (const id of [...claim.factIds, ...claim.dissentingFactIds]) accounted.add(id);
          expect(claim.status === 'agreed').toBe(claim.conflictId === null);
        }
        expect([...accounted].sort()).toEqual(world.facts.map((f) => f.id).sort());
        for (const conflict of result.conflicts) expect(conflict.factIds.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('a review applies on every rebuild of the same facts', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const reviews = reviewsFor(world);
        const result = reconcile({ exams: [], sources: world.sources, facts: world.facts, reviews });
        expect(result.staleReviews).toEqual([]);
        expect(result.conflicts.every((c) => c.review !== null)).toBe(true);
        expect(result.claims.filter((c) => c.conflictId).every((c) => c.status === 'reviewed')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

const listArb = fc
  .uniqueArray(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), fc.constantFrom(null, 10, 20)))))
  .map((entries) =>
    comparableValue('domains', {
      domains: entries.map(([name, weightPercent]) => ({ name, weightPercent })),
      weightsKnown: entries.every(([, w]) => w !== null),
    }),
  );

describe('domain lists with and without weights (properties)', () => {
  it('coverage is a strict order: never reflexive or mutual, always transitive', () => {
    fc.assert(
      fc.property(listArb, listArb, listArb, (a, b, c) => {
        expect(covers(a, a)).toBe(false);
        if (covers(a, b)) expect(covers(b, a)).toBe(false);
        if (covers(a, b) && covers(b, c)) expect(covers(a, c)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('lists conflict exactly when two of them disagree by the rule; a list without weights never dissents from its weighting', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const result = reconcile({ exams: [], sources: world.sources, facts: world.facts, reviews: [] });
        for (const exam of ['exam-a', 'exam-b']) {
          const listed = [
            ...new Set(world.facts.filter((f) => f.exam === exam && f.attribute === 'domain').map(listOf)),
          ].sort();
          const conflicts = result.conflicts.filter((c) => c.exam === exam && c.attribute === 'domains');
          const disagree = listed.some((a) => listed.some((b) => conflictingLists.has(`${a}-${b}`)));
          expect(conflicts.length).toBe(disagree ? 1 : 0);
          const claim = result.claims.find((c) => c.id === `${exam}.domains`);
          if (!claim) continue;
          // Every list consistent with the claim's value backs it, whichever weighting won.
          const value = claim.value as DomainsValue;
          const taken = lists.findIndex(
            (l) =>
              l.length === value.domains.length &&
              l.every(([name, w], i) => value.domains[i]!.name === name && value.domains[i]!.weightPercent === w),
          );
          for (const id of claim.dissentingFactIds) {
            const list = listOf(world.facts.find((f) => f.id === id)!);
            expect(conflictingLists.has(`${Math.min(list, taken)}-${Math.max(list, taken)}`)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

const listOf = (fact: Fact): number => Number(/-l(\d+)$/.exec(fact.id)![1]);

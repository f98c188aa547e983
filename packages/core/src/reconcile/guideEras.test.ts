import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDomainList, makeExam, makeFact, makeSource } from '../lib/testFacts.ts';
import type { Claim, ClaimAttribute, Exam, Fact, Source } from '../schema/dataset.ts';
import { guideEraOf } from './guideEras.ts';
import { reconcile } from './reconcile.ts';

/** An exam whose guide changed twice; the newest version is the one in force. */
const exam = makeExam([
  { version: 'v1', effective: '2023-03-01' },
  { version: 'v2', effective: '2024-10-01' },
  { version: 'v3', effective: '2026-06-01' },
]);
const unversioned: Exam = { ...exam, id: 'exam-b', guides: undefined };

const source = (published: string | null, guide?: string, modified: string | null = null) => ({
  published,
  modified,
  ...(guide === undefined ? {} : { guide }),
});

describe('guideEraOf', () => {
  const rows: {
    case: string;
    exam?: Exam;
    attribute?: ClaimAttribute;
    source: ReturnType<typeof source>;
    expected: string | null;
  }[] = [
    { case: 'declared current version', source: source(null, 'v3'), expected: 'current v3 declared' },
    {
      case: 'declared older version, even on a recent page',
      source: source('2026-09-01', 'v2'),
      expected: 'superseded v2 declared',
    },
    {
      case: 'near miss: a declared version this exam does not have leaves the date to decide',
      source: source('2025-01-01', 'June 2026'),
      expected: 'superseded v2 date',
    },
    {
      case: 'dated on the day the current guide took effect',
      source: source('2026-06-01'),
      expected: 'current v3 date',
    },
    { case: 'near miss: dated the day before', source: source('2026-05-31'), expected: 'superseded v2 date' },
    {
      case: 'the modified date counts before the published one',
      source: source('2025-01-01', undefined, '2026-07-01'),
      expected: 'current v3 date',
    },
    { case: 'dated before every listed version', source: source('2022-01-01'), expected: 'superseded none date' },
    { case: 'undated and declaring nothing', source: source(null), expected: 'unknown' },
    {
      case: 'near miss: a fee is not bound to a guide',
      attribute: 'fee',
      source: source('2020-01-01'),
      expected: null,
    },
    { case: 'near miss: an exam without guides', exam: unversioned, source: source('2020-01-01'), expected: null },
    {
      case: 'a fee from a source declaring an older version (a beta price) is that version’s',
      attribute: 'fee',
      source: source('2026-09-01', 'v2'),
      expected: 'superseded v2 declared',
    },
    {
      case: 'a passing score from a source declaring an older version is that version’s',
      attribute: 'passingScore',
      source: source(null, 'v1'),
      expected: 'superseded v1 declared',
    },
    {
      case: 'near miss: a fee from a source declaring the current version is not ranked up by it',
      attribute: 'fee',
      source: source(null, 'v3'),
      expected: null,
    },
    {
      case: 'an oldest version with no start date: a page dated before the next one describes it',
      exam: {
        ...exam,
        guides: [
          { version: 'outline A', effective: null },
          { version: 'outline B', effective: '2025-09-01' },
        ],
      },
      source: source('2024-05-01'),
      expected: 'superseded outline A date',
    },
    {
      case: 'near miss: with that oldest version, a page dated on the next one’s first day describes the next',
      exam: {
        ...exam,
        guides: [
          { version: 'outline A', effective: null },
          { version: 'outline B', effective: '2025-09-01' },
        ],
      },
      source: source('2025-09-01'),
      expected: 'current outline B date',
    },
    {
      case: 'near miss: an experience figure is not bound to a version even when declared',
      attribute: 'experience',
      source: source(null, 'v1'),
      expected: null,
    },
  ];
  it.each(rows)('$case', ({ exam: e, attribute, source: s, expected }) => {
    const era = guideEraOf(e ?? exam, attribute ?? 'domains', s);
    const described =
      era === null
        ? null
        : era.kind === 'unknown'
          ? 'unknown'
          : `${era.kind} ${era.guide?.version ?? 'none'} ${era.by}`;
    expect(described).toBe(expected);
  });
});

const run = (sources: Source[], facts: Fact[], exams: Exam[] = [exam]) =>
  reconcile({ exams, sources, facts, reviews: [] });
const claimOf = (result: ReturnType<typeof run>, id: string): Claim => {
  const claim = result.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim ${id}`);
  return claim;
};

const oldNames: [string, number | null][] = [
  ['Designing pipelines', null],
  ['Tuning', null],
  ['Operations', null],
];
const newWeights: [string, number | null][] = [
  ['Framing AI problems', 30],
  ['Building AI models', 40],
  ['Running AI models', 30],
];

describe('reconcile: figures of a superseded guide version', () => {
  it('an official page declared to describe an older guide is history: the current weights win, no conflict', () => {
    const sources = [
      makeSource('vendor', 'official', null, { guide: 'v2' }),
      makeSource('notes', 'secondary', '2026-09-26'),
    ];
    const facts = [...makeDomainList('vendor', oldNames), ...makeDomainList('notes', newWeights)];
    const result = run(sources, facts);
    const claim = claimOf(result, 'exam-a.domains');
    expect(claim.value).toEqual({
      domains: newWeights.map(([name, weightPercent]) => ({ name, weightPercent })),
      weightsKnown: true,
    });
    expect(claim.status).toBe('agreed');
    expect(result.conflicts).toEqual([]);
    expect(claim.historyFactIds?.sort()).toEqual(
      facts
        .filter((f) => f.source === 'vendor')
        .map((f) => f.id)
        .sort(),
    );
    expect(claim.rationale.at(-1)).toEqual({
      factor: 'version',
      text: '“3 domains, no weights”: vendor.example describes an older guide version (v2, 2024-10-01); superseded by v3 (in effect since 2026-06-01), so it is kept as history and not weighed.',
    });
  });

  it('an article dated before the current guide took effect is history too, and the rationale gives its date', () => {
    const sources = [makeSource('old', 'secondary', '2025-12-27'), makeSource('notes', 'secondary', '2026-09-26')];
    const facts = [
      ...makeDomainList('old', [
        ['Designing pipelines', 20],
        ['Tuning', 50],
        ['Operations', 30],
      ]),
      ...makeDomainList('notes', newWeights),
    ];
    const claim = claimOf(run(sources, facts), 'exam-a.domains');
    expect(claim.status).toBe('agreed');
    expect(claim.rationale.at(-1)?.text).toMatch(
      /^“3 domains, with weights”: old\.example is dated 2025-12-27, before the current guide took effect: it describes an older guide version \(v2, 2024-10-01\); superseded by v3/,
    );
  });

  it('an undated official page naming no version competes but loses to a page of the current guide (version factor)', () => {
    const sources = [makeSource('vendor', 'official', null), makeSource('notes', 'secondary', '2026-09-26')];
    const facts = [...makeDomainList('vendor', oldNames), ...makeDomainList('notes', newWeights)];
    const result = run(sources, facts);
    const claim = claimOf(result, 'exam-a.domains');
    expect((claim.value as { weightsKnown: boolean }).weightsKnown).toBe(true);
    expect(claim.status).toBe('policy');
    expect(claim.rationale[0]).toEqual({
      factor: 'version',
      text: '“3 domains, with weights” is backed by a source for the current guide (v3, in effect since 2026-06-01); “3 domains, no weights” comes from sources not shown to describe it (undated, naming no guide version), which may describe an older one.',
    });
    // It is a real disagreement (the undated page may be current): a reviewer sees it.
    expect(result.conflicts).toHaveLength(1);
    expect(claim.historyFactIds).toBeUndefined();
  });

  it('near miss: a superseded page that agrees with the current one backs it rather than becoming history', () => {
    const sources = [makeSource('old', 'secondary', '2025-01-01'), makeSource('new', 'secondary', '2026-07-01')];
    const facts = [
      makeFact('duration', { minutes: 120 }, { source: 'old' }),
      makeFact('duration', { minutes: 120 }, { source: 'new' }),
    ];
    const claim = claimOf(run(sources, facts), 'exam-a.duration');
    expect(claim.factIds).toHaveLength(2);
    expect(claim.historyFactIds).toBeUndefined();
    // Said as what it is (an older version's figure that agrees), not as a statement with less detail.
    expect(claim.rationale.map((r) => r.text)).toContain(
      'old.example gives “120 minutes” for an older guide version (v2, 2024-10-01): it agrees, but did not count in the ranking of the current figures.',
    );
    expect(claim.rationale.some((r) => r.factor === 'specificity')).toBe(false);
  });

  it('near miss: where every source predates the current guide, they are weighed as usual and the rationale says so', () => {
    const sources = [makeSource('off', 'official', '2025-01-01'), makeSource('art', 'secondary', '2025-06-01')];
    const facts = [
      makeFact('questions', { min: 50, max: 60 }, { source: 'off' }),
      makeFact('questions', { min: 65, max: 65 }, { source: 'art' }),
    ];
    const result = run(sources, facts);
    const claim = claimOf(result, 'exam-a.questions');
    expect(claim.value).toEqual({ min: 50, max: 60 });
    expect(result.conflicts).toHaveLength(1);
    expect(claim.rationale.at(-1)?.text).toBe(
      'Every source of this figure predates the current guide (v3, in effect since 2026-06-01); it may have changed with that version.',
    );
  });

  it('near miss: a fee is not bound to a guide: an older official fee still outranks a newer article', () => {
    const sources = [makeSource('off', 'official', '2025-01-01'), makeSource('art', 'secondary', '2026-07-01')];
    const facts = [
      makeFact('fee', { amount: 200, currency: 'USD' }, { source: 'off' }),
      makeFact('fee', { amount: 150, currency: 'USD' }, { source: 'art' }),
    ];
    const claim = claimOf(run(sources, facts), 'exam-a.fee');
    expect(claim.value).toEqual({ amount: 200, currency: 'USD' });
    expect(claim.historyFactIds).toBeUndefined();
  });

  it('a beta price from a source declaring the beta is history beside the standard price, not a conflict', () => {
    const sources = [makeSource('std', 'secondary', null), { ...makeSource('beta', 'secondary', null), guide: 'v2' }];
    const facts = [
      makeFact('fee', { amount: 300, currency: 'USD' }, { source: 'std' }),
      makeFact('fee', { amount: 150, currency: 'USD' }, { source: 'beta' }),
    ];
    const result = run(sources, facts);
    const claim = claimOf(result, 'exam-a.fee');
    expect(claim.value).toEqual({ amount: 300, currency: 'USD' });
    expect(claim.historyFactIds).toHaveLength(1);
    expect(result.conflicts).toEqual([]);
  });

  it('near miss: without guides in the catalog, dates are only recency', () => {
    const sources = [makeSource('off', 'official', '2020-01-01'), makeSource('art', 'secondary', '2026-07-01')];
    const facts = [...makeDomainList('off', oldNames, 'exam-b'), ...makeDomainList('art', newWeights, 'exam-b')];
    const result = run(sources, facts, [unversioned]);
    const claim = claimOf(result, 'exam-b.domains');
    expect((claim.value as { weightsKnown: boolean }).weightsKnown).toBe(false);
    expect(claim.rationale[0]?.factor).toBe('authority');
  });
});

describe('reconcile: guide versions, as properties', () => {
  const durations = [90, 120, 150];
  const sourceArb = (id: string) =>
    fc
      .record({
        authority: fc.constantFrom('official' as const, 'editorial' as const, 'secondary' as const),
        date: fc.constantFrom(null, '2024-01-01', '2025-06-30', '2026-06-01', '2026-09-26'),
        guide: fc.constantFrom(undefined, 'v1', 'v2', 'v3', 'other'),
        minutes: fc.constantFrom(...durations),
      })
      .map(({ authority, date, guide, minutes }) => ({
        source: makeSource(id, authority, date, guide === undefined ? {} : { guide }),
        fact: makeFact('duration', { minutes }, { source: id }),
      }));
  const worldArb = fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sourceArb(`s${i}`))));

  it('rank, do not delete: every fact is support, dissent or history, exactly once; history is never in a conflict', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const result = run(
          world.map((w) => w.source),
          world.map((w) => w.fact),
        );
        const claim = claimOf(result, 'exam-a.duration');
        const all = [...claim.factIds, ...claim.dissentingFactIds, ...(claim.historyFactIds ?? [])];
        expect(all.sort()).toEqual(world.map((w) => w.fact.id).sort());
        const inConflicts = new Set(result.conflicts.flatMap((c) => c.factIds));
        for (const id of claim.historyFactIds ?? []) expect(inConflicts.has(id)).toBe(false);
      }),
    );
  });

  it('a page of a superseded version never changes the value when a page of the current version states one', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...durations), (world, minutes) => {
        const current = world.filter((w) => w.source.guide === 'v3');
        fc.pre(current.length > 0);
        const before = claimOf(
          run(
            world.map((w) => w.source),
            world.map((w) => w.fact),
          ),
          'exam-a.duration',
        );
        const stale = {
          source: makeSource('stale', 'official', '2026-11-01', { guide: 'v1' }),
          fact: makeFact('duration', { minutes }, { source: 'stale' }),
        };
        const after = claimOf(
          run(
            [...world, stale].map((w) => w.source),
            [...world, stale].map((w) => w.fact),
          ),
          'exam-a.duration',
        );
        expect(after.value).toEqual(before.value);
      }),
    );
  });
});

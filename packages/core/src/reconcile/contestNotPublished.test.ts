import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeExam, makeFact, makeSource } from '../lib/testFacts.ts';
import type { Authority, Fact, Review, Source } from '../schema/dataset.ts';
import { reconcile } from './reconcile.ts';

const run = (sources: Source[], facts: Fact[], reviews: Review[] = []) =>
  reconcile({ exams: [], sources, facts, reviews });

const notPublished = (source: string, exam = 'exam-a') =>
  makeFact(
    'notPublished',
    { attribute: 'passingScore' },
    { source, exam, quote: `no passing score is given (${source})` },
  );
const score = (source: string, value = 720, exam = 'exam-a') =>
  makeFact('passingScore', { score: value, scale: 1000 }, { source, exam, quote: `pass at ${value} (${source})` });

interface Row {
  case: string;
  sources: Source[];
  facts: Fact[];
  /** Which claim remains for the figure: the stated figure, "not published", or both (no contest). */
  shown: 'figure' | 'notPublished' | 'both';
  decidedBy?: 'version' | 'authority' | 'agreement' | 'recency' | 'tie';
}

const rows: Row[] = [
  {
    case: 'the vendor says it does not publish it; an article states a figure: not published, by authority',
    sources: [makeSource('vendor', 'official'), makeSource('blog', 'secondary', '2026-05-01')],
    facts: [notPublished('vendor'), score('blog')],
    shown: 'notPublished',
    decidedBy: 'authority',
  },
  {
    case: "our note says it is not published, the vendor's own page states it: the figure, by authority",
    sources: [makeSource('note', 'editorial', '2026-11-30'), makeSource('vendor', 'official')],
    facts: [notPublished('note'), score('vendor')],
    shown: 'figure',
    decidedBy: 'authority',
  },
  {
    case: 'two articles agree on a figure, one says it is not published: the figure, by agreement',
    sources: [makeSource('a', 'secondary'), makeSource('b', 'secondary'), makeSource('c', 'secondary', '2026-09-01')],
    facts: [score('a'), score('b'), notPublished('c')],
    shown: 'figure',
    decidedBy: 'agreement',
  },
  {
    case: 'a newer article says it is not published, an older one states it: not published, by recency',
    sources: [makeSource('new', 'secondary', '2026-05-21'), makeSource('old', 'secondary', '2024-02-01')],
    facts: [notPublished('new'), score('old')],
    shown: 'notPublished',
    decidedBy: 'recency',
  },
  {
    case: 'a dated article says it is not published, an undated one states it: no date to compare, a tie',
    sources: [makeSource('dated', 'secondary', '2026-05-07'), makeSource('undated', 'secondary')],
    facts: [notPublished('dated'), score('undated', 700)],
    shown: 'figure',
    decidedBy: 'tie',
  },
  {
    case: 'near miss: the undated article says it is not published, a dated one states it: a tie as well',
    sources: [makeSource('undated', 'secondary'), makeSource('dated', 'secondary', '2026-05-07')],
    facts: [notPublished('undated'), score('dated', 700)],
    shown: 'figure',
    decidedBy: 'tie',
  },
  {
    case: 'nothing separates them: a tie, the figure shown and flagged',
    sources: [makeSource('x', 'secondary'), makeSource('y', 'secondary')],
    facts: [notPublished('x'), score('y')],
    shown: 'figure',
    decidedBy: 'tie',
  },
  {
    case: 'near miss: "not published" about the fee does not contest a passing score',
    sources: [makeSource('vendor', 'official'), makeSource('blog', 'secondary')],
    facts: [makeFact('notPublished', { attribute: 'fee' }, { source: 'vendor' }), score('blog')],
    shown: 'both',
  },
  {
    case: 'near miss: a source stating a figure and saying it is not published qualifies its own figure',
    sources: [makeSource('shop', 'secondary'), makeSource('blog', 'secondary')],
    facts: [
      makeFact('notPublished', { attribute: 'passingScore' }, { source: 'shop', quote: 'it varies (shop)' }),
      score('shop'),
      score('blog'),
    ],
    shown: 'both',
  },
  {
    case: 'near miss: another exam\'s figure does not contest this exam\'s "not published"',
    sources: [makeSource('vendor', 'official'), makeSource('blog', 'secondary')],
    facts: [notPublished('vendor'), score('blog', 720, 'exam-b')],
    shown: 'both',
  },
];

describe('"not published" against a stated figure', () => {
  it.each(rows)('$case', ({ sources, facts, shown, decidedBy }) => {
    const result = run(sources, facts);
    const ids = result.claims.map((c) => c.id);
    if (shown === 'both') {
      expect(result.conflicts).toEqual([]);
      // Both stand as claims of their own, each on its facts.
      expect(result.claims).toHaveLength(2);
      expect(result.claims.every((c) => c.conflictId === null && c.dissentingFactIds.length === 0)).toBe(true);
      return;
    }
    expect(result.conflicts).toHaveLength(1);
    const [conflict] = result.conflicts;
    expect(conflict).toMatchObject({ exam: 'exam-a', attribute: 'passingScore', key: null });
    expect(conflict!.notPublished?.suggested).toBe(shown === 'notPublished');
    expect(conflict!.factIds.sort()).toEqual(facts.map((f) => f.id).sort());
    const kept = shown === 'notPublished' ? 'exam-a.notPublished.passingscore' : 'exam-a.passingScore';
    const gone = shown === 'notPublished' ? 'exam-a.passingScore' : 'exam-a.notPublished.passingscore';
    expect(ids).toContain(kept);
    expect(ids).not.toContain(gone);
    const claim = result.claims.find((c) => c.id === kept)!;
    expect(claim.conflictId).toBe(conflict!.id);
    expect(claim.status).toBe(decidedBy === 'tie' ? 'contested' : 'policy');
    // Rank, don't delete: the losing side's facts are the kept claim's dissent.
    expect([...claim.factIds, ...claim.dissentingFactIds].sort()).toEqual(facts.map((f) => f.id).sort());
    const factors = claim.rationale.map((r) => r.factor);
    if (decidedBy === 'tie') expect(claim.rationale.at(-1)!.text).toMatch(/^It is a tie: no factor separates/);
    else expect(factors).toContain(decidedBy);
    expect(claim.rationale).toEqual(conflict!.suggestion.rationale);
  });

  it('the rationale names both sides and says which is shown', () => {
    const { sources, facts } = rows[0]!;
    const claim = run(sources, facts).claims.find((c) => c.id === 'exam-a.notPublished.passingscore')!;
    expect(claim.rationale.map((r) => r.text)).toEqual([
      'Sources disagree on whether this figure is published: the official source (vendor.example) says the vendor does not publish it, while a third-party article (blog.example) states “720 of 1000”. The two cannot both hold, so they are weighed against each other.',
      '“not published” comes from the official source (vendor.example), which outranks a third-party article (blog.example) saying “720 of 1000”.',
      "certplan shows that the vendor does not publish it; “720 of 1000” stays visible as dissent (a figure that circulates without the vendor's word may be an estimate or an older exam's) until a reviewer decides.",
    ]);
  });

  it("a reviewer choosing the article's figure puts it in force, and says so apart from the note", () => {
    const { sources, facts } = rows[0]!;
    const [conflict] = run(sources, facts).conflicts;
    const review: Review = {
      conflict: conflict!.id,
      decision: 'choose',
      factId: facts[1]!.id,
      note: 'Checked the score report.',
      by: 'rev',
      at: '2026-11-30T09:00:00Z',
      factsDigest: conflict!.factsDigest,
    };
    const result = run(sources, facts, [review]);
    expect(result.staleReviews).toEqual([]);
    const claim = result.claims.find((c) => c.id === 'exam-a.passingScore')!;
    expect(claim.status).toBe('reviewed');
    expect(claim.rationale[0]!.text).toBe(
      "A reviewer (rev, 2026-11-30T09:00:00Z) kept “720 of 1000”. The reviewer's note: “Checked the score report.”",
    );
    expect(result.claims.map((c) => c.id)).not.toContain('exam-a.notPublished.passingscore');
  });
});

describe('"not published" against a stated figure, as properties', () => {
  const authorities: Authority[] = ['official', 'editorial', 'secondary'];
  const sourceArb = fc.record({
    authority: fc.constantFrom(...authorities),
    date: fc.option(fc.constantFrom('2025-01-01', '2026-05-21', '2026-11-30'), { nil: null }),
    says: fc.constantFrom('notPublished', 'figure'),
    value: fc.constantFrom(700, 720),
  });
  const caseArb = fc.array(sourceArb, { minLength: 1, maxLength: 6 }).map((specs) => {
    const sources = specs.map((s, i) => makeSource(`s${i}`, s.authority, s.date));
    const facts = specs.map((s, i) => (s.says === 'notPublished' ? notPublished(`s${i}`) : score(`s${i}`, s.value)));
    return { sources, facts, specs };
  });

  it('every fact is a shown claim’s support or dissent, once; figure and "not published" are never both shown', () => {
    fc.assert(
      fc.property(caseArb, ({ sources, facts, specs }) => {
        const result = run(sources, facts);
        const placed = result.claims.flatMap((c) => [...c.factIds, ...c.dissentingFactIds]);
        expect(placed.sort()).toEqual(facts.map((f) => f.id).sort());
        const ids = result.claims.map((c) => c.id);
        const both = ids.includes('exam-a.passingScore') && ids.includes('exam-a.notPublished.passingscore');
        expect(both).toBe(false);
        const mixed = specs.some((s) => s.says === 'notPublished') && specs.some((s) => s.says === 'figure');
        // Where both are said, the shown claim points at a conflict that carries the "not published" side.
        if (mixed) {
          const shown = result.claims.find((c) => c.attribute === 'passingScore' || c.attribute === 'notPublished')!;
          const conflict = result.conflicts.find((c) => c.id === shown.conflictId);
          expect(conflict?.notPublished?.factIds.length).toBeGreaterThan(0);
        } else {
          expect(result.conflicts.every((c) => c.notPublished === undefined)).toBe(true);
        }
      }),
    );
  });

  it('the outcome does not depend on the order facts and sources come in', () => {
    fc.assert(
      fc.property(caseArb, fc.infiniteStream(fc.nat()), ({ sources, facts }, seeds) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x) => [seeds.next().value as number, x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        expect(run(shuffle([...sources]), shuffle([...facts]))).toEqual(run(sources, facts));
      }),
    );
  });
});

/**
 * An exam whose guide went from four sections to three on 2025-09-01; nobody dates the four-section outline.
 * Pages below declare the version they describe (`guide`) or are placed by their date.
 */
const versioned = makeExam([
  { version: 'four sections', effective: null },
  { version: 'three sections', effective: '2025-09-01' },
]);
const runVersioned = (sources: Source[], facts: Fact[]) =>
  reconcile({ exams: [versioned], sources, facts, reviews: [] });
const declaring = (id: string, guide: string, date: string | null = null) =>
  makeSource(id, 'secondary', date, { guide });

describe('"not published" against a stated figure, across guide versions', () => {
  it("a pass mark from a page of the superseded outline is history beside the current guide's 'not published'", () => {
    const facts = [notPublished('current'), score('outdated', 70)];
    const result = runVersioned(
      [declaring('current', 'three sections', '2026-05-21'), declaring('outdated', 'four sections')],
      facts,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.claims.map((c) => c.id)).toEqual(['exam-a.notPublished.passingscore']);
    const [claim] = result.claims;
    expect(claim!.status).toBe('agreed');
    expect(claim!.factIds).toEqual([facts[0]!.id]);
    expect(claim!.dissentingFactIds).toEqual([]);
    expect(claim!.historyFactIds).toEqual([facts[1]!.id]);
    expect(claim!.rationale.at(-1)).toEqual({
      factor: 'version',
      text: '“70 of 1000”: outdated.example describes an older guide version (four sections, start date not known); superseded by three sections (in effect since 2025-09-01), so it is kept as history and not weighed.',
    });
  });

  it("near miss: 'not published' from a page of the superseded outline is history beside a current figure", () => {
    const facts = [notPublished('outdated'), score('current', 65)];
    const result = runVersioned(
      [declaring('outdated', 'four sections'), declaring('current', 'three sections')],
      facts,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.claims.map((c) => c.id)).toEqual(['exam-a.passingScore']);
    expect(result.claims[0]!.historyFactIds).toEqual([facts[0]!.id]);
    expect(result.claims[0]!.rationale.at(-1)!.text).toMatch(/^“not published”: outdated\.example describes an older/);
  });

  it('near miss: a page that names no version is not history, so the two still contest (a tie here)', () => {
    const facts = [notPublished('current'), score('unplaced', 70)];
    const result = runVersioned([declaring('current', 'three sections'), makeSource('unplaced', 'secondary')], facts);
    expect(result.conflicts).toHaveLength(1);
    expect(result.claims.map((c) => [c.id, c.status])).toEqual([['exam-a.passingScore', 'contested']]);
  });

  it('a question count: the current guide\'s "not published" outranks a page not shown to describe it', () => {
    const facts = [
      makeFact('notPublished', { attribute: 'questions' }, { source: 'current', quote: 'no question count (current)' }),
      makeFact('questions', { min: 60, max: 60 }, { source: 'unplaced', quote: '60 questions (unplaced)' }),
    ];
    const result = runVersioned(
      [makeSource('current', 'secondary', '2026-01-10'), makeSource('unplaced', 'secondary')],
      facts,
    );
    expect(result.conflicts).toHaveLength(1);
    const [claim] = result.claims;
    expect(claim).toMatchObject({ id: 'exam-a.notPublished.questions', status: 'policy' });
    expect(claim!.rationale.map((r) => r.factor)).toEqual(['rule', 'version', 'rule']);
    expect(claim!.dissentingFactIds).toEqual([facts[1]!.id]);
  });
});

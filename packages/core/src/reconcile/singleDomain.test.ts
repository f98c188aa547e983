import { describe, expect, it } from 'vitest';
import { makeDomainList, makeExam, makeFact, makeSource } from '../lib/testFacts.ts';
import type { Claim, DomainsValue } from '../schema/dataset.ts';
import { comparableValue, covers } from './comparableValue.ts';
import { reconcile } from './reconcile.ts';

const list = (...domains: [string, number | null][]) =>
  comparableValue('domains', {
    domains: domains.map(([name, weightPercent]) => ({ name, weightPercent })),
    weightsKnown: domains.every(([, w]) => w !== null),
  } as DomainsValue);

const five = list(
  ['Plan and manage a solution', null],
  ['Build agents', null],
  ['Computer vision', null],
  ['Text analysis', null],
  ['Information extraction', null],
);
const weighted = list(['Plan and manage a solution', 30], ['Build agents', 40], ['Computer vision', 30]);

/** An exam with one guide version, in force since 2026-04-16. */
const exam = makeExam([{ version: 'April 2026', effective: '2026-04-16' }]);

describe('a single named domain against a list', () => {
  it.each<[string, ReturnType<typeof list>, ReturnType<typeof list>, boolean]>([
    ['one domain of the list, no weights on either side', list(['Build agents', null]), five, true],
    ['one domain in other words (a paraphrase)', list(['Building agents', null]), five, true],
    ['one domain with the weight the list gives it', list(['Build agents', 40]), weighted, true],
    ['one domain without weight, the list weighted', list(['Build agents', null]), weighted, true],
    ['near miss: one domain with another weight than the list', list(['Build agents', 35]), weighted, false],
    ['near miss: a domain the list does not name', list(['Speech services', null]), five, false],
    [
      'near miss: two domains of five stay a list of their own',
      list(['Build agents', null], ['Computer vision', null]),
      five,
      false,
    ],
    ['near miss: the list never covers the single domain', five, list(['Build agents', null]), false],
  ])('%s', (_case, general, specific, expected) => {
    expect(covers(general, specific)).toBe(expected);
  });
});

describe('reconcile: a page on one domain next to the exam list', () => {
  it('a dated page naming one domain backs the undated five-domain list instead of replacing it', () => {
    const sources = [makeSource('single', 'secondary', '2026-06-01'), makeSource('outline', 'secondary', null)];
    const facts = [
      ...makeDomainList('single', [['Build agents', null]]),
      ...makeDomainList('outline', [
        ['Plan and manage a solution', null],
        ['Build agents', null],
        ['Computer vision', null],
        ['Text analysis', null],
        ['Information extraction', null],
      ]),
    ];
    const result = reconcile({ exams: [exam], sources, facts, reviews: [] });
    const claim = result.claims.find((c) => c.id === 'exam-a.domains') as Claim<'domains'>;
    expect(claim.value.domains).toHaveLength(5);
    expect(claim.status).toBe('agreed');
    expect(claim.factIds).toHaveLength(6);
    expect(result.conflicts).toEqual([]);
    expect(claim.rationale.find((r) => r.factor === 'specificity')?.text).toBe(
      'single.example lists only one of these domains, which supports “5 domains, no weights” from outline.example rather than contradicting it; the claim takes the more specific list.',
    );
  });
});

describe('reconcile: weight ranges in domain lists', () => {
  const ranged = (source: string, ranges: [string, [number, number]][]) =>
    ranges.map(([name, weightRange], order) =>
      makeFact(
        'domain',
        { name, weightPercent: null, weightRange, order },
        { source, quote: `${name} (${weightRange[0]}–${weightRange[1]}%)` },
      ),
    );
  const outline: [string, [number, number]][] = [
    ['Plan and manage a solution', [25, 30]],
    ['Build agents', [30, 35]],
    ['Computer vision', [10, 15]],
  ];

  it('the claim keeps the ranges, and the rationale says the planner splits by their middles', () => {
    const result = reconcile({
      exams: [],
      sources: [makeSource('outline', 'secondary', null)],
      facts: ranged('outline', outline),
      reviews: [],
    });
    const claim = result.claims.find((c) => c.id === 'exam-a.domains') as Claim<'domains'>;
    expect(claim.value.domains.map((d) => d.weightRange)).toEqual([
      [25, 30],
      [30, 35],
      [10, 15],
    ]);
    expect(claim.value.weightsKnown).toBe(false);
    expect(claim.rationale.at(-1)?.text).toMatch(/^This list gives weight ranges, not weights/);
  });

  it('a single domain with another range disagrees, but cannot replace the list even from a newer page (coverage)', () => {
    const result = reconcile({
      exams: [exam],
      sources: [makeSource('outline', 'secondary', null), makeSource('single', 'secondary', '2026-06-01')],
      facts: [...ranged('outline', outline), ...ranged('single', [['Build agents', [35, 40]]])],
      reviews: [],
    });
    const claim = result.claims.find((c) => c.id === 'exam-a.domains') as Claim<'domains'>;
    expect(claim.value.domains).toHaveLength(3);
    expect(claim.status).toBe('policy');
    expect(claim.rationale[0]).toEqual({
      factor: 'coverage',
      text: "“3 domains, with weight ranges” lists the exam's domains; “1 domain, with weight ranges” names only one of them, which says nothing about the others and cannot replace the list: it stands as dissent on that domain's weight.",
    });
    // The disagreement on that domain's range is a conflict a reviewer sees, with both sides.
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]!.sides).toHaveLength(2);
  });

  it('near miss: the same ranges from two sources agree', () => {
    const result = reconcile({
      exams: [],
      sources: [makeSource('a'), makeSource('b')],
      facts: [
        ...ranged('a', outline),
        ...ranged('b', outline).map((f) => ({ ...f, id: `${f.id}-b`, quote: `${f.quote} ` })),
      ],
      reviews: [],
    });
    expect(result.conflicts).toEqual([]);
  });
});

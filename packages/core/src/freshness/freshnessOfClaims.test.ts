import { describe, expect, it } from 'vitest';
import { makeExam, makeFact, makeSource } from '../lib/testFacts.ts';
import { reconcile } from '../reconcile/reconcile.ts';
import type { Exam } from '../schema/dataset.ts';
import { freshnessOfClaims } from './freshnessOfClaims.ts';

const exam = makeExam();
const asOf = '2026-11-30';

function freshness(sources: ReturnType<typeof makeSource>[], facts: ReturnType<typeof makeFact>[], exams = [exam]) {
  const { claims } = reconcile({ exams, sources, facts, reviews: [] });
  const byId = freshnessOfClaims({ exams, sources, facts, claims }, { asOf, thresholdMonths: 18 });
  return (attribute: string) => byId.get(claims.find((c) => c.attribute === attribute)!.id)!;
}

describe('freshnessOfClaims', () => {
  it('marks a claim backed only by a 2022 source stale, and a fresh source stating the same clears it', () => {
    const old = makeSource('old', 'secondary', '2022-04-02');
    const fresh = makeSource('fresh', 'secondary', '2026-05-20');
    const oldFee = makeFact('fee', { amount: 150, currency: 'USD' }, { source: 'old' });
    expect(freshness([old], [oldFee])('fee')).toMatchObject({ stale: true, cause: 'threshold', newest: '2022-04-02' });
    const freshFee = makeFact('fee', { amount: 150, currency: 'USD' }, { source: 'fresh' });
    expect(freshness([old, fresh], [oldFee, freshFee])('fee')).toMatchObject({ stale: false, newest: '2026-05-20' });
  });

  it('does not let a dissenting source make the winning value look current', () => {
    const official = makeSource('vendor', 'official', '2022-04-02');
    const blog = makeSource('blog', 'secondary', '2026-05-20');
    const facts = [
      makeFact('fee', { amount: 150, currency: 'USD' }, { source: 'vendor' }),
      makeFact('fee', { amount: 200, currency: 'USD' }, { source: 'blog' }),
    ];
    expect(freshness([official, blog], facts)('fee')).toMatchObject({ stale: true, newest: '2022-04-02' });
  });

  it("dates an exam's claims against its retirement and its catalog guide versions", () => {
    const notice = makeSource('notice', 'official', '2025-09-01');
    const facts = [
      makeFact('retirement', { date: '2026-03-31' }, { source: 'notice' }),
      makeFact('duration', { minutes: 180 }, { source: 'notice' }),
    ];
    const of = freshness([notice], facts);
    expect(of('retirement')).toMatchObject({ stale: false, cause: 'fresh' });
    expect(of('duration')).toMatchObject({ stale: true, cause: 'retirement' });

    const guided = { ...exam, guides: [{ version: '2.0', effective: '2026-01-15' }] } as Exam;
    const page = makeSource('page', 'official', '2025-11-01');
    const questions = makeFact('questions', { min: 65, max: 65 }, { source: 'page' });
    expect(freshness([page], [questions], [guided])('questions')).toMatchObject({ stale: true, cause: 'guide' });
  });
});

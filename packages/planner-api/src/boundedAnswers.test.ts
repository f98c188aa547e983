/**
 * Issue 12, case 5: one untrusted article can state the same figure thousands of times. Every list of quotes an
 * answer carries is bounded (each source's first quote, then others, at most MAX_QUOTES_PER_LIST), and the answer
 * gives the totals; the dataset itself keeps every fact. Reconciled by core's real `reconcile`.
 */
import { type Dataset, type Exam, type Fact, reconcile, type Source } from '@certplan/core';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { ConflictResponse, ExamDetailResponse } from './index.ts';
import { DatasetStore } from './lib/DatasetStore.ts';
import { MAX_QUOTES_PER_LIST } from './planner/lib/boundEvidence.ts';

const REPEATS = 3_000;
const exam: Exam = { id: 'aws-mla-c01', name: 'MLA-C01', vendor: 'AWS', code: 'MLA-C01', aliases: ['MLA-C01'] };

function source(id: string, authority: Source['authority'], lines: string[]): Source {
  return {
    id,
    file: `${id}.md`,
    format: 'markdown',
    url: `https://${id}.example/page`,
    title: id,
    published: '2026-05-01',
    modified: null,
    authority,
    text: lines.join('\n'),
  };
}

/** One fact for every line of `src` (each line states the value), from line `from` on. */
function factsOf(src: Source, attribute: Fact['attribute'], value: unknown, from = 0): Fact[] {
  let start = 0;
  return src.text.split('\n').flatMap((line, i) => {
    const at = start;
    start += line.length + 1;
    if (i < from) return [];
    const fact = {
      id: `${src.id}-${i}`,
      exam: exam.id,
      source: src.id,
      attribute,
      value,
      quote: line,
      start: at,
      end: at + line.length,
      section: [],
      line: i + 1,
    } as Fact;
    return [fact];
  });
}

function floodedDataset(): Dataset {
  const flood = source(
    'flood',
    'secondary',
    Array.from({ length: REPEATS }, (_, i) => `Note ${i}: the MLA-C01 exam costs $175.`),
  );
  const hours = source(
    'hours',
    'secondary',
    Array.from({ length: REPEATS }, (_, i) => `Tip ${i}: plan on 80 to 120 hours of study for MLA-C01.`),
  );
  const official = source('official', 'official', ['Exam fee: USD 150.']);
  const blog = source('blog', 'secondary', ['It costs $175 to sit MLA-C01.']);
  const facts = [
    ...factsOf(official, 'fee', { amount: 150, currency: 'USD' }),
    ...factsOf(flood, 'fee', { amount: 175, currency: 'USD' }),
    ...factsOf(blog, 'fee', { amount: 175, currency: 'USD' }),
    ...factsOf(hours, 'studyHours', { min: 80, max: 120 }),
  ];
  const sources = [official, flood, blog, hours];
  const { claims, conflicts } = reconcile({ exams: [exam], sources, facts, reviews: [] });
  return { exams: [exam], sources, facts, claims, conflicts };
}

const app = createApp({
  dataset: new DatasetStore(floodedDataset()),
  contentDir: '/nonexistent-content-dir',
  reviewToken: 'token-0123456789abcdef',
  clock: () => new Date('2026-11-30T09:00:00Z'),
  webRoot: null,
});

describe('bounded answers', () => {
  it('sends a claim at most the bound of quotes, every source among them, with the totals', async () => {
    const res = await app.request(`/api/exams/${exam.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ExamDetailResponse;
    const fee = body.claims.find((claim) => claim.attribute === 'fee')!;
    const all = [...fee.citations, ...fee.dissent];
    expect(fee.citations.length + fee.dissent.length).toBeLessThanOrEqual(2 * MAX_QUOTES_PER_LIST);
    expect(fee.citationCount + fee.dissentCount).toBe(REPEATS + 2);
    // The prolific source hides neither of the others.
    expect(new Set(all.map((c) => c.source))).toEqual(new Set(['official', 'flood', 'blog']));
    // Well under what copying every quote costs (3,000 quotes of about 40 characters each).
    expect(JSON.stringify(body).length).toBeLessThan(40 * REPEATS);
  });

  it('bounds each side of a conflict the same way and keeps every side and its total', async () => {
    const list = (await (await app.request('/api/conflicts')).json()) as { conflicts: ConflictResponse['conflict'][] };
    const fee = list.conflicts.find((conflict) => conflict.attribute === 'fee')!;
    expect(fee.factCount).toBe(REPEATS + 2);
    expect(fee.sides.map((side) => side.factCount).sort((a, b) => a - b)).toEqual([1, REPEATS + 1]);
    for (const side of fee.sides) {
      expect(side.factIds.length).toBeLessThanOrEqual(MAX_QUOTES_PER_LIST);
      // Every id a side shows has its fact in the answer.
      for (const id of side.factIds) expect(fee.facts.some((fact) => fact.id === id)).toBe(true);
    }
    expect(new Set(fee.facts.map((fact) => fact.source.id))).toEqual(new Set(['official', 'flood', 'blog']));
  });

  it('plans from the flooded claim with a bounded list of citations', async () => {
    const res = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exam: exam.id, startDate: '2026-12-01', hoursPerWeek: 8 }),
    });
    expect(res.status).toBe(200);
    const { plan } = (await res.json()) as { plan: { citations: unknown[]; target: { citationRefs: number[] } } };
    // The target rests on 3,000 quotes of one source: the plan cites a bounded number of them.
    expect(plan.target.citationRefs.length).toBeGreaterThan(0);
    expect(plan.target.citationRefs.length).toBeLessThanOrEqual(MAX_QUOTES_PER_LIST);
    expect(plan.citations.length).toBeLessThan(4 * MAX_QUOTES_PER_LIST);
  });
});

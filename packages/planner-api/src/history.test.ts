/**
 * Figures of a superseded exam-guide version on the exam answer: shown as history beside the current value,
 * never as dissent (core's reconcile sets them aside; the API cites them so a learner can see what changed).
 */
import { type Dataset, type Exam, type Fact, reconcile, type Source } from '@certplan/core';
import { describe, expect, it } from 'vitest';
import type { ExamDetailResponse } from './index.ts';
import { DatasetStore } from './lib/DatasetStore.ts';
import { type FixtureApp, fixtureApp, useFixtureApp } from './test/fixtureDataset.ts';

const exam: Exam = {
  id: 'acme-ml',
  name: 'Acme Certified ML Builder',
  vendor: 'Acme',
  code: 'AMB-1',
  aliases: ['AMB-1'],
  guides: [
    { version: 'v1', effective: '2024-01-15' },
    { version: 'v2', effective: '2026-05-01' },
  ],
};

function source(id: string, published: string, text: string, extra: Partial<Source> = {}): Source {
  return {
    id,
    file: `${id}.md`,
    format: 'markdown',
    url: `https://example.test/${id}`,
    title: `Notes ${id}`,
    published,
    modified: null,
    authority: 'secondary',
    text,
    ...extra,
  };
}

function duration(sourceId: string, text: string, minutes: number): Fact {
  const quote = `Exam length: ${minutes} minutes.`;
  const start = text.indexOf(quote);
  return {
    id: `${sourceId}-duration`,
    exam: exam.id,
    attribute: 'duration',
    value: { minutes },
    source: sourceId,
    quote,
    start,
    end: start + quote.length,
    section: [],
    line: 1,
  };
}

function datasetWith(sources: Source[], facts: Fact[]): Dataset {
  return { exams: [exam], sources, facts, ...reconcile({ exams: [exam], sources, facts, reviews: [] }) };
}

const oldText = 'Exam length: 90 minutes.';
const newText = 'Exam length: 120 minutes.';
const current = source('current', '2026-07-01', newText);

let contentDir: string;
useFixtureApp((fixture) => {
  ({ contentDir } = fixture);
});
const appFor = (dataset: Dataset): FixtureApp => fixtureApp(contentDir, { dataset: new DatasetStore(dataset) }).app;
const durationOf = async (app: FixtureApp) => {
  const body = (await (await app.request(`/api/exams/${exam.id}`)).json()) as ExamDetailResponse;
  return body.claims.find((claim) => claim.attribute === 'duration')!;
};

describe('history on GET /api/exams/{id}', () => {
  it("cites the superseded guide's figure as history, not dissent", async () => {
    const old = source('old', '2024-03-01', oldText, { guide: 'v1' });
    const claim = await durationOf(
      appFor(datasetWith([current, old], [duration('current', newText, 120), duration('old', oldText, 90)])),
    );
    expect(claim.value).toEqual({ minutes: 120 });
    expect(claim.dissentCount).toBe(0);
    expect(claim.historyCount).toBe(1);
    expect(claim.history.map((c) => [c.quote, c.url])).toEqual([[oldText, 'https://example.test/old']]);
  });

  it('near miss: the same figure from a source of the current guide is dissent, with no history', async () => {
    const rival = source('rival', '2026-08-01', oldText, { guide: 'v2' });
    const claim = await durationOf(
      appFor(datasetWith([current, rival], [duration('current', newText, 120), duration('rival', oldText, 90)])),
    );
    expect(claim.historyCount).toBe(0);
    expect(claim.history).toEqual([]);
    expect(claim.dissentCount).toBe(1);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertplanError, type Dataset, DatasetSchema } from '@certplan/core';
import { buildDataset } from '@certplan/ingest';
import { describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../../../ingest/test/copyCorpusFixture.ts';
import { createPlan } from './createPlan.ts';
import { basicDataset } from './fixtures/basic/dataset.ts';
import { retiredDataset } from './fixtures/retired/dataset.ts';
import { unweightedDataset } from './fixtures/unweighted/dataset.ts';
import { preparePlannerData, retirementOf } from './preparePlannerData.ts';

describe('preparePlannerData', () => {
  it('fixtures are valid datasets', () => {
    for (const dataset of [basicDataset, retiredDataset, unweightedDataset]) {
      expect(DatasetSchema.safeParse(dataset).success).toBe(true);
    }
  });

  it('assigns focus statements to the domain they name, topics ranked by how many sources name them', () => {
    const exam = preparePlannerData(basicDataset).exams.get('ex-mle');
    expect(exam?.domains.map((d) => d.topics)).toEqual([
      ['Glue', 'Data Wrangler', 'Feature Store', 'Athena'],
      ['training jobs', 'hyperparameter tuning', 'Data Wrangler'],
      [],
      [],
    ]);
    expect(exam?.domains[0]?.citations.map((c) => c.quote)).toEqual(['Domain 1: Data Preparation for ML (28%)']);
  });

  it('cites a source with the date it was modified when that differs from published (core dates claims by it)', () => {
    const dataset = structuredClone(basicDataset);
    const changed = dataset.sources[0]?.id as string;
    for (const source of dataset.sources) source.modified = source.id === changed ? '2026-08-09' : source.published;
    const plan = createPlan({ exam: 'ex-mle', hoursPerWeek: 8, startDate: '2026-12-01' }, preparePlannerData(dataset), {
      today: '2026-11-22',
    });
    expect(plan.citations.some((c) => c.source === changed)).toBe(true);
    expect(plan.citations.some((c) => c.source !== changed)).toBe(true);
    for (const citation of plan.citations) {
      if (citation.source === changed) expect(citation.modified).toBe('2026-08-09');
      else expect('modified' in citation).toBe(false);
    }
  });

  it('finds the successor a retirement note names (same vendor, first mentioned) when the catalog has none', () => {
    const index = preparePlannerData(retiredDataset);
    expect(retirementOf(index, 'ex-old')).toMatchObject({
      date: '2026-03-31',
      successor: { id: 'ex-new', name: 'Example New Associate' },
    });
    expect(retirementOf(index, 'ex-new')).toBeNull();
    // Another vendor's exam named in the same note is never a successor.
    const otherVendor = preparePlannerData({
      ...retiredDataset,
      exams: retiredDataset.exams.map((e) => (e.id === 'ex-new' ? { ...e, vendor: 'Elsewhere' } : e)),
    });
    expect(retirementOf(otherVendor, 'ex-old')?.successor).toBeNull();
  });

  it('plans from reconciled claims only: facts that were never reconciled give no domains or exam length', () => {
    // Reconciliation is core's job alone; the planner has no second, simpler reconciler to drift from it.
    const exam = preparePlannerData({ ...basicDataset, claims: [], conflicts: [] }).exams.get('ex-mle');
    expect(exam?.domains).toEqual([]);
    expect(exam?.duration).toBeNull();
    expect(exam?.experience).toEqual([]);
    expect(exam?.disagreements).toEqual([]);
  });

  it("gives each claim its attribute's value type, so tsc refuses a wrong field", () => {
    const exam = preparePlannerData(basicDataset).exams.get('ex-mle');
    const duration = exam?.duration;
    expect(duration?.value.minutes).toBe(130);
    // @ts-expect-error a duration holds minutes, not hours
    expect(duration?.value.hours).toBeUndefined();
    // @ts-expect-error the claim behind it is a duration claim: a fee's amount is not there
    expect(duration?.claim.value.amount).toBeUndefined();
    const experience = exam?.experience[0];
    expect(experience?.minYears).toBe(2);
    // @ts-expect-error experience kinds are core's enum ('industry' | 'ml' | 'platform')
    const kind: 'years' = experience?.kind ?? 'ml';
    expect(kind).toBe('ml');
  });
});

/** The seed corpus (ingest's test fixture plus the five seed articles), built: never the live content/. */
function buildSeedDataset(): Dataset {
  const dir = mkdtempSync(join(tmpdir(), 'certplan-planner-corpus-'));
  try {
    return buildDataset({ contentDir: copyCorpusFixture(join(dir, 'content')), outDir: join(dir, 'out'), cache: false })
      .dataset;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const real = buildSeedDataset();

describe('against the seed corpus, built by ingest', () => {
  const index = preparePlannerData(real as Dataset);
  const request = { hoursPerWeek: 6, startDate: '2026-11-23', examDate: '2027-03-01', experienceYears: 0.5 };

  it('refuses MLS-C01 after 2026-03-31, naming the source and MLA-C01 as successor', () => {
    let error: unknown;
    try {
      createPlan({ ...request, exam: 'aws-mls-c01' }, index, { today: '2026-11-22' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CertplanError);
    const refusal = error as CertplanError;
    expect(refusal.code).toBe('exam_retired');
    expect(refusal.message).toContain('2026-03-31');
    expect(refusal.message).toContain('AWS Certified Machine Learning Engineer – Associate (aws-mla-c01)');
    expect(refusal.details?.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: expect.any(String) })]),
    );
  });

  it('plans every other exam with exact totals, domains and cited warnings', () => {
    for (const exam of (real as Dataset).exams) {
      if (index.exams.get(exam.id)?.retirement) continue;
      const plan = createPlan({ ...request, exam: exam.id }, index, { today: '2026-11-22' });
      const weekHours = plan.weeks.reduce((n, w) => n + w.hours, 0);
      expect(weekHours).toBe(plan.totalHours);
      expect(plan.weeks.every((w) => w.hours <= 6)).toBe(true);
      expect(plan.domains.length).toBeGreaterThan(0);
      // Two facts read from one sentence are one citation.
      const passages = plan.citations.map((c) => `${c.source} ${c.quote}`);
      expect(new Set(passages).size).toBe(passages.length);
      for (const warning of plan.warnings) {
        // Only the learner's own numbers have nothing to cite.
        if (warning.code !== 'short_on_time') expect(warning.citations.length).toBeGreaterThan(0);
      }
    }
  });
});

/**
 * The planner in process (tinybench): plans per second for a typical request (one exam, 12 weeks, no ratings)
 * and a large one (52 weeks, 10 domains, every domain rated), on the built dataset. The large exam is the
 * dataset's best-documented exam with its claims copied under a bench-only id and its domain list grown to
 * ten, so the planner sees real citations and focus topics, just more of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim, Dataset, Fact } from '@certplan/core';
import { Bench } from 'tinybench';
import { repoRoot } from '../lib/childJob.ts';
import { figure, type SectionResult } from '../lib/figures.ts';
import { typicalPlanRequest } from '../lib/server.ts';

const SECTION = 'planner';
const LARGE_EXAM = 'bench-ten-domains';
const datasetFile = join(repoRoot, 'content/dataset/dataset.json');

type PlannerModule = {
  preparePlannerData: (dataset: Dataset) => unknown;
  createPlan: (
    request: unknown,
    index: unknown,
    options: { today: string },
  ) => { weeks: unknown[]; domains: unknown[] };
};

/** The dataset plus a copy of `base` with ten weighted domains, under LARGE_EXAM. */
export function withLargeExam(dataset: Dataset, base: string): { dataset: Dataset; domains: string[] } {
  const exam = dataset.exams.find((e) => e.id === base);
  if (!exam) throw new Error(`exam ${base} is not in the dataset`);
  const rename = (id: string) => `${id}~bench`;
  const facts = dataset.facts
    .filter((f) => f.exam === base)
    .map((f) => ({ ...f, id: rename(f.id), exam: LARGE_EXAM }) as Fact);
  const claims: Claim[] = dataset.claims
    .filter((c) => c.exam === base)
    .map((c) => ({
      ...c,
      id: rename(c.id),
      exam: LARGE_EXAM,
      factIds: c.factIds.map(rename),
      dissentingFactIds: c.dissentingFactIds.map(rename),
      conflictId: null,
    }));
  const listed = (claims.find((c) => c.attribute === 'domains')?.value as { domains?: { name: string }[] } | undefined)
    ?.domains;
  const names = (listed ?? []).map((d) => d.name).slice(0, 10);
  for (let i = names.length; i < 10; i++) names.push(`Additional domain ${i + 1}`);
  const weights = [14, 12, 11, 10, 10, 10, 9, 8, 8, 8];
  const value = { domains: names.map((name, i) => ({ name, weightPercent: weights[i]! })), weightsKnown: true };
  const domainsClaim = claims.find((c) => c.attribute === 'domains');
  if (domainsClaim) domainsClaim.value = value;
  else
    claims.push({
      id: `${LARGE_EXAM}-domains`,
      exam: LARGE_EXAM,
      attribute: 'domains',
      key: null,
      value,
      status: 'agreed',
      factIds: [],
      dissentingFactIds: [],
      rationale: [],
      conflictId: null,
    });
  return {
    dataset: {
      ...dataset,
      exams: [...dataset.exams, { ...exam, id: LARGE_EXAM, name: `${exam.name} (bench, 10 domains)` }],
      facts: [...dataset.facts, ...facts],
      claims: [...dataset.claims, ...claims],
    },
    domains: names,
  };
}

export async function benchPlanner(options: { seconds: number }): Promise<SectionResult> {
  const api = (await import('@certplan/planner-api')) as Partial<PlannerModule>;
  if (typeof api.createPlan !== 'function' || typeof api.preparePlannerData !== 'function') {
    return {
      section: SECTION,
      skipped: '@certplan/planner-api does not export createPlan and preparePlannerData',
      figures: [],
    };
  }
  if (!existsSync(datasetFile))
    return { section: SECTION, skipped: `${datasetFile} missing (pnpm ingest)`, figures: [] };
  const { createPlan, preparePlannerData } = api as PlannerModule;
  const real = JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset;
  const typical = typicalPlanRequest();
  const { dataset, domains } = withLargeExam(real, String(typical.exam));
  const index = preparePlannerData(dataset);
  const today = new Date().toISOString().slice(0, 10);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const large = {
    exam: LARGE_EXAM,
    hoursPerWeek: 10,
    startDate: day(1),
    examDate: day(1 + 52 * 7),
    experienceYears: 3,
    proficiency: Object.fromEntries(domains.map((d, i) => [d, 1 + (i % 5)])),
  };
  const check = createPlan(large, index, { today });
  const typicalPlan = createPlan(typical, index, { today });

  const bench = new Bench({ time: options.seconds * 1000, warmupTime: 300 });
  bench
    .add('typical', () => {
      createPlan(typical, index, { today });
    })
    .add('large', () => {
      createPlan(large, index, { today });
    })
    .add('preparePlannerData (per dataset)', () => {
      preparePlannerData(dataset);
    });
  await bench.run();
  const perSecond = (name: string) => {
    const result = bench.getTask(name)?.result;
    return result && 'period' in result ? 1000 / result.period : null;
  };
  const p99 = (name: string) => {
    const result = bench.getTask(name)?.result;
    return result && 'latency' in result ? (result.latency.p99 ?? null) : null;
  };
  return {
    section: SECTION,
    figures: [
      figure(
        SECTION,
        'typical plans/s',
        perSecond('typical'),
        'plans/s',
        undefined,
        `${typicalPlan.weeks.length} weeks, ${typicalPlan.domains.length} domains`,
      ),
      figure(SECTION, 'typical p99', p99('typical'), 'ms'),
      figure(
        SECTION,
        'large plans/s',
        perSecond('large'),
        'plans/s',
        undefined,
        `${check.weeks.length} weeks, ${check.domains.length} domains`,
      ),
      figure(SECTION, 'large p99', p99('large'), 'ms'),
      figure(
        SECTION,
        'preparePlannerData',
        perSecond('preparePlannerData (per dataset)'),
        'runs/s',
        undefined,
        'once per dataset',
      ),
    ],
    details: bench.tasks.map((t) => ({ name: t.name, result: t.result })),
  };
}

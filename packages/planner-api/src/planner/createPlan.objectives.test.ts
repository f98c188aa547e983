/**
 * What to study and how much, from the exam guide: objectives (task statements) in the sessions with their
 * citations, weights given as ranges split by their middles, and the preparation time sources state as the
 * target (cited, with its range). Fixture dataset in our own words, never live content.
 */
import { describe, expect, it } from 'vitest';
import { createPlan } from './createPlan.ts';
import { objectivesDataset } from './fixtures/objectives/dataset.ts';
import { preparePlannerData } from './preparePlannerData.ts';

const TODAY = '2026-11-22';
const index = preparePlannerData(objectivesDataset);

describe('createPlan with an exam guide’s objectives, weight ranges and stated preparation time', () => {
  const plan = createPlan({ exam: 'ex-mla', hoursPerWeek: 10, startDate: '2026-12-01' }, index, { today: TODAY });
  const sessions = plan.weeks.flatMap((w) => w.sessions);

  it('lists each domain’s task statements in the guide’s order in its learn and review sessions, each cited', () => {
    const learn = sessions.find((s) => s.kind === 'learn' && s.domain === 'Running models in production');
    expect(learn?.focus.objectives.map((o) => `${o.ref} ${o.label}`)).toEqual([
      '3.1 Choose how to deploy',
      '3.2 Automate the pipeline',
      '3.10 Watch deployed models for drift',
    ]);
    for (const objective of learn?.focus.objectives ?? []) {
      const quotes = objective.citationRefs.map((i) => plan.citations[i]?.quote);
      expect(quotes).toEqual([`Task ${objective.ref}: ${objective.label}.`]);
    }
    expect(learn?.focus.text).toBe(
      'Learn Running models in production: 3.1 Choose how to deploy; 3.2 Automate the pipeline; 3.10 Watch deployed models for drift.',
    );
    expect(learn?.focus.text).not.toContain('no source names');
    // Topics sources name come after the objectives.
    const prep = sessions.find((s) => s.kind === 'learn' && s.domain === 'Preparing data');
    expect(prep?.focus.text).toMatch(/^Learn Preparing data: 1\.1 .*; 1\.3 .*\. Sources also name Glue, S3\.$/);
    const review = sessions.find((s) => s.kind === 'review' && s.domain === 'Preparing data');
    expect(review?.focus.objectives).toHaveLength(3);
    expect(review?.focus.text).toContain('(1.1, 1.2, 1.3)');
    // Every task statement of the guide is in the plan: all eight.
    const refs = new Set(sessions.flatMap((s) => s.focus.objectives.map((o) => o.ref)));
    expect(refs.size).toBe(8);
  });

  it('aims for the middle of the preparation time the guide states, cited with its range', () => {
    expect(plan.target).toMatchObject({ hours: 100, basis: 'sources', range: { min: 80, max: 120 } });
    expect(plan.target.citationRefs.map((i) => plan.citations[i]?.quote)).toEqual([
      'Plan for 80 to 120 hours of preparation.',
    ]);
    expect(plan.totalHours).toBe(100);
    expect(plan.assumptions.join(' ')).not.toContain('planner default');
  });

  it('says the exam date it proposes is suggested', () => {
    expect(plan.examDateSuggested).toBe(true);
    expect(plan.assumptions.some((a) => a.includes(`${plan.examDate} is the date the planner suggests`))).toBe(true);
    const dated = createPlan(
      { exam: 'ex-mla', hoursPerWeek: 10, startDate: '2026-12-01', examDate: '2027-03-01' },
      index,
      { today: TODAY },
    );
    expect(dated.examDateSuggested).toBe(false);
  });

  it('splits hours by the middle of each weight range, and says so', () => {
    const hours = Object.fromEntries(plan.domains.map((d) => [d.name, d.hours]));
    // Middles 32, 26 and 42 percent of the domain hours, heaviest learned first.
    const total = plan.domains.reduce((s, d) => s + d.hours, 0);
    expect(Math.abs((hours['Preparing data'] as number) / total - 0.32)).toBeLessThan(0.01);
    expect(Math.abs((hours['Building models'] as number) / total - 0.26)).toBeLessThan(0.01);
    expect(Math.abs((hours['Running models in production'] as number) / total - 0.42)).toBeLessThan(0.01);
    expect(plan.domains.map((d) => d.weightRange)).toEqual([
      [30, 34],
      [24, 28],
      [40, 44],
    ]);
    expect(sessions[0]?.domain).toBe('Running models in production');
    const warning = plan.warnings.find((w) => w.code === 'weights_from_ranges');
    expect(warning?.message).toMatchInlineSnapshot(
      `"The exam guide gives every domain's weight only as a range (Preparing data 30–34%, Building models 24–28%, Running models in production 40–44%): hours are split by the middle of each range."`,
    );
    expect(plan.warnings.some((w) => w.code === 'weights_unknown')).toBe(false);
  });
});

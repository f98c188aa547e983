/**
 * Acceptance on the seed corpus (test/fixtures/corpus plus the five seed articles): reconciliation flags the disagreements a learner must know about
 * and leaves agreeing ones alone, and a reviewer's decision in reviews.yaml survives a rebuild. Runs the
 * whole ingest build on a temporary copy, so nothing in the repository is read beyond the seeds or touched.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, type DomainsValue, serializeReviews } from '@certplan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../test/copyCorpusFixture.ts';
import { buildDataset } from './lib/buildDataset.ts';

let workDir: string;
let dataset: Dataset;

/** The six areas Google's certification page (content/raw/003_*) names, in its order. */
const googleAreas = [
  'Architect low-code ML solutions',
  'Scale prototypes into ML models',
  'Automate and orchestrate ML pipelines',
  'Collaborate within and across teams to manage data and models',
  'Serve and scale models',
  'Monitor ML solutions',
];

function copyContent(): string {
  return copyCorpusFixture(join(mkdtempSync(join(tmpdir(), 'certplan-corpus-')), 'content'));
}

const build = (content: string) =>
  buildDataset({ contentDir: content, outDir: join(content, 'dataset'), cache: false });

beforeAll(() => {
  workDir = copyContent();
  dataset = build(workDir).dataset;
});
afterAll(() => {
  rmSync(join(workDir, '..'), { recursive: true, force: true });
});

describe('reconciliation on the corpus', () => {
  it('flags the AWS MLS-C01 experience disagreement ("at least two years" against "1-2 years")', () => {
    const conflict = dataset.conflicts.find((c) => c.exam === 'aws-mls-c01' && c.attribute === 'experience');
    expect(conflict).toBeDefined();
    // MLS-C01 retired on 2026-03-31: built after that, its conflicts can change no plan (issue 15).
    expect(conflict!.severity).toBe('low');
    const minimums = conflict!.sides!.map((s) => (s.value as { minYears: number }).minYears).sort();
    expect(minimums).toEqual([1, 2]);
  });

  it('flags the PMLE domain-list disagreement once, at list level', () => {
    const conflicts = dataset.conflicts.filter((c) => c.exam === 'gcp-pmle' && c.attribute.startsWith('domain'));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ attribute: 'domains', key: null, severity: 'high' });
  });

  it("weighs each of a source's PMLE lists on its own: examlabs' headings and its prose list are two sides, not one list of 12", () => {
    const conflict = dataset.conflicts.find((c) => c.exam === 'gcp-pmle' && c.attribute === 'domains')!;
    const sourceOf = (id: string) => dataset.facts.find((f) => f.id === id)!.source.slice(0, 3);
    const sides = conflict.sides!.map((side) => {
      const value = side.value as DomainsValue;
      return {
        sources: [...new Set(side.factIds.map(sourceOf))],
        count: value.domains.length,
        weighted: value.weightsKnown,
        first: value.domains[0]!.name,
      };
    });
    expect(sides).toEqual([
      { sources: ['003'], count: 6, weighted: false, first: 'Architect low-code ML solutions' },
      { sources: ['000'], count: 6, weighted: true, first: 'Architecting ML Solutions' },
      { sources: ['000'], count: 6, weighted: false, first: 'architecting low-code AI solutions' },
    ]);
    // Every PMLE domain fact is in the one conflict, so its id (exam, attribute, quotes) is what it was.
    const pmleFacts = dataset.facts.filter((f) => f.exam === 'gcp-pmle' && f.attribute === 'domain');
    expect([...conflict.factIds].sort()).toEqual(pmleFacts.map((f) => f.id).sort());
    expect(conflict.id).toBe('gcp-pmle.domains.3ac1d347a708');
    expect(dataset.claims.find((c) => c.id === 'gcp-pmle.domains')!.rationale.map((r) => r.text)).toContain(
      'examlabs.com gives 2 lists that disagree with each other; each is weighed as a statement of its own.',
    );
  });

  it("MLS-C01: examlabs' weighted headings, its prose list and actualtests' list naming the same four domains in other words agree (issue 15)", () => {
    // actualtests (001) writes "operations" for "Machine Learning Implementation and Operations": a paraphrase
    // without weights supports the weighted list rather than competing with it.
    expect(dataset.conflicts.filter((c) => c.exam === 'aws-mls-c01' && c.attribute === 'domains')).toEqual([]);
    const sourcesOf = (ids: readonly string[]) =>
      [...new Set(ids.map((id) => dataset.facts.find((f) => f.id === id)!.source.slice(0, 3)))].sort();
    const claim = dataset.claims.find((c) => c.id === 'aws-mls-c01.domains')!;
    expect(claim).toMatchObject({ status: 'agreed', value: { weightsKnown: true } });
    expect((claim.value as DomainsValue).domains.map((d) => d.weightPercent)).toEqual([20, 24, 36, 20]);
    // All three lists (4 headings, 4 names in a sentence, actualtests' 4) back the claim.
    expect(claim.factIds).toHaveLength(12);
    expect(sourcesOf(claim.factIds)).toEqual(['000', '001']);
    expect(claim.dissentingFactIds).toEqual([]);
  });

  it("a retired exam's conflicts are low; built before its retirement date the same conflict is high", () => {
    expect(dataset.conflicts.filter((c) => c.exam === 'aws-mls-c01').map((c) => c.severity)).not.toContain('high');
    expect(dataset.conflicts.find((c) => c.exam === 'gcp-pmle' && c.attribute === 'domains')!.severity).toBe('high');
    const dir = copyContent();
    try {
      const before = buildDataset({
        contentDir: dir,
        outDir: join(dir, 'dataset'),
        cache: false,
        now: new Date('2026-01-15T00:00:00Z'),
      }).dataset;
      const experience = before.conflicts.find((c) => c.exam === 'aws-mls-c01' && c.attribute === 'experience')!;
      expect(experience.severity).toBe('high');
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('does not flag fees: "$300" and "approximately $300", "$200 (plus tax)" and "approximately $200" agree', () => {
    expect(dataset.conflicts.filter((c) => c.attribute === 'fee')).toEqual([]);
    const fee = (exam: string) => dataset.claims.find((c) => c.id === `${exam}.fee`);
    expect(fee('aws-mls-c01')).toMatchObject({ status: 'agreed', value: { amount: 300, currency: 'USD' } });
    expect(fee('gcp-pmle')).toMatchObject({ status: 'agreed', value: { amount: 200, currency: 'USD' } });
    expect(fee('gcp-pmle')!.factIds.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every claim a rationale', () => {
    expect(dataset.claims.length).toBeGreaterThan(0);
    expect(dataset.claims.filter((c) => c.rationale.length === 0).map((c) => c.id)).toEqual([]);
  });

  it("the PMLE domain claim carries the six areas on Google's page, with weights unknown", () => {
    const official = readdirSync(join(workDir, 'raw')).find((f) => f.startsWith('003_'))!;
    const page = readFileSync(join(workDir, 'raw', official), 'utf8');
    for (const area of googleAreas) expect(page).toContain(area);

    const claim = dataset.claims.find((c) => c.id === 'gcp-pmle.domains')!;
    const value = claim.value as DomainsValue;
    expect(value.domains.map((d) => d.name)).toEqual(googleAreas);
    expect(value.weightsKnown).toBe(false);
    expect(claim.status).toBe('policy');
    expect(claim.dissentingFactIds.length).toBeGreaterThan(0);
    expect(claim.rationale.map((r) => r.text).join(' ')).toMatch(/official source \(cloud\.google\.com\)/);
    expect(claim.rationale.map((r) => r.text).join(' ')).toMatch(/weights are unknown/);
  });
});

describe('reviews on the corpus', () => {
  it('a review written to reviews.yaml survives a rebuild and changes the claim; a stale one is reported', () => {
    const content = copyContent();
    try {
      const first = build(content).dataset;
      const conflict = first.conflicts.find((c) => c.exam === 'aws-mls-c01' && c.attribute === 'experience')!;
      const oneToTwo = conflict.sides!.find((s) => (s.value as { minYears: number }).minYears === 1)!;
      const decision = {
        conflict: conflict.id,
        decision: 'choose' as const,
        factId: oneToTwo.factIds[0]!,
        note: 'Checked against the exam guide.',
        by: 'maintainer',
        at: '2026-11-22T08:00:00Z',
        factsDigest: conflict.factsDigest,
      };
      const stale = {
        conflict: 'gcp-pmle.fee.0123456789ab',
        decision: 'accept' as const,
        note: 'An old decision.',
        by: 'maintainer',
        at: '2026-01-01',
        factsDigest: '0123456789abcdef',
      };
      writeFileSync(join(content, 'reviews.yaml'), serializeReviews([decision, stale]));

      for (let rebuild = 0; rebuild < 2; rebuild++) {
        const result = build(content);
        const claim = result.dataset.claims.find((c) => c.conflictId === conflict.id)!;
        expect(claim.status).toBe('reviewed');
        expect(claim.value).toEqual(oneToTwo.value);
        expect(claim.rationale[0]!.text).toContain('“Checked against the exam guide.”');
        expect(result.dataset.conflicts.find((c) => c.id === conflict.id)!.review).toEqual(decision);
        expect(result.staleReviews).toEqual([
          { review: stale, reason: expect.stringMatching(/^conflict gcp-pmle\.fee\.0123456789ab no longer exists: /) },
        ]);
        expect(result.dataset.staleReviews).toEqual(result.staleReviews);
      }
    } finally {
      rmSync(join(content, '..'), { recursive: true, force: true });
    }
  });
});

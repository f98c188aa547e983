/**
 * The seed corpus (test/fixtures/corpus plus the five seed articles): key facts every downstream package relies
 * on, checked against the quotes the seeds actually contain. Built from a temporary copy, never from content/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, Fact } from '@certplan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../../test/copyCorpusFixture.ts';
import { buildDataset } from './buildDataset.ts';

let contentDir: string;
let out: string;
let dataset: Dataset;

beforeAll(() => {
  contentDir = copyCorpusFixture();
  out = mkdtempSync(join(tmpdir(), 'certplan-corpus-'));
  dataset = buildDataset({ contentDir, outDir: out, cache: false }).dataset;
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
});

const factsOf = (exam: string, attribute: string) =>
  dataset.facts.filter((f) => f.exam === exam && f.attribute === attribute);
const values = (facts: Fact[]) => facts.map((f) => f.value);

describe('the seed corpus', () => {
  it('reads all sources with their metadata and authority', () => {
    expect(dataset.sources.map((s) => [s.file, s.format, s.authority])).toEqual([
      ['000_9ae910784e4038bc.txt', 'wordpress', 'secondary'],
      ['001_fa04a29c04aaddeb.txt', 'wordpress', 'secondary'],
      ['002_a829bb204fe462d9.txt', 'wordpress', 'secondary'],
      ['003_1502cd0b2fbc39c9.txt', 'text', 'official'],
      ['004_661ba98c523fd809.txt', 'markdown', 'secondary'],
      ['editorial/aws-mla-c01-exam-facts.md', 'markdown', 'editorial'],
      ['editorial/aws-mls-c01-retirement.md', 'markdown', 'editorial'],
    ]);
    const s000 = dataset.sources[0];
    expect(s000?.published).toBe('2025-05-24');
    expect(s000?.modified).toBe('2025-12-27');
    expect(s000?.title).toBe(
      'AWS Machine Learning Specialty vs Google Professional ML Engineer: A Comprehensive Comparison',
    );
    expect(dataset.sources[4]?.published).toBe('2022-11-27');
  });

  it('keeps every quote verbatim at its offsets', () => {
    const byId = new Map(dataset.sources.map((s) => [s.id, s]));
    for (const fact of dataset.facts) expect(byId.get(fact.source)?.text.slice(fact.start, fact.end)).toBe(fact.quote);
  });

  it('drops the practice-test link table from seed 000', () => {
    expect(dataset.sources[0]?.text).not.toContain('Exam Dumps');
  });

  it('finds MLS-C01 fee, length and both experience statements', () => {
    expect(values(factsOf('aws-mls-c01', 'fee'))).toEqual([
      { amount: 300, currency: 'USD' },
      { amount: 300, currency: 'USD', approximate: true },
    ]);
    expect(values(factsOf('aws-mls-c01', 'duration'))).toEqual([{ minutes: 180 }]);
    const experience = factsOf('aws-mls-c01', 'experience');
    expect(experience.find((f) => f.quote.includes('at least two years'))?.value).toEqual({
      minYears: 2,
      maxYears: null,
      kind: 'ml',
    });
    expect(experience.filter((f) => f.quote.includes('1-2 years')).map((f) => f.value)).toEqual([
      { minYears: 1, maxYears: 2, kind: 'ml' },
      { minYears: 1, maxYears: 2, kind: 'ml' },
    ]);
  });

  it('attributes seed 000’s one-level domain headings to the exam heading before them', () => {
    const weighted = (f: Fact) => (f.value as { weightPercent: number | null }).weightPercent !== null;
    const mls = factsOf('aws-mls-c01', 'domain').filter((f) => f.source.startsWith('000') && weighted(f));
    const list = 'h:data-engineering-20';
    expect(values(mls)).toEqual([
      { name: 'Data Engineering', weightPercent: 20, order: 0, list },
      { name: 'Exploratory Data Analysis', weightPercent: 24, order: 1, list },
      { name: 'Modeling', weightPercent: 36, order: 2, list },
      { name: 'Machine Learning Implementation and Operations', weightPercent: 20, order: 3, list },
    ]);
    const pmle = factsOf('gcp-pmle', 'domain').filter((f) => f.source.startsWith('000') && weighted(f));
    expect(
      pmle.map((f) => [(f.value as { name: string }).name, (f.value as { weightPercent: number }).weightPercent]),
    ).toEqual([
      ['Architecting ML Solutions', 12],
      ['Data Preparation and Processing', 16],
      ['Modeling', 18],
      ['Deployment and Operations', 19],
      ['Automating ML Pipelines', 21],
      ['Monitoring and Optimization', 14],
    ]);
  });

  it('reads the six areas on Google’s own page as PMLE domains without weights', () => {
    const official = factsOf('gcp-pmle', 'domain').filter((f) => f.source.startsWith('003'));
    expect(official.map((f) => (f.value as { name: string; weightPercent: null }).name)).toEqual([
      'Architect low-code ML solutions',
      'Scale prototypes into ML models',
      'Automate and orchestrate ML pipelines',
      'Collaborate within and across teams to manage data and models',
      'Serve and scale models',
      'Monitor ML solutions',
    ]);
    expect(official.every((f) => (f.value as { weightPercent: number | null }).weightPercent === null)).toBe(true);
    expect(official[0]?.line).toBe(4);
  });

  it('reads PMLE logistics from the official page', () => {
    const fromOfficial = (attribute: string) =>
      values(factsOf('gcp-pmle', attribute).filter((f) => f.source.startsWith('003')));
    expect(fromOfficial('fee')).toEqual([{ amount: 200, currency: 'USD', plusTax: true }]);
    expect(fromOfficial('duration')).toEqual([{ minutes: 120 }]);
    expect(fromOfficial('questions')).toEqual([{ min: 50, max: 60 }]);
    expect(fromOfficial('validity')).toEqual([{ months: 24 }]);
    expect(fromOfficial('recertification')).toEqual([{ daysBeforeExpiry: 60 }]);
    expect(fromOfficial('language')).toEqual([{ languages: ['English'] }]);
  });

  it('finds the MLS-C01 retirement date in the editorial note', () => {
    const [retirement] = factsOf('aws-mls-c01', 'retirement');
    expect(retirement?.value).toEqual({ date: '2026-03-31' });
    expect(retirement?.source).toBe('editorial-aws-mls-c01-retirement');
    expect(retirement?.quote).toContain('March 31, 2026');
    expect(dataset.facts.filter((f) => f.attribute === 'retirement')).toHaveLength(1);
  });

  it('reads the MLA-C01 editorial facts', () => {
    expect(values(factsOf('aws-mla-c01', 'questions'))).toEqual([{ min: 65, max: 65 }]);
    expect(values(factsOf('aws-mla-c01', 'duration'))).toEqual([{ minutes: 130 }]);
    expect(values(factsOf('aws-mla-c01', 'fee'))).toEqual([{ amount: 150, currency: 'USD' }]);
    expect(values(factsOf('aws-mla-c01', 'passingScore'))).toEqual([{ score: 720, scale: 1000 }]);
    const list = 't:data-preparation-for-machine-learning-28';
    expect(values(factsOf('aws-mla-c01', 'domain'))).toEqual([
      { name: 'Data Preparation for Machine Learning', weightPercent: 28, order: 0, list },
      { name: 'ML Model Development', weightPercent: 26, order: 1, list },
      { name: 'Deployment and Orchestration of ML Workflows', weightPercent: 22, order: 2, list },
      { name: 'ML Solution Monitoring, Maintenance, and Security', weightPercent: 24, order: 3, list },
    ]);
    const experience = values(factsOf('aws-mla-c01', 'experience'));
    expect(experience).toHaveLength(2);
    expect(experience).toEqual(
      expect.arrayContaining([
        { minYears: 1, maxYears: null, kind: 'platform' },
        { minYears: 1, maxYears: null, kind: 'industry' },
      ]),
    );
  });

  it('turns no market statistic, other exam or study time into a fact', () => {
    for (const fact of dataset.facts) {
      if (fact.attribute === 'fee') expect((fact.value as { amount: number }).amount).toBeLessThan(1000);
      expect(fact.quote).not.toMatch(/AdWords|Analytics Certification|Azure/);
    }
    expect(dataset.facts.filter((f) => f.source.startsWith('002'))).toEqual([]);
  });

  it("gives each of a source's domain lists its own id: seed 000 states PMLE and MLS-C01 twice (headings, prose)", () => {
    const listsOf = (exam: string, source: string) => {
      const lists = new Map<string, string[]>();
      for (const fact of factsOf(exam, 'domain').filter((f) => f.source.startsWith(source))) {
        const { list, name } = fact.value as { list: string; name: string };
        lists.set(list, [...(lists.get(list) ?? []), name]);
      }
      return [...lists].map(([list, names]) => [list, names.length]).sort();
    };
    expect(listsOf('gcp-pmle', '000')).toEqual([
      ['h:architecting-ml-solutions-12', 6],
      ['p:architecting-low-code-ai-solutions-colla', 6],
    ]);
    expect(listsOf('aws-mls-c01', '000')).toEqual([
      ['h:data-engineering-20', 4],
      ['p:data-engineering-exploratory-data-analys', 4],
    ]);
    expect(listsOf('gcp-pmle', '003')).toEqual([['l:architect-low-code-ml-solutions', 6]]);
    // Every domain fact of the corpus carries a list id, and within a list the order counts from 0.
    const domains = dataset.facts.filter((f) => f.attribute === 'domain');
    expect(domains.filter((f) => !(f.value as { list?: string }).list)).toEqual([]);
  });

  it('reads domain lists written as prose, without weights', () => {
    const prose = (exam: string, source: string) =>
      factsOf(exam, 'domain')
        .filter(
          (f) => f.source.startsWith(source) && (f.value as { weightPercent: number | null }).weightPercent === null,
        )
        .map((f) => (f.value as { name: string }).name);
    // Names stay as written (lower case in running text), so every name is found verbatim in its quote.
    expect(prose('aws-mls-c01', '001')).toEqual([
      'data engineering',
      'exploratory data analysis',
      'modeling',
      'operations',
    ]);
    // Regression: the serial comma makes "machine learning implementation and operations" one item, not two.
    expect(prose('aws-mls-c01', '000')).toEqual([
      'data engineering',
      'exploratory data analysis',
      'modeling',
      'machine learning implementation and operations',
    ]);
    expect(prose('gcp-pmle', '000')).toEqual([
      'architecting low-code AI solutions',
      'collaborating within and across teams to manage data and models',
      'scaling prototypes into ML models',
      'serving and scaling models',
      'automating and orchestrating ML pipelines',
      'monitoring AI solutions',
    ]);
    for (const fact of factsOf('aws-mls-c01', 'domain').concat(factsOf('gcp-pmle', 'domain'))) {
      expect(fact.quote).toContain((fact.value as { name: string }).name);
    }
  });

  it('reads salaries with their roles', () => {
    const roles = factsOf('aws-mls-c01', 'salary').map((f) => (f.value as { role: string | null }).role);
    expect(roles).toEqual(
      expect.arrayContaining(['Machine Learning Engineer', 'Data Scientist', 'AI Specialist', 'ML Ops Engineer', null]),
    );
    expect(values(factsOf('gcp-pmle', 'salary'))).toContainEqual({
      min: 115000,
      max: 160000,
      currency: 'USD',
      role: 'Machine Learning Engineer',
    });
  });

  it('names the study focus under each domain', () => {
    expect(values(factsOf('aws-mls-c01', 'focus'))).toContainEqual({
      domain: 'Data Engineering',
      topics: ['Amazon S3', 'AWS Glue', 'Amazon EMR'],
    });
  });
});

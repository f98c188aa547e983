/**
 * A small dataset for API tests, built in code so every quote is an exact slice of its source text, and
 * reconciled by core's real `reconcile` (as of TEST_NOW's day), as the server does.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, type Exam, type Fact, reconcile, type Source } from '@certplan/core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp } from '../app.ts';
import { DatasetStore } from '../lib/DatasetStore.ts';

type FactSpec = { exam: string; attribute: Fact['attribute']; value: unknown; quote: string };

const exams: Exam[] = [
  {
    id: 'aws-mls-c01',
    name: 'AWS Certified Machine Learning – Specialty',
    vendor: 'AWS',
    code: 'MLS-C01',
    aliases: ['MLS-C01'],
    successor: 'aws-mla-c01',
  } as Exam,
  {
    id: 'aws-mla-c01',
    name: 'AWS Certified Machine Learning Engineer – Associate',
    vendor: 'AWS',
    code: 'MLA-C01',
    aliases: ['MLA-C01'],
  },
  {
    id: 'gcp-pmle',
    name: 'Google Cloud Professional Machine Learning Engineer',
    vendor: 'Google Cloud',
    code: null,
    aliases: ['PMLE'],
  },
];

const sourceSpecs: {
  id: string;
  title: string;
  url: string;
  published: string;
  authority: Source['authority'];
  facts: FactSpec[];
}[] = [
  {
    id: 'aws-guide',
    title: 'MLA-C01 exam guide',
    url: 'https://docs.aws.example/mla-c01',
    published: '2026-06-01',
    authority: 'official',
    facts: [
      { exam: 'aws-mla-c01', attribute: 'fee', value: { amount: 150, currency: 'USD' }, quote: 'Exam fee: USD 150.' },
      { exam: 'aws-mla-c01', attribute: 'duration', value: { minutes: 130 }, quote: 'Exam length: 130 minutes.' },
      { exam: 'aws-mla-c01', attribute: 'questions', value: { min: 65, max: 65 }, quote: 'Questions: 65 questions.' },
      {
        exam: 'aws-mla-c01',
        attribute: 'experience',
        value: { minYears: 1, maxYears: null, kind: 'ml' },
        quote: 'at least 1 year of experience using Amazon SageMaker',
      },
      {
        exam: 'aws-mla-c01',
        attribute: 'domain',
        value: { name: 'Data Preparation for Machine Learning', weightPercent: 28, order: 0 },
        quote: 'Data Preparation for Machine Learning 28%',
      },
      {
        exam: 'aws-mla-c01',
        attribute: 'domain',
        value: { name: 'ML Model Development', weightPercent: 26, order: 1 },
        quote: 'ML Model Development 26%',
      },
      {
        exam: 'aws-mla-c01',
        attribute: 'domain',
        value: { name: 'Deployment and Orchestration of ML Workflows', weightPercent: 22, order: 2 },
        quote: 'Deployment and Orchestration of ML Workflows 22%',
      },
      {
        exam: 'aws-mla-c01',
        attribute: 'domain',
        value: { name: 'ML Solution Monitoring, Maintenance, and Security', weightPercent: 24, order: 3 },
        quote: 'ML Solution Monitoring, Maintenance, and Security 24%',
      },
    ],
  },
  {
    id: 'blog',
    title: 'My <script>alert(1)</script> exam notes',
    url: 'https://blog.example/notes',
    published: '2025-01-10',
    authority: 'secondary',
    facts: [
      { exam: 'aws-mla-c01', attribute: 'fee', value: { amount: 300, currency: 'USD' }, quote: 'The exam costs $300.' },
      { exam: 'aws-mla-c01', attribute: 'duration', value: { minutes: 170 }, quote: 'You get 170 minutes.' },
      { exam: 'aws-mla-c01', attribute: 'validity', value: { months: 36 }, quote: 'valid for three years' },
      { exam: 'aws-mla-c01', attribute: 'questions', value: { min: 60, max: 60 }, quote: 'There are 60 questions.' },
      { exam: 'gcp-pmle', attribute: 'fee', value: { amount: 200, currency: 'USD' }, quote: 'PMLE costs $200.' },
      { exam: 'gcp-pmle', attribute: 'duration', value: { minutes: 120 }, quote: 'PMLE takes two hours.' },
      {
        exam: 'gcp-pmle',
        attribute: 'domain',
        value: { name: 'Architecting low-code ML solutions', weightPercent: null, order: 0 },
        quote: 'Architecting low-code ML solutions',
      },
      {
        exam: 'gcp-pmle',
        attribute: 'domain',
        value: { name: 'Serving and scaling models', weightPercent: null, order: 1 },
        quote: 'Serving and scaling models',
      },
    ],
  },
  {
    id: 'retirement-note',
    title: 'Editorial note: MLS-C01 retired',
    url: 'https://certplan.example/mls',
    published: '2026-06-01',
    authority: 'editorial',
    facts: [
      {
        exam: 'aws-mls-c01',
        attribute: 'retirement',
        value: { date: '2026-03-31' },
        quote: 'The exam was retired on March 31, 2026',
      },
      {
        exam: 'aws-mls-c01',
        attribute: 'fee',
        value: { amount: 300, currency: 'USD' },
        quote: 'MLS-C01 cost USD 300.',
      },
      { exam: 'gcp-pmle', attribute: 'duration', value: { minutes: 100 }, quote: 'PMLE once took 100 minutes.' },
      {
        exam: 'aws-mls-c01',
        attribute: 'domain',
        value: { name: 'Modeling', weightPercent: 100, order: 0 },
        quote: 'Modeling 100%',
      },
    ],
  },
];

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

function buildSourcesAndFacts(): { sources: Source[]; facts: Fact[] } {
  const sources: Source[] = [];
  const facts: Fact[] = [];
  for (const spec of sourceSpecs) {
    let text = `# ${spec.title}\n`;
    let line = 2;
    for (const f of spec.facts) {
      const start = text.length;
      text += `${f.quote}\n`;
      facts.push({
        id: `${spec.id}-${f.attribute}-${digest([f.quote])}`,
        exam: f.exam,
        attribute: f.attribute,
        value: f.value,
        source: spec.id,
        quote: f.quote,
        start,
        end: start + f.quote.length,
        section: [spec.title],
        line,
      } as Fact);
      line += 1;
    }
    sources.push({
      id: spec.id,
      file: `${spec.id}.md`,
      format: 'markdown',
      url: spec.url,
      title: spec.title,
      published: spec.published,
      modified: null,
      authority: spec.authority,
      text,
    });
  }
  return { sources, facts };
}

export function fixtureDataset(): Dataset {
  const { sources, facts } = buildSourcesAndFacts();
  const result = reconcile({ exams, sources, facts, reviews: [], asOf: TEST_DAY });
  return { exams, sources, facts, ...result };
}

/**
 * The id of the fixture's conflict on an exam's attribute (reconcile names conflicts by a digest of their
 * facts), so tests name conflicts by what they are about.
 */
export function fixtureConflictId(exam: string, attribute: Fact['attribute']): string {
  const conflict = fixtureDataset().conflicts.find((c) => c.exam === exam && c.attribute === attribute);
  if (!conflict) throw new Error(`the fixture has no ${attribute} conflict on ${exam}`);
  return conflict.id;
}

export const TEST_TOKEN = 'test-token-0123456789';
/** 2026-11-22, the project's "today". */
export const TEST_NOW = new Date('2026-11-22T09:00:00Z');
const TEST_DAY = TEST_NOW.toISOString().slice(0, 10);

/** A fresh content directory with an empty reviews.yaml and the fixture dataset, for tests that write. */
export async function tempContentDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'certplan-api-'));
  await mkdir(join(dir, 'dataset'), { recursive: true });
  await writeFile(join(dir, 'reviews.yaml'), 'reviews: []\n');
  await writeFile(join(dir, 'dataset', 'dataset.json'), JSON.stringify(fixtureDataset()));
  return dir;
}

export async function copyDir(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}

export function fixtureApp(contentDir: string, overrides: Partial<Parameters<typeof createApp>[0]> = {}) {
  const store = new DatasetStore(fixtureDataset(), { reviews: [], asOf: () => TEST_DAY });
  const app = createApp({
    dataset: store,
    contentDir,
    reviewToken: TEST_TOKEN,
    clock: () => TEST_NOW,
    webRoot: null,
    ...overrides,
  });
  return { app, store };
}

export type FixtureApp = ReturnType<typeof fixtureApp>['app'];

/**
 * A fresh content directory and fixture app for each test (`scope: 'file'`: one for the whole file), removed
 * after it: `ready` receives them, so a test file keeps its own `app` and `contentDir` variables.
 */
export function useFixtureApp(
  ready: (fixture: { app: FixtureApp; store: DatasetStore; contentDir: string }) => void,
  scope: 'test' | 'file' = 'test',
): void {
  let contentDir: string | undefined;
  (scope === 'test' ? beforeEach : beforeAll)(async () => {
    contentDir = await tempContentDir();
    ready({ ...fixtureApp(contentDir), contentDir });
  });
  (scope === 'test' ? afterEach : afterAll)(async () => {
    if (contentDir) await rm(contentDir, { recursive: true, force: true });
  });
}

/**
 * A small dataset for API tests, built in code so every quote is an exact slice of its source text, and a
 * minimal stand-in for core's reconcile (one claim per exam/attribute/key, a conflict where values differ,
 * reviews applied). The API's behaviour must not depend on reconciliation policy, only on its output shape.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Claim,
  ClaimValue,
  Conflict,
  Dataset,
  Exam,
  Fact,
  ReconcileInput,
  ReconcileResult,
  Review,
  Source,
} from '@certplan/core';
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

function keyOf(fact: Fact): string | null {
  if (fact.attribute === 'domain') return fact.value.name;
  if (fact.attribute === 'experience') return fact.value.kind;
  return null;
}

/** Stand-in for core's reconcile, see the header. */
export function fixtureReconcile(input: ReconcileInput): ReconcileResult {
  const claims: Claim[] = [];
  const conflicts: Conflict[] = [];
  const staleReviews: ReconcileResult['staleReviews'] = [];
  const reviewsByConflict = new Map(input.reviews.map((r) => [r.conflict, r]));
  const groups = new Map<string, Fact[]>();
  for (const fact of input.facts) {
    const id = `${fact.exam}:${fact.attribute}:${keyOf(fact) ?? '-'}`;
    groups.set(id, [...(groups.get(id) ?? []), fact]);
  }
  const authorityRank = (fact: Fact) => {
    const authority = input.sources.find((s) => s.id === fact.source)?.authority;
    return authority === 'official' ? 0 : authority === 'editorial' ? 1 : 2;
  };
  for (const [groupId, group] of groups) {
    const first = group[0]!;
    const ranked = [...group].sort((a, b) => authorityRank(a) - authorityRank(b));
    const values = new Set(group.map((f) => JSON.stringify(f.value)));
    const conflictId = `c-${groupId.replaceAll(/[^a-z0-9-]+/gi, '-').toLowerCase()}`;
    let value: ClaimValue = ranked[0]!.value;
    let status: Claim['status'] = 'agreed';
    let conflictRef: string | null = null;
    if (values.size > 1) {
      const factsDigest = digest(group.map((f) => f.quote).sort());
      let review: Review | null = reviewsByConflict.get(conflictId) ?? null;
      if (review && review.factsDigest !== factsDigest) {
        staleReviews.push({ review, reason: 'facts changed' });
        review = null;
      }
      conflicts.push({
        id: conflictId,
        exam: first.exam,
        attribute: first.attribute,
        key: keyOf(first),
        factIds: group.map((f) => f.id),
        severity: 'high',
        suggestion: { value, rationale: [{ factor: 'authority', text: 'the official source ranks first' }] },
        review,
        factsDigest,
        sides: [...values].map((json) => ({
          value: JSON.parse(json) as ClaimValue,
          factIds: group.filter((f) => JSON.stringify(f.value) === json).map((f) => f.id),
        })),
      } as Conflict);
      conflictRef = conflictId;
      status = 'contested';
      if (review) {
        status = 'reviewed';
        if (review.decision === 'choose') value = group.find((f) => f.id === review.factId)?.value ?? value;
        if (review.decision === 'custom') value = review.value as ClaimValue;
      }
    }
    const supporting = group.filter((f) => JSON.stringify(f.value) === JSON.stringify(value)).map((f) => f.id);
    claims.push({
      id: `claim-${groupId}`,
      exam: first.exam,
      attribute: first.attribute,
      key: keyOf(first),
      value,
      status,
      factIds: supporting,
      dissentingFactIds: group.map((f) => f.id).filter((id) => !supporting.includes(id)),
      rationale: [{ factor: 'authority', text: 'ranked by authority' }],
      conflictId: conflictRef,
    } as Claim);
  }
  for (const exam of input.exams) {
    const domainFacts = input.facts
      .filter((f): f is Extract<Fact, { attribute: 'domain' }> => f.exam === exam.id && f.attribute === 'domain')
      .sort((a, b) => (a.value.order ?? 0) - (b.value.order ?? 0));
    if (domainFacts.length === 0) continue;
    claims.push({
      id: `claim-${exam.id}:domains`,
      exam: exam.id,
      attribute: 'domains',
      key: null,
      value: {
        domains: domainFacts.map((f) => ({ name: f.value.name, weightPercent: f.value.weightPercent })),
        weightsKnown: domainFacts.every((f) => f.value.weightPercent !== null),
      },
      status: 'agreed',
      factIds: domainFacts.map((f) => f.id),
      dissentingFactIds: [],
      rationale: [{ factor: 'rule', text: 'one source lists the domains' }],
      conflictId: null,
    });
  }
  return { claims, conflicts, staleReviews };
}

export function fixtureDataset(): Dataset {
  const { sources, facts } = buildSourcesAndFacts();
  const result = fixtureReconcile({ exams, sources, facts, reviews: [] });
  return { exams, sources, facts, ...result };
}

export const TEST_TOKEN = 'test-token-0123456789';
/** 2026-11-22, the project's "today". */
export const TEST_NOW = new Date('2026-11-22T09:00:00Z');

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
  const store = new DatasetStore(fixtureDataset(), { reconcile: fixtureReconcile, reviews: [] });
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

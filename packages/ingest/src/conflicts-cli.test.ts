import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dataset, type Fact, reconcile, type Source } from '@certplan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../test/copyCorpusFixture.ts';
import { main } from './conflicts-cli.ts';

const source = (id: string, authority: Source['authority'], url: string, modified: string | null): Source => ({
  id,
  file: `${id}.txt`,
  format: 'text',
  url,
  title: null,
  published: null,
  modified,
  authority,
  text: '',
});
const fact = (id: string, sourceId: string, quote: string, minYears: number, maxYears: number | null): Fact => ({
  id,
  exam: 'aws-mls-c01',
  attribute: 'experience',
  value: { minYears, maxYears, kind: 'ml' },
  source: sourceId,
  quote,
  start: 0,
  end: quote.length,
  section: [],
  line: 12,
});

const sources = [
  source('guide', 'secondary', 'https://www.examlabs.com/guide', '2025-12-27'),
  source('blog', 'secondary', 'https://blog.example.org/post', '2024-02-01'),
];
const facts = [
  fact('f1', 'guide', 'Candidates are expected to have at least two years of hands-on experience.', 2, null),
  fact('f2', 'blog', 'AWS MLS: Recommends 1-2 years of hands-on ML experience.', 1, 2),
  {
    ...fact('f3', 'guide', 'Exam format includes 180 minutes.', 0, null),
    attribute: 'duration',
    value: { minutes: 180 },
  } as Fact,
];
const exams: Dataset['exams'] = [
  {
    id: 'aws-mls-c01',
    name: 'AWS Certified Machine Learning – Specialty',
    vendor: 'AWS',
    code: 'MLS-C01',
    aliases: [],
  },
  { id: 'gcp-pmle', name: 'Professional Machine Learning Engineer', vendor: 'Google Cloud', code: null, aliases: [] },
];
const result = reconcile({ exams: [], sources, facts, reviews: [] });
const dataset: Dataset = {
  exams,
  sources,
  facts,
  claims: result.claims,
  conflicts: result.conflicts,
  staleReviews: [],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certplan-conflicts-'));
  await writeFile(join(dir, 'dataset.json'), JSON.stringify(dataset));
  await writeFile(join(dir, 'broken.json'), JSON.stringify({ ...dataset, conflicts: [{ id: 3, attribute: 'fee' }] }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), columns: undefined });
  return { code, stdout, stderr };
}

describe('pnpm conflicts', () => {
  it('prints each open conflict with the quotes side by side, sources, dates and the suggestion', async () => {
    const { code, stdout } = await run('--dataset', join(dir, 'dataset.json'), '--width', '110');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^HIGH {2}aws-mls-c01 · experience \(ml\)$/);
    expect(lines[1]).toContain(`conflict ${result.conflicts[0]!.id}`);
    // Both sides on the same lines, separated by a column rule.
    expect(lines.find((l) => l.includes('A (suggested): at least 2 years'))).toContain('│ B: 1–2 years');
    expect(lines.find((l) => l.includes('examlabs.com · third-party · 2025-12-27'))).toContain(
      'blog.example.org · third-party · 2024-02-01',
    );
    expect(stdout).toContain('“Candidates are expected to have at least two');
    expect(stdout).toContain('“AWS MLS: Recommends 1-2 years of hands-on ML');
    expect(stdout).toContain('  Suggestion: at least 2 years');
    expect(stdout).toContain('- recency: “at least 2 years” is backed by a source last updated 2025-12-27');
    expect(stdout).toContain('1 conflict (1 high severity).');
    expect(lines.filter((l) => l.length > 110)).toEqual([]);
  });

  it('--json gives scripts the same conflicts with their quotes', async () => {
    const { code, stdout } = await run('--dataset', join(dir, 'dataset.json'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.conflicts).toHaveLength(1);
    expect(json.conflicts[0]).toMatchObject({
      id: result.conflicts[0]!.id,
      severity: 'high',
      suggestion: { label: 'at least 2 years' },
      sides: [
        {
          label: 'at least 2 years',
          suggested: true,
          facts: [{ id: 'f1', sourceName: 'examlabs.com', date: '2025-12-27' }],
        },
        { label: '1–2 years', suggested: false, facts: [{ id: 'f2', quote: facts[1]!.quote }] },
      ],
    });
    expect(json.staleReviews).toEqual([]);
  });

  it('leaves decided conflicts out unless --all', async () => {
    const conflict = result.conflicts[0]!;
    const review = {
      conflict: conflict.id,
      decision: 'accept' as const,
      note: 'Matches the exam guide.',
      by: 'maintainer',
      at: '2026-11-22',
      factsDigest: conflict.factsDigest,
    };
    const reviewed = reconcile({ exams: [], sources, facts, reviews: [review] });
    await writeFile(join(dir, 'reviewed.json'), JSON.stringify({ ...dataset, ...reviewed }));
    expect((await run('--dataset', join(dir, 'reviewed.json'))).stdout).toMatch(/^No open conflicts\./);
    const all = await run('--dataset', join(dir, 'reviewed.json'), '--all');
    expect(all.stdout).toContain('decided by maintainer on 2026-11-22 (accept): Matches the exam guide.');
  });

  it('--exam filters, and says when nothing is open', async () => {
    const { stdout } = await run('--dataset', join(dir, 'dataset.json'), '--exam', 'gcp-pmle');
    expect(stdout.startsWith('No open conflicts.\n')).toBe(true);
  });

  it.each([['nope'], ['AWS-MLS-C01'], ['']])('an unknown --exam %j exits 2 naming the known ids', async (exam) => {
    const { code, stdout, stderr } = await run('--dataset', join(dir, 'dataset.json'), '--exam', exam);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`pnpm conflicts: unknown exam '${exam}'; known exams: aws-mls-c01, gcp-pmle\n`);
  });

  it('shows a quote several facts share once, with the count of facts', async () => {
    const quote = 'Recommended: 2+ years of ML experience, ideally 1-2 years of it on AWS.';
    const shared: Fact[] = [
      fact('s1', 'guide', 'Candidates are expected to have at least two years of hands-on experience.', 2, null),
      fact('s2', 'blog', quote, 1, 2),
      { ...fact('s3', 'blog', quote, 1, 2), line: 14 },
      fact('s4', 'blog', 'A different sentence: 1-2 years.', 1, 2),
    ];
    const sharedResult = reconcile({ exams: [], sources, facts: shared, reviews: [] });
    await writeFile(
      join(dir, 'shared.json'),
      JSON.stringify({ ...dataset, facts: shared, claims: sharedResult.claims, conflicts: sharedResult.conflicts }),
    );
    const { code, stdout } = await run('--dataset', join(dir, 'shared.json'), '--width', '400');
    expect(code).toBe(0);
    const flat = stdout.replace(/\s+/g, ' ');
    expect(flat.split('Recommended: 2+ years').length - 1).toBe(1);
    expect(flat).toContain(`“${quote}” (blog.txt:12,14) · 2 facts`);
    expect(flat).toContain('“A different sentence: 1-2 years.” (blog.txt:12)');
    expect(flat).not.toContain('“A different sentence: 1-2 years.” (blog.txt:12) ·');
  });

  it('rejects a dataset that does not match the schema, saying where', async () => {
    const { code, stderr } = await run('--dataset', join(dir, 'broken.json'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.json: conflicts\.0\.id: .*run pnpm ingest to rebuild it/);
  });

  it('builds the dataset first when it does not exist yet', async () => {
    // A copy of the corpus, so the build's cache and output stay out of the repository.
    const content = copyCorpusFixture(join(dir, 'content'));
    const missing = join(dir, 'fresh', 'dataset.json');
    const { code, stdout, stderr } = await run('--content', content, '--dataset', missing, '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('does not exist; building it first');
    expect(JSON.parse(stdout).conflicts.length).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(missing, 'utf8')).claims.length).toBeGreaterThan(0);
  });

  it('rejects unknown options with the usage', async () => {
    const { code, stderr } = await run('--jsn');
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--jsn'");
    expect(stderr).toContain('Usage: pnpm conflicts');
  });
});

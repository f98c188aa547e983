import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type SourcesReport } from './sources-cli.ts';

const fixture = fileURLToPath(new URL('../test/fixtures/sources-cli', import.meta.url));
let content: string;

beforeAll(async () => {
  // A copy: building the dataset writes content/.cache and the dataset next to it.
  content = await mkdtemp(join(tmpdir(), 'certplan-sources-'));
  await cp(fixture, content, { recursive: true });
});
afterAll(async () => {
  await rm(content, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    today: () => '2026-11-30',
  });
  return { code, stdout, stderr };
}

describe('pnpm sources', () => {
  it('lists every source with its columns, the one backing a stale claim first', async () => {
    const { code, stdout } = await run('--content', content);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "age       stale  backs  wins  facts  authority  format    published   modified  source
      4 y 8 mo      1      2     0      3  secondary  text      2022-03-10  -         study-blog-2022.txt
      undated       0      0     0      0  secondary  text      -           -         forum-notes.txt
      7 mo          0      3     1      3  official   markdown  2026-04-20  -         acme-exam-guide.md

      3 sources as of 2026-11-30; 1 backs stale claims.
      stale: claims it backs whose newest source is over 18 months old (content/freshness.yaml),
        undated, or older than a newer exam guide or the exam’s retirement. backs: claims its facts support;
        wins: of those, claims another source disputes. Sorted: most stale claims, oldest, most claims backed.
      "
    `);
  });

  it('prints the same as JSON, and judges as of the day asked', async () => {
    const { code, stdout } = await run('--content', content, '--json', '--as-of', '2023-01-10');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as SourcesReport;
    expect(report.asOf).toBe('2023-01-10');
    expect(report.thresholdMonths).toBe(18);
    const blog = report.sources.find((s) => s.file === 'study-blog-2022.txt')!;
    // In January 2023 the diary was ten months old: nothing it backs is stale yet.
    expect(blog).toMatchObject({ ageMonths: 10, staleClaims: 0, backs: 2, wins: 0, facts: 3, published: '2022-03-10' });
    const guide = report.sources.find((s) => s.file === 'acme-exam-guide.md')!;
    expect(guide).toMatchObject({ format: 'markdown', authority: 'official', backs: 3, wins: 1, facts: 3 });
    expect(report.sources.map((s) => s.file).sort()).toEqual([
      'acme-exam-guide.md',
      'forum-notes.txt',
      'study-blog-2022.txt',
    ]);
  });

  it('takes the threshold from content/freshness.yaml', async () => {
    await writeFile(join(content, 'freshness.yaml'), 'thresholdMonths: 60\n');
    try {
      const report = JSON.parse((await run('--content', content, '--json')).stdout) as SourcesReport;
      expect(report.thresholdMonths).toBe(60);
      expect(report.sources.every((s) => s.staleClaims === 0)).toBe(true);
    } finally {
      await writeFile(join(content, 'freshness.yaml'), 'thresholdMonths: 18\n');
    }
  });

  it('stops with file:line:column on a broken freshness.yaml, and exits 2 on bad arguments', async () => {
    await writeFile(join(content, 'freshness.yaml'), '# months\nthresholdMonths: -3\n');
    try {
      const { code, stderr } = await run('--content', content);
      expect(code).toBe(2);
      expect(stderr.replace(content, '<content>')).toMatchInlineSnapshot(`
        "pnpm sources: <content>/freshness.yaml:2:18: thresholdMonths: must be at least 1 month
        "
      `);
    } finally {
      await writeFile(join(content, 'freshness.yaml'), 'thresholdMonths: 18\n');
    }
    expect((await run('--as-of', '2026-13-45')).code).toBe(2);
    expect((await run('--bogus')).code).toBe(2);
  });
});

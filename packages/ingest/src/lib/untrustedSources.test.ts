/**
 * Issue 12: an untrusted source can neither escape content/raw/, stall or exhaust the build, nor promote itself.
 * Each case builds a small content directory of its own (inputs written here, in our own words) and checks what
 * the dataset and the problems say.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { buildDataset, buildDatasetAsync } from './buildDataset.ts';
import type { ExamMatcher } from './examMatcher.ts';
import { runExtractTask } from './extractTask.ts';
import { grantAuthority } from './grantAuthority.ts';
import { readRawFile } from './readRawFile.ts';
import { parseSourcesYaml } from './yamlConfig.ts';

const catalog = corpusCatalogPath;
let root: string;
let content: string;
let raw: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'certplan-untrusted-'));
  content = join(root, 'content');
  raw = join(content, 'raw');
  mkdirSync(raw, { recursive: true });
  cpSync(catalog, join(content, 'exams.yaml'));
  writeFileSync(join(raw, 'plain.md'), '# AWS MLA-C01\n\nThe MLA-C01 exam lasts 130 minutes.\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const build = () =>
  buildDataset({ contentDir: content, outDir: join(content, 'dataset'), keepGoing: true, cache: false });
const rules = (result: ReturnType<typeof build>, file: string) =>
  [...result.unreadable, ...result.problems].filter((p) => p.file === file).map((p) => `${p.ruleId} ${p.message}`);

describe('case 1: only regular files inside content/raw/ are read', () => {
  it('refuses a symlink out of raw/ (absolute, relative, or through another link) and stores nothing of its target', () => {
    const secret = 'certplan-secret-marker: root:x:0:0 The MLA-C01 exam costs $999.';
    writeFileSync(join(root, 'passwd'), `${secret}\n`);
    writeFileSync(join(content, 'notes.md'), `# MLA-C01\n\n${secret}\n`);
    symlinkSync(join(root, 'passwd'), join(raw, 'p.txt'));
    symlinkSync('../notes.md', join(raw, 'beside.md'));
    symlinkSync('p.txt', join(raw, 'chain.txt'));
    const result = build();
    expect(result.written).toBe(true);
    for (const file of ['p.txt', 'beside.md', 'chain.txt']) {
      expect(rules(result, file)).toEqual([
        'certplan:outside-raw symlink leads outside content/raw/; only files inside it are read',
      ]);
    }
    expect(JSON.stringify(result.dataset)).not.toContain('certplan-secret-marker');
    expect(result.dataset.sources.map((s) => s.file)).toEqual(['plain.md']);
  });

  it('follows a symlink whose target stays inside raw/', () => {
    mkdirSync(join(raw, 'drafts'));
    writeFileSync(join(raw, 'drafts', 'fee.md'), '# AWS MLA-C01\n\nThe MLA-C01 exam costs $150.\n');
    symlinkSync(join('drafts', 'fee.md'), join(raw, 'fee-link.md'));
    const result = build();
    expect(result.unreadable).toEqual([]);
    expect(result.dataset.facts.some((f) => f.source === 'fee-link' && f.attribute === 'fee')).toBe(true);
  });

  it('reports a FIFO, directly or through a symlink, without waiting on it', () => {
    execFileSync('mkfifo', [join(raw, 'pipe.md')]);
    mkdirSync(join(raw, 'sub'));
    execFileSync('mkfifo', [join(raw, 'sub', 'inner')]);
    symlinkSync(join('sub', 'inner'), join(raw, 'pipe-link.txt'));
    const result = build();
    for (const file of ['pipe.md', 'pipe-link.txt']) {
      expect(rules(result, file)).toEqual(['certplan:not-a-file a FIFO (named pipe), not a regular file; not read']);
    }
    expect(result.dataset.sources.map((s) => s.file)).toEqual(['plain.md']);
  });
});

describe('case 2: size is checked before reading', () => {
  it('refuses a 1.9 GB sparse file by its fstat size, without the memory to hold it', () => {
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      const fd = openSync(join(raw, name), 'w');
      ftruncateSync(fd, 1900 * 1024 * 1024);
      closeSync(fd);
    }
    const peakBefore = process.resourceUsage().maxRSS;
    const result = build();
    const grewKb = process.resourceUsage().maxRSS - peakBefore;
    expect(rules(result, 'b.txt')).toEqual([
      'certplan:too-large source is 1992294400 bytes, over the 5242880-byte limit for one article',
    ]);
    // Reading one of them would have raised the peak by 1.9 GB; the build's own work stays far below 512 MB.
    expect(grewKb).toBeLessThan(512 * 1024);
  });

  it('reads at most one byte past the limit of a file that grows after fstat', () => {
    writeFileSync(join(raw, 'small.txt'), 'x'.repeat(100));
    expect(readRawFile(raw, 'small.txt', 99)).toEqual({
      failure: { ruleId: 'certplan:too-large', message: 'source is 100 bytes, over the 99-byte limit for one article' },
    });
    const ok = readRawFile(raw, 'small.txt', 100);
    expect('bytes' in ok && ok.bytes.length).toBe(100);
  });
});

describe('case 3: one article, one failure', () => {
  const bomb = (n: number) =>
    `---\ntitle: Alias test\na: &a certplan\nb: [${Array.from({ length: n }, () => '*a').join(', ')}]\n---\n\n# AWS MLA-C01\n\nThe MLA-C01 exam costs $150.\n`;

  it('reports a YAML alias bomb in front matter at its place, reads the article, and the build still writes', () => {
    writeFileSync(join(raw, 'bomb.md'), bomb(120));
    const result = buildDataset({ contentDir: content, outDir: join(content, 'dataset'), cache: false });
    expect(result.written).toBe(true);
    const problem = result.problems.find((p) => p.file === 'bomb.md' && p.ruleId === 'certplan:front-matter');
    expect(`${problem?.line}:${problem?.column} ${problem?.message}`).toMatchInlineSnapshot(
      `"4:5 invalid YAML front matter: Excessive alias count indicates a resource exhaustion attack; ignored"`,
    );
    expect(result.dataset.sources.find((s) => s.file === 'bomb.md')?.title).toBeNull();
    expect(result.dataset.facts.some((f) => f.source === 'bomb' && f.attribute === 'fee')).toBe(true);
  });

  it('keeps front matter that uses a few aliases the ordinary way', () => {
    writeFileSync(join(raw, 'aliases.md'), bomb(3));
    const result = build();
    expect(rules(result, 'aliases.md').filter((r) => r.startsWith('certplan:front-matter'))).toEqual([]);
    expect(result.dataset.sources.find((s) => s.file === 'aliases.md')?.title).toBe('Alias test');
  });

  it('turns any error thrown while extracting one file into that file’s problem', () => {
    writeFileSync(join(raw, 'boom.md'), '# Notes\n\nSome text.\n');
    const failing = {
      find: () => {
        throw new RangeError('an extractor fell over');
      },
    } as unknown as ExamMatcher;
    const task = { rawDir: raw, file: 'boom.md', display: 'boom.md', maxSourceBytes: 1000, bytesHash: '' };
    expect(runExtractTask(task, { matcher: failing, exams: [] })).toEqual({
      kind: 'unreadable',
      problem: {
        file: 'boom.md',
        line: null,
        column: null,
        ruleId: 'certplan:extract-failed',
        message:
          'could not be extracted (RangeError: an extractor fell over); skipped, the other sources were processed',
        fatal: true,
      },
    });
  });
});

describe('case 4: authority comes from sources.yaml only', () => {
  it('never lets a file raise itself; lets it lower itself; says what was applied', () => {
    expect(grantAuthority(undefined, 'official')).toEqual({
      authority: 'secondary',
      note: "the file's own authority: official was not applied; only sources.yaml grants authority",
    });
    expect(grantAuthority('secondary', 'editorial').authority).toBe('secondary');
    expect(grantAuthority('editorial', 'secondary')).toEqual({
      authority: 'secondary',
      note: "lowered from editorial (sources.yaml) by the file's own authority: secondary",
    });
    expect(grantAuthority('official', undefined)).toEqual({ authority: 'official', note: null });
  });

  it('stores an unregistered file that calls itself official as secondary, and the warning says so', () => {
    writeFileSync(
      join(raw, 'claims-official.md'),
      '---\nAUTHORITY: official\n---\n# AWS MLA-C01\n\nThe MLA-C01 exam costs $175.\n',
    );
    writeFileSync(join(raw, 'humble.md'), '---\nauthority: secondary\n---\n# AWS MLA-C01\n\nIt costs $150.\n');
    writeFileSync(join(content, 'sources.yaml'), '- file: humble.md\n  authority: editorial\n');
    const result = build();
    const authority = (file: string) => result.dataset.sources.find((s) => s.file === file)?.authority;
    expect(authority('claims-official.md')).toBe('secondary');
    expect(authority('humble.md')).toBe('secondary');
    expect(rules(result, 'claims-official.md')).toContain(
      "certplan:unregistered-source not registered in sources.yaml; ingested with defaults (authority: secondary; the file's own authority: official was not applied; only sources.yaml grants authority)",
    );
    expect(rules(result, 'humble.md')).toContain(
      "certplan:authority authority: secondary (lowered from editorial (sources.yaml) by the file's own authority: secondary)",
    );
  });
});

describe('case 5: metadata is bounded at ingest', () => {
  it('cuts a 4,000,000-character front-matter title to 300 and says so; drops an over-long URL', () => {
    const title = 'A'.repeat(4_000_000);
    writeFileSync(
      join(raw, 'long-title.md'),
      `---\ntitle: ${title}\nurl: https://example.com/${'p'.repeat(3000)}\n---\n# AWS MLA-C01\n\nThe MLA-C01 exam costs $150.\n`,
    );
    const result = build();
    const source = result.dataset.sources.find((s) => s.file === 'long-title.md');
    expect(source?.title).toBe('A'.repeat(300));
    expect(source?.url).toBeNull();
    expect(
      result.problems.filter((p) => p.file === 'long-title.md' && p.ruleId === 'certplan:metadata-truncated'),
    ).toEqual([
      expect.objectContaining({
        line: 2,
        message: 'front matter title is 4000000 characters long; kept the first 300',
      }),
      expect.objectContaining({ line: 3, message: 'front matter url is longer than 2048 characters; ignored' }),
    ]);
    expect(JSON.stringify(result.dataset).length).toBeLessThan(1_000_000);
  }, 120_000);

  it('cuts a WordPress title the same way', () => {
    const post = { title: { rendered: `MLA-C01 ${'notes '.repeat(200_000)}` }, content: { rendered: '<p>x</p>' } };
    writeFileSync(join(raw, 'wp.json'), JSON.stringify(post));
    const result = build();
    expect(result.dataset.sources.find((s) => s.file === 'wp.json')?.title?.length).toBeLessThanOrEqual(300);
    expect(rules(result, 'wp.json')).toContain(
      'certplan:metadata-truncated title.rendered is 1200007 characters long; kept the first 300',
    );
  }, 120_000);
});

describe('case 6: each file has a time budget', () => {
  it('stops a file over its budget in its worker and reports it; the others are processed', async () => {
    const options = { contentDir: content, outDir: join(content, 'dataset'), keepGoing: true };
    // plain.md goes into the cache first, so the budgeted build has exactly one file to extract.
    await buildDatasetAsync({ ...options, cache: true });
    const sentence = 'The MLA-C01 exam costs $150 and has 65 questions, data preparation and model development. ';
    writeFileSync(join(raw, 'long.md'), `# Notes\n\n${sentence.repeat(20_000)}\n`);
    // 1 ms: no worker extracts 1.8 MB that fast, so the budget is certain to run out while it works.
    const result = await buildDatasetAsync({ ...options, cache: true, timeBudgetMs: 1 });
    expect(result.written).toBe(true);
    expect(result.unreadable).toEqual([
      {
        file: 'long.md',
        line: null,
        column: null,
        ruleId: 'certplan:time-budget',
        message:
          'extraction took longer than its 0.001 s budget; stopped and skipped (the other sources were processed)',
        fatal: true,
      },
    ]);
    expect(result.dataset.sources.map((s) => s.file)).toEqual(['plain.md']);
  }, 120_000);

  it('extracts in a worker within a generous budget exactly as without one', async () => {
    const options = { contentDir: content, outDir: join(content, 'dataset'), cache: false };
    const budgeted = await buildDatasetAsync({ ...options, timeBudgetMs: 60_000 });
    expect(budgeted.workers).toBe(1);
    expect(budgeted.extractedInWorkers).toBe(1);
    expect(budgeted.dataset).toEqual(buildDataset(options).dataset);
  }, 120_000);
});

describe('case 7: sanitising by allow-list; only http(s) URLs stored', () => {
  const post = (html: string, link = 'https://example.com/post') =>
    JSON.stringify({ link, title: { rendered: 'Sanitiser test' }, content: { rendered: html } });

  it('drops what a deny-list let through (entity-obfuscated schemes, svg scripts) and reports each kind', () => {
    writeFileSync(
      join(raw, 'tricky.json'),
      post(
        '<p>The MLA-C01 exam costs $150. <a href="java&#9;script:alert(1)">see</a> <a href="mailto:x@example.com">mail</a></p>' +
          '<svg><script>alert(2)</script><text>svg text</text></svg><p><img src="x" onerror="alert(3)">' +
          '<a href="https://aws.amazon.com/certification/">AWS</a></p>',
      ),
    );
    const result = build();
    const source = result.dataset.sources.find((s) => s.file === 'tricky.json');
    expect(source?.text).toBe('The MLA-C01 exam costs $150. see mail\nAWS');
    expect(
      rules(result, 'tricky.json')
        .filter((r) => r.startsWith('certplan:unsafe-html'))
        .sort(),
    ).toEqual([
      'certplan:unsafe-html dropped <script> element',
      'certplan:unsafe-html dropped <svg> element',
      'certplan:unsafe-html dropped event-handler attribute onError',
      'certplan:unsafe-html dropped href with a URL that is not http(s)',
      'certplan:unsafe-html dropped href with a script URL',
    ]);
  });

  it('stores no javascript: link from WordPress, and refuses one in sources.yaml with its place', () => {
    writeFileSync(join(raw, 'js-link.json'), post('<p>The MLA-C01 exam costs $150.</p>', 'javascript:alert(1)'));
    writeFileSync(join(raw, 'ok-link.json'), post('<p>The MLA-C01 exam costs $150.</p>', 'http://example.com/a'));
    const result = build();
    expect(result.dataset.sources.find((s) => s.file === 'js-link.json')?.url).toBeNull();
    expect(result.dataset.sources.find((s) => s.file === 'ok-link.json')?.url).toBe('http://example.com/a');
    expect(rules(result, 'js-link.json')).toContain('certplan:unsafe-url link is not an http(s) URL; not stored');
    expect(() => parseSourcesYaml('- file: a.md\n  url: "javascript:alert(1)"\n', 'sources.yaml')).toThrow(
      expect.objectContaining({ name: 'CertplanError', code: 'invalid_config' }),
    );
    try {
      parseSourcesYaml('- file: a.md\n  url: "java\\tscript:alert(1)"\n', 'sources.yaml');
    } catch (error) {
      expect((error as Error).message).toMatchInlineSnapshot(
        `"sources.yaml:2:8: expected an http:// or https:// URL (at 0.url)"`,
      );
    }
    expect(parseSourcesYaml('- file: a.md\n  url: https://example.com/x\n', 'sources.yaml')[0]?.url).toBe(
      'https://example.com/x',
    );
  });
});

it('leaves the written dataset readable JSON', () => {
  const result = build();
  expect(JSON.parse(readFileSync(join(content, 'dataset', 'dataset.json'), 'utf8')).sources).toHaveLength(
    result.dataset.sources.length,
  );
});

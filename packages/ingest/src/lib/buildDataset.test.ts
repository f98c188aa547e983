/**
 * The build's guarantees: byte-identical output on rebuild, atomic writes, incremental rebuild from the
 * content-hash cache, and the CLI's exit codes and messages (malformed reviews stop everything).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetSchema } from '@certplan/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyCorpusFixture, corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { main } from '../cli.ts';
import { buildDataset, buildDatasetAsync } from './buildDataset.ts';
import { POOL_MIN_FILES, poolThreads } from './extractWithPool.ts';
import { sourceIdOf } from './sourceIdOf.ts';

let content: string;
let out: string;

beforeEach(() => {
  content = mkdtempSync(join(tmpdir(), 'certplan-build-'));
  out = join(content, 'dataset');
  copyCorpusFixture(content);
});
afterEach(() => rmSync(content, { recursive: true, force: true }));

async function runCli(args: string[]) {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(args);
    return { code, stdout: log.mock.calls.join('\n'), stderr: error.mock.calls.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('buildDataset', () => {
  it('writes a schema-valid dataset, byte-identical on rebuild, with or without the cache', () => {
    buildDataset({ contentDir: content, outDir: out });
    const first = readFileSync(join(out, 'dataset.json'));
    expect(DatasetSchema.safeParse(JSON.parse(first.toString())).success).toBe(true);
    buildDataset({ contentDir: content, outDir: out });
    expect(readFileSync(join(out, 'dataset.json')).equals(first)).toBe(true);
    buildDataset({ contentDir: content, outDir: out, cache: false });
    expect(readFileSync(join(out, 'dataset.json')).equals(first)).toBe(true);
    const schema = JSON.parse(readFileSync(join(out, 'dataset.schema.json'), 'utf8'));
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['exams', 'sources', 'facts', 'claims', 'conflicts']));
  });

  it('redoes only the changed source on an incremental rebuild', () => {
    expect(buildDataset({ contentDir: content, outDir: out }).cacheHits).toBe(0);
    expect(buildDataset({ contentDir: content, outDir: out }).cacheHits).toBe(7);
    writeFileSync(join(content, 'raw', 'editorial', 'extra.md'), '# PMLE\n\nThe PMLE exam costs $200.\n');
    const result = buildDataset({ contentDir: content, outDir: out });
    expect(result.cacheHits).toBe(7);
    expect(result.dataset.facts.filter((f) => f.source === 'editorial-extra').map((f) => f.value)).toEqual([
      { amount: 200, currency: 'USD' },
    ]);
  });

  it('derives fact ids from content, so they survive unrelated edits', () => {
    const before = buildDataset({ contentDir: content, outDir: out, cache: false }).dataset.facts.map((f) => f.id);
    writeFileSync(join(content, 'raw', 'zz-new.txt'), 'The PMLE exam costs $200.\n');
    const after = buildDataset({ contentDir: content, outDir: out, cache: false }).dataset.facts.map((f) => f.id);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(new Set(after).size).toBe(after.length);
  });

  it('makes stable ids from paths', () => {
    expect(sourceIdOf('editorial/aws-mla-c01-exam-facts.md')).toBe('editorial-aws-mla-c01-exam-facts');
    expect(sourceIdOf('000_9ae910784e4038bc.txt')).toBe('000_9ae910784e4038bc');
    expect(sourceIdOf('notes/Über uns.md')).toMatch(/^notes-ber-uns-[0-9a-f]{6}$/);
  });
});

// Workers load tsx and the whole pipeline before their first file: seconds on a busy machine, so a longer timeout.
describe('buildDatasetAsync (extraction in a worker pool)', { timeout: 300_000 }, () => {
  /** Copies of the real articles under new names: several files per worker, unregistered ones among them. */
  function growCorpus(copies: number) {
    const raw = join(content, 'raw');
    const originals = readdirSync(raw, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (let i = 0; i < copies; i++) {
      for (const entry of originals) {
        const from = join(entry.parentPath, entry.name);
        writeFileSync(join(raw, `copy${i}-${entry.name}`), readFileSync(from));
      }
    }
    return readdirSync(raw, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  }

  it('writes the same bytes in process, in a pool, and from the cache the pool filled', async () => {
    const files = growCorpus(3);
    writeFileSync(join(content, 'raw', 'broken.json'), '{"content": {"rendered": "<p>cut');
    const inProcess = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    const serial = readFileSync(join(out, 'dataset.json'));
    for (const workers of [1, 2]) {
      rmSync(join(content, '.cache'), { recursive: true, force: true });
      const pooled = await buildDatasetAsync({
        contentDir: content,
        outDir: out,
        keepGoing: true,
        workers,
        callerExtracts: false,
      });
      expect(pooled.workers).toBe(workers);
      // Every file went through a worker, the broken one too (it comes back as an unreadable outcome).
      expect(pooled.extractedInWorkers).toBe(files + 1);
      expect(readFileSync(join(out, 'dataset.json')).equals(serial)).toBe(true);
      // Messages and unreadable files come back in the same order, whichever thread read them.
      expect(pooled.problems).toEqual(inProcess.problems);
      expect(pooled.unreadable).toEqual(inProcess.unreadable);
      expect(pooled.unreadable.map((p) => p.ruleId)).toEqual(['certplan:invalid-json']);
    }
    const cached = await buildDatasetAsync({ contentDir: content, outDir: out, keepGoing: true });
    expect(cached.cacheHits).toBe(files);
    // The calling thread working alongside a worker: same bytes again.
    const shared = await buildDatasetAsync({
      contentDir: content,
      outDir: out,
      keepGoing: true,
      cache: false,
      workers: 1,
    });
    expect(shared.workers).toBe(1);
    expect(readFileSync(join(out, 'dataset.json')).equals(serial)).toBe(true);
  });

  it('starts workers only for large builds, never more than the cores besides the calling thread', () => {
    expect(poolThreads(0, 2)).toBe(0);
    expect(poolThreads(POOL_MIN_FILES - 1, 64)).toBe(0);
    expect(poolThreads(POOL_MIN_FILES, 2)).toBe(1);
    expect(poolThreads(100_000, 2)).toBe(1);
    expect(poolThreads(100_000, 1)).toBe(0);
    expect(poolThreads(100_000, 8)).toBe(7);
    // Each worker needs enough files to repay its start-up.
    expect(poolThreads(POOL_MIN_FILES, 64)).toBeLessThanOrEqual(2);
  });

  it('runs in process when few files need extracting or the pool is turned off, and says so', async () => {
    expect((await buildDatasetAsync({ contentDir: content, outDir: out, cache: false })).workers).toBe(0);
    expect(buildDataset({ contentDir: content, outDir: out, cache: false }).workers).toBe(0);
    expect((await buildDatasetAsync({ contentDir: content, outDir: out, cache: false, workers: 0 })).workers).toBe(0);
    expect((await buildDatasetAsync({ contentDir: content, outDir: out, workers: 1 })).workers).toBe(1);
    // Everything is cached now: nothing to extract, no pool even when asked for.
    expect((await buildDatasetAsync({ contentDir: content, outDir: out, workers: 1 })).workers).toBe(0);
  });
});

describe('pnpm ingest (cli main)', async () => {
  it('prints a summary and exits 0', async () => {
    const { code, stdout } = await runCli(['--content', content, '--out', out, '--no-cache']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^sources: 7 read, 0 unreadable/m);
    expect(stdout).toMatch(/^ {2}domain +\d+$/m);
    expect(existsSync(join(out, 'dataset.json'))).toBe(true);
  });

  it('exits 1 on an unreadable source, keeps the previous dataset, and writes it with --keep-going', async () => {
    await runCli(['--content', content, '--out', out]);
    const previous = readFileSync(join(out, 'dataset.json'), 'utf8');
    writeFileSync(join(content, 'raw', 'broken.json'), '{"content": {"rendered": "<p>cut');
    const failed = await runCli(['--content', content, '--out', out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('broken.json');
    expect(failed.stderr).toContain('previous dataset left untouched');
    expect(readFileSync(join(out, 'dataset.json'), 'utf8')).toBe(previous);
    const kept = await runCli(['--content', content, '--out', out, '--keep-going']);
    expect(kept.code).toBe(1);
    const dataset = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8'));
    expect(dataset.unreadable).toEqual([
      expect.objectContaining({ file: 'broken.json', ruleId: 'certplan:invalid-json', line: 1 }),
    ]);
  });

  it('stops on a malformed reviews.yaml with its line and column, writing nothing', async () => {
    writeFileSync(join(content, 'reviews.yaml'), 'reviews:\n  - conflict: c1\n    decision: maybe\n');
    const { code, stderr } = await runCli(['--content', content, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/reviews\.yaml:3:\d+/);
    expect(stderr).toContain('nothing was written');
    expect(existsSync(join(out, 'dataset.json'))).toBe(false);
  });

  it('stops on a malformed catalog with file:line:column', async () => {
    writeFileSync(
      join(content, 'exams.yaml'),
      'exams:\n  - id: Bad Id\n    name: X\n    vendor: V\n    code: null\n    aliases: []\n',
    );
    const { code, stderr } = await runCli(['--content', content, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/exams\.yaml:2:\d+: .* \(at exams\.0\.id\)/);
  });
});

describe('registered sources', () => {
  it('reads `guide:` from front matter, checked against the catalog as sources.yaml is, reported at its place', () => {
    const catalog = join(content, 'exams.yaml');
    writeFileSync(
      catalog,
      readFileSync(catalog, 'utf8').replace(
        '      - PMLE\n',
        '      - PMLE\n    guides:\n      - version: Autumn 2024\n        effective: 2024-10-01\n      - version: Summer 2026\n        effective: 2026-06-01\n',
      ),
    );
    const note = (guide: string) =>
      `---\ntitle: A study note\nguide: ${guide}\n---\n# PMLE notes\n\nThe Google Cloud Professional Machine Learning Engineer exam lasts 120 minutes.\n`;
    writeFileSync(join(content, 'raw', 'note-old.md'), note('Autumn 2024'));
    writeFileSync(join(content, 'raw', 'note-typo.md'), note('Autum 2024'));
    writeFileSync(
      join(content, 'sources.yaml'),
      `${readFileSync(join(content, 'sources.yaml'), 'utf8')}\n- file: note-old.md\n- file: note-typo.md\n`,
    );
    const result = buildDataset({ contentDir: content, outDir: out, cache: false });
    const guideOf = (file: string) => result.dataset.sources.find((s) => s.file === file)?.guide;
    expect(guideOf('note-old.md')).toBe('Autumn 2024');
    // Near miss: a version the catalog does not list is ignored, with a message at the key's place.
    expect(guideOf('note-typo.md')).toBeUndefined();
    expect(result.problems.filter((p) => p.file === 'note-typo.md')).toMatchInlineSnapshot(`
      [
        {
          "column": 8,
          "fatal": false,
          "file": "note-typo.md",
          "line": 3,
          "message": "guide Autum 2024 is not a guide version of any exam in exams.yaml (one of: Autumn 2024, Summer 2026); ignored",
          "ruleId": "certplan:front-matter",
        },
      ]
    `);
  });

  it('treats a registered but missing file as unreadable, citing its line in sources.yaml', () => {
    writeFileSync(
      join(content, 'sources.yaml'),
      '- file: 003_1502cd0b2fbc39c9.txt\n- file: gone/away.md\n  authority: official\n',
    );
    const result = buildDataset({ contentDir: content, outDir: out, cache: false });
    expect(result.written).toBe(false);
    expect(result.unreadable).toEqual([
      {
        file: 'gone/away.md',
        line: 2,
        column: 9,
        ruleId: 'certplan:missing-source',
        message: 'registered in sources.yaml but not found under raw/',
        fatal: true,
      },
    ]);
  });
});

describe('prose domain lists one source cannot read alone', () => {
  const ambiguous =
    'Put simply, the MLS-C01 domains are: data engineering, exploratory data analysis, modeling and machine learning implementation and operations.\n';
  const outline = [
    '# AWS Certified Machine Learning – Specialty (MLS-C01)',
    '',
    '## Exam domains',
    '',
    '- Data Engineering (20%)',
    '- Exploratory Data Analysis (24%)',
    '- Modeling (36%)',
    '- Machine Learning Implementation and Operations (20%)',
    '',
  ].join('\n');

  function build(files: Record<string, string>) {
    rmSync(join(content, 'raw'), { recursive: true, force: true });
    cpSync(corpusCatalogPath, join(content, 'exams.yaml'));
    writeFileSync(join(content, 'sources.yaml'), '');
    writeFileSync(join(content, 'reviews.yaml'), '');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(content, 'raw'), { recursive: true });
      writeFileSync(join(content, 'raw', name), text);
    }
    const result = buildDataset({ contentDir: content, outDir: out, cache: false });
    const names = result.dataset.facts
      .filter((f) => f.attribute === 'domain' && f.source.startsWith('b-'))
      .map((f) => (f.value as { name: string }).name);
    const ambiguities = result.problems.filter((p) => p.ruleId === 'certplan:ambiguous-domain-list');
    return { names, ambiguities, facts: result.dataset.facts };
  }

  it('takes the reading another source of the same exam names, and withdraws the info message', () => {
    const { names, ambiguities, facts } = build({ 'a-outline.md': outline, 'b-prose.txt': ambiguous });
    expect(names).toEqual([
      'data engineering',
      'exploratory data analysis',
      'modeling',
      'machine learning implementation and operations',
    ]);
    expect(ambiguities).toEqual([]);
    const settled = facts.filter((f) => f.source.startsWith('b-') && f.attribute === 'domain');
    for (const fact of settled) expect(fact.quote).toBe(ambiguous.trim());
    expect(settled.map((f) => f.line)).toEqual([1, 1, 1, 1]);
    // A list settled late is still one list of its own, so core weighs it as one statement.
    const lists = new Set(settled.map((f) => (f.attribute === 'domain' ? f.value.list : undefined)));
    expect([...lists]).toHaveLength(1);
    expect([...lists][0]).toMatch(/^p:/);
  });

  it('records nothing and keeps the info message when no other list settles it', () => {
    const { names, ambiguities } = build({ 'b-prose.txt': ambiguous });
    expect(names).toEqual([]);
    expect(ambiguities.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toMatchInlineSnapshot(`
      [
        "b-prose.txt:1:25 domain list of aws-mls-c01 is ambiguous without a serial comma ("modeling and machine learning implementation and operations" or "modeling" + "machine learning implementation and operations"); not recorded unless another list of the exam names one reading",
      ]
    `);
  });
});

/**
 * Where `pnpm ingest` says a problem is: raw-file positions for WordPress posts (one JSON line, not a line of
 * the HTML inside it), paths as the user sees them, and a missing registered source reported in sources.yaml.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Problem } from '@certplan/core';
import { reporter } from 'vfile-reporter';
import { describe, expect, it, vi } from 'vitest';
import { copyCorpusFixture, corpusCatalogPath } from '../test/copyCorpusFixture.ts';
import { main, shownPath, toVFiles } from './cli.ts';
import { ExamMatcher } from './lib/examMatcher.ts';
import { extractSource } from './lib/extractSource.ts';
import { parseCatalogYaml } from './lib/yamlConfig.ts';

const catalogPath = corpusCatalogPath;
const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
const matcher = new ExamMatcher(catalog);

const links = (tag: 'ul' | 'ol') =>
  `<${tag}>${['a', 'b', 'c', 'd'].map((x) => `<li><a href="https://example.com/${x}">${x}</a></li>`).join('\n')}</${tag}>`;

describe('message places in WordPress posts', () => {
  it.each([
    ['a link list after two paragraphs', `<p>The PMLE exam costs $200.</p>\n<p>Good luck!</p>\n${links('ul')}`, '<ul>'],
    [
      'a link table after escaped text',
      `<p>\u201cQuoted\u201d &amp; the MLA-C01 \\ path</p>\n<table><tr><td><a href="https://x.io/1">1</a></td></tr><tr><td><a href="https://x.io/2">2</a></td></tr></table>`,
      '<table>',
    ],
  ])('%s: line 1, column at the element in the raw JSON', (_name, html, tag) => {
    const raw = JSON.stringify({ title: { rendered: 'Notes' }, content: { rendered: html } });
    const result = extractSource(raw, 'post.json', { matcher, exams: catalog.exams });
    const dropped = result.file.messages.filter((m) => m.ruleId === 'certplan:boilerplate');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]?.line).toBe(1);
    // JSON escapes (\n, \", \u201c) make the raw offset differ from the HTML offset; the column is the raw one.
    expect(raw.slice((dropped[0]?.column ?? 0) - 1).startsWith(tag)).toBe(true);
  });

  it('keeps Markdown positions as they were (the raw file is the parser input)', () => {
    const md = `# PMLE\n\nThe PMLE exam costs $200.\n\n${['a', 'b', 'c'].map((x) => `- [${x}](https://e.com/${x})`).join('\n')}\n`;
    const result = extractSource(md, 'post.md', { matcher, exams: catalog.exams });
    const dropped = result.file.messages.filter((m) => m.ruleId === 'certplan:boilerplate');
    expect(dropped.map((m) => [m.line, m.column])).toEqual([[5, 1]]);
  });
});

describe('report paths', () => {
  const problem = (p: Partial<Problem>): Problem => ({
    file: 'x.md',
    line: null,
    column: null,
    ruleId: 'certplan:read-failed',
    message: 'm',
    fatal: true,
    ...p,
  });

  it('names raw files and sources.yaml relative to the working directory', () => {
    const files = toVFiles(
      [
        problem({ file: 'editorial/x.md', message: 'empty file', ruleId: 'certplan:empty' }),
        problem({ file: 'gone/away.md', line: 4, column: 9, ruleId: 'certplan:missing-source', message: 'old' }),
      ],
      '/repo/content',
      '/repo',
    );
    const report = reporter(files, { color: false });
    expect(report).toMatchInlineSnapshot(`
      "content/raw/editorial/x.md
          error empty file                                                  empty          certplan

      content/sources.yaml
      4:9 error registered source gone/away.md not found under content/raw/ missing-source certplan

      ✖ 2 errors"
    `);
  });

  it.each([
    ['/repo/content/raw/a.md', '/repo', 'content/raw/a.md'],
    ['/repo/content/raw/a.md', '/repo/content', 'raw/a.md'],
    ['/data/content/raw/a.md', '/repo', '/data/content/raw/a.md'],
  ])('shownPath(%s) from %s is %s', (path, cwd, shown) => {
    expect(shownPath(path, cwd)).toBe(shown);
  });
});

describe('pnpm ingest: the time budget', () => {
  const run = async (args: string[]) => {
    const dir = copyCorpusFixture();
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts) => void out.push(parts.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await main(['--content', dir, '--no-cache', ...args]);
      return { code, out: out.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is on by default: every file is extracted in a worker within 60 s', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^extraction: \d+ file\(s\) in workers, each within a 60 s budget$/m);
  }, 120_000);

  it('is off with --time-budget 0, and a value that is not seconds is refused', async () => {
    const off = await run(['--time-budget', '0']);
    expect(off.code).toBe(0);
    expect(off.out).not.toContain('budget');
    expect((await run(['--time-budget', 'soon'])).code).toBe(2);
  }, 120_000);
});

describe('pnpm ingest: arguments and summary', () => {
  const capture = () => {
    const streams = { stdout: '', stderr: '' };
    return {
      streams,
      out: {
        stdout: (t: string) => {
          streams.stdout += t;
        },
        stderr: (t: string) => {
          streams.stderr += t;
        },
      },
    };
  };

  it('prints its usage for --help and builds nothing', async () => {
    const { streams, out } = capture();
    expect(await main(['--help'], out)).toBe(0);
    expect(streams.stdout.split('\n')[0]).toBe('Usage: pnpm ingest [options]');
    expect(streams.stdout).toContain('--time-budget <s>');
    expect(streams.stderr).toBe('');
  });

  it('refuses an unknown option with exit 2, what is wrong and the usage, never a stack trace', async () => {
    const { streams, out } = capture();
    expect(await main(['--bogus'], out)).toBe(2);
    expect(streams.stderr.split('\n').slice(0, 3)).toMatchInlineSnapshot(`
      [
        "Unknown option '--bogus'",
        "",
        "Usage: pnpm ingest [options]",
      ]
    `);
    expect(streams.stdout).toBe('');
  });

  it('says how many conflicts are open and how many a reviewer decided', async () => {
    const dir = copyCorpusFixture();
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts) => void lines.push(parts.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['--content', dir, '--no-cache', '--time-budget', '0'])).toBe(0);
    } finally {
      log.mockRestore();
      error.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lines.join('\n')).toMatch(/^claims: \d+, conflicts: (\d+) \(\1 open, 0 reviewed\)$/m);
  }, 120_000);
});

/**
 * Issue 7, bad sources: a corpus of broken inputs (test/fixtures/bad-sources, plus a 20 MB article and HTML
 * nested 10,000 deep generated here so they are not committed). Each is reported with file, position and
 * reason; the good sources are still processed; the previous dataset is never half-written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { buildDataset } from './buildDataset.ts';
import { MAX_FACTS_PER_SOURCE } from './emitFact.ts';

const fixtures = join(import.meta.dirname, '../../test/fixtures/bad-sources');
const catalog = corpusCatalogPath;
let content: string;
let out: string;

beforeEach(() => {
  content = mkdtempSync(join(tmpdir(), 'certplan-bad-'));
  out = join(content, 'dataset');
  cpSync(fixtures, content, { recursive: true });
  cpSync(catalog, join(content, 'exams.yaml'));
  // 20 MB of plausible article text, generated so the repository stays small.
  const paragraph = '<p>The PMLE exam is demanding and rewards hands-on practice with pipelines.</p>\n';
  writeFileSync(
    join(content, 'raw', 'huge.json'),
    JSON.stringify({ content: { rendered: paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length)) } }),
  );
  const depth = 10_000;
  const deep = `${'<div>'.repeat(depth)}The PMLE exam lasts two hours.${'</div>'.repeat(depth)}<p>The PMLE exam costs $200.</p>`;
  writeFileSync(
    join(content, 'raw', 'deep.json'),
    JSON.stringify({ link: 'https://example.com/deep', content: { rendered: deep } }),
  );
});
afterEach(() => rmSync(content, { recursive: true, force: true }));

describe('bad sources', () => {
  it('reports each unreadable source with position and reason and leaves the previous dataset untouched', () => {
    writeFileSync(join(content, 'previous.json'), 'sentinel');
    cpSync(join(content, 'previous.json'), join(out, 'dataset.json'), { recursive: true });
    const result = buildDataset({ contentDir: content, outDir: out, cache: false });
    expect(result.written).toBe(false);
    expect(readFileSync(join(out, 'dataset.json'), 'utf8')).toBe('sentinel');
    expect(existsSync(join(out, 'dataset.schema.json'))).toBe(false);
    expect(
      result.unreadable.map((p) => `${p.file}:${p.line ?? '-'}:${p.column ?? '-'} ${p.ruleId} ${p.message}`),
    ).toMatchInlineSnapshot(`
      [
        "binary.bin:3:1 certplan:binary binary content (NUL byte at byte 8)",
        "empty.txt:-:- certplan:empty empty file",
        "huge.json:-:- certplan:too-large source is 21233691 bytes, over the 5242880-byte limit for one article",
        "invalid-utf8.txt:2:13 certplan:invalid-utf8 invalid UTF-8 at byte 38",
        "no-rendered.json:1:1 certplan:not-wordpress JSON is not a WordPress post: no string at content.rendered",
        "truncated.json:1:89 certplan:invalid-json invalid JSON (truncated or malformed): Unterminated string",
      ]
    `);
  });

  it('reports a dangling symlink as unreadable with its target, follows one within raw/, skips one to a directory', () => {
    symlinkSync('/nonexistent/certplan-gone.md', join(content, 'raw', 'gone.md'));
    // A symlink is followed only while its target stays inside raw/ (issue 12: see untrustedSources.test.ts).
    mkdirSync(join(content, 'raw', 'notes'));
    writeFileSync(join(content, 'raw', 'notes', 'mla.md'), '# AWS MLA-C01\n\nThe MLA-C01 exam costs $150.\n');
    symlinkSync(join('notes', 'mla.md'), join(content, 'raw', 'linked.md'));
    symlinkSync(content, join(content, 'raw', 'loop'));
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    expect(result.unreadable.find((p) => p.file === 'gone.md')).toEqual({
      file: 'gone.md',
      line: null,
      column: null,
      ruleId: 'certplan:read-failed',
      message: 'dangling symlink: its target /nonexistent/certplan-gone.md does not exist',
      fatal: true,
    });
    expect(result.dataset.facts.some((f) => f.source === 'linked' && f.attribute === 'fee')).toBe(true);
    expect(result.unreadable.some((p) => p.file.startsWith('loop'))).toBe(false);
  });

  it("cites a missing entry's own line in sources.yaml, not an earlier line that contains its name", () => {
    writeFileSync(
      join(content, 'sources.yaml'),
      '# data.md is the old name\n- file: data.md\n  authority: official\n- file: "a.md"\n',
    );
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    const missing = result.unreadable.filter((p) => p.ruleId === 'certplan:missing-source');
    expect(missing.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['data.md:2:9', 'a.md:4:10']);
  });

  it('with keepGoing, writes the good sources and lists the unreadable ones in the dataset', () => {
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    expect(result.written).toBe(true);
    const dataset = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8'));
    expect(dataset.unreadable.map((p: { file: string }) => p.file)).toEqual([
      'binary.bin',
      'empty.txt',
      'huge.json',
      'invalid-utf8.txt',
      'no-rendered.json',
      'truncated.json',
    ]);
    expect(dataset.sources.map((s: { file: string }) => s.file).sort()).toEqual([
      'Exam notes – PMLE ü.md',
      'bad-front-matter.md',
      'deep.json',
      'good.txt',
      'xss.json',
    ]);
    const facts = dataset.facts.map((f: { source: string; attribute: string; value: unknown }) => [
      f.source,
      f.attribute,
      f.value,
    ]);
    expect(facts).toContainEqual(['good', 'questions', { min: 65, max: 65 }]);
    expect(facts).toContainEqual(['xss', 'fee', { amount: 200, currency: 'USD' }]);
    expect(facts).toContainEqual(['bad-front-matter', 'duration', { minutes: 130 }]);
    expect(facts).toContainEqual(['deep', 'fee', { amount: 200, currency: 'USD' }]);
    const oddName = dataset.sources.find((s: { file: string }) => s.file.startsWith('Exam notes'));
    expect(oddName.id).toMatch(/^exam-notes-pmle-[0-9a-f]{6}$/);
    expect(facts).toContainEqual([oddName.id, 'fee', { amount: 300, currency: 'USD' }]);
  });

  it('keeps scripts, iframes, handlers and javascript: links out of the text and reports them', () => {
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    const xss = result.dataset.sources.find((s) => s.file === 'xss.json');
    expect(xss?.text).toBe(
      'Google Cloud Professional Machine Learning Engineer\nThe PMLE exam costs $200 and lasts two hours.\nfree voucher',
    );
    expect(xss?.title).toBe('XSS test');
    const messages = result.problems
      .filter((p) => p.file === 'xss.json')
      .map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1:\d+ dropped <script> element$/),
        expect.stringMatching(/^1:\d+ dropped <iframe> element$/),
        expect.stringMatching(/^1:\d+ dropped <style> element$/),
        expect.stringMatching(/^1:\d+ dropped event-handler attribute onMouseOver$/),
        expect.stringMatching(/^1:\d+ dropped href with a script URL$/),
      ]),
    );
  });

  it('reports invalid front matter with its line and still reads the body', () => {
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    const problems = result.problems.filter((p) => p.file === 'bad-front-matter.md');
    expect(problems[0]).toMatchObject({ ruleId: 'certplan:front-matter', line: expect.any(Number) });
    expect(problems[0]?.message).toMatch(/^invalid YAML front matter: /);
  });

  it('flattens HTML nested 10,000 deep instead of overflowing the stack', () => {
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    const deep = result.dataset.sources.find((s) => s.file === 'deep.json');
    expect(deep?.text).toContain('The PMLE exam lasts two hours.');
    expect(result.problems.filter((p) => p.file === 'deep.json').map((p) => p.ruleId)).toContain(
      'certplan:deep-nesting',
    );
  });

  it('processes a long article within the size limit (linear passes only: this would time out if quadratic)', () => {
    const paragraph = '<h2>PMLE notes</h2><p>The PMLE exam costs $200 and lasts two hours.</p>\n';
    const html = paragraph.repeat(Math.ceil((0.5 * 1024 * 1024) / paragraph.length));
    writeFileSync(join(content, 'raw', 'long.json'), JSON.stringify({ content: { rendered: html } }));
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    const facts = result.dataset.facts.filter((f) => f.source === 'long');
    // 7,000 paragraphs would give 14,000 facts: the source stops at the per-source bound, and says so.
    expect(facts.length).toBe(MAX_FACTS_PER_SOURCE);
    expect(facts.every((f) => f.quote === 'The PMLE exam costs $200 and lasts two hours.')).toBe(true);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'long.json', ruleId: 'certplan:fact-limit' }),
    );
  }, 180_000);

  it('warns about an unregistered source and ingests it with defaults', () => {
    const result = buildDataset({ contentDir: content, outDir: out, keepGoing: true, cache: false });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'deep.json', ruleId: 'certplan:unregistered-source' }),
    );
    expect(result.dataset.sources.find((s) => s.file === 'good.txt')?.authority).toBe('official');
    expect(result.dataset.sources.find((s) => s.file === 'deep.json')?.authority).toBe('secondary');
  });
});

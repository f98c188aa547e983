import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changeArticle, generateCorpus } from './generateCorpus.ts';

const root = mkdtempSync(join(tmpdir(), 'certplan-corpus-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = (dir: string) =>
  Object.fromEntries(readdirSync(join(dir, 'raw')).map((f) => [f, readFileSync(join(dir, 'raw', f), 'utf8')]));

describe('generateCorpus', () => {
  it('is deterministic from the seed, and another seed gives other articles', () => {
    const a = generateCorpus({ n: 12, seed: 7, out: join(root, 'a') });
    const b = generateCorpus({ n: 12, seed: 7, out: join(root, 'b') });
    const c = generateCorpus({ n: 12, seed: 8, out: join(root, 'c') });
    expect(read(a.dir)).toEqual(read(b.dir));
    expect(Object.values(read(c.dir))).not.toEqual(Object.values(read(a.dir)));
  });

  it('writes all three formats, each readable as that format, and a content/ layout', () => {
    const corpus = generateCorpus({ n: 9, seed: 1, out: join(root, 'formats') });
    expect(new Set(corpus.files.map((f) => f.format))).toEqual(new Set(['wordpress', 'markdown', 'text']));
    for (const f of corpus.files) {
      const text = readFileSync(join(corpus.dir, 'raw', f.file), 'utf8');
      if (f.format === 'wordpress') {
        const post = JSON.parse(text) as { content: { rendered: string }; title: { rendered: string } };
        expect(post.content.rendered).toMatch(/<(p|h2)\b/);
      } else if (f.format === 'markdown') {
        expect(text).toMatch(/^---\ntitle: .+\npublished: \d{4}-\d{2}-\d{2}\n/);
      } else {
        expect(text.startsWith('{') || text.startsWith('---')).toBe(false);
        expect(text).not.toMatch(/<[a-z]+[ >]|^#{1,6} /m);
      }
    }
    expect(readdirSync(corpus.dir).sort()).toEqual(['exams.yaml', 'raw', 'reviews.yaml', 'sources.yaml']);
    const sources = readFileSync(join(corpus.dir, 'sources.yaml'), 'utf8');
    for (const f of corpus.files) expect(sources).toContain(`- file: "${f.file}"`);
  });

  it('a larger corpus extends a smaller one with the same seed (2N holds N)', () => {
    const small = read(generateCorpus({ n: 5, seed: 3, out: join(root, 's') }).dir);
    const large = read(generateCorpus({ n: 10, seed: 3, out: join(root, 'l') }).dir);
    for (const [file, text] of Object.entries(small)) expect(large[file]).toBe(text);
  });

  it('perturbs numbers and exam names instead of copying the raw corpus verbatim', () => {
    const corpus = generateCorpus({ n: 30, seed: 2, out: join(root, 'p') });
    const all = Object.values(read(corpus.dir)).join('\n');
    // The raw corpus's MLA-C01 fee is USD 150; perturbation yields other amounts too.
    const fees = new Set([...all.matchAll(/Exam fee: USD (\d+)/g)].map((m) => m[1]));
    expect(fees.size).toBeGreaterThan(1);
  });

  it('changeArticle rewrites one file under the same name and leaves the rest alone', () => {
    const dir = generateCorpus({ n: 6, seed: 4, out: join(root, 'change') }).dir;
    const before = read(dir);
    const changed = changeArticle({ n: 6, seed: 4, out: dir, index: 3, variant: 1 });
    const after = read(dir);
    const name = changed.replace(/^raw\//, '');
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after[name]).not.toBe(before[name]);
    for (const file of Object.keys(before)) if (file !== name) expect(after[file]).toBe(before[file]);
  });
});

/**
 * Fixture-driven extraction tests: each folder under test/fixtures/extract (one behaviour of one extractor)
 * and test/fixtures/articles (unseen-style articles in all three formats) holds an input and the exact facts
 * it must yield: nothing missed, nothing extra, every quote verbatim at its offsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { ExamMatcher } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';
import { parseCatalogYaml } from './yamlConfig.ts';

const root = join(import.meta.dirname, '../../test/fixtures');
const catalogPath = corpusCatalogPath;
const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
const matcher = new ExamMatcher(catalog);

interface Expected {
  exam: string;
  attribute: string;
  value: unknown;
}

const key = (f: Expected) => `${f.exam} ${f.attribute} ${JSON.stringify(f.value)}`;

function runCase(dir: string) {
  const input = readdirSync(dir).find((f) => f.startsWith('input.')) as string;
  const text = readFileSync(join(dir, input), 'utf8');
  const result = extractSource(text, join(dir, input), { matcher, exams: catalog.exams });
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected[];
  return { result, expected, text };
}

for (const group of ['extract', 'articles']) {
  describe(`fixtures/${group}`, () => {
    for (const name of readdirSync(join(root, group)).sort()) {
      it(name, () => {
        const { result, expected } = runCase(join(root, group, name));
        expect(result.facts.map(key).sort()).toEqual(expected.map(key).sort());
        for (const fact of result.facts) {
          expect(fact.end).toBeGreaterThan(fact.start);
          expect(result.text.slice(fact.start, fact.end).length).toBe(fact.end - fact.start);
          expect(fact.line).toBeGreaterThanOrEqual(1);
        }
      });
    }
  });
}

describe('quotes, lines and sections', () => {
  it('cites the raw line of Markdown and text sources and the heading path', () => {
    const { result, text } = runCase(join(root, 'articles', 'markdown-guide'));
    const lines = text.split('\n');
    const retirement = result.facts.find((f) => f.attribute === 'retirement');
    expect(retirement).toBeDefined();
    const quote = result.text.slice(retirement?.start, retirement?.end);
    expect(quote).toBe(
      'The AWS Certified Machine Learning – Specialty was retired on 31 March 2026; that was the last day to sit it.',
    );
    expect(lines[(retirement?.line ?? 0) - 1]).toContain('31 March 2026');
    expect(retirement?.section).toEqual([
      'AWS Machine Learning Engineer – Associate: the 2026 guide',
      'What about the old specialty?',
    ]);
  });

  it('maps HTML inside WordPress JSON back to the raw file', () => {
    const { result } = runCase(join(root, 'articles', 'wordpress-comparison'));
    expect(result.format).toBe('wordpress');
    expect(result.metadata).toEqual({
      url: 'https://example.com/ml-certs/',
      title: 'AWS vs Google ML certs – 2025',
      published: '2025-03-04',
      modified: '2025-04-01',
    });
    // Script payloads never reach the document text.
    expect(result.text).not.toMatch(/alert|steal|javascript/);
    expect(result.file.messages.map((m) => `${m.ruleId} ${m.reason}`)).toContain(
      'certplan:unsafe-html dropped <script> element',
    );
  });
});

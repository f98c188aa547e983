/**
 * Property: whatever the article and whichever format carries it, every fact's quote sits at its offsets in
 * the document text, lies on the raw line the fact cites, and the same content yields the same text and the
 * same facts in WordPress JSON, Markdown and plain text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusCatalogPath } from '../../test/copyCorpusFixture.ts';
import { ExamMatcher } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';
import { parseCatalogYaml } from './yamlConfig.ts';

const catalogPath = corpusCatalogPath;
const catalog = parseCatalogYaml(readFileSync(catalogPath, 'utf8'), catalogPath);
const matcher = new ExamMatcher(catalog);
const names = catalog.exams.flatMap((e) => [e.name, ...e.aliases]);

type Block = { kind: 'heading' | 'paragraph' | 'item'; text: string };

const exam = fc.constantFrom(...names);
const n = fc.integer({ min: 1, max: 400 });
const sentence = fc.oneof(
  fc.tuple(exam, n).map(([e, x]) => `The ${e} exam costs $${x}.`),
  fc.tuple(exam, n).map(([e, x]) => `${e}: USD ${x} to register.`),
  fc.tuple(exam, fc.integer({ min: 30, max: 300 })).map(([e, x]) => `The ${e} exam lasts ${x} minutes.`),
  fc
    .tuple(exam, fc.integer({ min: 1, max: 4 }))
    .map(([e, x]) => `${e} candidates need at least ${x} years of ML experience.`),
  fc.tuple(exam, fc.integer({ min: 10, max: 90 })).map(([e, x]) => `The ${e} exam has ${x}-${x + 10} questions.`),
  fc.tuple(exam, fc.integer({ min: 1, max: 5 })).map(([e, x]) => `The ${e} certification is valid for ${x} years.`),
  fc
    .tuple(exam, fc.integer({ min: 60, max: 200 }))
    .map(([e, x]) => `Engineers with the ${e} earn between $${x},000 and $${x + 40},000 a year.`),
  fc.constantFrom(
    'Study every day.',
    'Practice with real pipelines and review the guide.',
    'Both exams reward hands-on work.',
  ),
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const heading = fc.oneof(exam, fc.constantFrom('Costs', 'Exam details', 'Data Engineering (20%)', 'Modeling (36%)'));
const block: fc.Arbitrary<Block> = fc.oneof(
  heading.map((text) => ({ kind: 'heading' as const, text })),
  paragraph.map((text) => ({ kind: 'paragraph' as const, text })),
  sentence.map((text) => ({ kind: 'item' as const, text })),
);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function render(blocks: Block[], format: 'wordpress' | 'markdown' | 'text'): string {
  if (format === 'markdown') {
    const body = blocks
      .map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.kind === 'item' ? `- ${b.text}` : b.text))
      .join('\n\n')
      .replace(/\$/g, '$');
    return `---\ntitle: Generated\n---\n\n${body}\n`;
  }
  if (format === 'text') {
    // Plain text has no heading markup: a heading line is a short line, which the generator's headings are.
    return `${blocks.map((b) => (b.kind === 'item' ? `- ${b.text}` : b.text)).join('\n')}\nEnd of the page.\n`;
  }
  const html = blocks
    .map((b) =>
      b.kind === 'heading'
        ? `<h2>${escapeHtml(b.text)}</h2>`
        : b.kind === 'item'
          ? `<ul><li>${escapeHtml(b.text)}</li></ul>`
          : `<p>${escapeHtml(b.text)}</p>`,
    )
    .join('\n');
  return JSON.stringify({ link: 'https://example.com/p', content: { rendered: html } });
}

describe('quotes sit at their offsets', () => {
  it('in every format, on the cited raw line, with the same facts across formats', () => {
    let factsSeen = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
        // Markdown would read two adjacent list items as one list and a following paragraph as lazy text;
        // the comparison across formats needs the same blocks, so keep items apart from paragraphs by headings.
        const results = (['markdown', 'wordpress'] as const).map((format) => {
          const raw = render(blocks, format);
          const result = extractSource(raw, `gen.${format}`, { matcher, exams: catalog.exams });
          const rawLines = raw.split('\n');
          for (const fact of result.facts) {
            expect(fact.start).toBeGreaterThanOrEqual(0);
            expect(fact.end).toBeGreaterThan(fact.start);
            expect(fact.end).toBeLessThanOrEqual(result.text.length);
            const quote = result.text.slice(fact.start, fact.end);
            expect(quote.trim()).toBe(quote);
            if (format === 'markdown') expect(rawLines[fact.line - 1]).toContain(quote.slice(0, 12));
            else expect(fact.line).toBe(1);
          }
          return result;
        });
        factsSeen += results[0]?.facts.length ?? 0;
        const [markdown, wordpress] = results as [ReturnType<typeof extractSource>, ReturnType<typeof extractSource>];
        expect(wordpress.text).toBe(markdown.text);
        const key = (f: { exam: string; attribute: string; value: unknown; start: number; end: number }) =>
          `${f.exam}|${f.attribute}|${JSON.stringify(f.value)}|${f.start}|${f.end}`;
        expect(wordpress.facts.map(key).sort()).toEqual(markdown.facts.map(key).sort());

        const text = render(blocks, 'text');
        const plain = extractSource(text, 'gen.txt', { matcher, exams: catalog.exams });
        const lines = text.split('\n');
        for (const fact of plain.facts) {
          const quote = plain.text.slice(fact.start, fact.end);
          expect(lines[fact.line - 1]).toContain(quote.slice(0, 12));
        }
      }),
      { numRuns: 60, seed: 20261122 },
    );
    // The generator must actually produce facts, or the property would hold vacuously.
    expect(factsSeen).toBeGreaterThan(60);
  }, 120_000);
});

/**
 * The limits that keep one source's cost and output bounded (issue 12, cases 5 and 6), in our own words with a
 * made-up catalog:
 * - Markdown past MAX_MARKDOWN_LINES or MAX_MARKDOWN_BLOCKS is read line by line as plain text (the Markdown parser
 *   spends a fixed time per line and block, so 100 KB of one-word list items took seconds): the front matter still
 *   gives metadata, headings and labelled list items still give facts on their raw lines, the maintainer is told;
 *   the near miss (just under the limit) is parsed as Markdown and gives the same facts.
 * - A source stops giving facts at MAX_FACTS_PER_SOURCE, saying where; just under it, every fact is kept.
 */
import { describe, expect, it } from 'vitest';
import { countBlockStarts, countLines } from './countBlockStarts.ts';
import { MAX_FACTS_PER_SOURCE } from './emitFact.ts';
import { ExamMatcher } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';
import { MAX_MARKDOWN_BLOCKS, MAX_MARKDOWN_LINES } from './parseMarkdown.ts';

const catalog = {
  exams: [{ id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] }],
  vendors: [{ name: 'Acme', aliases: [], products: [] }],
  otherExams: [],
};
const matcher = new ExamMatcher(catalog);
const extract = (markdown: string) => extractSource(markdown, 'dump.md', { matcher, exams: catalog.exams });

/** A page whose front matter and two headings (with their facts) come before `filler` one-word list items. */
function page(filler: number): string {
  return [
    '---',
    'title: Widget notes',
    'url: https://example.org/widget-notes',
    '---',
    '# WA-101 at a glance',
    '',
    '- Exam fee: $140',
    '- **Length:** 95 minutes',
    '',
    '## Word list',
    '',
    ...Array.from({ length: filler }, (_, i) => `- w${i}`),
    '',
  ].join('\n');
}

const summary = (markdown: string) => {
  const result = extract(markdown);
  return {
    format: result.format,
    title: result.metadata.title,
    facts: result.facts.map((f) => `${f.attribute} ${JSON.stringify(f.value)} line ${f.line}`),
    messages: result.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`),
  };
};

describe('Markdown past the block limit', () => {
  it('is read as plain text after its front matter, keeping metadata, facts and their lines, and says so', () => {
    const dense = summary(page(MAX_MARKDOWN_BLOCKS + 10));
    expect(dense).toMatchInlineSnapshot(`
      {
        "facts": [
          "fee {"amount":140,"currency":"USD"} line 7",
          "duration {"minutes":95} line 8",
          "code {"code":"WA-101"} line 5",
        ],
        "format": "markdown",
        "messages": [
          "1:1 certplan:block-limit more than 4,000 Markdown blocks: read line by line as plain text (Markdown parsing costs a fixed time per line and block); lists, headings and labelled values are kept, inline markup stays in quotes",
        ],
        "title": "Widget notes",
      }
    `);
  });

  it('gives the facts Markdown parsing gives, just under the limit (near miss: no message)', () => {
    const sparse = summary(page(MAX_MARKDOWN_BLOCKS - 10));
    const dense = summary(page(MAX_MARKDOWN_BLOCKS + 10));
    expect(sparse.messages).toEqual([]);
    expect(sparse.facts).toEqual(dense.facts);
    expect(sparse.title).toBe(dense.title);
  });

  it('keeps quotes verbatim slices of the raw file', () => {
    const text = page(MAX_MARKDOWN_BLOCKS + 1);
    const result = extract(text);
    expect(result.facts.length).toBeGreaterThan(0);
    for (const fact of result.facts) expect(result.text.slice(fact.start, fact.end)).not.toBe('');
    for (const fact of result.facts) expect(text).toContain(result.text.slice(fact.start, fact.end));
  });
});

describe('Markdown past the line limit', () => {
  it('is read as plain text too, whatever its blocks (blank lines cost the parser time as well)', () => {
    const text = `# WA-101\n\nExam fee: $140\n${'\n'.repeat(MAX_MARKDOWN_LINES)}Length: 95 minutes\n`;
    expect(summary(text).messages).toMatchInlineSnapshot(`
      [
        "1:1 certplan:block-limit more than 20,000 lines: read line by line as plain text (Markdown parsing costs a fixed time per line and block); lists, headings and labelled values are kept, inline markup stays in quotes",
      ]
    `);
    const facts = summary(text).facts;
    expect(facts).toContain('duration {"minutes":95} line 20004');
    const withoutLines = (list: string[]) => list.map((f) => f.replace(/ line \d+$/, ''));
    expect(withoutLines(facts)).toEqual(withoutLines(summary(text.replace(/\n{3,}/, '\n\n')).facts));
  });

  it('counts lines up to enough', () => {
    expect([countLines('', 9), countLines('a', 9), countLines('a\n', 9), countLines('\n\n\n', 9)]).toEqual([
      1, 1, 2, 4,
    ]);
    expect(countLines('\n'.repeat(50), 10)).toBe(10);
  });
});

describe('countBlockStarts', () => {
  it.each<[string, string, number]>([
    ['a paragraph over three lines is one block', 'The exam\ncosts $140\nin most countries.\n', 1],
    ['paragraphs split by blank lines', 'One.\n\nTwo.\n\n\nThree.\n', 3],
    ['each list item, bullets and numbers', '- a\n* b\n+ c\n1. d\n2) e\n', 5],
    ['a heading and its paragraph', '# Fees\nThe fee is $140.\n', 2],
    ['items inside a block quote', '> - a\n> - b\n', 2],
    ['indented items', '- a\n  - b\n    - c\n', 3],
    ['near miss: a dash glued to a word', 'Intro\n-x\n-y\n', 1],
    ['near miss: a decimal number', 'Intro\n1.5 hours a day\n2.5 hours at weekends\n', 1],
    ['near miss: a long number before a dot', 'Intro\n1234567890. x\n', 1],
    ['an item ending its line', 'Intro\n-\n1.\n', 3],
    ['CRLF line endings', 'One.\r\n\r\n- a\r\n- b\r\n', 3],
    ['table rows, with or without outer pipes', '| a | b |\n|---|---|\n| 1 | 2 |\nx | y\n', 4],
  ])('%s', (_kind, text, blocks) => {
    expect(countBlockStarts(text, 1000)).toBe(blocks);
  });

  it('stops counting at enough', () => {
    expect(countBlockStarts('- a\n'.repeat(100), 10)).toBe(10);
  });
});

describe('facts per source', () => {
  /** Lines each stating one distinct fee of WA-101. */
  const fees = (n: number) =>
    `# WA-101 fees by region\n\n${Array.from({ length: n }, (_, i) => `Region ${i}: the WA-101 exam fee is $${100 + i}.\n`).join('\n')}`;

  it(`stops at ${MAX_FACTS_PER_SOURCE} and says where`, () => {
    const result = extract(fees(MAX_FACTS_PER_SOURCE + 5));
    expect(result.facts.length).toBe(MAX_FACTS_PER_SOURCE);
    expect(result.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toMatchInlineSnapshot(`
      [
        "4003:37 certplan:fact-limit more than 2,000 facts: extraction stopped here; the first 2,000 are kept and the rest of the source is not read",
      ]
    `);
  });

  it('keeps every fact of a source just under the limit (near miss: no message)', () => {
    const result = extract(fees(MAX_FACTS_PER_SOURCE - 2));
    expect(result.facts.filter((f) => f.attribute === 'fee').length).toBe(MAX_FACTS_PER_SOURCE - 2);
    expect(result.file.messages.map((m) => m.ruleId)).not.toContain('certplan:fact-limit');
  });
});

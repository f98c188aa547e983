/**
 * Component attributes in Markdown pages, in our own words with a made-up catalog: string attributes read as
 * field records (MDX and Vue spellings, one line or several, camelCase names), arrays in bound attributes read as
 * lists (objects' labels, plain strings, nested arrays), and the near misses: plain HTML attributes, addresses,
 * plumbing attributes, ids and links inside the array, a component whose attribute names no field.
 */
import { describe, expect, it } from 'vitest';
import { expressionItems, scanTags } from './componentRecords.ts';
import { ExamMatcher } from './examMatcher.ts';
import { extractSource } from './extractSource.ts';

const catalog = {
  exams: [{ id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] }],
  vendors: [{ name: 'Acme', aliases: [], products: [] }],
  otherExams: [],
};
const matcher = new ExamMatcher(catalog);
const extract = (markdown: string) => extractSource(markdown, 'notes.md', { matcher, exams: catalog.exams });
const facts = (markdown: string, attribute: string) =>
  extract(markdown)
    .facts.filter((f) => f.attribute === attribute)
    .map((f) => `${f.exam} ${JSON.stringify(f.value)} line ${f.line}`);

describe('component attributes', () => {
  it.each<[string, string, string, string[]]>([
    [
      'a self-closing MDX component on one line',
      '# WA-101 notes\n\nSome intro.\n\n<ExamFacts length="95 min" items="50-70" fee="$140" />\n',
      'duration',
      ['acme-wa {"minutes":95} line 5'],
    ],
    [
      'the same, its item count',
      '# WA-101 notes\n\n<ExamFacts length="95 min" items="50-70" fee="$140" />\n',
      'questions',
      ['acme-wa {"min":50,"max":70} line 3'],
    ],
    [
      'the same, its fee',
      '# WA-101 notes\n\n<ExamFacts length="95 min" items="50-70" fee="$140" />\n',
      'fee',
      ['acme-wa {"amount":140,"currency":"USD"} line 3'],
    ],
    [
      'attributes over several indented lines, camelCase and single quotes',
      "# WA-101 notes\n\n<ExamCard\n  title='Widget Associate'\n  passingScore='720/1000'\n  timeLimit='2 hours'\n/>\n",
      'passingScore',
      ['acme-wa {"score":720,"scale":1000} line 5'],
    ],
    [
      'a hyphenated custom element',
      '# WA-101 notes\n\n<exam-summary duration="100 minutes"></exam-summary>\n',
      'duration',
      ['acme-wa {"minutes":100} line 3'],
    ],
    [
      'near miss: plain HTML attributes are markup, not records',
      '# WA-101 notes\n\n<img src="/img/95-minutes.png" width="95" alt="95 minutes" />\n',
      'duration',
      [],
    ],
    [
      'near miss: an attribute that names no field',
      '# WA-101 notes\n\n<Badge level="Associate" color="blue" label="2 hours of video" />\n',
      'duration',
      [],
    ],
  ])('%s', (_name, markdown, attribute, expected) => {
    expect(facts(markdown, attribute)).toEqual(expected);
  });

  it('reads a bound array as a list: weighted labels become domains, ids and links do not', () => {
    const markdown = [
      '# WA-101 notes',
      '',
      '<StudyChecklist',
      '  heading="Checklist"',
      '  :items="[',
      "    { id: 'part-1', label: 'Part 1: Storing widgets (30-35%)', link: './part-1',",
      "      children: [{ id: 'p1a', label: 'Shelving (10%)' }] },",
      "    { id: 'part-2', label: 'Part 2: Shipping widgets (65-70%)', link: './part-2' }",
      '  ]"',
      '/>',
      '',
    ].join('\n');
    const domains = extract(markdown).facts.filter((f) => f.attribute === 'domain');
    expect(domains.map((f) => [f.value, f.line])).toMatchObject([
      [{ name: 'Storing widgets', weightPercent: null, weightRange: [30, 35] }, 6],
      [{ name: 'Shipping widgets', weightPercent: null, weightRange: [65, 70] }, 8],
    ]);
  });

  it('reads JSX expression attributes and plain string arrays', () => {
    const markdown = "# WA-101 notes\n\n<Outline sections={['Storing widgets (40%)', 'Shipping widgets (60%)']} />\n";
    const domains = extract(markdown).facts.filter((f) => f.attribute === 'domain');
    expect(domains.map((f) => (f.value as { weightPercent: number }).weightPercent)).toEqual([40, 60]);
  });

  it('scans tags and expressions in one pass, keeping offsets into the source', () => {
    const html = '<Card a="x" :list="[\'p\', { label: \'q\' }]" b={{ c: 1 }} d/>';
    const [tag] = scanTags(html);
    expect(tag?.name.value).toBe('Card');
    expect(tag?.attributes.map((a) => [a.name.value, a.value.value, a.expression])).toEqual([
      ['a', 'x', false],
      [':list', "['p', { label: 'q' }]", true],
      ['b', '{ c: 1 }', true],
    ]);
    const code = "[{ id: 'k', label: 'Alpha', children: ['Beta'] }, 'Gamma']";
    expect(expressionItems(code).map((i) => [i.text.value, i.depth, code.slice(i.text.at, i.text.at + 5)])).toEqual([
      ['Alpha', 1, 'Alpha'],
      ['Beta', 2, "Beta'"],
      ['Gamma', 1, 'Gamma'],
    ]);
  });

  it('reads unterminated or deeply nested input without error (hostile markup)', () => {
    expect(() => scanTags(`<X a="${'['.repeat(5000)}`)).not.toThrow();
    expect(expressionItems(`${'['.repeat(20_000)}'a'`)).toEqual([
      { text: { value: 'a', at: 20_001 }, array: 19_999, depth: 20_000 },
    ]);
    expect(() => extract(`# WA-101\n\n<X :a="${'[{ label: '.repeat(2000)}" />\n`)).not.toThrow();
  });
});

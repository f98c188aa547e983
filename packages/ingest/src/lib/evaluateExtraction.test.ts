import { describe, expect, it } from 'vitest';
import { evaluateExtraction, formatEvaluation, type GoldSet, quoteLines, valueKey } from './evaluateExtraction.ts';

// A made-up page in our own words: the fee twice, a length, and a practice-test size that must not be a fact.
const page = [
  '# Widget Exam notes',
  'The Widget exam costs $120.',
  'Practice pack: 40 questions.',
  '| Fee | $120 |',
  'It lasts 90 minutes.',
].join('\n');

const gold: GoldSet = {
  sources: { 'a.md': {} },
  facts: [
    { exam: 'widget', attribute: 'fee', value: { amount: 120, currency: 'USD' }, file: 'a.md', quote: 'costs $120' },
    {
      exam: 'widget',
      attribute: 'fee',
      value: { amount: 120, currency: 'USD' },
      file: 'a.md',
      quote: '| Fee | $120 |',
    },
    { exam: 'widget', attribute: 'duration', value: { minutes: 90 }, file: 'a.md', quote: '90 minutes' },
    { exam: 'gadget', attribute: 'duration', value: { minutes: 60 }, file: 'a.md', quote: 'Widget' },
  ],
  distractors: [
    { attribute: 'questions', value: { min: 40, max: 40 }, file: 'a.md', quote: '40 questions', why: 'practice' },
  ],
};

describe('evaluateExtraction', () => {
  it('pairs each gold statement with a produced fact of the same exam, attribute, value and file', () => {
    const report = evaluateExtraction(
      gold,
      [
        {
          exam: 'widget',
          attribute: 'fee',
          value: { amount: 120, currency: 'USD', plusTax: true },
          file: 'a.md',
          line: 4,
          quote: '',
        },
        { exam: 'widget', attribute: 'questions', value: { min: 40, max: 40 }, file: 'a.md', line: 3, quote: '' },
        { exam: 'widget', attribute: 'duration', value: { minutes: 95 }, file: 'a.md', line: 5, quote: '' },
        { exam: 'widget', attribute: 'language', value: { languages: ['English'] }, file: 'a.md', line: 2, quote: '' },
      ],
      new Map([['a.md', page]]),
      new Set(['widget']),
    );
    expect(report.overall).toEqual({ gold: 4, found: 1, produced: 3, correct: 1 });
    expect(report.catalogOverall.gold).toBe(3);
    expect(report.byAttribute.get('fee')).toEqual({ gold: 2, found: 1, produced: 1, correct: 1 });
    expect(report.distractorsAttributed.map((d) => d.distractor.why)).toEqual(['practice']);
    expect(report.unannotated.get('language')).toBe(1);
    expect(report.misses.map((m) => m.quote)).toEqual(['costs $120', '90 minutes', 'Widget']);
    const text = formatEvaluation(report);
    expect(text.split('\n')[0]).toMatchInlineSnapshot(
      `"recall 0.25 overall (1/4), 0.33 on the 1 catalog exams (1/3); precision 0.33 (1/3); distractors attributed: 1"`,
    );
  });

  it('compares domain names loosely on punctuation and case, but weights exactly', () => {
    expect(valueKey('domain', { name: 'Data & Models', weightPercent: 20, order: 3, list: 'x' })).toBe(
      valueKey('domain', { name: 'data and models', weightPercent: 20 }),
    );
    expect(valueKey('domain', { name: 'A', weightPercent: null, weightRange: [10, 15] })).not.toBe(
      valueKey('domain', { name: 'A', weightPercent: null }),
    );
  });

  it('finds the lines a quote spans', () => {
    expect(quoteLines('a\nbc\nd', 'c\nd')).toEqual({ first: 2, last: 3 });
    expect(quoteLines('abc', 'x')).toBeNull();
  });
});

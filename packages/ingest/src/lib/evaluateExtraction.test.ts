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
  it('gives every page of the set a row, one with nothing to score too', () => {
    const withEmptyPage: GoldSet = { ...gold, sources: { ...gold.sources, 'b.md': {} } };
    const report = evaluateExtraction(withEmptyPage, [], new Map([['a.md', page]]), new Set(['widget']));
    expect(report.byFile.get('b.md')).toEqual({ gold: 0, found: 0, produced: 0, correct: 0 });
    expect(formatEvaluation(report)).toMatch(/^b\.md +0 +0 +- +0 +0 +- *$/m);
  });

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
      `"recall 0.25 overall (1/4), 0.33 on the 1 catalog exams (1/3); precision 0.33 (1/3) on the gold set's 2 exams; distractors attributed: 1"`,
    );
  });

  it("judges facts for the gold set's exams only, but a distractor hit that is not about the fact's exam stays wrong", () => {
    // A comparison page in our own words: the gold set annotates Widget only; Gizmo is catalogued but not annotated.
    const text = [
      '| Exam | Fee |',
      '| Widget | $120 |',
      '| Gizmo | $300 |',
      'A course bundle for Gizmo learners: $49.',
      'Widget and Gizmo both take 90 minutes.',
    ].join('\n');
    const set: GoldSet = {
      sources: { 'b.md': {} },
      facts: [
        { exam: 'widget', attribute: 'fee', value: { amount: 120, currency: 'USD' }, file: 'b.md', quote: '$120' },
        { exam: 'widget', attribute: 'duration', value: { minutes: 90 }, file: 'b.md', quote: '90 minutes' },
      ],
      distractors: [
        { attribute: 'fee', value: null, file: 'b.md', quote: '| Gizmo | $300 |', why: 'Gizmo price, not annotated' },
        { attribute: 'fee', value: null, file: 'b.md', quote: 'course bundle', why: 'a course, not an exam' },
      ],
    };
    const fact = (exam: string, attribute: string, value: Record<string, unknown>, line: number) => ({
      exam,
      attribute,
      value,
      file: 'b.md',
      line,
      quote: '',
    });
    const produced = [
      fact('widget', 'fee', { amount: 120, currency: 'USD' }, 2),
      fact('gizmo', 'fee', { amount: 300, currency: 'USD' }, 3),
      fact('gizmo', 'fee', { amount: 49, currency: 'USD' }, 4),
      fact('gizmo', 'duration', { minutes: 90 }, 5),
    ];
    const examsNamedIn = (t: string) => new Set(['widget', 'gizmo'].filter((e) => t.toLowerCase().includes(e)));
    const report = evaluateExtraction(set, produced, new Map([['b.md', text]]), new Set(['widget', 'gizmo']), {
      examsNamedIn,
    });
    expect([...report.goldExams]).toEqual(['widget']);
    // Judged: Widget's fee (right) and the course price given to Gizmo (a distractor about no exam: wrong).
    expect(report.overall).toMatchObject({ produced: 2, correct: 1 });
    expect(report.distractorsAttributed.map((d) => d.distractor.why)).toEqual(['a course, not an exam']);
    // Not judged: Gizmo's own price (its distractor names Gizmo) and Gizmo's duration (on no distractor).
    expect(report.unscored.map((u) => [u.fact.attribute, u.distractor?.why ?? null])).toEqual([
      ['fee', 'Gizmo price, not annotated'],
      ['duration', null],
    ]);
    expect(formatEvaluation(report, { details: false }).split('\n').slice(0, 2)).toMatchInlineSnapshot(`
      [
        "recall 0.50 overall (1/2), 0.50 on the 2 catalog exams (1/2); precision 0.50 (1/2) on the gold set's 1 exams; distractors attributed: 1",
        "unscored: exam not in the gold set's 1 exams, 2 facts (gizmo 2); the full report lists them for a human to check",
      ]
    `);
    // Without a way to read which exams a distractor names, every distractor hit is wrong.
    const strict = evaluateExtraction(set, produced, new Map([['b.md', text]]), new Set(['widget', 'gizmo']));
    expect(strict.overall).toMatchObject({ produced: 3, correct: 1 });
    expect(strict.unscored).toHaveLength(1);
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

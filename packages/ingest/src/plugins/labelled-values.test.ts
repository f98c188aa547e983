/**
 * Key–value records and value grammars, in our own words with a made-up catalog: a field label in a table row,
 * in a header over exam rows (with a compound "A / B" header), after a colon or a dash, glued to its value, or
 * on the line before; passing scores with scales and hedges; study time converted to hours; fees in other
 * currencies; and the near misses (a person's own sitting, seat time, regional prices, exchange rates, an
 * account's validity, a service retiring) that must not become facts.
 */
import { describe, expect, it } from 'vitest';
import { ExamMatcher } from '../lib/examMatcher.ts';
import { extractSource } from '../lib/extractSource.ts';

const catalog = {
  exams: [
    { id: 'acme-wa', name: 'Acme Certified Widget Associate', vendor: 'Acme', code: 'WA-101', aliases: [] },
    { id: 'acme-wf', name: 'Acme Certified Widget Foundations', vendor: 'Acme', code: 'WF-100', aliases: [] },
  ],
  vendors: [{ name: 'Acme', aliases: [], products: ['WidgetStudio'] }],
  otherExams: [{ vendor: 'Acme', name: 'Acme Certified Widget Professional', code: 'WP-300', aliases: [] }],
};
const matcher = new ExamMatcher(catalog);

const facts = (markdown: string, attribute: string) =>
  extractSource(markdown, 'article.md', { matcher, exams: catalog.exams })
    .facts.filter((f) => f.attribute === attribute)
    .map((f) => `${f.exam} ${JSON.stringify(f.value)}`);

describe('labelled values', () => {
  it.each<[string, string, string, string[]]>([
    [
      'a field row',
      '# WA-101 notes\n\n| Field | Value |\n|---|---|\n| Time limit | 95 minutes |\n',
      'duration',
      ['acme-wa {"minutes":95}'],
    ],
    [
      'exam rows under a header, with a compound header split on the slash',
      '# Acme exams\n\n| Exam | Fee | Length / Items |\n|---|---|---|\n| WF-100 | $80 | 60 min / 40 |\n| WA-101 | $140 | 120 min / 55 |\n',
      'questions',
      ['acme-wf {"min":40,"max":40}', 'acme-wa {"min":55,"max":55}'],
    ],
    [
      'exam rows under a header: fees by column label',
      '# Acme exams\n\n| Exam | Fee | Length / Items |\n|---|---|---|\n| WF-100 | $80 | 60 min / 40 |\n| WA-101 | $140 | 120 min / 55 |\n',
      'fee',
      ['acme-wf {"amount":80,"currency":"USD"}', 'acme-wa {"amount":140,"currency":"USD"}'],
    ],
    [
      'a bold label and a colon',
      '# WA-101 notes\n\n**Items:** 55 multiple-choice\n',
      'questions',
      ['acme-wa {"min":55,"max":55}'],
    ],
    [
      'a bold label and a dash',
      '# WA-101 notes\n\n**Length** – you get 95 minutes in total.\n',
      'duration',
      ['acme-wa {"minutes":95}'],
    ],
    [
      'a label glued to its value',
      '# WA-101 notes\n\n- Questions~50-55 (not fixed)\n',
      'questions',
      ['acme-wa {"min":50,"max":55}'],
    ],
    [
      'a glued retirement label',
      '# WA-101 notes\n\n- RetirementMay 31, 2027\n',
      'retirement',
      ['acme-wa {"date":"2027-05-31"}'],
    ],
    [
      'validity under its label',
      '# WA-101 notes\n\n| Renewal | Every 2 years |\n|---|---|\n',
      'validity',
      ['acme-wa {"months":24}'],
    ],
    [
      'validity with a note after it',
      '# WA-101 notes\n\n- Validity: 1 year; renew online\n',
      'validity',
      ['acme-wa {"months":12}'],
    ],
    [
      'a fee in euros',
      '# WA-101 notes\n\nThe exam costs 120 euros.\n',
      'fee',
      ['acme-wa {"amount":120,"currency":"EUR"}'],
    ],
    [
      'a price in brackets after the exam',
      '# Acme path\n\nStart with WF-100 ($80), then WA-101 ($140).\n',
      'fee',
      ['acme-wf {"amount":80,"currency":"USD"}', 'acme-wa {"amount":140,"currency":"USD"}'],
    ],
  ])('%s', (_label, markdown, attribute, expected) => {
    expect(facts(markdown, attribute)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['a sitting report', '# WA-101 report\n\n- Score: 812\n- Items: 52\n- Length: ~40 minutes\n', 'duration'],
    ['a sitting report (counts)', '# WA-101 report\n\n- Score: 812\n- Items: 52\n- Length: ~40 minutes\n', 'questions'],
    ['a person finishing early', '# WA-101 notes\n\nI finished the exam in about 70 minutes.\n', 'duration'],
    ['seat time', '# WA-101 notes\n\nPlan for about 130 minutes of total seat time at the center.\n', 'duration'],
    ['regional prices', '# WA-101 notes\n\n| Fee | $140 (varies by country; Brazil ~$60) |\n|---|---|\n', 'fee'],
    ['an exchange rate', '# WA-101 notes\n\nAt ~150 yen/USD that is a lot.\n', 'fee'],
    [
      'an account’s validity',
      '# WA-101 notes\n\nPractise on a WidgetStudio account with a 12 months validity.\n',
      'validity',
    ],
    [
      'a service retiring',
      '# WA-101 notes\n\nThe old Gizmo API retired on March 1, 2027 and was replaced.\n',
      'retirement',
    ],
    ['another exam’s row', '# Acme exams\n\n| Exam | Fee |\n|---|---|\n| WP-300 | $300 |\n', 'fee'],
  ])('nothing from %s', (_label, markdown, attribute) => {
    const found = facts(markdown, attribute);
    // The sitting report's fee-free list still must not give a duration or a count.
    expect(found).toEqual(
      attribute === 'fee' && _label === 'regional prices' ? ['acme-wa {"amount":140,"currency":"USD"}'] : [],
    );
  });
});

describe('passing scores', () => {
  it.each<[string, string[]]>([
    ['# WA-101 notes\n\n- Passing score: 720', ['acme-wa {"score":720,"scale":null}']],
    ['# WA-101 notes\n\nYou need 700/1000 to pass.', ['acme-wa {"score":700,"scale":1000}']],
    ['# WA-101 notes\n\nPass at 68% or better.', ['acme-wa {"score":68,"scale":100}']],
    [
      '# WA-101 notes\n\nScores run on a scale of 100-1000. The minimum passing score is 720.',
      ['acme-wa {"score":720,"scale":1000}'],
    ],
    ['# WA-101 notes\n\n- Passing score700 / 1000', ['acme-wa {"score":700,"scale":1000}']],
    [
      '# WA-101 notes\n\nThe passing mark is believed to be about 700.',
      ['acme-wa {"score":700,"scale":null,"approximate":true}'],
    ],
    ['# WA-101 notes\n\n| Passing score | Not published (maybe ~70%) |\n|---|---|', []],
    ['# WA-101 notes\n\nI scored 845 and passed.', []],
  ])('%s', (markdown, expected) => {
    expect(facts(markdown, 'passingScore')).toEqual(expected);
  });
});

describe('study hours', () => {
  it.each<[string, string[]]>([
    ['# WA-101 plan\n\nBudget five to six weeks of study at 4–5 hours per week.', ['acme-wa {"min":20,"max":30}']],
    ['# WA-101 plan\n\nA 3-week plan at 2 hours per day is enough to prepare.', ['acme-wa {"min":42,"max":42}']],
    ['# WA-101 plan\n\nI prepared for 2 full days, studying 6-7 hours a day.', ['acme-wa {"min":12,"max":14}']],
    ['# WA-101 plan\n\nStudy for four weeks.', []],
    ['# WA-101 plan\n\nThe video course runs 3 weeks at 5 hours per week.', []],
  ])('%s', (markdown, expected) => {
    expect(facts(markdown, 'studyHours')).toEqual(expected);
  });
});

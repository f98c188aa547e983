/**
 * Figures about something beside the exam (a course, a learning plan, a discount) are not the exam's, and a few
 * shapes writers use for the exam's own figures (a spaced range, a plan in weeks at hours per week): our own
 * words, a made-up catalog, table-driven with near misses.
 */
import { describe, expect, it } from 'vitest';
import { acmeWidgetFacts as facts } from '../../test/acmeWidgetFacts.ts';

describe('a course or learning plan’s length is not the exam’s duration', () => {
  it.each<[string, string, string[]]>([
    ['a learning plan that "takes" hours', 'The official learning plan takes about 10 hours.', []],
    ['a learning path', 'Expect the learning path to take around 6 hours.', []],
    ['a tutorial series', 'The tutorial series lasts 3 hours in total.', []],
    [
      'a list of titled resources, one with "Exam" in its title',
      '**Resources**  \nGadget Fundamentals - (3 hours)  \nExam Readiness Walkthrough - (4.5 hours)',
      [],
    ],
    ['near miss: the exam itself takes hours', 'The WA-101 exam takes 2 hours.', ['{"minutes":120}']],
    [
      'near miss: the exam in prose before a bracketed length',
      'Book the exam early (130 minutes).',
      ['{"minutes":130}'],
    ],
    ['near miss: the exam’s name before a bracketed length', 'WA-101 Exam (150 minutes)', ['{"minutes":150}']],
  ])('%s', (_name, body, expected) => {
    expect(facts(body, 'duration')).toEqual(expected);
  });
});

describe('a percentage off a price is not a passing score', () => {
  it.each<[string, string, string[]]>([
    ['a voucher before "passing"', 'Renewal is by retake, but a 50% voucher applies after passing.', []],
    ['"off"', 'Passing the exam earns you 50% off the next one.', []],
    ['a renewal discount', 'Once you pass you get a 50% renewal discount.', []],
    ['near miss: a percentage to pass', 'You need 70% to pass.', ['{"score":70,"scale":100}']],
  ])('%s', (_name, body, expected) => {
    expect(facts(body, 'passingScore')).toEqual(expected);
  });
});

describe('question counts given as a range, beside a person’s own count', () => {
  it.each<[string, string, string[]]>([
    [
      'a spaced en-dash range after "although"',
      'I had 52 questions although it can vary between 40 – 60 questions.',
      ['{"min":40,"max":60}'],
    ],
    ['near miss: the person’s count alone', 'I had 52 questions on the day.', []],
  ])('%s', (_name, body, expected) => {
    expect(facts(body, 'questions')).toEqual(expected);
  });
});

describe('study hours from a period at a rate', () => {
  it.each<[string, string, string[]]>([
    [
      'weeks at hours per week, with no word of study nearby',
      'A fair range for WA-101 is five to seven weeks at 4–6 hours per week.',
      ['{"min":20,"max":42}'],
    ],
    ['days of hours a day', 'For WA-101, plan on 3 days of 8 hours a day.', ['{"min":24,"max":24}']],
    ['near miss: a rate alone is no plan', 'WA-101 candidates put in 4–6 hours per week.', []],
    ['near miss: a course’s schedule', 'The WA-101 video course runs four weeks at 3 hours per week.', []],
  ])('%s', (_name, body, expected) => {
    expect(facts(body, 'studyHours')).toEqual(expected);
  });
});

describe('"practice" names a practice resource only with its noun', () => {
  const spec = 'WA-101 moves up to widget engineering practice at $150, 130 minutes, 65 questions.';
  it.each<[string, string, string, string[]]>([
    ['the exam’s specs after "engineering practice": fee', spec, 'fee', ['{"amount":150,"currency":"USD"}']],
    ['the exam’s specs after "engineering practice": questions', spec, 'questions', ['{"min":65,"max":65}']],
    ['near miss: a practice test’s price', 'The WA-101 practice test bundle costs $40.', 'fee', []],
    ['near miss: a practice set’s size', 'The WA-101 practice set has 65 questions.', 'questions', []],
    ['near miss: practice questions counted', 'The WA-101 guide comes with 200 practice questions.', 'questions', []],
  ])('%s', (_name, body, attribute, expected) => {
    expect(facts(body, attribute)).toEqual(expected);
  });
});

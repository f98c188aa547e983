/**
 * Figures a page dates to a past or beta version, and figures told as a person's own sitting, through the whole
 * pipeline (our own words, a made-up catalog): a dated figure gives way to the current one on the same page, and
 * stays where the page gives no other.
 */
import { describe, expect, it } from 'vitest';
import { acmeWidgetFacts as facts } from '../../test/acmeWidgetFacts.ts';

describe('a dated figure gives way to the current one on the same page', () => {
  it.each<[string, string, string, string[]]>([
    [
      'a beta length, then the current one',
      'The beta version was 170 minutes. Today the exam lasts 130 minutes.',
      'duration',
      ['{"minutes":130}'],
    ],
    [
      'an old question count in the same sentence as the new one',
      'The old version had 85 questions, but the exam now has 65 questions.',
      'questions',
      ['{"min":65,"max":65}'],
    ],
    [
      'a price until a past month, then the price',
      'Until March 2025 it cost $300. The exam fee is $150.',
      'fee',
      ['{"amount":150,"currency":"USD"}'],
    ],
    [
      'the current figure first, the beta after',
      'The exam is 130 minutes long. During the beta it ran 170 minutes.',
      'duration',
      ['{"minutes":130}'],
    ],
    [
      'near miss: only a beta figure (an exam still in beta) stays',
      'The beta exam is 170 minutes long.',
      'duration',
      ['{"minutes":170}'],
    ],
    [
      'near miss: a past-tense report of the current exam is current',
      'The exam was 130 minutes long and had 65 questions.',
      'duration',
      ['{"minutes":130}'],
    ],
    [
      'near miss: two current figures that disagree both stay (a conflict for reconciliation)',
      'The exam lasts 130 minutes. Some guides say the exam lasts 120 minutes.',
      'duration',
      ['{"minutes":130}', '{"minutes":120}'],
    ],
  ])('%s', (_name, body, attribute, expected) => {
    expect(facts(body, attribute)).toEqual(expected);
  });
});

describe('a person’s own sitting is not the exam’s figure, another statement beside it does not make it one', () => {
  it.each<[string, string, string, string[]]>([
    [
      'the exam’s length, then the person',
      'The WA-101 exam lasts 140 minutes, and I used nearly all of it.',
      'duration',
      ['{"minutes":140}'],
    ],
    ['the person’s own time', 'I finished in about 120 minutes.', 'duration', []],
    ['the person’s own count', 'I got 43 questions on my sitting.', 'questions', []],
    [
      'the exam’s count after the person’s time',
      'I finished early, but the exam has 65 questions.',
      'questions',
      ['{"min":65,"max":65}'],
    ],
  ])('%s', (_name, body, attribute, expected) => {
    expect(facts(body, attribute)).toEqual(expected);
  });
});

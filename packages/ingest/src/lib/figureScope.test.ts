/**
 * Time and speaker of a figure, read from its coordinated statement: table-driven, in our own words, with the
 * near misses that must keep a figure current or the exam's.
 */
import { describe, expect, it } from 'vitest';
import { isPersonalAt } from '../plugins/shared.ts';
import { datedToPast, figureScope } from './figureScope.ts';

/** The offset of the first occurrence of `figure` in `text` (each case writes its figure once). */
const at = (text: string, figure: string) => {
  const i = text.indexOf(figure);
  if (i < 0) throw new Error(`"${figure}" is not in "${text}"`);
  return i;
};

describe('figureScope: the coordinated statement around a figure', () => {
  it.each<[string, string, string, string]>([
    [
      'a comma with "and" ends a statement',
      'The exam lasts 140 minutes, and I used all of it.',
      '140',
      'The exam lasts 140 minutes',
    ],
    ['"but" ends one without a comma', 'It used to cost $300 but now costs $150.', '$150', 'now costs $150.'],
    [
      'a semicolon ends one',
      'The beta ran 170 minutes; the exam runs 130 minutes.',
      '130',
      ' the exam runs 130 minutes.',
    ],
    ['near miss: a plain comma does not', 'I sat the exam, in 120 minutes.', '120', 'I sat the exam, in 120 minutes.'],
    [
      'near miss: a bare "and" does not',
      'It has 65 questions and lasts 130 minutes.',
      '130',
      'It has 65 questions and lasts 130 minutes.',
    ],
  ])('%s', (_name, text, figure, expected) => {
    const s = figureScope(text, at(text, figure));
    expect(text.slice(s.start, s.end)).toBe(expected);
  });
});

describe('datedToPast: the page dates the figure to a version no longer current', () => {
  it.each<[string, string, string, boolean]>([
    ['a beta version', 'The beta version was 170 minutes.', '170', true],
    ['an old version', 'The old version had 65 questions.', '65', true],
    ['"until" a past month', 'Until March 2025 it cost $300.', '$300', true],
    ['"used to"', 'The exam used to cost $300.', '$300', true],
    ['a previous edition named by its own word', 'The previous exam guide asked 85 questions.', '85', true],
    ['"no longer"', 'The test no longer has 85 questions.', '85', true],
    ['a beta figure after the figure', 'It ran 170 minutes during the beta.', '170', true],
    ['near miss: the current figure after "but now"', 'It used to cost $300 but now costs $150.', '$150', false],
    [
      'near miss: "now" is nearer than "beta"',
      'After the pilot, which was a beta, the exam is now 130 minutes.',
      '130',
      false,
    ],
    ['near miss: out of beta', 'Now out of beta, the exam is 130 minutes.', '130', false],
    [
      'near miss: the current exam beside the old one',
      'The old version had 85 questions and the new one has 65.',
      '65',
      false,
    ],
    ['near miss: past tense alone is a report, not a version', 'The exam was 130 minutes long.', '130', false],
    ['near miss: no cue at all', 'Candidates get 90 minutes.', '90', false],
  ])('%s', (_name, text, figure, expected) => {
    expect(datedToPast(text, at(text, figure))).toBe(expected);
  });
});

describe('isPersonalAt: a person’s own sitting, not the exam’s figure', () => {
  it.each<[string, string, string, boolean]>([
    ['"I finished"', 'I finished in about 120 minutes.', '120', true],
    ['"I got"', 'In the end I got 43 questions.', '43', true],
    ['"took me"', 'It took me 100 minutes to get through it.', '100', true],
    ['a plain comma keeps the statement personal', 'I sat the exam, in 120 minutes.', '120', true],
    [
      'near miss: the exam’s length, then the person',
      'The exam lasts 140 minutes, and I used nearly all of it.',
      '140',
      false,
    ],
    [
      'near miss: the person, then the exam’s length',
      'I got through it, but the exam allows 130 minutes.',
      '130',
      false,
    ],
    ['near miss: no person', 'The exam lasts 140 minutes.', '140', false],
  ])('%s', (_name, text, figure, expected) => {
    expect(isPersonalAt(text, at(text, figure))).toBe(expected);
  });
});

/**
 * Exam-guide objectives as claims: one claim per objective (its number, or its domain and label where the guide
 * numbers none); sources agree when they label it alike, and a reworded label under the same number is a
 * low-severity conflict a reviewer sees.
 */
import { describe, expect, it } from 'vitest';
import { makeFact, makeSource } from '../lib/testFacts.ts';
import type { AttributeValue } from '../schema/dataset.ts';
import { comparableValue, setKeyOf } from './comparableValue.ts';
import { reconcile } from './reconcile.ts';

const objective = (value: AttributeValue<'objective'>, source: string) =>
  makeFact('objective', value, { source, quote: `${value.ref ?? ''} ${value.label} (${source})` });

describe('objective facts', () => {
  it('are keyed by their number, or by domain and label when unnumbered', () => {
    expect(setKeyOf(objective({ domain: 'Data Preparation', ref: '1.2', label: 'Clean data' }, 'a'))).toBe('1.2');
    expect(setKeyOf(objective({ domain: 'ML Ops', ref: null, label: 'Monitor drift!' }, 'a'))).toBe(
      'machine learning ops: monitor drift',
    );
  });

  it('agree on a label that differs only in case and punctuation, and show the number in the label', () => {
    const a = comparableValue('objective', { domain: 'D', ref: '2.1', label: 'Train and refine models' });
    const b = comparableValue('objective', { domain: 'D', ref: '2.1', label: 'train & refine models.' });
    expect(a.agreementKey).toBe(b.agreementKey);
    expect(a.label).toBe('2.1 Train and refine models');
    expect(comparableValue('objective', { domain: 'D', ref: null, label: 'Train' }).label).toBe('Train');
  });

  it('make one claim per objective; a reworded label is a low-severity conflict', () => {
    const sources = [makeSource('guide', 'official', '2026-01-01'), makeSource('blog', 'secondary', '2026-02-01')];
    const facts = [
      objective({ domain: 'Fundamentals', ref: '1.1', label: 'Explain basic AI concepts' }, 'guide'),
      objective({ domain: 'Fundamentals', ref: '1.1', label: 'explain basic AI concepts' }, 'blog'),
      objective({ domain: 'Fundamentals', ref: '1.3', label: 'Describe the AI/ML development lifecycle' }, 'guide'),
      objective({ domain: 'Fundamentals', ref: '1.3', label: 'Describe the ML development lifecycle' }, 'blog'),
    ];
    const result = reconcile({ exams: [], sources, facts, reviews: [] });
    expect(result.claims.map((c) => [c.id, c.status, c.value])).toEqual([
      ['exam-a.objective.1-1', 'agreed', { domain: 'Fundamentals', ref: '1.1', label: 'Explain basic AI concepts' }],
      [
        'exam-a.objective.1-3',
        'policy',
        { domain: 'Fundamentals', ref: '1.3', label: 'Describe the AI/ML development lifecycle' },
      ],
    ]);
    expect(result.conflicts.map((c) => [c.attribute, c.key, c.severity])).toEqual([['objective', '1.3', 'low']]);
  });
});

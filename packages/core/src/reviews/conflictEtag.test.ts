import { describe, expect, it } from 'vitest';
import type { Conflict } from '../schema/dataset.ts';
import { conflictEtag } from './conflictEtag.ts';

const conflict: Conflict = {
  id: 'exam-a.duration.0123456789ab',
  exam: 'exam-a',
  attribute: 'duration',
  key: null,
  factIds: ['f1', 'f2'],
  severity: 'high',
  suggestion: { value: { minutes: 180 }, rationale: [{ factor: 'recency', text: 'newer' }] },
  review: null,
  factsDigest: '0123456789abcdef',
  sides: [
    { value: { minutes: 180 }, factIds: ['f1'] },
    { value: { minutes: 170 }, factIds: ['f2'] },
  ],
};

describe('conflictEtag', () => {
  it('is the same for the same content, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(conflict).reverse()) as Conflict;
    expect(conflictEtag(reordered)).toBe(conflictEtag(conflict));
    expect(conflictEtag(conflict)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when a review is applied, or the suggestion changes', () => {
    const reviewed: Conflict = {
      ...conflict,
      review: {
        conflict: conflict.id,
        decision: 'accept',
        note: 'ok',
        by: 'me',
        at: '2026-11-22',
        factsDigest: conflict.factsDigest,
      },
    };
    expect(conflictEtag(reviewed)).not.toBe(conflictEtag(conflict));
    expect(conflictEtag({ ...conflict, suggestion: { ...conflict.suggestion, value: { minutes: 170 } } })).not.toBe(
      conflictEtag(conflict),
    );
  });
});

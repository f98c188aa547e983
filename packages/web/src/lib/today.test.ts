import { describe, expect, it } from 'vitest';
import { formatDate, formatSourceDate } from './today.ts';

describe('formatSourceDate', () => {
  it('shows both dates when a source was updated after publication, one when they agree', () => {
    // Regression: the web showed only `published` while core's rationale dated the claim by `modified`.
    expect(formatSourceDate('2025-05-24', '2025-12-27')).toBe('published 24 May 2025, updated 27 Dec 2025');
    expect(formatSourceDate('2025-05-24', '2025-05-24')).toBe('24 May 2025');
    expect(formatSourceDate('2025-05-24', undefined)).toBe('24 May 2025');
    expect(formatSourceDate(null, '2025-12-27')).toBe('updated 27 Dec 2025');
    expect(formatSourceDate(null, null)).toBe(formatDate(null));
  });
});

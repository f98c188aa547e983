import { describe, expect, it } from 'vitest';
import { claim, mla, mls } from '../test/fixtures.ts';
import { examDomains } from './examDomains.ts';

describe('examDomains', () => {
  it("lists the domains claim's names in order", () => {
    expect(examDomains(mla)).toEqual(['Data Preparation', 'Model Development']);
  });

  it('falls back to per-domain claims, each name once, and ignores other attributes', () => {
    const exam = {
      ...mls,
      facts: {
        ...mls.facts,
        weights: [
          claim('domain', { name: 'Exploratory Data Analysis', weightPercent: 24 }),
          claim('domain', { name: 'Modeling', weightPercent: 36 }),
          claim('domain', { name: 'Modeling', weightPercent: null }),
          claim('fee', { amount: 300, currency: 'USD' }),
        ],
      },
    };
    expect(examDomains(exam)).toEqual(['Exploratory Data Analysis', 'Modeling']);
  });

  it('gives nothing for no exam or an exam without domains', () => {
    expect(examDomains(undefined)).toEqual([]);
    expect(examDomains(mls)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ClaimAttribute, ClaimValue } from '../schema/dataset.ts';
import { claimAttributeNames, formatClaimValue, formatExperience } from './formatClaimValue.ts';

describe('formatClaimValue: the words every package shows for a value', () => {
  it.each<[ClaimAttribute, ClaimValue, string]>([
    ['fee', { amount: 165, currency: 'usd', approximate: false, plusTax: false }, 'USD 165'],
    ['fee', { amount: 99.5, currency: 'EUR', approximate: true, plusTax: true }, 'about EUR 99.5 plus tax'],
    ['duration', { minutes: 100 }, '100 minutes'],
    ['questions', { min: 40, max: 55 }, '40–55 questions'],
    ['questions', { min: 60, max: 60 }, '60 questions'],
    ['experience', { kind: 'ml', minYears: 1, maxYears: null }, 'at least 1 year'],
    ['experience', { kind: 'industry', minYears: 2, maxYears: 4 }, '2–4 years'],
    ['validity', { months: 24 }, '2 years'],
    ['validity', { months: 30 }, '30 months'],
    ['notPublished', { attribute: 'fee' }, 'not published'],
    ['release', { date: '2026-04-14' }, 'released on 2026-04-14'],
    ['release', { date: '2026-03' }, 'released in March 2026'],
    ['release', { date: '2024-12' }, 'released in December 2024'],
    ['testVendor', { vendors: ['Pearson VUE'] }, 'Pearson VUE'],
    ['testVendor', { vendors: ['Pearson VUE', 'PSI'] }, 'Pearson VUE or PSI'],
  ] as [ClaimAttribute, ClaimValue, string][])('%s %j → %s', (attribute, value, expected) => {
    expect(formatClaimValue(attribute, value)).toBe(expected);
  });

  it('names the kind of experience only where asked (formatExperience), since a claim key already says it', () => {
    expect(formatExperience({ kind: 'platform', minYears: 1, maxYears: 1 })).toBe(
      '1 year of hands-on platform experience',
    );
    expect(formatExperience({ kind: 'ml', minYears: 0.5, maxYears: null })).toBe(
      'at least 0.5 years of machine learning experience',
    );
  });

  it('has a title and a phrase for every claim attribute', () => {
    for (const names of Object.values(claimAttributeNames)) {
      expect(names.title.length).toBeGreaterThan(0);
      expect(names.phrase.length).toBeGreaterThan(0);
    }
  });
});

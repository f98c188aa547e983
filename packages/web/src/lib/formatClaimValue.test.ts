import { describe, expect, it } from 'vitest';
import { claimTitle, formatClaimValue } from './formatClaimValue.ts';

describe('formatClaimValue', () => {
  it.each([
    ['fee', { amount: 300, currency: 'USD' }, '$300'],
    ['fee', { amount: 200, currency: 'USD', approximate: true, plusTax: true }, 'about $200 plus tax'],
    ['duration', { minutes: 180 }, '180 minutes'],
    ['questions', { min: 50, max: 60 }, '50–60 questions'],
    ['questions', { min: 65, max: 65 }, '65 questions'],
    ['experience', { minYears: 3, maxYears: null, kind: 'industry' }, '3+ years in industry'],
    ['experience', { minYears: 1, maxYears: 2, kind: 'ml' }, '1–2 years ML'],
    ['validity', { months: 36 }, '3 years'],
    ['validity', { months: 18 }, '18 months'],
    ['salary', { min: 100000, max: 150000, currency: 'USD', role: 'ML engineer' }, '$100,000–$150,000 (ML engineer)'],
    [
      'domains',
      {
        domains: [
          { name: 'Framing', weightPercent: 20 },
          { name: 'Serving', weightPercent: null },
        ],
        weightsKnown: false,
      },
      'Framing 20%; Serving',
    ],
    ['domains', { name: 'Modeling', weightPercent: 36, order: 2 }, 'Modeling: 36%'],
    ['objective', { domain: 'Data Handling', ref: '1.2', label: 'Clean data' }, '1.2 Clean data (Data Handling)'],
    ['objective', { domain: 'Data Handling', ref: null, label: 'Clean data' }, 'Clean data (Data Handling)'],
  ])('%s %j → %s', (attribute, value, expected) => {
    expect(formatClaimValue(attribute, value)).toBe(expected);
  });

  it('falls back to JSON for a shape it does not know, rather than failing', () => {
    expect(formatClaimValue('newAttribute', { x: 1 })).toBe('{"x":1}');
    expect(formatClaimValue('fee', { amount: 'lots' })).toBe('{"amount":"lots"}');
    expect(formatClaimValue('fee', null)).toBe('unknown');
  });
});

describe('claimTitle', () => {
  it('names the attribute and, in words, its key', () => {
    expect(claimTitle('experience', 'ml')).toBe('Recommended experience: ML');
    expect(claimTitle('domain', 'Modeling')).toBe('Domain: Modeling');
    expect(claimTitle('fee', null)).toBe('Fee');
  });
});

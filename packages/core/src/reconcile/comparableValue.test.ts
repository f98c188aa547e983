import { describe, expect, it } from 'vitest';
import { type ComparableAttribute, comparableValue, normalizeName } from './comparableValue.ts';

/** Each row: two statements of one attribute and whether the agreement rule says they agree. */
const agreementRules: { rule: string; attribute: ComparableAttribute; a: unknown; b: unknown; agree: boolean }[] = [
  {
    rule: '"$300" and "approximately $300" agree',
    attribute: 'fee',
    a: { amount: 300, currency: 'USD' },
    b: { amount: 300, currency: 'USD', approximate: true },
    agree: true,
  },
  {
    rule: '"$200 (plus tax)" and "approximately $200" agree',
    attribute: 'fee',
    a: { amount: 200, currency: 'USD', plusTax: true },
    b: { amount: 200, currency: 'usd', approximate: true },
    agree: true,
  },
  {
    rule: 'near miss: approximately $300 does not stretch to $299',
    attribute: 'fee',
    a: { amount: 300, currency: 'USD', approximate: true },
    b: { amount: 299, currency: 'USD' },
    agree: false,
  },
  {
    rule: 'near miss: the same amount in another currency',
    attribute: 'fee',
    a: { amount: 300, currency: 'USD' },
    b: { amount: 300, currency: 'EUR' },
    agree: false,
  },
  {
    rule: '170 and 180 minutes disagree',
    attribute: 'duration',
    a: { minutes: 170 },
    b: { minutes: 180 },
    agree: false,
  },
  {
    rule: '"two hours" and 120 minutes agree',
    attribute: 'duration',
    a: { minutes: 120 },
    b: { minutes: 120 },
    agree: true,
  },
  {
    rule: '"at least 2 years" [2,∞) and "1-2 years" [1,2] disagree on the recommended minimum',
    attribute: 'experience',
    a: { minYears: 2, maxYears: null, kind: 'ml' },
    b: { minYears: 1, maxYears: 2, kind: 'ml' },
    agree: false,
  },
  {
    rule: '"3+ years" and "3-5 years" agree on the minimum',
    attribute: 'experience',
    a: { minYears: 3, maxYears: null, kind: 'industry' },
    b: { minYears: 3, maxYears: 5, kind: 'industry' },
    agree: true,
  },
  {
    rule: 'near miss: half a year apart',
    attribute: 'experience',
    a: { minYears: 1, maxYears: null, kind: 'ml' },
    b: { minYears: 1.5, maxYears: null, kind: 'ml' },
    agree: false,
  },
  {
    rule: 'same question range agrees',
    attribute: 'questions',
    a: { min: 50, max: 60 },
    b: { min: 50, max: 60 },
    agree: true,
  },
  {
    rule: 'near miss: 60 questions is not "50-60 questions"',
    attribute: 'questions',
    a: { min: 60, max: 60 },
    b: { min: 50, max: 60 },
    agree: false,
  },
  {
    rule: 'languages agree whatever their order and case',
    attribute: 'language',
    a: { languages: ['English', 'Japanese'] },
    b: { languages: ['japanese', 'English'] },
    agree: true,
  },
  {
    rule: 'salaries with different ranges disagree',
    attribute: 'salary',
    a: { min: 110000, max: 150000, currency: 'USD', role: 'ML Engineer' },
    b: { min: 115000, max: 160000, currency: 'USD', role: 'ML Engineer' },
    agree: false,
  },
  {
    rule: 'domain lists agree up to order, case and punctuation',
    attribute: 'domains',
    a: {
      domains: [
        { name: 'Data Engineering', weightPercent: 20 },
        { name: 'Modeling', weightPercent: 80 },
      ],
      weightsKnown: true,
    },
    b: {
      domains: [
        { name: 'modeling', weightPercent: 80 },
        { name: 'Data engineering.', weightPercent: 20 },
      ],
      weightsKnown: true,
    },
    agree: true,
  },
  {
    rule: 'near miss: same names, one weight differs',
    attribute: 'domains',
    a: {
      domains: [
        { name: 'A', weightPercent: 20 },
        { name: 'B', weightPercent: 80 },
      ],
      weightsKnown: true,
    },
    b: {
      domains: [
        { name: 'A', weightPercent: 21 },
        { name: 'B', weightPercent: 80 },
      ],
      weightsKnown: true,
    },
    agree: false,
  },
  {
    rule: 'a list without weights differs from the same names with weights',
    attribute: 'domains',
    a: { domains: [{ name: 'A', weightPercent: null }], weightsKnown: false },
    b: { domains: [{ name: 'A', weightPercent: 100 }], weightsKnown: true },
    agree: false,
  },
];

describe('agreement rules', () => {
  it.each(agreementRules)('$rule', ({ attribute, a, b, agree }) => {
    const left = comparableValue(attribute, a).agreementKey;
    const right = comparableValue(attribute, b).agreementKey;
    expect(left === right).toBe(agree);
  });
});

describe('values as quantities with units', () => {
  it.each([
    ['experience', { minYears: 2, maxYears: null, kind: 'ml' }, { unit: 'year', lower: 2, upper: Infinity }],
    ['experience', { minYears: 1, maxYears: 2, kind: 'ml' }, { unit: 'year', lower: 1, upper: 2 }],
    ['fee', { amount: 300, currency: 'usd', approximate: true }, { unit: 'USD', lower: 300, upper: 300 }],
    ['duration', { minutes: 170 }, { unit: 'minute', lower: 170, upper: 170 }],
    ['questions', { min: 50, max: 60 }, { unit: 'question', lower: 50, upper: 60 }],
  ] as const)('%s %j is %j', (attribute, value, quantity) => {
    expect(comparableValue(attribute, value).quantity).toEqual(quantity);
  });

  it('labels say the interval in words', () => {
    expect(comparableValue('experience', { minYears: 2, maxYears: null, kind: 'ml' }).label).toBe('at least 2 years');
    expect(comparableValue('experience', { minYears: 1, maxYears: 2, kind: 'ml' }).label).toBe('1–2 years');
    expect(comparableValue('fee', { amount: 200, currency: 'USD', plusTax: true }).label).toBe('USD 200 plus tax');
  });

  it('an exact price is more specific than an approximate one', () => {
    const exact = comparableValue('fee', { amount: 300, currency: 'USD' });
    const approximate = comparableValue('fee', { amount: 300, currency: 'USD', approximate: true });
    expect(exact.specificity).toBeGreaterThan(approximate.specificity);
  });
});

describe('normalizeName', () => {
  it.each([
    ['ML Solution Monitoring, Maintenance, and Security', 'ml solution monitoring maintenance and security'],
    ['Data Preparation & Processing', 'data preparation and processing'],
    ['Machine Learning – Specialty', 'machine learning specialty'],
    ['  Spaced   out ', 'spaced out'],
  ])('%j → %j', (input, output) => {
    expect(normalizeName(input)).toBe(output);
  });
});

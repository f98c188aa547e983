import { describe, expect, it } from 'vitest';
import type { ClaimValue } from '../schema/dataset.ts';
import {
  type ComparableAttribute,
  comparableValue,
  consistent,
  covers,
  normalizeDomainName,
  normalizeName,
} from './comparableValue.ts';

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
    rule: 'a list without weights is not the same value as the same names with weights (it is covered, see below)',
    attribute: 'domains',
    a: { domains: [{ name: 'A', weightPercent: null }], weightsKnown: false },
    b: { domains: [{ name: 'A', weightPercent: 100 }], weightsKnown: true },
    agree: false,
  },
];

describe('agreement rules', () => {
  it.each(agreementRules)('$rule', ({ attribute, a, b, agree }) => {
    const left = comparableValue(attribute, a as ClaimValue).agreementKey;
    const right = comparableValue(attribute, b as ClaimValue).agreementKey;
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
    [
      'salary',
      { min: 120000, max: 150000, currency: 'USD', role: null },
      { unit: 'USD/year', lower: 120000, upper: 150000 },
    ],
    [
      'salary',
      { min: 120000, max: 150000, currency: 'USD', role: null, openEnded: true },
      { unit: 'USD/year', lower: 120000, upper: Infinity },
    ],
  ] as const)('%s %j is %j', (attribute, value, quantity) => {
    expect(comparableValue(attribute, value).quantity).toEqual(quantity);
  });

  it('labels say the interval in words', () => {
    expect(comparableValue('experience', { minYears: 2, maxYears: null, kind: 'ml' }).label).toBe('at least 2 years');
    expect(comparableValue('experience', { minYears: 1, maxYears: 2, kind: 'ml' }).label).toBe('1–2 years');
    expect(comparableValue('fee', { amount: 200, currency: 'USD', plusTax: true }).label).toBe('USD 200 plus tax');
    expect(
      comparableValue('salary', { min: 150000, max: 150000, currency: 'USD', role: null, openEnded: true }).label,
    ).toBe('USD 150000 or more a year');
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

type Entry = [name: string, weight: number | null];
const list = (...entries: Entry[]) =>
  comparableValue('domains', {
    domains: entries.map(([name, weightPercent]) => ({ name, weightPercent })),
    weightsKnown: entries.every(([, w]) => w !== null),
  });

/**
 * Domain lists, one row per rule: `a` is the less specific side. `covered`: `b` says everything `a` says and
 * more, so `a` backs `b`; `consistent`: neither contradicts the other.
 */
const coverageRules: { rule: string; a: Entry[]; b: Entry[]; covered: boolean; consistent: boolean }[] = [
  {
    rule: 'the same domains without weights are covered by them with weights',
    a: [
      ['data engineering', null],
      ['exploratory data analysis', null],
      ['modeling', null],
      ['machine learning implementation and operations', null],
    ],
    b: [
      ['Data Engineering', 20],
      ['Exploratory Data Analysis', 24],
      ['Modeling', 36],
      ['Machine Learning Implementation and Operations', 20],
    ],
    covered: true,
    consistent: true,
  },
  {
    rule: 'names match up to case, punctuation, order, "&"/"and" and "ML"/"machine learning"',
    a: [
      ['Data Preparation & Processing', null],
      ['ML model development.', null],
    ],
    b: [
      ['machine learning Model Development', 26],
      ['Data preparation and processing', 28],
    ],
    covered: true,
    consistent: true,
  },
  {
    rule: 'a list with some weights is covered by one that agrees on them and gives the rest',
    a: [
      ['A', 20],
      ['B', null],
    ],
    b: [
      ['A', 20],
      ['B', 80],
    ],
    covered: true,
    consistent: true,
  },
  {
    rule: 'near miss: lists that leave different weights open compete (neither covers the other, and merging them would make up a list no source gives)',
    a: [
      ['A', 20],
      ['B', null],
    ],
    b: [
      ['A', null],
      ['B', 80],
    ],
    covered: false,
    consistent: false,
  },
  {
    rule: 'near miss: the same names with one different weight',
    a: [
      ['A', 20],
      ['B', 80],
    ],
    b: [
      ['A', 25],
      ['B', 80],
    ],
    covered: false,
    consistent: false,
  },
  {
    rule: 'near miss: a weight given on the open side still has to match',
    a: [
      ['A', 25],
      ['B', null],
    ],
    b: [
      ['A', 20],
      ['B', 80],
    ],
    covered: false,
    consistent: false,
  },
  {
    rule: 'near miss: a subset of the names, without weights',
    a: [
      ['A', null],
      ['B', null],
    ],
    b: [
      ['A', 20],
      ['B', 30],
      ['C', 50],
    ],
    covered: false,
    consistent: false,
  },
  {
    rule: 'near miss: a superset of the names, without weights',
    a: [
      ['A', null],
      ['B', null],
      ['C', null],
      ['D', null],
    ],
    b: [
      ['A', 20],
      ['B', 30],
      ['C', 50],
    ],
    covered: false,
    consistent: false,
  },
  {
    rule: 'a domain named in other words ("Operations" for "ML Implementation and Operations", issue 15) is the same domain',
    a: [
      ['Modeling', null],
      ['Operations', null],
    ],
    b: [
      ['Modeling', 36],
      ['ML Implementation and Operations', 20],
    ],
    covered: true,
    consistent: true,
  },
  {
    rule: 'near miss: a different area sharing a word ("Deployment and Operations" is not "ML Implementation and Operations")',
    a: [
      ['Modeling', null],
      ['Deployment and Operations', null],
    ],
    b: [
      ['Modeling', 36],
      ['ML Implementation and Operations', 20],
    ],
    covered: false,
    consistent: false,
  },
  {
    rule: 'near miss: "AI" is not "ML"',
    a: [['Monitoring AI solutions', null]],
    b: [['Monitoring ML solutions', 100]],
    covered: false,
    consistent: false,
  },
  {
    rule: 'two lists without weights of the same names are the same value, not one covering the other',
    a: [
      ['A', null],
      ['B', null],
    ],
    b: [
      ['b', null],
      ['a', null],
    ],
    covered: false,
    consistent: true,
  },
];

describe('domain lists: less specific is not different', () => {
  it.each(coverageRules)('$rule', ({ a, b, covered, consistent: agree }) => {
    const [general, specific] = [list(...a), list(...b)];
    expect(covers(general, specific)).toBe(covered);
    // Coverage goes one way: the more specific list never says less than the other.
    expect(covers(specific, general)).toBe(false);
    expect(consistent(general, specific)).toBe(agree);
    expect(consistent(specific, general)).toBe(agree);
  });

  it('a list that names a domain twice counts the weight it gives once', () => {
    const twice = list(['Modeling', null], ['Data', 40], ['modeling', 60]);
    expect(twice.agreementKey).toBe(list(['Modeling', 60], ['Data', 40]).agreementKey);
  });

  it('specificity grows with the share of domains that have a weight', () => {
    const none = list(['A', null], ['B', null]).specificity;
    const some = list(['A', 20], ['B', null]).specificity;
    const all = list(['A', 20], ['B', 80]).specificity;
    expect([none < some, some < all]).toEqual([true, true]);
  });

  it.each([
    [
      'ML Solution Monitoring, Maintenance, and Security',
      'machine learning solution monitoring maintenance and security',
    ],
    ['Automating ML Pipelines', 'automating machine learning pipelines'],
    ['HTML and XML basics', 'html and xml basics'],
    ['MLOps', 'mlops'],
  ])('normalizeDomainName(%j) → %j', (input, output) => {
    expect(normalizeDomainName(input)).toBe(output);
  });
});

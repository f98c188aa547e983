import { describe, expect, it } from 'vitest';
import { bestDomainMatch, domainTokens, normalizeDomainName } from './matchDomain.ts';

const domains = [
  'Data Engineering',
  'Exploratory Data Analysis',
  'Modeling',
  'Machine Learning Implementation and Operations',
].map(domainTokens);

describe('matchDomain', () => {
  it('normalises numbering, weights and punctuation away', () => {
    expect(normalizeDomainName('Domain 1: ML Problem Framing (15%)')).toBe('ml problem framing');
    expect(normalizeDomainName('Data & Analytics')).toBe('data and analytics');
  });

  it.each([
    ['Domain 4: ML Implementation & Operations (20%)', 3],
    ['exploratory data analysis', 1],
    ['Data engineering', 0],
    ['Models', 2],
    ['Cooking', -1],
    ['Architecting data pipelines', -1],
  ])('%s → %i', (name, index) => {
    expect(bestDomainMatch(name, domains)).toBe(index);
  });
});

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

  it('matches verb forms ("Automating" ~ "Automate")', () => {
    const gcp = ['Automate and orchestrate ML pipelines', 'Serve and scale models'].map(domainTokens);
    expect(bestDomainMatch('Automating ML Pipelines', gcp)).toBe(0);
    expect(bestDomainMatch('Serving models at scale', gcp)).toBe(1);
  });

  it.each([
    ['Domain 4: ML Implementation & Operations (20%)', 3],
    ['exploratory data analysis', 1],
    ['Data engineering', 0],
    ['Models', 2],
    ['Cooking', -1],
    ['Architecting data pipelines', -1],
    ['Machine learning implementation & operation', 3],
  ])('%s → %i', (name, index) => {
    expect(bestDomainMatch(name, domains)).toBe(index);
  });
});

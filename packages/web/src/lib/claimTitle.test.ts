import { describe, expect, it } from 'vitest';
import { attributeLabel, claimTitle } from './claimTitle.ts';

describe('claimTitle', () => {
  it('names the attribute and, in words, its key', () => {
    expect(claimTitle('experience', 'platform')).toBe('Recommended experience: hands-on platform');
    expect(claimTitle('domain', 'Deploying Models')).toBe('Domain: Deploying Models');
    expect(claimTitle('fee', null)).toBe('Fee');
  });

  it('names the figure a "not published" claim stands for by its title', () => {
    expect(claimTitle('notPublished', 'passingscore')).toBe('Passing score');
    // Near miss: a key that names no attribute is shown as it is.
    expect(claimTitle('notPublished', 'pricing tiers')).toBe('pricing tiers');
  });

  it('shows an attribute core does not name as it is, rather than failing', () => {
    expect(attributeLabel('newAttribute')).toBe('newAttribute');
  });
});

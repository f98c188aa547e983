import { describe, expect, it } from 'vitest';
import { citation } from '../test/fixtures.ts';
import { claimStatusLabel } from './claimStatusLabel.ts';

describe('claimStatusLabel', () => {
  const from = (...sources: string[]) => sources.map((source) => citation({ source }));

  it('an agreed claim: "sources agree" from two distinct sources, else uncontested', () => {
    expect(claimStatusLabel({ status: 'agreed', citations: from('a', 'b') })).toBe('sources agree');
    expect(claimStatusLabel({ status: 'agreed', citations: from('a', 'a', 'a') })).toBe('one source, uncontested');
    expect(claimStatusLabel({ status: 'agreed', citations: [] })).toBe('uncontested');
  });

  it('other statuses say how the claim was settled, whatever its sources', () => {
    expect(claimStatusLabel({ status: 'contested', citations: from('a') })).toBe('sources disagree');
    expect(claimStatusLabel({ status: 'reviewed', citations: from('a', 'b') })).toBe('decided by a reviewer');
    expect(claimStatusLabel({ status: 'policy', citations: from('a') })).toBe('decided by rule');
  });
});

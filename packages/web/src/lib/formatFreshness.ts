/**
 * A value's freshness in words, from the API's `{newest, stale, cause, reason}`: "as of May 2026" when current,
 * "stale: newest source March 2022" when not, saying why where an exam change (a newer guide, a retirement)
 * outdated it.
 */
import { formatMonthYear } from '@certplan/core';
import type { Freshness } from '../api/types.ts';

export function freshnessLabel(freshness: Pick<Freshness, 'newest' | 'stale' | 'cause'>): string {
  if (freshness.newest === null) return 'stale: no source gives a date';
  const newest = formatMonthYear(freshness.newest);
  if (!freshness.stale) return `as of ${newest}`;
  switch (freshness.cause) {
    case 'guide':
      return `stale: newest source ${newest}, before the current exam guide`;
    case 'retirement':
      return `stale: newest source ${newest}, before the exam retired`;
    default:
      return `stale: newest source ${newest}`;
  }
}

/** An exam's sources at a glance: "sources as of May 2026 · 2 of 14 values stale". */
export function examFreshnessLabel(freshness: { newest: string | null; staleClaims: number; claims: number }): string {
  const newest = freshness.newest === null ? 'no dated source' : `sources as of ${formatMonthYear(freshness.newest)}`;
  if (freshness.staleClaims === 0) return newest;
  return `${newest} · ${freshness.staleClaims} of ${freshness.claims} value${freshness.claims === 1 ? '' : 's'} stale`;
}

/**
 * The one authority order (official > editorial > secondary) every package ranks sources by: reconciliation
 * weighs positions with it, and anything that orders sources for a reader (citations, the conflicts CLI) uses
 * the same numbers so the two can never drift apart.
 */
import type { Authority } from '../schema/dataset.ts';

/** Higher is more authoritative. */
export const authorityRank: Readonly<Record<Authority, number>> = { official: 3, editorial: 2, secondary: 1 };

/** Sort comparator: the more authoritative first (negative when `a` outranks `b`). */
export function compareAuthority(a: Authority, b: Authority): number {
  return authorityRank[b] - authorityRank[a];
}

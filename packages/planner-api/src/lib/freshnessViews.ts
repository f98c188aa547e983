/**
 * Freshness for the API's answers, judged per request from the server's date (core's claimFreshness; nothing
 * is stored): each claim by the sources backing it and its exam's known changes, and an exam's summary.
 */
import { backingSources, type Claim, claimFreshness, examChangesOf, type Freshness } from '@certplan/core';
import type { ExamFreshness } from '../freshnessSchemas.ts';
import type { DatasetIndex } from './DatasetStore.ts';

export interface FreshnessOptions {
  /** The day freshness is judged from (YYYY-MM-DD). */
  asOf: string;
  thresholdMonths: number;
}

/** What views need to date claims: each claim's freshness and the options it was judged with. */
export interface FreshnessContext extends FreshnessOptions {
  byClaim: ReadonlyMap<string, Freshness>;
}

/** Freshness of each of these claims, judged by the sources backing it and its exam's known changes. */
export function freshnessOf(
  index: DatasetIndex,
  claims: readonly Claim[],
  options: FreshnessOptions,
): FreshnessContext {
  const changes = examChangesOf({ exams: [...index.examsById.values()], claims });
  const byClaim = new Map<string, Freshness>();
  for (const claim of claims) {
    const sources = backingSources(claim, index.factsById, index.sourcesById);
    byClaim.set(claim.id, claimFreshness(claim, sources, { ...options, changes: changes.get(claim.exam) }));
  }
  return { ...options, byClaim };
}

/** The exam's newest source over all its claims, and how many of them are stale. */
export function examFreshness(claims: readonly Claim[], context: FreshnessContext): ExamFreshness {
  let newest: string | null = null;
  let staleClaims = 0;
  for (const claim of claims) {
    const f = context.byClaim.get(claim.id);
    if (!f) continue;
    if (f.stale) staleClaims++;
    if (f.newest !== null && (newest === null || f.newest > newest)) newest = f.newest;
  }
  return {
    asOf: context.asOf,
    thresholdMonths: context.thresholdMonths,
    newest,
    stale: staleClaims > 0,
    staleClaims,
    claims: claims.length,
  };
}

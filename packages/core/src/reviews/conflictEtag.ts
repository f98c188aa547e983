/**
 * An ETag for a conflict: a hash of its whole content including the review applied to it, so a client that
 * saw an older state (other facts, another decision) gets `etag_mismatch` instead of overwriting a decision
 * it never saw. Bare hex; the API adds the quotes HTTP wants.
 */
import { canonicalJson, stableHash } from '../lib/stableHash.ts';
import type { Conflict } from '../schema/dataset.ts';

export function conflictEtag(conflict: Conflict): string {
  return stableHash(canonicalJson(conflict));
}

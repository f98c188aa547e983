/**
 * The badge beside a claim's value: how it was settled. An `agreed` claim is one no source contradicts; it is
 * "sources agree" only when two or more distinct sources state it (the claim's citations, which keep every
 * source's first quote), else "one source, uncontested": one page is not agreement.
 */
import type { ClaimView } from '../api/types.ts';

const settledLabels: Record<string, string> = {
  policy: 'decided by rule',
  reviewed: 'decided by a reviewer',
  contested: 'sources disagree',
};

/** `claim.status` in words, an `agreed` claim's by how many distinct sources state it. */
export function claimStatusLabel(claim: {
  status: ClaimView['status'];
  citations: readonly { source: string }[];
}): string {
  if (claim.status !== 'agreed') return settledLabels[claim.status] ?? claim.status;
  const sources = new Set(claim.citations.map((citation) => citation.source)).size;
  if (sources >= 2) return 'sources agree';
  return sources === 1 ? 'one source, uncontested' : 'uncontested';
}

/**
 * Citations for the planner, one shared object per quoted passage (two facts read from one sentence cite it
 * once), so plans reference them instead of copying and can dedupe by identity; `evidenceOf` keeps one passage
 * per source and position, what a warning needs to let each side be checked.
 */
import type { Fact, Source } from '@certplan/core';
import { boundEvidence } from './lib/boundEvidence.ts';
import { sourceCitation } from './lib/sourceCitation.ts';
import type { Citation } from './schema.ts';

/** Citation lookups over one dataset's sources and facts (by id); both bounded by boundEvidence. */
export function datasetCitations(
  sourcesById: ReadonlyMap<string, Source>,
  factsById: ReadonlyMap<string, Fact>,
): {
  citationsOf: (factIds: readonly string[]) => Citation[];
  evidenceOf: (factIds: readonly string[]) => Citation[];
} {
  // Citations are shared objects, one per quoted passage (two facts read from one sentence cite it once), so
  // plans reference them instead of copying and can dedupe by identity.
  const citationByFact = new Map<string, Citation>();
  const citationByPassage = new Map<string, Citation>();
  const citationOf = (factId: string): Citation | null => {
    const cached = citationByFact.get(factId);
    if (cached) return cached;
    const fact = factsById.get(factId);
    if (!fact) return null;
    const passage = `${fact.source}\u0000${fact.quote}`;
    let citation = citationByPassage.get(passage);
    if (!citation) {
      citation = sourceCitation(sourcesById.get(fact.source), fact);
      citationByPassage.set(passage, citation);
    }
    citationByFact.set(factId, citation);
    return citation;
  };
  /** One citation per passage, in the facts' order, bounded (boundEvidence: one answer never carries thousands). */
  const citationsOf = (factIds: readonly string[]): Citation[] => {
    const out = new Set<Citation>();
    for (const id of factIds) {
      const citation = citationOf(id);
      if (citation) out.add(citation);
    }
    return [...boundEvidence([...out], (citation) => citation.source)];
  };

  // Warnings cite one passage per source and position: enough to check each side, without repeating a whole
  // domain list (the conflict itself, with every quote, is at /api/conflicts).
  const evidenceOf = (factIds: readonly string[]): Citation[] => {
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const id of factIds) {
      const fact = factsById.get(id);
      if (!fact) continue;
      const key = `${fact.source}\u0000${JSON.stringify(fact.value)}`;
      if (fact.attribute === 'domain') {
        // A domain list is one position however many domains it has.
        const listKey = `${fact.source}\u0000domain-list${fact.value.weightPercent === null ? '' : ':weighted'}`;
        if (seen.has(listKey)) continue;
        seen.add(listKey);
      } else if (seen.has(key)) continue;
      seen.add(key);
      kept.push(id);
    }
    return citationsOf(kept);
  };
  return { citationsOf, evidenceOf };
}

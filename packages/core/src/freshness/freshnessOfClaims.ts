/**
 * Freshness for every claim of a dataset at once: each claim judged by the sources of the facts that back it
 * and by its exam's known changes (guide versions from the catalog, the retirement date its sources give).
 * Used by the API (per request, with the request's date) and by `pnpm sources`.
 */
import type { Claim, Exam, Fact, Source } from '../schema/dataset.ts';
import { claimFreshness, type ExamChanges, type Freshness, type GuideVersion } from './claimFreshness.ts';

export interface FreshnessInput {
  exams: readonly Exam[];
  sources: readonly Source[];
  facts: readonly Fact[];
  claims: readonly Claim[];
}

/**
 * The changes of each exam that can outdate its facts: `guides` from the catalog entry (where the catalog
 * gives them) and the date of its `retirement` claim.
 */
export function examChangesOf(input: Pick<FreshnessInput, 'exams' | 'claims'>): Map<string, ExamChanges> {
  const changes = new Map<string, ExamChanges>();
  for (const exam of input.exams) {
    // `guides` is optional in the catalog: older catalogs (and datasets built from them) have none.
    const guides = (exam as Exam & { guides?: readonly GuideVersion[] }).guides;
    changes.set(exam.id, { guides: guides ?? [], retired: null });
  }
  for (const claim of input.claims) {
    if (claim.attribute !== 'retirement') continue;
    const date = (claim.value as { date?: unknown } | null)?.date;
    const entry = changes.get(claim.exam);
    if (entry && typeof date === 'string') entry.retired = date;
  }
  return changes;
}

/** Freshness by claim id. */
export function freshnessOfClaims(
  input: FreshnessInput,
  options: { asOf: string; thresholdMonths: number },
): Map<string, Freshness> {
  const factsById = new Map(input.facts.map((fact) => [fact.id, fact]));
  const sourcesById = new Map(input.sources.map((source) => [source.id, source]));
  const changes = examChangesOf(input);
  const result = new Map<string, Freshness>();
  for (const claim of input.claims) {
    result.set(
      claim.id,
      claimFreshness(claim, backingSources(claim, factsById, sourcesById), {
        ...options,
        changes: changes.get(claim.exam),
      }),
    );
  }
  return result;
}

/** The distinct sources of the facts that back a claim (its dissent does not count). */
export function backingSources(
  claim: Pick<Claim, 'factIds'>,
  factsById: ReadonlyMap<string, Fact>,
  sourcesById: ReadonlyMap<string, Source>,
): Source[] {
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const id of claim.factIds) {
    const sourceId = factsById.get(id)?.source;
    if (sourceId === undefined || seen.has(sourceId)) continue;
    seen.add(sourceId);
    const source = sourcesById.get(sourceId);
    if (source) sources.push(source);
  }
  return sources;
}

/**
 * Each domain's objectives (the exam guide's task statements), from `objective` facts matched to the reconciled
 * domain list by name: listed once each, in the guide's numbering, with every source's passage.
 */
import { authorityRank, compareStrings, type Fact } from '@certplan/core';
import type { PrepareContext } from './ExamPlannerData.ts';
import { bestDomainMatch, normalizeDomainName } from './lib/matchDomain.ts';
import type { PreparedObjective } from './schema.ts';

/** "1.1 Ingest and store data" (or the label alone when the guide does not number it). */
export function objectiveText(objective: PreparedObjective): string {
  return objective.ref ? `${objective.ref} ${objective.label}` : objective.label;
}

/** "1.2" before "1.10": compares dotted numbers part by part; unnumbered objectives keep their place after. */
function compareRefs(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number(pa[i] ?? -1);
    const y = Number(pb[i] ?? -1);
    if (Number.isNaN(x) || Number.isNaN(y)) return compareStrings(pa[i] ?? '', pb[i] ?? '');
    if (x !== y) return x - y;
  }
  return 0;
}

/**
 * Each domain's objectives from `objective` facts ({domain, ref, label}), matched to the reconciled domain
 * by name as focus facts are; the same objective from several sources is listed once (by ref, else label)
 * with every source's passage, the most authoritative source's wording first.
 */
export function collectObjectives(ctx: PrepareContext, tokens: readonly ReadonlySet<string>[]): PreparedObjective[][] {
  const perDomain = tokens.map(
    () => new Map<string, { ref: string | null; label: string; factIds: string[]; at: number }>(),
  );
  if (tokens.length === 0) return [];
  const facts = ctx.facts
    .filter((fact): fact is Extract<Fact, { attribute: 'objective' }> => fact.attribute === 'objective')
    .map((fact, at) => ({
      fact,
      at,
      rank: -authorityRank[ctx.sourcesById.get(fact.source)?.authority ?? 'secondary'],
    }))
    .sort((a, b) => a.rank - b.rank || a.at - b.at);
  for (const { fact, at } of facts) {
    const { value } = fact;
    if (value.label.trim() === '') continue;
    const ref = value.ref !== null && value.ref.trim() !== '' ? value.ref.trim() : null;
    const i = bestDomainMatch(value.domain, tokens);
    if (i < 0) continue;
    const key = ref ?? normalizeDomainName(value.label);
    const map = perDomain[i] as Map<string, { ref: string | null; label: string; factIds: string[]; at: number }>;
    const entry = map.get(key);
    if (entry) entry.factIds.push(fact.id);
    else map.set(key, { ref, label: value.label.trim(), factIds: [fact.id], at });
  }
  return perDomain.map((map) =>
    [...map.values()]
      .sort((a, b) => compareRefs(a.ref, b.ref) || a.at - b.at)
      .map((entry) => ({ ref: entry.ref, label: entry.label, citations: ctx.citationsOf(entry.factIds) })),
  );
}

/**
 * An exam's domains as a plan uses them: the reconciled list (each name once), each domain's citations (its own
 * claim's, else the list's statements that name it), its objectives and focus topics, the learn and review focus
 * texts built from them, and whether the weights are known. Without a list, the general focus instead.
 */
import { type ClaimValue, claimOf, claimsOf } from '@certplan/core';
import { collectFocusTopics } from './collectFocusTopics.ts';
import { collectObjectives, objectiveText } from './collectObjectives.ts';
import type { DomainPlanInfo, ExamPlannerData, PrepareContext } from './ExamPlannerData.ts';
import { bestDomainMatch, domainTokens, normalizeDomainName } from './lib/matchDomain.ts';
import type { PreparedFocus as Focus, PreparedObjective } from './schema.ts';

/** The domain half of ExamPlannerData. */
export type PreparedDomains = Pick<
  ExamPlannerData,
  | 'domains'
  | 'weightsKnown'
  | 'weightsFromRanges'
  | 'domainsCitations'
  | 'domainsEvidence'
  | 'domainKeys'
  | 'generalFocus'
>;

export function prepareDomains(ctx: PrepareContext): PreparedDomains {
  const { claims, citationsOf } = ctx;
  // Domains: the reconciled list, with each domain's own claim's citations where there is one.
  const domainsClaim = claimOf(claims, 'domains');
  const listed = distinctDomains(domainsClaim?.value.domains ?? []);
  const domainsCitations = domainsClaim ? citationsOf(domainsClaim.factIds) : [];
  // "The official exam guide" only where the domain list rests on one (an official page, or our editorial note of
  // one): a list only third-party pages give says so, rather than lending it the vendor's authority.
  const listFromVendor = (domainsClaim?.factIds ?? []).some((id) => {
    const fact = ctx.factsById.get(id);
    const authority = fact ? ctx.sourcesById.get(fact.source)?.authority : undefined;
    return authority === 'official' || authority === 'editorial';
  });
  const noTopics = (name: string) =>
    listFromVendor
      ? `Learn ${name} from the official exam guide: no source names services or tools for it.`
      : `Learn ${name}: no source names services or tools for it, and only third-party pages give this domain list; check it against the vendor's exam guide.`;
  const tokens = listed.map((d) => domainTokens(d.name));
  const focus = collectFocusTopics(ctx.facts, tokens);

  // Each domain cites the statements of the list that name it, not the whole list.
  const domainListFacts = listed.map(() => [] as string[]);
  for (const id of domainsClaim?.factIds ?? []) {
    const fact = ctx.factsById.get(id);
    if (fact?.attribute !== 'domain') continue;
    const i = bestDomainMatch(fact.value.name, tokens);
    if (i >= 0) (domainListFacts[i] as string[]).push(id);
  }

  const objectivesByDomain = collectObjectives(ctx, tokens);

  const domainKeys = new Map<string, number>();
  const domains: DomainPlanInfo[] = listed.map((d, i) => {
    domainKeys.set(normalizeDomainName(d.name), i);
    const { topics, factIds: focusFactIds } = focus.byDomain[i] as { topics: string[]; factIds: string[] };
    const focusCitations = citationsOf(focusFactIds);
    const domainClaim = claimsOf(claims, 'domain').find(
      (claim) => claim.key !== null && normalizeDomainName(claim.key) === normalizeDomainName(d.name),
    );
    const citations = domainClaim
      ? citationsOf(domainClaim.factIds)
      : domainListFacts[i]?.length
        ? citationsOf(domainListFacts[i] as string[])
        : domainsCitations;
    const objectives = objectivesByDomain[i] as PreparedObjective[];
    return {
      name: d.name,
      weightPercent: d.weightPercent,
      weightRange: d.weightRange,
      objectives,
      order: i,
      tokens: tokens[i] as ReadonlySet<string>,
      citations,
      topics,
      learnFocus: {
        text:
          objectives.length > 0
            ? `Learn ${d.name}: ${objectives.map(objectiveText).join('; ')}.${topics.length > 0 ? ` Sources also name ${topics.join(', ')}.` : ''}`
            : topics.length > 0
              ? `Learn ${d.name}: ${topics.join(', ')}.`
              : noTopics(d.name),
        objectives,
        topics,
        citations: focusCitations,
      },
      reviewFocus: {
        text:
          objectives.length > 0
            ? `Review ${d.name}: for each objective (${objectives.map((o) => o.ref ?? o.label).join(', ')}), reread your notes and redo practice questions.`
            : topics.length > 0
              ? `Review ${d.name}: reread your notes and redo practice questions on ${topics.slice(0, 3).join(', ')}.`
              : `Review ${d.name}: reread your notes and redo practice questions on it.`,
        objectives,
        topics: topics.slice(0, 3),
        citations: focusCitations,
      },
    };
  });
  const weightsFromRanges = domains.length > 0 && domains.some((d) => d.weightPercent === null && d.weightRange);
  const weightsKnown =
    domains.length > 0 &&
    domains.every((d) => d.weightPercent !== null || d.weightRange !== null) &&
    (weightsFromRanges || domainsClaim?.value.weightsKnown !== false);

  const generalTopicList = focus.general.topics;
  const generalFocus: Focus = {
    text:
      generalTopicList.length > 0
        ? `Study the exam's topics: ${generalTopicList.join(', ')}.`
        : "No source lists this exam's domains or topics: work through the official exam guide.",
    objectives: [],
    topics: generalTopicList,
    citations: citationsOf(focus.general.factIds),
  };
  return {
    domains,
    weightsKnown,
    weightsFromRanges,
    domainsCitations,
    domainsEvidence: domainsClaim ? ctx.evidenceOf(domainsClaim.factIds) : [],
    domainKeys,
    generalFocus,
  };
}

/**
 * The list's domains, each name once (a list that repeats a domain under the same name keeps the first), in
 * the list's order and trimmed; a weight range where the list gives one instead of a weight.
 */
function distinctDomains(
  domains: ClaimValue<'domains'>['domains'],
): { name: string; weightPercent: number | null; weightRange: [number, number] | null }[] {
  const names = new Set<string>();
  const out: { name: string; weightPercent: number | null; weightRange: [number, number] | null }[] = [];
  for (const d of domains) {
    const key = normalizeDomainName(d.name);
    if (d.name.trim() === '' || names.has(key)) continue;
    names.add(key);
    const weight = d.weightPercent;
    // Not in core's DomainsValue yet (extract adds weightRange to domain facts): read where present.
    const range = (d as { weightRange?: unknown }).weightRange;
    const weightRange =
      weight === null &&
      Array.isArray(range) &&
      range.length === 2 &&
      range.every((x) => typeof x === 'number' && Number.isFinite(x)) &&
      (range[0] as number) <= (range[1] as number)
        ? ([range[0], range[1]] as [number, number])
        : null;
    out.push({ name: d.name.trim(), weightPercent: weight, weightRange });
  }
  return out;
}

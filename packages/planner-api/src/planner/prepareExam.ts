/**
 * One exam's planner data from its share of the dataset: the domains (prepareDomains.ts), the claims a plan
 * quotes with their citations, the practice exam's focus, recommended experience, study hours, retirement with
 * its successor, and the disagreements a plan must mention (collectDisagreements.ts).
 */
import {
  type Claim,
  type ClaimAttribute,
  claimOf,
  claimsOf,
  findSuccessor,
  formatClaimValue,
  type Source,
} from '@certplan/core';
import { collectDisagreements, experienceDisagreement } from './collectDisagreements.ts';
import type { ClaimInfo, ExamPlannerData, ExperienceInfo, PrepareContext, RetirementInfo } from './ExamPlannerData.ts';
import { prepareDomains } from './prepareDomains.ts';
import { readStudyHours } from './readStudyHours.ts';
import type { PreparedFocus as Focus } from './schema.ts';

export function prepareExam(ctx: PrepareContext): ExamPlannerData {
  const { exam, claims, citationsOf } = ctx;
  const claimInfo = <A extends ClaimAttribute>(attribute: A): ClaimInfo<A> | null => {
    const claim = claimOf(claims, attribute);
    return claim ? { value: claim.value, citations: citationsOf(claim.factIds), claim } : null;
  };
  const prepared = prepareDomains(ctx);

  const duration = claimInfo('duration');
  const questions = claimInfo('questions');
  const fee = claimInfo('fee');
  const validity = claimInfo('validity');
  const recertification = claimInfo('recertification');

  const practiceCitations = [...(questions?.citations ?? []), ...(duration?.citations ?? [])];
  const format =
    questions && duration
      ? `${formatClaimValue('questions', questions.value)} in ${formatClaimValue('duration', duration.value)}`
      : duration
        ? `${formatClaimValue('duration', duration.value)}`
        : questions
          ? `${formatClaimValue('questions', questions.value)}`
          : null;
  const practiceFocus: Focus = {
    text: `Take a timed practice exam under exam conditions${format ? ` (the real one: ${format})` : ''}, then go through every answer, right or wrong, and note the domains to revisit.`,
    objectives: [],
    topics: [],
    citations: practiceCitations,
  };

  const disagreements = collectDisagreements(ctx);
  const experience = claimsOf(claims, 'experience').map((claim): ExperienceInfo => {
    const firstFact = claim.factIds.map((id) => ctx.factsById.get(id)).find((f) => f !== undefined);
    return {
      minYears: claim.value.minYears,
      maxYears: claim.value.maxYears,
      kind: claim.value.kind,
      citations: citationsOf(claim.factIds),
      quote: firstFact?.quote ?? null,
      sourceTitle: firstFact ? (ctx.sourcesById.get(firstFact.source)?.title ?? null) : null,
      disagreement: experienceDisagreement(ctx, claim),
    };
  });

  return {
    exam,
    domains: prepared.domains,
    weightsKnown: prepared.weightsKnown,
    weightsFromRanges: prepared.weightsFromRanges,
    studyHours: readStudyHours(ctx, claims),
    domainsCitations: prepared.domainsCitations,
    domainsEvidence: prepared.domainsEvidence,
    domainKeys: prepared.domainKeys,
    duration,
    questions,
    fee,
    validity,
    recertification,
    experience,
    retirement: readRetirement(ctx, claimOf(claims, 'retirement')),
    disagreements,
    generalFocus: prepared.generalFocus,
    practiceFocus,
  };
}

function readRetirement(ctx: PrepareContext, claim: Claim<'retirement'> | undefined): RetirementInfo | null {
  if (!claim) return null;
  const notices = new Set<Source>();
  for (const id of claim.factIds) {
    const fact = ctx.factsById.get(id);
    const source = fact ? ctx.sourcesById.get(fact.source) : undefined;
    if (source) notices.add(source);
  }
  return {
    date: claim.value.date,
    successor: findSuccessor(ctx.exam, ctx.allExams, [...notices]),
    citations: ctx.citationsOf(claim.factIds),
  };
}

/**
 * Everything the planner needs about an exam, gathered once per dataset: the reconciled domains with their
 * focus topics and citations, the claims a plan quotes, retirement with its successor, and the disagreements
 * a plan must mention. `createPlan` then does no scanning of facts per request.
 */
import {
  authorityRank,
  type Claim,
  type ClaimAttribute,
  type ClaimValue,
  type Conflict,
  claimAttributeNames,
  claimOf,
  claimsOf,
  compareStrings,
  type Dataset,
  type Exam,
  type Fact,
  findSuccessor,
  formatClaimValue,
  type Source,
} from '@certplan/core';
import { groupBy } from '../lib/groupBy.ts';
import { boundEvidence } from './lib/boundEvidence.ts';
import { bestDomainMatch, domainTokens, normalizeDomainName } from './lib/matchDomain.ts';
import { sourceCitation } from './lib/sourceCitation.ts';
import type { Citation, PreparedFocus as Focus, PlanWarning, PreparedObjective } from './schema.ts';

export type PlannerDataset = Pick<Dataset, 'exams' | 'sources' | 'facts' | 'claims' | 'conflicts'>;

export interface DomainPlanInfo {
  name: string;
  weightPercent: number | null;
  /** The weight as a range [low, high] percent when the guide gives only that (weightPercent is then null). */
  weightRange: [number, number] | null;
  /** The exam guide's objectives (task statements) for the domain, in the guide's order. */
  objectives: readonly PreparedObjective[];
  /** Position in the official (reconciled) list. */
  order: number;
  tokens: ReadonlySet<string>;
  citations: readonly Citation[];
  topics: readonly string[];
  learnFocus: Focus;
  reviewFocus: Focus;
}

/** A claim the plan quotes, typed by its attribute (`ClaimInfo<'duration'>` has `value.minutes`). */
export interface ClaimInfo<A extends ClaimAttribute> {
  value: ClaimValue<A>;
  citations: readonly Citation[];
  claim: Claim<A>;
}

export interface ExperienceInfo {
  minYears: number;
  maxYears: number | null;
  kind: ClaimValue<'experience'>['kind'];
  citations: readonly Citation[];
  /** The first supporting quote, to show the learner the vendor's own words. */
  quote: string | null;
  sourceTitle: string | null;
  /** When sources disagree on it: a sentence naming the other positions, with their citations. */
  disagreement: { id: string; text: string; citations: readonly Citation[] } | null;
}

export interface Disagreement {
  /** The conflict's id, or the contested claim's id when there is no conflict record. */
  id: string;
  attribute: string;
  warning: PlanWarning;
}

export interface RetirementInfo {
  date: string;
  successor: { id: string; name: string } | null;
  citations: readonly Citation[];
}

export interface StudyHoursInfo {
  /** The preparation time sources state, in hours (the widest range across the claims' facts). */
  range: { min: number; max: number };
  /** The middle of the range, to the half hour: what a plan aims for when the learner sets no target. */
  middle: number;
  citations: readonly Citation[];
}

export interface ExamPlannerData {
  exam: Exam;
  domains: readonly DomainPlanInfo[];
  /** Every domain has a weight, stated or as a range. */
  weightsKnown: boolean;
  /** Some weights are known only as ranges: hours use each range's middle (the plan says so). */
  weightsFromRanges: boolean;
  studyHours: StudyHoursInfo | null;
  domainsCitations: readonly Citation[];
  /** The domain list's sources, one passage each: what `weights_unknown` cites. */
  domainsEvidence: readonly Citation[];
  /** Normalised domain name → index in `domains`, for matching proficiency keys. */
  domainKeys: ReadonlyMap<string, number>;
  duration: ClaimInfo<'duration'> | null;
  questions: ClaimInfo<'questions'> | null;
  fee: ClaimInfo<'fee'> | null;
  validity: ClaimInfo<'validity'> | null;
  recertification: ClaimInfo<'recertification'> | null;
  experience: readonly ExperienceInfo[];
  retirement: RetirementInfo | null;
  /** `sources_disagree` warnings for claims the plan uses. */
  disagreements: readonly Disagreement[];
  /** Focus for study sessions when no domain list is known. */
  generalFocus: Focus;
  practiceFocus: Focus;
}

export interface PlannerIndex {
  exams: ReadonlyMap<string, ExamPlannerData>;
}

/** Claims a plan depends on: a disagreement about any of these is worth a warning. */
const PLAN_ATTRIBUTES: ReadonlySet<ClaimAttribute> = new Set([
  'domains',
  'domain',
  'duration',
  'questions',
  'experience',
  'retirement',
  'focus',
]);
const MAX_FOCUS_TOPICS = 8;

export function preparePlannerData(dataset: PlannerDataset): PlannerIndex {
  const sourcesById = new Map<string, Source>();
  for (const source of dataset.sources) sourcesById.set(source.id, source);
  const factsById = new Map<string, Fact>();
  const factsByExam = groupBy(dataset.facts, (fact) => fact.exam);
  for (const fact of dataset.facts) factsById.set(fact.id, fact);
  const claimsByExam = groupBy(dataset.claims, (claim) => claim.exam);
  const conflictsByExam = groupBy(dataset.conflicts, (conflict) => conflict.exam);
  const conflictsById = new Map<string, Conflict>();
  for (const conflict of dataset.conflicts) conflictsById.set(conflict.id, conflict);

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

  const exams = new Map<string, ExamPlannerData>();
  for (const exam of dataset.exams) {
    const facts = factsByExam.get(exam.id) ?? [];
    const claims = claimsByExam.get(exam.id) ?? [];
    exams.set(
      exam.id,
      prepareExam({
        exam,
        facts,
        claims,
        conflicts: conflictsByExam.get(exam.id) ?? [],
        conflictsById,
        allExams: dataset.exams,
        sourcesById,
        factsById,
        citationsOf,
        evidenceOf,
      }),
    );
  }
  return { exams };
}

interface PrepareContext {
  exam: Exam;
  facts: readonly Fact[];
  claims: readonly Claim[];
  conflicts: readonly Conflict[];
  conflictsById: ReadonlyMap<string, Conflict>;
  allExams: readonly Exam[];
  sourcesById: ReadonlyMap<string, Source>;
  factsById: ReadonlyMap<string, Fact>;
  citationsOf: (factIds: readonly string[]) => Citation[];
  evidenceOf: (factIds: readonly string[]) => Citation[];
}

function prepareExam(ctx: PrepareContext): ExamPlannerData {
  const { exam, facts, claims, citationsOf } = ctx;
  const claimInfo = <A extends ClaimAttribute>(attribute: A): ClaimInfo<A> | null => {
    const claim = claimOf(claims, attribute);
    return claim ? { value: claim.value, citations: citationsOf(claim.factIds), claim } : null;
  };

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

  // Focus topics per domain, each topic counted once per source so a repeated page does not dominate.
  const topicSources = listed.map(() => new Map<string, { label: string; sources: Set<string>; first: number }>());
  const focusFactIds = listed.map(() => [] as string[]);
  const generalTopics = new Map<string, { label: string; sources: Set<string>; first: number }>();
  const generalFactIds: string[] = [];
  let seen = 0;
  for (const fact of facts) {
    if (fact.attribute !== 'focus') continue;
    const index = listed.length > 0 ? bestDomainMatch(fact.value.domain, tokens) : -1;
    if (listed.length > 0 && index < 0) continue;
    const bucket =
      index >= 0
        ? (topicSources[index] as Map<string, { label: string; sources: Set<string>; first: number }>)
        : generalTopics;
    (index >= 0 ? (focusFactIds[index] as string[]) : generalFactIds).push(fact.id);
    for (const topic of fact.value.topics) {
      const key = topic.toLowerCase().replace(/\s+/g, ' ').trim();
      let entry = bucket.get(key);
      if (!entry) {
        entry = { label: topic.trim(), sources: new Set(), first: seen++ };
        bucket.set(key, entry);
      }
      entry.sources.add(fact.source);
    }
  }
  const rankTopics = (bucket: Map<string, { label: string; sources: Set<string>; first: number }>): string[] =>
    [...bucket.values()]
      .sort((a, b) => b.sources.size - a.sources.size || a.first - b.first)
      .slice(0, MAX_FOCUS_TOPICS)
      .map((entry) => entry.label);

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
    const topics = rankTopics(topicSources[i] as Map<string, { label: string; sources: Set<string>; first: number }>);
    const focusCitations = citationsOf(focusFactIds[i] as string[]);
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

  const generalTopicList = rankTopics(generalTopics);
  const generalFocus: Focus = {
    text:
      generalTopicList.length > 0
        ? `Study the exam's topics: ${generalTopicList.join(', ')}.`
        : "No source lists this exam's domains or topics: work through the official exam guide.",
    objectives: [],
    topics: generalTopicList,
    citations: citationsOf(generalFactIds),
  };

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
    domains,
    weightsKnown,
    weightsFromRanges,
    studyHours: readStudyHours(ctx, claims),
    domainsCitations,
    domainsEvidence: domainsClaim ? ctx.evidenceOf(domainsClaim.factIds) : [],
    domainKeys,
    duration,
    questions,
    fee,
    validity,
    recertification,
    experience,
    retirement: readRetirement(ctx, claimOf(claims, 'retirement')),
    disagreements,
    generalFocus,
    practiceFocus,
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

/** "1.1 Ingest and store data" (or the label alone when the guide does not number it). */
function objectiveText(objective: PreparedObjective): string {
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
function collectObjectives(ctx: PrepareContext, tokens: readonly ReadonlySet<string>[]): PreparedObjective[][] {
  const perDomain = tokens.map(
    () => new Map<string, { ref: string | null; label: string; factIds: string[]; at: number }>(),
  );
  if (tokens.length === 0) return [];
  const facts = ctx.facts
    .filter((fact) => (fact.attribute as string) === 'objective')
    .map((fact, at) => ({
      fact,
      at,
      rank: -authorityRank[ctx.sourcesById.get(fact.source)?.authority ?? 'secondary'],
    }))
    .sort((a, b) => a.rank - b.rank || a.at - b.at);
  for (const { fact, at } of facts) {
    const value = fact.value as unknown as { domain?: unknown; ref?: unknown; label?: unknown };
    if (typeof value?.domain !== 'string' || typeof value.label !== 'string' || value.label.trim() === '') continue;
    const ref = typeof value.ref === 'string' && value.ref.trim() !== '' ? value.ref.trim() : null;
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

/**
 * The preparation time sources state (`studyHours` claims, {min, max} hours): the claim's range, or the
 * span of several claims, with their citations; null when no source states one.
 */
function readStudyHours(ctx: PrepareContext, claims: readonly Claim[]): StudyHoursInfo | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const factIds: string[] = [];
  for (const claim of claims) {
    if ((claim.attribute as string) !== 'studyHours') continue;
    const value = claim.value as unknown as { min?: unknown; max?: unknown } | null;
    if (typeof value?.min !== 'number' || typeof value.max !== 'number') continue;
    if (!(value.min > 0) || !(value.max >= value.min) || !Number.isFinite(value.max)) continue;
    min = Math.min(min, value.min);
    max = Math.max(max, value.max);
    factIds.push(...claim.factIds);
  }
  if (!Number.isFinite(min)) return null;
  // Plans count half hours and at most MAX_TARGET_HOURS (8320); a stated figure beyond that is not a plan.
  const middle = Math.min(8320, Math.max(0.5, Math.round(min + max) / 2));
  return { range: { min, max }, middle, citations: ctx.citationsOf(factIds) };
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

function describeSide(
  ctx: PrepareContext,
  attribute: ClaimAttribute,
  value: ClaimValue,
  factIds: readonly string[],
): string {
  const titles: string[] = [];
  for (const id of factIds) {
    const fact = ctx.factsById.get(id);
    const source = fact ? ctx.sourcesById.get(fact.source) : undefined;
    const title = source?.title ?? source?.id;
    if (title && !titles.includes(title)) titles.push(title);
  }
  return `${formatClaimValue(attribute, value)}${titles.length > 0 ? ` (${titles.join('; ')})` : ''}`;
}

interface FactSide {
  /** The first stating fact's attribute (a `domains` claim's dissent is `domain` facts). */
  attribute: Fact['attribute'];
  value: Fact['value'];
  factIds: string[];
}

/** The facts' distinct values, each with the ids of the facts that state it, in first-seen order. */
function groupFactsByValue(ctx: PrepareContext, factIds: readonly string[]): FactSide[] {
  const byValue = new Map<string, FactSide>();
  for (const id of factIds) {
    const fact = ctx.factsById.get(id);
    if (!fact) continue;
    const key = JSON.stringify(fact.value);
    const side = byValue.get(key);
    if (side) side.factIds.push(id);
    else byValue.set(key, { attribute: fact.attribute, value: fact.value, factIds: [id] });
  }
  return [...byValue.values()];
}

function conflictSentence(ctx: PrepareContext, conflict: Conflict, used: Claim | undefined): string {
  const sides = conflict.sides
    .map((side) => describeSide(ctx, conflict.attribute, side.value, side.factIds))
    .join(' vs ');
  const label = claimAttributeNames[conflict.attribute].phrase;
  const key = conflict.key ? ` (${conflict.key})` : '';
  const uses = used
    ? ` The plan uses ${formatClaimValue(conflict.attribute, used.value)}${conflict.review ? ', as a reviewer decided' : ', pending review'}.`
    : '';
  return `Sources disagree on ${label}${key}: ${sides}.${uses}`;
}

function collectDisagreements(ctx: PrepareContext): Disagreement[] {
  const warnings: Disagreement[] = [];
  const done = new Set<string>();
  for (const claim of ctx.claims) {
    if (!PLAN_ATTRIBUTES.has(claim.attribute)) continue;
    const conflict = claim.conflictId ? ctx.conflictsById.get(claim.conflictId) : undefined;
    if (conflict) {
      // A reviewed conflict is settled: the plan follows the review and says nothing more.
      if (conflict.review || done.has(conflict.id)) continue;
      done.add(conflict.id);
      warnings.push({
        id: conflict.id,
        attribute: conflict.attribute,
        warning: {
          code: 'sources_disagree',
          message: conflictSentence(ctx, conflict, claim),
          citations: ctx.evidenceOf(conflict.factIds),
        },
      });
    } else if (claim.status === 'contested' && claim.dissentingFactIds.length > 0) {
      const label = claimAttributeNames[claim.attribute].phrase;
      const dissent = groupDissent(ctx, claim);
      warnings.push({
        id: claim.id,
        attribute: claim.attribute,
        warning: {
          code: 'sources_disagree',
          message: `Sources disagree on ${label}${claim.key ? ` (${claim.key})` : ''}: the plan uses ${describeSide(ctx, claim.attribute, claim.value, claim.factIds)}; others state ${dissent}.`,
          citations: ctx.evidenceOf([...claim.factIds, ...claim.dissentingFactIds]),
        },
      });
    }
  }
  for (const conflict of ctx.conflicts) {
    if (conflict.review || done.has(conflict.id) || !PLAN_ATTRIBUTES.has(conflict.attribute)) continue;
    done.add(conflict.id);
    const used = ctx.claims.find((c) => c.attribute === conflict.attribute && c.key === conflict.key);
    warnings.push({
      id: conflict.id,
      attribute: conflict.attribute,
      warning: {
        code: 'sources_disagree',
        message: conflictSentence(ctx, conflict, used),
        citations: ctx.evidenceOf(conflict.factIds),
      },
    });
  }
  return warnings;
}

function groupDissent(ctx: PrepareContext, claim: Claim): string {
  return groupFactsByValue(ctx, claim.dissentingFactIds)
    .map((side) => describeSide(ctx, side.attribute, side.value, side.factIds))
    .join(' and ');
}

function experienceDisagreement(ctx: PrepareContext, claim: Claim): ExperienceInfo['disagreement'] {
  const conflict = claim.conflictId
    ? ctx.conflictsById.get(claim.conflictId)
    : ctx.conflicts.find((c) => c.attribute === 'experience' && c.key === claim.key && !c.review);
  if (conflict && !conflict.review) {
    return {
      id: conflict.id,
      text: conflictSentence(ctx, conflict, claim),
      citations: ctx.evidenceOf(conflict.factIds),
    };
  }
  if (!conflict && claim.status === 'contested' && claim.dissentingFactIds.length > 0) {
    return {
      id: claim.id,
      text: `Other sources state ${groupDissent(ctx, claim)}.`,
      citations: ctx.evidenceOf(claim.dissentingFactIds),
    };
  }
  return null;
}

/** An exam's retirement (date, successor, citations), or null: for listings such as GET /api/exams. */
export function retirementOf(index: PlannerIndex, examId: string): RetirementInfo | null {
  return index.exams.get(examId)?.retirement ?? null;
}

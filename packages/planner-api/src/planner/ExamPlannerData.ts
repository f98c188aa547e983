/**
 * What the planner knows about each exam, gathered once per dataset by preparePlannerData: the shapes a plan is
 * made from (domains with their focus and citations, the claims a plan quotes, retirement, disagreements), and
 * the context the preparation steps share. Types only, so every step and createPlan can import them.
 */
import type { Claim, ClaimAttribute, ClaimValue, Conflict, Dataset, Exam, Fact, Source } from '@certplan/core';
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

/** One exam's share of the dataset and the dataset-wide lookups, as each preparation step reads them. */
export interface PrepareContext {
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

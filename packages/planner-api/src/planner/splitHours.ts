/**
 * Step 3 of a plan: how its half-hours split between the light last week, the practice exam, mixed review and
 * the domains (by weight and self-rated proficiency), and the order the domain blocks come in. `freshState` turns
 * a split into the filler's starting state. The shares are the planner's rules, stated in every plan.
 */
import type { ExamPlannerData } from './ExamPlannerData.ts';
import type { FillState } from './fillWeeks.ts';
import { apportion } from './lib/apportion.ts';
import { sum } from './lib/sum.ts';

/** A practice exam's length when no source states the real one. */
export const DEFAULT_EXAM_MINUTES = 120;

/** Weaker domains get more time: hours scale by these factors for self-ratings 1..5. */
export const PROFICIENCY_FACTORS: readonly number[] = [1, 1.6, 1.3, 1, 0.8, 0.6];

/** Share of a domain's hours kept for its review one to two weeks after its block. */
export const REVIEW_SHARE = 0.2;

/** Share of the non-final-week hours for mixed review in the final stretch. */
const MIXED_REVIEW_SHARE = 0.08;

/** The practice exam takes at most this share (so short plans still mostly learn). */
const PRACTICE_MAX_SHARE = 0.2;

/** The units of one plan: what each kind of work gets before the weeks are filled. */
export interface Split {
  caps: number[];
  /** The weeks' capacity before a target scaled it down (a re-plan fills from these). */
  fullCaps: number[];
  examDay: number;
  domainUnits: number[];
  reviewUnits: number[];
  generalUnits: number;
  mixedUnits: number;
  practiceUnits: number;
  bufferUnits: number;
  blockOrder: number[];
}

/** Step 3: light last week, practice exam, mixed review, then the domains by weight and proficiency. */
export function splitHours(
  data: ExamPlannerData,
  proficiency: readonly (number | undefined)[],
  caps: number[],
  fullCaps: number[],
  examDay: number,
): Split {
  const weekCount = caps.length;
  const totalUnits = sum(caps);
  const bufferUnits = weekCount >= 2 ? (caps[weekCount - 1] as number) : 0;
  const restUnits = totalUnits - bufferUnits;
  const examMinutes = data.duration?.value.minutes ?? DEFAULT_EXAM_MINUTES;
  let practiceUnits =
    weekCount >= 2 ? Math.min(Math.ceil(examMinutes / 30) + 2, Math.floor(restUnits * PRACTICE_MAX_SHARE)) : 0;
  if (practiceUnits < 2) practiceUnits = 0;
  const mixedUnits = weekCount >= 3 ? Math.floor(restUnits * MIXED_REVIEW_SHARE) : 0;
  const domainUnitsTotal = restUnits - practiceUnits - mixedUnits;

  const domains = data.domains;
  const domainCount = domains.length;
  const scores = new Array<number>(domainCount);
  for (let j = 0; j < domainCount; j++) {
    const weight = data.weightsKnown ? weightOf(domains[j] as ExamPlannerData['domains'][number]) : 1;
    scores[j] = weight * (PROFICIENCY_FACTORS[proficiency[j] ?? 3] as number);
  }
  const domainUnits = domainCount > 0 ? apportion(domainUnitsTotal, scores) : [];
  const reviewUnits = domainUnits.map((units) =>
    weekCount >= 2 && units >= 4 ? Math.max(1, Math.round(units * REVIEW_SHARE)) : 0,
  );
  // Heavier domains first (official weight), the official order among equals.
  const blockOrder = indexes(domainCount);
  if (data.weightsKnown) {
    blockOrder.sort(
      (a, b) =>
        weightOf(domains[b] as ExamPlannerData['domains'][number]) -
          weightOf(domains[a] as ExamPlannerData['domains'][number]) || a - b,
    );
  }
  return {
    caps,
    fullCaps,
    examDay,
    domainUnits,
    reviewUnits,
    generalUnits: domainCount === 0 ? domainUnitsTotal : 0,
    mixedUnits,
    practiceUnits,
    bufferUnits,
    blockOrder,
  };
}

/** A domain's weight for splitting hours: the stated percent, else the middle of the stated range. */
function weightOf(domain: ExamPlannerData['domains'][number]): number {
  if (domain.weightPercent !== null) return domain.weightPercent;
  if (domain.weightRange) return (domain.weightRange[0] + domain.weightRange[1]) / 2;
  return 0;
}

/**
 * The filler's state at the start of a plan, or after the work already done per domain (half-hour units, learning
 * first, then review: `learnDone[j] + reviewDone[j]` of domain j is done). Omitted: nothing done yet.
 */
export function freshState(
  split: Split,
  done: { learn: readonly number[]; review: readonly number[] } | null = null,
): FillState {
  const n = split.domainUnits.length;
  const learnDone = done?.learn ?? new Array<number>(n).fill(0);
  const reviewDone = done?.review ?? new Array<number>(n).fill(0);
  return {
    learnLeft: split.domainUnits.map((units, j) => units - (split.reviewUnits[j] as number) - (learnDone[j] as number)),
    learnAt: learnDone.slice(),
    reviewLeft: split.reviewUnits.map((units, j) => units - (reviewDone[j] as number)),
    reviewAt: reviewDone.slice(),
    reviewDue: new Array<number>(n).fill(Number.POSITIVE_INFINITY),
    reviewQueue: [],
    blockOrder: split.blockOrder,
    block: 0,
    generalLeft: split.generalUnits,
    generalAt: 0,
    mixedLeft: split.mixedUnits,
    mixedAt: 0,
    practiceLeft: split.practiceUnits,
    practiceAt: 0,
    bufferLeft: split.bufferUnits,
    bufferAt: 0,
  };
}

/** [0, 1, …, n-1] (a plain loop: Array.from with a callback is slow on the hot path). */
export function indexes(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

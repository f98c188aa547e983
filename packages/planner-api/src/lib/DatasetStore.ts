/**
 * The dataset the API serves, held in memory. After a review only reconciliation runs again (facts and
 * sources are kept as parsed), and the new dataset replaces the old one in a single assignment, so a request
 * never sees half of an update.
 */
import {
  type Claim,
  type Conflict,
  type Dataset,
  type Exam,
  type Fact,
  type ReconcileInput,
  type ReconcileResult,
  type Review,
  reconcile,
  type Source,
} from '@certplan/core';
import { type PlannerIndex, preparePlannerData } from '../planner/index.ts';
import { groupBy } from './groupBy.ts';

export interface DatasetIndex {
  examsById: ReadonlyMap<string, Exam>;
  sourcesById: ReadonlyMap<string, Source>;
  factsById: ReadonlyMap<string, Fact>;
  claimsByExam: ReadonlyMap<string, readonly Claim[]>;
  conflictsById: ReadonlyMap<string, Conflict>;
  conflictsByExam: ReadonlyMap<string, readonly Conflict[]>;
}

export type Reconcile = (input: ReconcileInput) => ReconcileResult;

function indexDataset(dataset: Dataset): DatasetIndex {
  return {
    examsById: new Map(dataset.exams.map((exam) => [exam.id, exam])),
    sourcesById: new Map(dataset.sources.map((source) => [source.id, source])),
    factsById: new Map(dataset.facts.map((fact) => [fact.id, fact])),
    claimsByExam: groupBy(dataset.claims, (claim) => claim.exam),
    conflictsById: new Map(dataset.conflicts.map((conflict) => [conflict.id, conflict])),
    conflictsByExam: groupBy(dataset.conflicts, (conflict) => conflict.exam),
  };
}

export class DatasetStore {
  #dataset: Dataset;
  #index: DatasetIndex;
  #reviews: readonly Review[];
  readonly #reconcile: Reconcile;
  #plannerIndex: PlannerIndex | undefined;

  constructor(dataset: Dataset, options: { reviews?: readonly Review[]; reconcile?: Reconcile } = {}) {
    this.#reconcile = options.reconcile ?? reconcile;
    this.#dataset = dataset;
    this.#index = indexDataset(dataset);
    this.#reviews =
      options.reviews ?? dataset.conflicts.flatMap((conflict) => (conflict.review ? [conflict.review] : []));
  }

  get dataset(): Dataset {
    return this.#dataset;
  }

  get index(): DatasetIndex {
    return this.#index;
  }

  /** The planner's lookups, built once per dataset version on first use. */
  get plannerIndex(): PlannerIndex {
    this.#plannerIndex ??= preparePlannerData(this.#dataset);
    return this.#plannerIndex;
  }

  get reviews(): readonly Review[] {
    return this.#reviews;
  }

  /** Re-reconciles the same facts with these reviews and swaps the result in. */
  applyReviews(reviews: readonly Review[]): Dataset {
    const current = this.#dataset;
    const result = this.#reconcile({
      exams: current.exams,
      sources: current.sources,
      facts: current.facts,
      reviews,
    });
    const next: Dataset = {
      ...current,
      claims: result.claims,
      conflicts: result.conflicts,
      staleReviews: result.staleReviews,
    };
    this.#dataset = next;
    this.#index = indexDataset(next);
    this.#plannerIndex = undefined;
    this.#reviews = reviews;
    return next;
  }
}

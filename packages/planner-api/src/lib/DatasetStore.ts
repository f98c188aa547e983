/**
 * The dataset the API serves, held in memory. After a review only reconciliation runs again (facts and
 * sources are kept as parsed); after `pnpm ingest` rewrote dataset.json the whole dataset is replaced
 * (`replaceDataset`, called by watchContent). Either way the next state is computed completely first and then
 * swapped in by synchronous assignments with no await between them, so a request handler (which runs to its
 * next await without interruption) sees the old dataset or the new one, never a mix.
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
  readonly #asOf: (() => string) | undefined;
  #plannerIndex: PlannerIndex | undefined;

  /**
   * `asOf`: today's date (YYYY-MM-DD) for reconcile's severities (a retired exam's conflicts are low); the
   * server passes its clock's, so a re-reconciled dataset judges retirement at serve time, not build time.
   */
  constructor(
    dataset: Dataset,
    options: { reviews?: readonly Review[]; reconcile?: Reconcile; asOf?: () => string } = {},
  ) {
    this.#reconcile = options.reconcile ?? reconcile;
    this.#asOf = options.asOf;
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
    return this.#swap(this.#dataset, reviews);
  }

  /** A freshly built dataset (facts, sources, exams) with these reviews applied, swapped in whole. */
  replaceDataset(dataset: Dataset, reviews: readonly Review[]): Dataset {
    return this.#swap(dataset, reviews);
  }

  #swap(base: Dataset, reviews: readonly Review[]): Dataset {
    const asOf = this.#asOf?.();
    const result = this.#reconcile({
      exams: base.exams,
      sources: base.sources,
      facts: base.facts,
      reviews,
      ...(asOf ? { asOf } : {}),
    });
    const next: Dataset = {
      ...base,
      claims: result.claims,
      conflicts: result.conflicts,
      staleReviews: result.staleReviews,
    };
    const index = indexDataset(next);
    // From here to the end: no await, so no request can observe a partial swap.
    this.#dataset = next;
    this.#index = index;
    this.#plannerIndex = undefined;
    this.#reviews = reviews;
    return next;
  }
}

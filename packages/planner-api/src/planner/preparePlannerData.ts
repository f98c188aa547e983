/**
 * Everything the planner needs about an exam, gathered once per dataset: the reconciled domains with their
 * focus topics and citations, the claims a plan quotes, retirement with its successor, and the disagreements
 * a plan must mention. `createPlan` then does no scanning of facts per request. This file indexes the dataset
 * once; prepareExam.ts gathers each exam from the index.
 */
import type { Conflict, Fact, Source } from '@certplan/core';
import { groupBy } from '../lib/groupBy.ts';
import { datasetCitations } from './datasetCitations.ts';
import type { ExamPlannerData, PlannerDataset, PlannerIndex, RetirementInfo } from './ExamPlannerData.ts';
import { prepareExam } from './prepareExam.ts';

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

  const { citationsOf, evidenceOf } = datasetCitations(sourcesById, factsById);

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

/** An exam's retirement (date, successor, citations), or null: for listings such as GET /api/exams. */
export function retirementOf(index: PlannerIndex, examId: string): RetirementInfo | null {
  return index.exams.get(examId)?.retirement ?? null;
}

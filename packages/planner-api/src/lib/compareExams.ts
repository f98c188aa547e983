/**
 * The comparison behind `GET /api/compare`: one column per exam, one row per attribute a learner weighs
 * (status with release and retirement, fee, length, questions, passing score, experience, validity and renewal,
 * delivery with the test vendor, languages, domains with weights, study time, salary), every value with the
 * quotes that back it, the conflict if sources disagree, and its freshness as of the request's day.
 */
import {
  type Claim,
  type ClaimValue,
  type ComparableAttribute,
  comparableValue,
  compareStrings,
  type Exam,
} from '@certplan/core';
import type { RetirementInfo } from '../planner/index.ts';
import type { CompareClaim, CompareExam, CompareResponse, CompareRow, CompareRowId } from '../routes/compareSchemas.ts';
import type { DatasetIndex } from './DatasetStore.ts';
import { examFreshness, freshnessOf } from './freshnessViews.ts';
import { citation, retiredView } from './views.ts';

interface RowSpec {
  id: CompareRowId;
  label: string;
  /** Claim attributes shown in the row, in this order. */
  attributes: readonly string[];
  /** Shown only when a source gives it for one of the compared exams (salary, study time). */
  optional?: true;
}

const ROWS: readonly RowSpec[] = [
  { id: 'status', label: 'Status', attributes: ['release', 'retirement'] },
  { id: 'fee', label: 'Exam fee', attributes: ['fee'] },
  { id: 'duration', label: 'Length', attributes: ['duration'] },
  { id: 'questions', label: 'Questions', attributes: ['questions'] },
  { id: 'passingScore', label: 'Passing score', attributes: ['passingScore'] },
  { id: 'experience', label: 'Recommended experience', attributes: ['experience'] },
  { id: 'validity', label: 'Validity and renewal', attributes: ['validity', 'recertification'] },
  { id: 'delivery', label: 'Delivery', attributes: ['delivery', 'testVendor'] },
  { id: 'languages', label: 'Languages', attributes: ['language'] },
  { id: 'domains', label: 'Domains and weights', attributes: ['domains'] },
  { id: 'studyTime', label: 'Study time', attributes: ['studyHours'], optional: true },
  { id: 'salary', label: 'Salary', attributes: ['salary'], optional: true },
];

export interface CompareOptions {
  /** The day freshness is judged from (YYYY-MM-DD). */
  asOf: string;
  thresholdMonths: number;
  /** The planner's retirement of an exam (date, successor, citations), so the listing and plans agree. */
  retirementOf: (examId: string) => RetirementInfo | null;
}

/** The value in words. Core's label; a shape it does not know (an attribute newer than this code) as JSON. */
function valueText(attribute: string, value: unknown): string {
  try {
    return comparableValue(attribute as ComparableAttribute, value as ClaimValue).label;
  } catch {
    return JSON.stringify(value);
  }
}

function sortClaims(claims: readonly Claim[], attributes: readonly string[]): Claim[] {
  return [...claims].sort(
    (a, b) =>
      attributes.indexOf(a.attribute) - attributes.indexOf(b.attribute) || compareStrings(a.key ?? '', b.key ?? ''),
  );
}

/** `exams` are known ids (the route checked them), in the order asked for. */
export function compareExams(
  index: DatasetIndex,
  examIds: readonly string[],
  options: CompareOptions,
): CompareResponse {
  const exams = examIds.map((id) => index.examsById.get(id)).filter((exam): exam is Exam => exam !== undefined);
  const claimsOf = new Map(exams.map((exam) => [exam.id, index.claimsByExam.get(exam.id) ?? []]));
  const all = [...claimsOf.values()].flat();
  const freshness = freshnessOf(index, all, options);

  const view = (claim: Claim): CompareClaim => ({
    id: claim.id,
    attribute: claim.attribute,
    key: claim.key,
    value: claim.value,
    text: valueText(claim.attribute, claim.value),
    status: claim.status,
    conflictId: claim.conflictId ?? null,
    citations: claim.factIds.flatMap((id) => {
      const fact = index.factsById.get(id);
      return fact ? [citation(index, fact)] : [];
    }),
    freshness: freshness.byClaim.get(claim.id)!,
  });

  const rowClaims = (row: RowSpec, examId: string): Claim[] => {
    const claims = claimsOf.get(examId) ?? [];
    let picked = claims.filter((claim) => row.attributes.includes(claim.attribute));
    // Datasets without a `domains` list claim: the per-domain claims, in their sources' order.
    if (row.id === 'domains' && picked.length === 0) picked = claims.filter((claim) => claim.attribute === 'domain');
    // No figure, but a cited statement that the vendor does not publish it: the cell says "not published".
    if (picked.length === 0) {
      picked = claims.filter(
        (claim) => claim.attribute === 'notPublished' && row.attributes.includes(claim.value.attribute),
      );
    }
    return row.id === 'domains' && picked.some((c) => c.attribute === 'domain')
      ? picked
      : sortClaims(picked, row.attributes);
  };

  const rows: CompareRow[] = [];
  for (const row of ROWS) {
    const cells = exams.map((exam) => ({ exam: exam.id, claims: rowClaims(row, exam.id).map(view) }));
    if (row.optional && cells.every((cell) => cell.claims.length === 0)) continue;
    rows.push({ id: row.id, label: row.label, cells });
  }

  const columns: CompareExam[] = exams.map((exam) => {
    const retired = options.retirementOf(exam.id);
    return {
      id: exam.id,
      name: exam.name,
      vendor: exam.vendor,
      code: exam.code,
      status: retired === null ? 'current' : retired.date <= options.asOf ? 'retired' : 'retiring',
      retired: retiredView(retired),
      freshness: examFreshness(claimsOf.get(exam.id) ?? [], freshness),
    };
  });

  return { asOf: options.asOf, thresholdMonths: options.thresholdMonths, exams: columns, rows };
}

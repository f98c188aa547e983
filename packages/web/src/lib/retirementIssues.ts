/**
 * A retired exam cannot be planned for a date after its retirement: the builder says so at once, before asking
 * the API (which refuses such a plan with 422 too), on the exam's card and next to the exam date it constrains.
 * A start date after retirement is the same problem (every exam date would be later still), so it is said in
 * the same two places rather than under Start date, which the learner cannot fix by moving.
 */
import type { ExamSummary } from '../api/types.ts';
import type { PlanInputs } from './planParams.ts';
import { formatDate } from './today.ts';

export function retirementIssues(exam: ExamSummary | undefined, inputs: PlanInputs): Record<string, string> {
  const retired = exam?.retired;
  if (!exam || !retired) return {};
  const instead = retired.successor ? ` Plan for its successor, ${retired.successor.name}, instead.` : '';
  const message = `${exam.code ?? exam.name} was retired on ${formatDate(retired.date)}; it cannot be planned for a date after that.${instead}`;
  const issues: Record<string, string> = {};
  if ((inputs.examDate && inputs.examDate > retired.date) || (inputs.startDate && inputs.startDate > retired.date)) {
    issues.exam = message;
    issues.examDate = message;
  }
  return issues;
}

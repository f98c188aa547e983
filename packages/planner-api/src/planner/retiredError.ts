/**
 * The refusal to plan a retired exam past its last day: a 422 whose message names the date, the source that
 * says so and the successor, so the learner knows what to take instead.
 */
import { CertplanError } from '@certplan/core';
import type { ExamPlannerData } from './ExamPlannerData.ts';

/**
 * The exam's refusal: the date, the source that says so and the successor, for a 422. `suggested`: the learner
 * gave no exam date and `examDate` is the planner's own (the day after the last study week's rest day), so the
 * message says whose date it is rather than quote one the learner never entered.
 */
export function retiredError(data: ExamPlannerData, examDate: string, suggested: boolean): CertplanError {
  const retirement = data.retirement;
  if (!retirement) throw new TypeError('retiredError: exam has no retirement');
  const source = retirement.citations[0];
  const sourceText = source ? ` (source: ${source.title ?? source.source}${source.url ? `, ${source.url}` : ''})` : '';
  const successorText = retirement.successor
    ? ` Its successor is ${retirement.successor.name} (${retirement.successor.id}).`
    : '';
  return new CertplanError(
    'exam_retired',
    `${data.exam.name} was retired on ${retirement.date}${sourceText}, so it cannot be taken on ${suggested ? `the planner's suggested exam date, ${examDate} (no exam date was given: the day after the plan's last study week and rest day)` : examDate}.${successorText}`,
    {
      details: {
        exam: data.exam.id,
        date: retirement.date,
        successor: retirement.successor,
        citations: retirement.citations,
      },
    },
  );
}

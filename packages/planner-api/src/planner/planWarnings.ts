/**
 * The warnings a plan carries besides `short_on_time` (which step 1 and a re-plan decide): experience below what a
 * source recommends, domains or weights unknown or only ranges, sources that disagree on what the plan uses, an
 * exam date already past, and an exam that retires. Each cites the passages it rests on.
 */
import { formatExperience } from '@certplan/core';
import type { ExamPlannerData } from './ExamPlannerData.ts';
import type { Citation, PlanRequest, PlanWarning } from './schema.ts';

export interface PlanWarningsInput {
  request: PlanRequest;
  data: ExamPlannerData;
  proficiency: readonly (number | undefined)[];
  /** The plan's exam day (epoch days) and date, after any re-plan. */
  examDay: number;
  examDate: string;
  /** The learner's today, as an epoch day and as YYYY-MM-DD. */
  todayDay: number;
  today: string;
}

/** The warnings, in the order the plan lists them. */
export function planWarnings(input: PlanWarningsInput): PlanWarning[] {
  const { request, data, proficiency, examDay, examDate, todayDay } = input;
  const warnings: PlanWarning[] = [];
  const domains = data.domains;
  const domainCount = domains.length;
  const retirement = data.retirement;
  // Experience disagreements matter only to a learner who told us their experience; they are told inside
  // the experience warning when there is one.
  const toldDisagreements = new Set<string>();
  if (request.experienceYears !== undefined) {
    for (const recommended of data.experience) {
      if (request.experienceYears >= recommended.minYears) continue;
      if (recommended.disagreement) toldDisagreements.add(recommended.disagreement.id);
      const who = recommended.sourceTitle ? `"${recommended.sourceTitle}"` : 'A source';
      const quote = recommended.quote ? ` ("${recommended.quote.trim()}")` : '';
      warnings.push({
        code: 'experience_below_recommended',
        message: `${who} recommends ${formatExperience(recommended)}${quote}; you have ${request.experienceYears} year${request.experienceYears === 1 ? '' : 's'}. Plan extra hands-on practice.${recommended.disagreement ? ` ${recommended.disagreement.text}` : ''}`,
        citations: unique([...recommended.citations, ...(recommended.disagreement?.citations ?? [])]),
      });
    }
  }
  if (domainCount === 0) {
    warnings.push({
      code: 'domains_unknown',
      message: `No source lists the domains of ${data.exam.name}: the plan has general study sessions instead of domain blocks.`,
      citations: [],
    });
  } else if (data.weightsFromRanges) {
    const ranged = domains.filter((d) => d.weightRange !== null);
    warnings.push({
      code: 'weights_from_ranges',
      message: `The exam guide gives ${ranged.length === domainCount ? "every domain's weight" : `the weight of ${ranged.length} of the ${domainCount} domains`} only as a range (${ranged.map((d) => `${d.name} ${d.weightRange?.[0]}–${d.weightRange?.[1]}%`).join(', ')}): hours are split by the middle of each range.`,
      citations: data.domainsEvidence as Citation[],
    });
  } else if (!data.weightsKnown) {
    warnings.push({
      code: 'weights_unknown',
      message: `The sources do not give every domain's weight for ${data.exam.name}: hours are split evenly across the ${domainCount} domains${proficiency.some((p) => p !== undefined) ? ', adjusted by your proficiency' : ''}.`,
      citations: data.domainsEvidence as Citation[],
    });
  }
  for (const disagreement of data.disagreements) {
    if (disagreement.attribute === 'experience' && request.experienceYears === undefined) continue;
    if (toldDisagreements.has(disagreement.id)) continue;
    warnings.push(disagreement.warning);
  }
  if (examDay < todayDay) {
    // A saved link opens whatever today is (durable plans), but a plan whose exam has passed is history: say so
    // rather than show its sessions as if they were to come.
    warnings.push({
      code: 'exam_date_passed',
      message: `The ${request.examDate === undefined ? 'suggested ' : ''}exam date, ${examDate}, is before today (${input.today}): every session of this plan is in the past. Re-plan with a new exam date to study from today.`,
      citations: [],
    });
  }
  if (retirement && examDate <= retirement.date) {
    warnings.push({
      code: 'exam_retiring',
      message: `${data.exam.name} retires on ${retirement.date}: there is no retake after that date.${retirement.successor ? ` Its successor is ${retirement.successor.name}.` : ''}`,
      citations: retirement.citations as Citation[],
    });
  }
  return warnings;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The chosen exam's domain names, for the per-domain self-rating: from its `domains` claim or `domain` claims. */
import type { ExamSummary } from '../api/types.ts';

export function examDomains(exam: ExamSummary | undefined): string[] {
  if (!exam) return [];
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  // `weights` holds the exam's `domains` claim, else its per-domain `domain` claims (GET /api/exams).
  for (const claim of exam.facts.weights) {
    if (claim.attribute === 'domains') for (const domain of claim.value.domains) add(domain.name);
    else if (claim.attribute === 'domain') add(claim.value.name);
  }
  return names;
}

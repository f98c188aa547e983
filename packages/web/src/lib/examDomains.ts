/** The chosen exam's domain names, for the per-domain self-rating: from its `domains` claim or `domain` claims. */
import type { ExamSummary } from '../api/types.ts';

export function examDomains(exam: ExamSummary | undefined): string[] {
  if (!exam) return [];
  const names: string[] = [];
  for (const claim of exam.facts.weights) {
    const value = claim.value as { domains?: unknown; name?: unknown } | null;
    if (value && Array.isArray(value.domains)) {
      for (const domain of value.domains) {
        const name = (domain as { name?: unknown } | null)?.name;
        if (typeof name === 'string' && !names.includes(name)) names.push(name);
      }
    } else if (value && typeof value.name === 'string' && !names.includes(value.name)) {
      names.push(value.name);
    }
  }
  return names;
}

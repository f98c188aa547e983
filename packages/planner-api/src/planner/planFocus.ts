/**
 * What each kind of session is for: the domains' prepared focus, and the texts of mixed review and the light
 * last week, which name the learner's weakest domains. Also each domain's stream name (its slug), unique within
 * the plan because session ids are built from it.
 */
import type { ExamPlannerData } from './ExamPlannerData.ts';
import { domainSlug, type FillFocus } from './fillWeeks.ts';
import { indexes } from './splitHours.ts';

/** The focus of every session kind; `domainUnits` (per domain) breaks ties between equally rated domains. */
export function planFocus(
  data: ExamPlannerData,
  proficiency: readonly (number | undefined)[],
  domainUnits: readonly number[],
): FillFocus {
  const domains = data.domains;
  const domainCount = domains.length;
  const weakestFirst = indexes(domainCount).sort(
    (a, b) => (proficiency[a] ?? 3) - (proficiency[b] ?? 3) || (domainUnits[b] ?? 0) - (domainUnits[a] ?? 0) || a - b,
  );
  const weakestNames = weakestFirst.slice(0, 3).map((j) => domains[j]?.name as string);
  return {
    learn: domains.map((d) => d.learnFocus),
    review: domains.map((d) => d.reviewFocus),
    general: data.generalFocus,
    practice: data.practiceFocus,
    mixed: {
      text:
        domainCount > 0
          ? `Mixed review across all domains, weakest first (${weakestNames.join(', ')}): practice questions that mix every domain.`
          : 'Mixed review: practice questions across the whole exam.',
      objectives: [],
      topics: [],
      citations: [],
    },
    buffer: {
      text: `Light week before the exam: skim your notes${domainCount > 0 ? ` (weakest first: ${weakestNames.join(', ')})` : ''}, check the exam logistics (ID, test centre or online setup), and rest the day before.`,
      objectives: [],
      topics: [],
      citations: [],
    },
    slugs: uniqueSlugs(domains.map((d) => d.name)),
  };
}

/** Stream names per domain; two names with the same slug get -2, -3 so session ids stay unique. */
function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = domainSlug(name);
    let slug = base;
    for (let k = 2; used.has(slug); k++) slug = `${base}-${k}`;
    used.add(slug);
    return slug;
  });
}

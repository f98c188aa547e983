/**
 * The one answer for an exam id the catalog does not hold, on every route that takes one (exam pages, plans,
 * calendars, compare, the conflicts filter). The API takes exam ids only (`aws-mla-c01`): a plan's canonical
 * query, its id and its calendar feed are keyed to them, so a second spelling would give the same plan two URLs.
 * A learner who types the exam code (`MLA-C01`) or an alias (`PMLE`), as vendors and blogs write them, is told
 * the id to use; anything else is told the ids there are.
 */
import { CertplanError } from '@certplan/core';
import type { z } from 'zod';

/** What of a catalog exam names it: its id, its exam code and its aliases (core's `Exam`). */
export interface CatalogExam {
  id: string;
  code: string | null;
  aliases: readonly string[];
}

/** The catalog exam `given` names by id, exam code or alias, ignoring case; null when none does. */
export function examMeant(given: string, exams: Iterable<CatalogExam>): CatalogExam | null {
  const wanted = given.trim().toLowerCase();
  if (!wanted) return null;
  for (const exam of exams) {
    if (exam.id === wanted || exam.code?.toLowerCase() === wanted) return exam;
    if (exam.aliases.some((alias) => alias.toLowerCase() === wanted)) return exam;
  }
  return null;
}

/**
 * 404 `not_found` for ids that are not exam ids (`given`, at least one). Each that names a catalog exam by code
 * or alias gets `did you mean "<id>"?`; when any names none, the message lists the known ids. Details:
 * `{exam, unknown, known, suggestions: {[given]: id}}` (`exam` the first id given, as the single-exam routes have
 * sent it; `unknown` all of them, as compare has).
 */
export function unknownExamError(given: readonly string[], exams: Iterable<CatalogExam>): CertplanError {
  const catalog = [...exams];
  const known = catalog.map((exam) => exam.id);
  const suggestions: Record<string, string> = {};
  let unmatched = 0;
  for (const id of given) {
    const meant = examMeant(id, catalog);
    if (meant) suggestions[id] = meant.id;
    else unmatched++;
  }
  const meantList = Object.entries(suggestions);
  const parts = [`no exam with id ${given.map((id) => `"${id}"`).join(', ')}`];
  if (unmatched > 0) parts.push(`known exams: ${known.join(', ')}`);
  if (meantList.length === 1 && given.length === 1) {
    parts.push(`did you mean "${meantList[0]?.[1]}"? (the API takes exam ids, as GET /api/exams lists them)`);
  } else if (meantList.length > 0) {
    const pairs = meantList.map(([id, to]) => `"${to}" for "${id}"`);
    parts.push(`did you mean ${pairs.length > 1 ? `${pairs.slice(0, -1).join(', ')} and ${pairs.at(-1)}` : pairs[0]}?`);
  }
  return new CertplanError('not_found', parts.join('; '), {
    details: { exam: given[0], unknown: [...given], known, suggestions },
  });
}

/**
 * For a request that failed validation in an exam field. What names a catalog exam by code or alias (`MLA-C01`
 * is not shaped like an id, so the schema refuses it first) gets the did-you-mean answer (404, as an id shaped
 * the same way would); anything else the field held gets a 400 that says it is not an exam id and lists the
 * known ones, instead of the id pattern. `fields` maps a top-level field to `'id'` or `'list'` (comma-separated
 * ids, as compare takes them); `data` is the input as sent, `target` where it was ('body', 'query', 'param').
 * Null when no exam field failed.
 */
export function examHintFor(
  error: z.ZodError,
  data: unknown,
  fields: Readonly<Record<string, 'id' | 'list'>>,
  exams: Iterable<CatalogExam>,
  target: string,
): CertplanError | null {
  if (typeof data !== 'object' || data === null) return null;
  const catalog = [...exams];
  const ids = new Set(catalog.map((exam) => exam.id));
  for (const issue of error.issues) {
    const field = issue.path.length === 1 ? String(issue.path[0]) : null;
    const kind = field === null ? undefined : fields[field];
    const value = field === null ? undefined : (data as Record<string, unknown>)[field];
    if (kind === undefined || typeof value !== 'string') continue;
    const given = kind === 'list' ? value.split(',').map((id) => id.trim()) : [value];
    const notIds = given.filter((id) => id && !ids.has(id));
    if (notIds.some((id) => examMeant(id, catalog))) return unknownExamError(notIds, catalog);
    // Only an id's own shape is explained here; a list's other problems (repeats, too many) keep their message.
    if (kind === 'list' || issue.code !== 'invalid_format') continue;
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    const message = `${JSON.stringify(shown)} is not an exam id (known exams: ${[...ids].join(', ')})`;
    return new CertplanError('bad_request', `invalid ${target}: ${field}: ${message}`, {
      issues: [{ path: field as string, message }],
    });
  }
  return null;
}

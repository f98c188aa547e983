/**
 * The comparison's state lives in the URL (`/compare?exams=a,b,c`), so a link shares it. Parsing is lenient:
 * unknown characters, repeats and anything past the fourth id are dropped rather than failing the page.
 */

/** As many exams as fit side by side on a desktop; the API refuses more. */
export const MAX_COMPARED = 4;

const EXAM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseCompareParams(search: string): string[] {
  const raw = new URLSearchParams(search).get('exams') ?? '';
  const ids: string[] = [];
  for (const part of raw.split(',')) {
    const id = part.trim();
    if (EXAM_ID.test(id) && !ids.includes(id)) ids.push(id);
    if (ids.length === MAX_COMPARED) break;
  }
  return ids;
}

/** `?exams=a,b` (commas kept readable), or '' for none. */
export function compareSearch(ids: readonly string[]): string {
  return ids.length === 0 ? '' : `?exams=${ids.map(encodeURIComponent).join(',')}`;
}

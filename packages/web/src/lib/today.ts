/** The local calendar date as YYYY-MM-DD (not UTC: a learner's "today" is their own). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "22 Nov 2026" from "2026-11-22", without the time-zone shift `new Date(iso)` would bring. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(match[3])} ${months[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/**
 * A source's dates in words: "published 24 May 2025, updated 27 Dec 2025" when it was changed after publication
 * (core dates its claims by the later one, so showing only `published` would contradict the rationale).
 */
export function formatSourceDate(published: string | null | undefined, modified?: string | null): string {
  if (modified && modified !== published) {
    return published
      ? `published ${formatDate(published)}, updated ${formatDate(modified)}`
      : `updated ${formatDate(modified)}`;
  }
  return formatDate(published);
}

/** "30 Nov 2026, 09:00 UTC": a recorded moment (a review's `at`), in UTC so every reviewer reads the same. */
export function formatMomentUtc(at: string): string {
  const time = /T(\d{2}:\d{2})/.exec(at)?.[1];
  return time ? `${formatDate(at)}, ${time} UTC` : formatDate(at);
}

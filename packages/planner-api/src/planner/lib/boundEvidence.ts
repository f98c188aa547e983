/**
 * How much evidence one API answer carries. A claim may rest on thousands of facts (one untrusted article can
 * state the same fee in every sentence of 5 MB), and a citation list that copies each of them makes an answer
 * of hundreds of megabytes (issue 12, case 5). Every list of quotes an answer carries is bounded; the answer
 * says how many there were in all.
 */

/** At most this many quotes in one list (a claim's support or dissent, a conflict side, a plan's domain). */
export const MAX_QUOTES_PER_LIST = 12;

/**
 * The items to show, at most `max`, in their original order: each source's first item before any source's
 * second, so one prolific source never hides the others; then the earliest of the rest.
 *
 * `items` in the caller's order (best first); `sourceOf` names an item's source. Returns a new array; `items` is
 * returned unchanged (same array) when it already fits. O(n).
 */
export function boundEvidence<T>(
  items: readonly T[],
  sourceOf: (item: T) => string,
  max = MAX_QUOTES_PER_LIST,
): readonly T[] {
  if (items.length <= max) return items;
  const keep = new Uint8Array(items.length);
  const seen = new Set<string>();
  let kept = 0;
  for (let i = 0; i < items.length && kept < max; i++) {
    const source = sourceOf(items[i] as T);
    if (seen.has(source)) continue;
    seen.add(source);
    keep[i] = 1;
    kept++;
  }
  for (let i = 0; i < items.length && kept < max; i++) {
    if (keep[i]) continue;
    keep[i] = 1;
    kept++;
  }
  return items.filter((_, i) => keep[i] === 1);
}

/**
 * Series across exams. Comparison pages name several exams in an order (a table header "| | AIF | MLA | AIP |",
 * a sentence "AIF-C01, MLA-C01 and AIP-C01") and later give one figure per exam in that order, as a slash
 * series: "Passing scores climb 700 / 720 / 750", "| Prices | $100 / $150 / $300 |". The k-th value of a series
 * of n values is about the k-th exam of the latest group of n exams named before it.
 *
 * Only series of three or more values count: "700/1000" and "700 / 1000" are a score and its scale, "40/60" may
 * be a ratio, so two values never map across exams. Both passes are linear: groups come from one walk over the
 * mentions, series from one scan per clause (cached), and lookups are binary searches.
 */
import type { Span, Subject } from './context.ts';

/** A figure as a series item: "$100", "700", "90 min", "3 years", "28%". */
const SERIES =
  /(?<![\d,.])(?:[$€£¥₹]\s?)?\d[\d,.]*(?:\s?(?:%|min|minutes|hrs?|hours|years?|months|questions|USD|EUR))?(?:\s?\/\s?(?:[$€£¥₹]\s?)?\d[\d,.]*(?:\s?(?:%|min|minutes|hrs?|hours|years?|months|questions|USD|EUR))?){2,}/g;
const ITEM = /(?:[$€£¥₹]\s?)?\d[\d,.]*/g;

/** Text between two exam mentions of one enumeration: a comma, a slash, "and", "or", "&", ", and". */
const ENUMERATION_GAP = /^(?:, ?(?:and|or)?|\/|&|and|or|vs\.?)$/i;

export interface ExamGroup {
  /** Document offset where the naming ends: it applies to series after it. */
  end: number;
  members: Subject[];
}

export interface SeriesSpan extends Span {
  /** Which item of the series holds the offset asked about, and how many items it has. */
  index: number;
  /** Where the series starts (document offset): identifies it. */
  series: number;
  size: number;
}

/** Groups by size, each list sorted by `end`. */
export type ExamGroups = Map<number, ExamGroup[]>;

export function addGroup(groups: ExamGroups, group: ExamGroup): void {
  const n = group.members.length;
  if (n < 3) return;
  const list = groups.get(n) ?? [];
  list.push(group);
  groups.set(n, list);
}

/**
 * Enumerations of exam mentions in document order: runs of two or more mentions joined only by separators.
 * `mentions` are the document's mentions, ordered, each with its resolved subject (vendor names excluded).
 */
export function enumerations(
  text: string,
  mentions: ReadonlyArray<{ start: number; end: number; kind: string; resolved: Subject }>,
): ExamGroup[] {
  const out: ExamGroup[] = [];
  let run: Array<{ end: number; resolved: Subject }> = [];
  const flush = () => {
    if (run.length >= 2)
      out.push({ end: (run[run.length - 1] as { end: number }).end, members: run.map((m) => m.resolved) });
    run = [];
  };
  let previousEnd = -1;
  for (const m of mentions) {
    if (m.kind === 'vendor' || m.resolved === null) continue;
    const gap = previousEnd < 0 || m.start - previousEnd > 12 ? null : text.slice(previousEnd, m.start);
    if (gap === null || !ENUMERATION_GAP.test(gap.trim().replace(/\s+/g, ' '))) flush();
    run.push(m);
    previousEnd = m.end;
  }
  flush();
  return out;
}

/** The latest group of `size` exams whose naming ends at or before `offset`. */
export function groupBefore(groups: ExamGroups, size: number, offset: number): ExamGroup | undefined {
  const list = groups.get(size);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as ExamGroup).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1];
}

const seriesCache = new WeakMap<object, Map<number, SeriesSpan[]>>();

/**
 * The slash series (three or more figures) in the text span `clause` of `doc` that holds `offset`, with the
 * index of the item there, or null. Each clause is scanned once (cached per document).
 */
export function seriesAt(doc: { text: string }, clause: Span, offset: number): SeriesSpan | null {
  let byClause = seriesCache.get(doc);
  if (!byClause) {
    byClause = new Map();
    seriesCache.set(doc, byClause);
  }
  let spans = byClause.get(clause.start);
  if (!spans) {
    spans = [];
    const text = doc.text.slice(clause.start, clause.end);
    SERIES.lastIndex = 0;
    for (let m = SERIES.exec(text); m; m = SERIES.exec(text)) {
      const items: Span[] = [];
      ITEM.lastIndex = 0;
      for (let i = ITEM.exec(m[0]); i; i = ITEM.exec(m[0]))
        items.push({ start: clause.start + m.index + i.index, end: clause.start + m.index + i.index + i[0].length });
      const first = clause.start + m.index;
      for (const [index, item] of items.entries())
        spans.push({ start: item.start, end: item.end, index, size: items.length, series: first });
    }
    byClause.set(clause.start, spans);
  }
  // Items are in order and disjoint: the last one starting at or before `offset`, by binary search.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as SeriesSpan).start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const span = spans[lo - 1];
  return span && offset <= span.end ? span : null;
}

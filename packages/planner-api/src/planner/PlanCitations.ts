/**
 * A plan's citations, listed once each in `plan.citations`, and the references (indexes into that list) its
 * target, domains, sessions' focus and warnings carry instead of copies: a plan repeats the same few passages in
 * every session of a domain, and in full they were two thirds of the response.
 */
import type { Citation, Focus, PreparedFocus } from './schema.ts';

export class PlanCitations {
  /** Every citation referred to so far, in the order first referred to: the plan's `citations`. */
  readonly list: Citation[] = [];
  private readonly index = new Map<Citation, number>();
  /** The same prepared focus recurs in every session of its domain: one wire focus each. */
  private readonly focusFor = new Map<PreparedFocus, Focus>();

  /** Indexes into `list` of `citations` (each once, in order), adding those not listed yet. */
  refsOf(citations: readonly Citation[]): number[] {
    const refs: number[] = [];
    for (const citation of citations) {
      let i = this.index.get(citation);
      if (i === undefined) {
        i = this.list.length;
        this.index.set(citation, i);
        this.list.push(citation);
      }
      if (!refs.includes(i)) refs.push(i);
    }
    return refs;
  }

  /** A session's focus as sent: its citations (and its objectives') as references. */
  focusOf(prepared: PreparedFocus): Focus {
    let wire = this.focusFor.get(prepared);
    if (!wire) {
      wire = {
        text: prepared.text,
        objectives: prepared.objectives.map((o) => ({
          ref: o.ref,
          label: o.label,
          citationRefs: this.refsOf(o.citations),
        })),
        topics: prepared.topics as string[],
        citationRefs: this.refsOf(prepared.citations),
      };
      this.focusFor.set(prepared, wire);
    }
    return wire;
  }
}

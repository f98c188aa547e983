/**
 * The dataset's facts as the build collects them, source by source: each fact's id comes from what it says and
 * where (the same across rebuilds; the nth repeat of one statement in a source numbered), and prose domain lists
 * one source could not read alone wait until every source is in, to be settled against the whole corpus.
 */
import type { Fact, Problem } from '@certplan/core';
import { AMBIGUOUS_LIST_RULE, chooseReading, domainKey, type PendingDomainList } from '../plugins/extract-domain.ts';
import type { DraftFact } from './context.ts';
import { sha256Hex } from './sourceIdOf.ts';

export class FactCollector {
  /** Every fact so far, in the order added (the build sorts them afterwards). */
  readonly facts: Fact[] = [];
  /** Per source id, how many times each statement was seen: the occurrence number in a repeated fact's id. */
  private readonly seenBySource = new Map<string, Map<string, number>>();
  private readonly pendingLists: Array<{ list: PendingDomainList; id: string; file: string; text: string }> = [];

  /** One source's draft facts (offsets in `text`, the source's stored text), under source id `id`. */
  addSource(id: string, text: string, drafts: readonly DraftFact[]): void {
    const seen = new Map<string, number>();
    this.seenBySource.set(id, seen);
    this.push(id, text, drafts, seen);
  }

  /** A prose domain list the source `file` (id `id`) could not read alone; settled by settlePendingDomainLists. */
  deferDomainList(list: PendingDomainList, id: string, file: string, text: string): void {
    this.pendingLists.push({ list, id, file, text });
  }

  /**
   * Prose domain lists one source could not read alone ("a, b and c and d"): a reading whose items another
   * list of the same exam names anywhere in the corpus is taken, and its info message is removed from
   * `problems`; the others stay out, with their message.
   */
  settlePendingDomainLists(problems: Problem[]): void {
    const known = new Map<string, Set<string>>();
    for (const fact of this.facts) {
      if (fact.attribute !== 'domain') continue;
      const names = known.get(fact.exam) ?? new Set<string>();
      names.add(domainKey(fact.value.name));
      known.set(fact.exam, names);
    }
    for (const { list, id, file, text } of this.pendingLists) {
      const items = chooseReading(list.readings, known.get(list.exam) ?? new Set());
      if (!items) continue;
      this.push(
        id,
        text,
        items.map((name, order) => ({
          exam: list.exam,
          attribute: 'domain' as const,
          value: { name, weightPercent: null, order, list: list.list },
          start: list.start,
          end: list.end,
          section: list.section,
          line: list.line,
        })),
        this.seenBySource.get(id) ?? new Map(),
      );
      const at = problems.findIndex(
        (p) => p.file === file && p.ruleId === AMBIGUOUS_LIST_RULE && p.line === list.line && p.column === list.column,
      );
      if (at >= 0) problems.splice(at, 1);
    }
  }

  private push(id: string, text: string, drafts: readonly DraftFact[], seen: Map<string, number>): void {
    for (const draft of drafts) {
      const quote = text.slice(draft.start, draft.end);
      const base = `${id}\0${draft.exam}\0${draft.attribute}\0${JSON.stringify(draft.value)}\0${quote}`;
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      this.facts.push({
        id: `f_${sha256Hex(`${base}\0${occurrence}`).slice(0, 16)}`,
        exam: draft.exam,
        attribute: draft.attribute,
        value: draft.value,
        source: id,
        quote,
        start: draft.start,
        end: draft.end,
        section: draft.section,
        line: draft.line,
      } as Fact);
    }
  }
}

/**
 * Fact emission: what an extractor records (the draft fact with its quote, section and raw line), the bound on
 * facts per source, and the last plugin, which drops figures the page dates to a past version when it also
 * gives a current one.
 */
import type { Attribute, AttributeValue } from '@certplan/core';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { blockAt, context, type DraftFact, pointAt, type Sentence, type Span, sentenceAt } from './context.ts';
import { datedToPast } from './figureScope.ts';
import { MAX_SENTENCE_LENGTH } from './splitSentences.ts';

/** The quote for a statement: the sentence, extended back to the start of a list item or table row. */
export function quoteFor(sentence: Sentence): Span {
  const block = sentence.block;
  if (
    (block.kind === 'listItem' || block.kind === 'tableRow' || block.kind === 'heading') &&
    sentence.end - block.start <= MAX_SENTENCE_LENGTH
  ) {
    return { start: block.start, end: sentence.end };
  }
  return { start: sentence.start, end: sentence.end };
}

/**
 * Facts one source may give (issue 12, case 5: bounded output). Real articles give at most a few dozen (50 is the
 * most in content/ today); a source past this is a dump or an attack, and without a bound 5 MB of repeated
 * prose gave 190,000 facts and a dataset of tens of megabytes. Extraction stops at the limit (FactLimitReached).
 */
export const MAX_FACTS_PER_SOURCE = 2_000;

/** Thrown by emitFact when a source would give more than MAX_FACTS_PER_SOURCE facts; `offset` is the next fact's. */
export class FactLimitReached extends Error {
  constructor(readonly offset: number) {
    super(`more than ${MAX_FACTS_PER_SOURCE} facts`);
  }
}

export function emitFact<A extends Attribute>(
  file: VFile,
  fact: { exam: string; attribute: A; value: AttributeValue<A>; quote: Span; at?: number },
): void {
  const ctx = context(file);
  const block = blockAt(ctx, fact.quote.start);
  const at = fact.at ?? fact.quote.start;
  const key = `${fact.exam}|${fact.attribute}|${JSON.stringify(fact.value)}|${fact.quote.start}`;
  if (ctx.factKeys.has(key)) return;
  if (ctx.facts.length >= MAX_FACTS_PER_SOURCE) throw new FactLimitReached(at);
  ctx.factKeys.add(key);
  const draft: DraftFact = {
    exam: fact.exam,
    attribute: fact.attribute,
    value: fact.value,
    start: fact.quote.start,
    end: fact.quote.end,
    section: block ? (block.kind === 'heading' ? [...block.section, block.text] : block.section) : [],
    line: pointAt(ctx, at).line,
  };
  ctx.facts.push(draft);
  if (DATED_ATTRIBUTES.has(fact.attribute)) {
    const sentence = sentenceAt(ctx, at);
    if (sentence && datedToPast(ctx.doc.text.slice(sentence.start, sentence.end), at - sentence.start))
      ctx.pastFigures.add(draft);
  }
}

/** The attributes whose figures change between an exam's versions (a beta's length, an old price). */
const DATED_ATTRIBUTES = new Set<Attribute>(['fee', 'duration', 'questions', 'passingScore', 'validity']);

/**
 * The last plugin: a figure the page dates to a past or beta version is not a current fact when the same page
 * gives a current figure for the same exam and attribute ("The beta was 170 minutes; the exam is 130 minutes"
 * keeps 130 only). With no current figure beside it the dated one stays: a page about an exam still in beta
 * states its beta figures as the current ones.
 */
export const settlePastFigures: Plugin<[], Root> = () => (_tree, file) => {
  const ctx = context(file);
  if (ctx.pastFigures.size === 0) return;
  const current = new Set<string>();
  for (const f of ctx.facts) if (!ctx.pastFigures.has(f)) current.add(`${f.exam}|${f.attribute}`);
  ctx.facts = ctx.facts.filter((f) => !ctx.pastFigures.has(f) || !current.has(`${f.exam}|${f.attribute}`));
};

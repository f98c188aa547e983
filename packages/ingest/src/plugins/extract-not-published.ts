/**
 * Figures the vendor does not publish: "The fee is not published", "Microsoft does not disclose the passing
 * score", "Pricing varies by country or region", "Fee: not published". Each becomes a `notPublished` fact naming
 * the attribute (fee, duration, questions, domains, passingScore), so an exam can show "not published" with a
 * citation where it has no figure. Kept at its source's authority: a vendor page saying so outranks an article
 * stating a figure, and core's reconcile weighs the two against each other (contestNotPublished).
 *
 * A cue of not publishing (not published / not disclosed / does not publish / unpublished / undisclosed, or a
 * price that varies by country or region) must sit in the same clause as the attribute's word, or the
 * attribute must be the block's label ("Fee: not published"). Near misses: "results are not published until
 * …" names no attribute; "the fee is published on the vendor's page" has no negation; "not yet published"
 * (announced to come) is still read as not published today.
 */
import type { UnpublishableAttribute } from '@certplan/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { examAt } from '../lib/subjectAt.ts';
import { labelOf } from './shared.ts';

export type ExtractNotPublishedOptions = Record<string, never>;

/** Saying a figure is not made public. Bounded alternations only (no nested quantifiers): linear. */
const NOT_PUBLISHED =
  /\b(?:(?:is|are|was|were|has|have|been|be)\s+)?(?:not|never)\s+(?:(?:yet|been|officially|publicly)\s+){0,2}(?:published|disclosed|released|made\s+public|announced)\b|\b(?:does|do|did)(?:\s+not|n't)\s+(?:publish|disclose|release)\b|\bun(?:published|disclosed)\b|\bno\s+(?:published|public|official)\s+(?:fee|price|pricing|figure|number|passing|list|outline|weights?)\b/i;
/** A price set per market is not one published figure. */
const PRICE_VARIES =
  /\b(?:fee|fees|price|prices|pricing|cost|costs)\b[^.;]{0,40}?\bvar(?:y|ies|ying)\s+(?:by|per|with|across|between)\s+(?:the\s+)?(?:country|countries|region|regions|location|market|markets)\b/i;

/** The attribute's words, as writers name it. Checked in order; one clause may name several. */
const ATTRIBUTE_WORDS: readonly [UnpublishableAttribute, RegExp][] = [
  ['passingScore', /\b(?:passing|pass)\s+(?:score|mark|threshold|grade)s?\b|\bcut[\s-]?scores?\b/i],
  ['fee', /\b(?:exam\s+)?(?:fee|fees|price|prices|pricing|cost)\b/i],
  ['duration', /\b(?:exam\s+length|duration|time\s+limit|length\s+of\s+the\s+exam|how\s+long)\b/i],
  ['questions', /\b(?:number\s+of\s+questions|question\s+count|how\s+many\s+questions)\b/i],
  [
    'domains',
    /\b(?:domains?|domain\s+weights?|weightings?|skills\s+(?:outline|measured)|exam\s+(?:outline|blueprint|sections?))\b/i,
  ],
];

function attributesIn(text: string): UnpublishableAttribute[] {
  return ATTRIBUTE_WORDS.filter(([, words]) => words.test(text)).map(([attribute]) => attribute);
}

export function extractNotPublished(_options?: Readonly<ExtractNotPublishedOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const cue = NOT_PUBLISHED.exec(text) ?? PRICE_VARIES.exec(text);
      if (!cue) continue;
      const at = sentence.start + cue.index;
      const clause = clauseText(ctx, sentence, at);
      let attributes = PRICE_VARIES.test(clause) ? ['fee' as const] : attributesIn(clause);
      // "Fee: not published": the label names the attribute, the value says it is not published.
      if (attributes.length === 0) attributes = attributesIn(labelOf(sentence));
      if (attributes.length === 0) continue;
      const exam = examAt(ctx, sentence, at);
      if (!exam) continue;
      for (const attribute of attributes) {
        emitFact(file, { exam, attribute: 'notPublished', value: { attribute }, quote: quoteFor(sentence), at });
      }
    }
  };
}

/** Question counts: "65 questions", "50-60 multiple choice and multiple select questions", "Questions: 65", "Expect 65 items". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, eachMatch, emitFact, examAt, quoteFor } from '../lib/context.ts';
import { boundsOf, QUANTITY } from '../lib/quantities.ts';
import { labelOf } from './shared.ts';

export type ExtractQuestionsOptions = Record<string, never>;

// "Items" is how some writers (and exam providers) count questions: "Expect 65 items", "50 scored items".
const COUNTED = new RegExp(`${QUANTITY}\\s+(?<words>(?:[A-Za-z-]+,?\\s+){0,6}?)(?<noun>questions|items)\\b`, 'gi');
const LABELLED = new RegExp(
  `\\b(?:number\\s+of\\s+(?:questions|items)|questions|items|(?:question|item)\\s+count)\\s*[:–|-]\\s*${QUANTITY}\\b(?!\\s*(?:minutes|hours|%))`,
  'gi',
);
const CELL = new RegExp(`^\\s*${QUANTITY}(?:\\s+(?:[A-Za-z-]+\\s+){0,4}(?:questions|items))?\\s*$`, 'i');
/** "Items" alone could count anything: it needs the exam, or a verb of sitting one, in the same clause. */
const ITEMS_CONTEXT =
  /\b(?:exams?|tests?|certification|expect|answer\w*|respond|face|sit|scored|unscored|multiple[- ](?:choice|response|select)|consists?|contains?|features?|includes?)\b/i;
const NOT_EXAM_QUESTIONS =
  /\b(?:practice|sample|mock|quiz|renewal|review|interview|dump|bank|free|extra|bonus|per\s+day)\b/i;

export function extractQuestions(_options?: Readonly<ExtractQuestionsOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    // A table row labelled "Questions" holds one count per cell ("| Questions | 65 | 50–60 |").
    for (const sentence of ctx.sentences) {
      const cells = ctx.cellSpans.get(sentence.block.index);
      const label = cells?.[0] ? ctx.doc.text.slice(cells[0].start, cells[0].end).trim() : '';
      if (!cells || cells.length < 2 || !/^(?:number\s+of\s+)?(?:questions|items)$/i.test(label)) continue;
      for (const cell of cells.slice(1)) {
        const m = CELL.exec(ctx.doc.text.slice(cell.start, cell.end));
        const bounds = m ? boundsOf(m.groups ?? {}) : null;
        if (!bounds || bounds.max === null || bounds.min < 5 || bounds.max > 500) continue;
        const exam = examAt(ctx, sentence, cell.start);
        if (!exam) continue;
        const value = { min: bounds.min, max: bounds.max };
        emitFact(file, { exam, attribute: 'questions', value, quote: quoteFor(sentence), at: cell.start });
      }
    }
    for (const re of [COUNTED, LABELLED]) {
      eachMatch(ctx, re, (m, sentence, at) => {
        const g = m.groups ?? {};
        const clause = clauseText(ctx, sentence, at);
        if (NOT_EXAM_QUESTIONS.test(g.words ?? '') || NOT_EXAM_QUESTIONS.test(clause)) return;
        if (/items/i.test(g.noun ?? '') && !ITEMS_CONTEXT.test(clause) && !ITEMS_CONTEXT.test(labelOf(sentence)))
          return;
        const bounds = boundsOf(g);
        if (!bounds || bounds.max === null || bounds.min === 0 || bounds.max > 500 || bounds.min < 5) return;
        if (!Number.isInteger(bounds.min) || !Number.isInteger(bounds.max)) return;
        const exam = examAt(ctx, sentence, at);
        if (!exam) return;
        emitFact(file, {
          exam,
          attribute: 'questions',
          value: { min: bounds.min, max: bounds.max },
          quote: quoteFor(sentence),
          at,
        });
      });
    }
  };
}

/** Question counts: "65 questions", "50-60 multiple choice and multiple select questions", "Questions: 65", "Expect 65 items". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, eachMatch } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { boundsOf, QUANTITY } from '../lib/quantities.ts';
import { fieldAt, inSittingReport, labelledAs } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';
import { isPersonalAt, labelOf } from './shared.ts';

export type ExtractQuestionsOptions = Record<string, never>;

// "Items" is how some writers (and exam providers) count questions: "Expect 65 items", "50 scored items".
const COUNTED = new RegExp(`${QUANTITY}\\s+(?<words>(?:[A-Za-z-]+,?\\s+){0,6}?)(?<noun>questions|items)\\b`, 'gi');
const LABELLED = new RegExp(
  `\\b(?:number\\s+of\\s+(?:questions|items)|questions|items|(?:question|item)\\s+count)\\s*[:–|-]\\s*${QUANTITY}\\b(?!\\s*(?:minutes|hours|%))`,
  'gi',
);
const CELL = new RegExp(
  `^\\s*${QUANTITY}(?:\\s+(?:[A-Za-z-]+\\s+){0,4}(?:questions|items))?\\s*(?:\\([^)]{0,60}\\))?\\s*$`,
  'i',
);
/** A labelled value starts with the count: "~40-60 items (…)", "65 total questions (50 scored…)". */
const LEADING = new RegExp(`^\\s*~?\\s*${QUANTITY}(?!\\s*(?:minutes|mins?|hours|%|\\/))`, 'i');
/** "Items" alone could count anything: it needs the exam, or a verb of sitting one, in the same clause. */
const ITEMS_CONTEXT =
  /\b(?:exams?|tests?|certification|expect|answer\w*|respond|face|sit|scored|unscored|multiple[- ](?:choice|response|select)|consists?|contains?|features?|includes?)\b/i;
const NOT_EXAM_QUESTIONS =
  /\b(?:practice|sample|mock|quiz|renewal|review|interview|dump|bank|free|extra|bonus|per\s+day)\b/i;
/**
 * The same, read on the whole clause: "practice" there must name a practice resource ("the practice test has 65
 * questions"), since "moves up to ML engineering practice at $150, 130 minutes, 65 questions" is the exam's.
 */
const NOT_EXAM_QUESTIONS_CLAUSE =
  /\b(?:practice[\s-]+(?:tests?|exams?|questions?|sets?|papers?|packs?|bundles?|quiz\w*)|sample|mock|quiz|renewal|review|interview|dump|bank|free|extra|bonus|per\s+day)\b/i;

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
    // A value under a questions label: "Questions: ~40-60 items", "Questions~40-60", "| Questions | 65 (50 scored) |".
    for (const sentence of ctx.sentences) {
      const cells = ctx.cellSpans.get(sentence.block.index);
      // Table cells under a questions header (exam rows; "Length / Items" over "120 min / 55"); a row labelled
      // "Questions" is read above.
      const spots: number[] = [];
      if (cells) {
        for (const cell of cells.slice(1)) {
          const value = ctx.doc.text.slice(cell.start, cell.end);
          for (let k = value.indexOf('/'); ; k = value.indexOf('/', k + 1)) {
            const digit = value.slice(k + 1).search(/\d/);
            if (digit >= 0) spots.push(cell.start + k + 1 + digit);
            if (k < 0) break;
          }
        }
      } else {
        const digit = ctx.doc.text.slice(sentence.start, sentence.end).search(/\d/);
        if (digit >= 0) spots.push(sentence.start + digit);
      }
      if (inSittingReport(ctx, sentence.block)) continue;
      for (const spot of spots) {
        if (!labelledAs(ctx, sentence, spot, 'questions')) continue;
        const field = fieldAt(ctx, sentence, spot);
        if (
          cells &&
          field.label ===
            ctx.doc.text
              .slice(cells[0]?.start ?? 0, cells[0]?.end ?? 0)
              .trim()
              .toLowerCase()
        )
          continue;
        const m = LEADING.exec(ctx.doc.text.slice(field.value.start, field.value.end));
        const bounds = m ? boundsOf(m.groups ?? {}) : null;
        if (!bounds || bounds.max === null || bounds.min < 5 || bounds.max > 500) continue;
        const exam = examAt(ctx, sentence, field.value.start);
        if (!exam) continue;
        const value = { min: bounds.min, max: bounds.max };
        emitFact(file, { exam, attribute: 'questions', value, quote: quoteFor(sentence), at: field.value.start });
      }
    }
    for (const re of [COUNTED, LABELLED]) {
      eachMatch(ctx, re, (m, sentence, at, text) => {
        const g = m.groups ?? {};
        const clause = clauseText(ctx, sentence, at);
        if (isPersonalAt(text, m.index) || inSittingReport(ctx, sentence.block)) return;
        if (NOT_EXAM_QUESTIONS.test(g.words ?? '') || NOT_EXAM_QUESTIONS_CLAUSE.test(clause)) return;
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

/** Retirement dates: "The exam was retired on March 31, 2026", "the last day to sit the exam is 2026-03-31". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, type ExtractionContext, mentionsWithin, type Sentence } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { findDates } from '../lib/quantities.ts';
import { fieldAt, labelledAs } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';
import { namesSomethingElse } from './shared.ts';

export type ExtractRetirementOptions = Record<string, never>;

const RETIRE =
  /\b(?:retir(?:e|ed|es|ing|ement)|last\s+day\s+(?:to\s+(?:sit|take|register|book)|for)|ends?|ended|end\s+date|(?:hard\s+)?deadline|discontinu\w*|sunset\w*|end[\s-]of[\s-]life|no\s+longer\s+(?:be\s+)?(?:available|offered))\b/i;

const EXAM_WORD = /\b(?:exams?|certifications?|tests?|credentials?|it|versions?)\b/i;

/** Exam mentions in the clause around `offset`. */
function mentionsIn(ctx: ExtractionContext, sentence: Sentence, offset: number) {
  const clause = sentence.clauses.find((c) => offset >= c.start && offset <= c.end) ?? sentence;
  return mentionsWithin(ctx.mentions, clause.start, clause.end);
}

export function extractRetirement(_options?: Readonly<ExtractRetirementOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const labelled = (date: { start: number }) =>
        labelledAs(ctx, sentence, sentence.start + date.start, 'retirement');
      // A value glued to its label ("RetirementJune 30, 2026") is read from where the label ends.
      const digit = text.search(/\d/);
      const field = digit < 0 ? null : fieldAt(ctx, sentence, sentence.start + digit);
      const from = field && field.value.start > sentence.start ? field.value.start - sentence.start : 0;
      const dates = findDates(text.slice(from)).map((d) => ({ ...d, start: d.start + from, end: d.end + from }));
      if (!RETIRE.test(text) && !dates.some(labelled)) continue;
      for (const date of dates) {
        // A publication or update date is about the article, not the exam.
        if (
          /\b(?:published|updated|posted|written|modified)\s*(?:on\s*)?$/i.test(
            text.slice(Math.max(0, date.start - 16), date.start),
          )
        )
          continue;
        const at = sentence.start + date.start;
        // The retiring thing must be the exam: a cue in the date's own clause (a table cell is one), naming the
        // exam or a catalogued one ("LUIS retired on …" is a service, not the exam); a labelled value needs none.
        const clause = clauseText(ctx, sentence, at);
        if (!labelled(date)) {
          // A table row reads its label cell as the clause's subject ("| Last day for X in English | 2026-09-28 |").
          const rowLabel = ctx.cellSpans.get(sentence.block.index)?.[0];
          const label = rowLabel ? ctx.doc.text.slice(rowLabel.start, rowLabel.end) : '';
          if (!RETIRE.test(clause) && !RETIRE.test(label)) continue;
          const named =
            mentionsIn(ctx, sentence, at).some((m) => m.kind === 'exam') ||
            (rowLabel !== undefined &&
              mentionsWithin(ctx.mentions, rowLabel.start, rowLabel.end).some((m) => m.kind === 'exam'));
          if (!named && !EXAM_WORD.test(clause) && namesSomethingElse(clause, RETIRE)) continue;
        }
        const exam = examAt(ctx, sentence, at);
        if (!exam) continue;
        emitFact(file, { exam, attribute: 'retirement', value: { date: date.iso }, quote: quoteFor(sentence), at });
        break;
      }
    }
  };
}

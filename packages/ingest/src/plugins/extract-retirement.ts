/** Retirement dates: "The exam was retired on March 31, 2026", "the last day to sit the exam is 2026-03-31". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, emitFact, examAt, quoteFor } from '../lib/context.ts';
import { findDates } from '../lib/quantities.ts';

export type ExtractRetirementOptions = Record<string, never>;

const RETIRE =
  /\b(?:retir(?:e|ed|es|ing|ement)|last\s+day\s+to\s+(?:sit|take|register|book)|discontinu\w*|sunset\w*|end[\s-]of[\s-]life|no\s+longer\s+(?:be\s+)?(?:available|offered))\b/i;

export function extractRetirement(_options?: Readonly<ExtractRetirementOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      if (!RETIRE.test(text)) continue;
      for (const date of findDates(text)) {
        // A publication or update date is about the article, not the exam.
        if (
          /\b(?:published|updated|posted|written|modified)\s*(?:on\s*)?$/i.test(
            text.slice(Math.max(0, date.start - 16), date.start),
          )
        )
          continue;
        const at = sentence.start + date.start;
        const exam = examAt(ctx, sentence, at);
        if (!exam) continue;
        emitFact(file, { exam, attribute: 'retirement', value: { date: date.iso }, quote: quoteFor(sentence), at });
        break;
      }
    }
  };
}

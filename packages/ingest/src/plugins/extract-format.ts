/** Question formats: "50-60 multiple choice and multiple select questions", "multiple-choice questions". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { examAt } from '../lib/subjectAt.ts';

export type ExtractFormatOptions = Record<string, never>;

const FORMATS: Array<[string, RegExp]> = [
  ['multiple choice', /\bmultiple[\s-]choice\b/gi],
  ['multiple select', /\bmultiple[\s-]select\b/gi],
  ['multiple response', /\bmultiple[\s-]response\b/gi],
  ['case study', /\bcase[\s-]stud(?:y|ies)\b/gi],
  ['ordering', /\bordering\s+questions\b/gi],
  ['matching', /\bmatching\s+questions\b/gi],
  ['hands-on lab', /\b(?:hands[\s-]on|performance[\s-]based)\s+labs?\b/gi],
];

export function extractFormat(_options?: Readonly<ExtractFormatOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const found: Array<{ format: string; index: number }> = [];
      for (const [format, re] of FORMATS) {
        re.lastIndex = 0;
        const m = re.exec(text);
        if (m) found.push({ format, index: m.index });
      }
      if (found.length === 0) continue;
      found.sort((a, b) => a.index - b.index);
      const at = sentence.start + (found[0] as { index: number }).index;
      if (!/\b(?:questions?|format|exam|items?)\b/i.test(clauseText(ctx, sentence, at))) continue;
      if (/\b(?:practice|sample|mock)\b/i.test(text)) continue;
      const exam = examAt(ctx, sentence, at);
      if (!exam) continue;
      emitFact(file, {
        exam,
        attribute: 'format',
        value: { formats: found.map((f) => f.format) },
        quote: quoteFor(sentence),
        at,
      });
    }
  };
}

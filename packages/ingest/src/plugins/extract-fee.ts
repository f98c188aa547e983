/** Exam fees: "$300", "USD 150", "costing $300", "Registration fee: $200 (plus tax where applicable)". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, emitFact, examAt, pointAt, quoteFor } from '../lib/context.ts';
import { findMoney } from '../lib/quantities.ts';
import { labelOf, leadInText } from './shared.ts';

export interface ExtractFeeOptions {
  /** Amounts outside this range are not exam fees (a salary, a market size). */
  maxAmount?: number;
}

const FEE_WORDS = /\b(?:fees?|costs?|costing|priced?|pricing|price\s+tag|registration|register(?:ing)?|USD)\b/i;
const NOT_EXAM_FEE =
  /\b(?:salar\w*|earn\w*|compensation|income|per\s+year|annual\w*|a\s+year|yearly|remuneration|renew\w*|retake|voucher|discount\w*|practice|course|training|subscription|book|bundle|per\s+month|monthly|mark|market|revenue|worth|budget|bonus)\b/i;

export function extractFee(options?: Readonly<ExtractFeeOptions> | null) {
  const maxAmount = options?.maxAmount ?? 5000;
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const label = labelOf(sentence);
      const lead = sentence.block.kind === 'listItem' ? leadInText(sentence, ctx.doc.blocks) : '';
      for (const money of findMoney(text)) {
        const at = sentence.start + money.start;
        const clause = clauseText(ctx, sentence, at);
        const hasFeeWord = FEE_WORDS.test(clause) || FEE_WORDS.test(label) || /\b(?:cost|fee|price)/i.test(lead);
        // Exclusions look at the comma-delimited piece around the amount: "costs 150 USD, and a discount voucher…"
        // is still the fee, "a retake voucher saves $75" is not.
        const pieceStart = text.lastIndexOf(',', money.start) + 1;
        const pieceEnd = text.indexOf(',', money.end);
        const piece = text.slice(pieceStart, pieceEnd === -1 ? text.length : pieceEnd);
        if (!hasFeeWord || NOT_EXAM_FEE.test(piece) || NOT_EXAM_FEE.test(label)) continue;
        if (money.amount < 10 || money.amount > maxAmount) continue;
        const after = text.slice(money.end, money.end + 60);
        const before = text.slice(Math.max(0, money.start - 30), money.start);
        // A range of fees ("$150–$300") is about several exams or options, not one fee.
        if (/^\s*(?:-|–|—|to|and)\s*(?:US\$|\$|€|£|USD\s?)?\d/.test(after) || /\b(?:between|from)\s*$/i.test(before))
          continue;
        const exam = examAt(ctx, sentence, at);
        if (!exam) {
          file.info(`fee ${money.amount} ${money.currency} is not about a catalogued exam; skipped`, {
            place: pointAt(ctx, at),
            ruleId: 'certplan:no-subject',
          });
          continue;
        }
        const value: { amount: number; currency: string; approximate?: boolean; plusTax?: boolean } = {
          amount: money.amount,
          currency: money.currency,
        };
        if (/\b(?:approx\w*|about|around|roughly|nearly|estimated)\s*$|~\s*$/i.test(before)) value.approximate = true;
        if (/^\s*\(?\s*(?:plus|\+|excluding|excl\.?|before)\s+(?:applicable\s+)?(?:sales\s+)?tax/i.test(after))
          value.plusTax = true;
        emitFact(file, { exam, attribute: 'fee', value, quote: quoteFor(sentence), at });
      }
    }
  };
}

/**
 * Exam fees: "$300", "USD 150", "costing $300", "Registration fee: $200 (plus tax where applicable)", "costs two
 * hundred dollars (taxes extra)", "The MLS-C01 was $300".
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, mentionsWithin, pointAt, type Sentence } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { findMoney } from '../lib/quantities.ts';
import { labelledAs } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';
import { labelOf, leadInText } from './shared.ts';

export interface ExtractFeeOptions {
  /** Amounts outside this range are not exam fees (a salary, a market size). */
  maxAmount?: number;
}

/**
 * An amount listed with the exam's other specs ("at $100, 90 minutes, 65 questions", "130 minutes, 65 questions,
 * $150"): a spec list names the exam's price without a fee word.
 */
const SPEC_AFTER = /^\s*,\s*\d{1,3}\s*(?:minutes?|mins?|hours?|hrs?|questions?|items?)\b/i;
const SPEC_BEFORE = /\d\s*(?:minutes?|mins?|hours?|hrs?|questions?|items?)\s*,\s*(?:and\s+)?$/i;

const FEE_WORDS = /\b(?:fees?|costs?|costing|priced?|pricing|price\s+tag|registration|register(?:ing)?|USD)\b/i;
const NOT_EXAM_FEE =
  /\b(?:salar\w*|earn\w*|compensation|income|per\s+year|annual\w*|a\s+year|yearly|remuneration|renew\w*|retake|voucher|discount\w*|practice[\s-]+(?:tests?|exams?|questions?|sets?|papers?|packs?|bundles?|quiz\w*)|course|training|subscription|book|bundle|per\s+month|monthly|mark|market|revenue|worth|budget|bonus)\b/i;

/** "(plus tax)", "+ applicable taxes", "excl. VAT", "(taxes extra)", "tax not included", "before local taxes". */
const PLUS_TAX =
  /^\s*(?:[(,;–—-]\s*)?(?:(?:plus|\+|excluding|excl\.?|exclusive\s+of|before|not\s+including)\s+(?:any\s+|applicable\s+|local\s+|sales\s+)*(?:tax|taxes|VAT|GST)\b|(?:applicable\s+|local\s+|sales\s+)*(?:tax|taxes|VAT|GST)\s+(?:(?:is|are)\s+)?(?:extra|additional|not\s+included|excluded|on\s+top)\b)/i;

/**
 * "The MLS-C01 was $300", "the exam is now $150": the clause's subject is the exam itself and the verb is a
 * plain "is/was", so the amount is what the exam costs. Whatever else the subject names (a salary, a voucher, a
 * course) is excluded by NOT_EXAM_FEE on the same piece.
 */
const COPULA_END =
  /\b(?:is|was|will\s+be|remains|remained|stays|has\s+been|had\s+been|went\s+up\s+to|rose\s+to|dropped\s+to)\s+(?:(?:only|just|now|still|currently|a\s+flat|an?\s+affordable)\s+)*$/i;
function examIsPriced(ctx: ReturnType<typeof context>, sentence: Sentence, at: number): boolean {
  const clause = sentence.clauses.find((c) => at >= c.start && at <= c.end) ?? sentence;
  const before = ctx.doc.text.slice(clause.start, at);
  const copula = COPULA_END.exec(before);
  if (!copula) return false;
  // "The PMLE is $100 cheaper than…", "was $50 more": a difference between prices, not the price.
  const money = findMoney(ctx.doc.text.slice(at, sentence.end))[0];
  const after = money ? ctx.doc.text.slice(at + money.end, at + money.end + 30) : '';
  if (
    /^\s*(?:cheaper|more|less|higher|lower|dearer|off|extra|over|under|above|below|than|a\s|an\s|each|in\s+savings)\b/i.test(
      after,
    )
  )
    return false;
  const subject = before.slice(0, copula.index);
  if (NOT_EXAM_FEE.test(subject) || subject.length > 120) return false;
  // The subject names an exam: a catalogued mention or the word itself ("the exam", "this certification").
  if (/\b(?:exam|test|certification)s?\b/i.test(subject)) return true;
  const subjectEnd = clause.start + copula.index;
  return mentionsWithin(ctx.mentions, clause.start, subjectEnd).some((m) => m.resolved !== null);
}

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
        // "PMLE ($200)": a price in brackets right after an exam's name.
        const bracketed = mentionsWithin(ctx.mentions, Math.max(0, at - 80), at).some(
          (m) => m.kind === 'exam' && /^\s*\(\s*$/.test(ctx.doc.text.slice(m.end, at)),
        );
        const hasFeeWord =
          bracketed ||
          labelledAs(ctx, sentence, at, 'fee') ||
          FEE_WORDS.test(clause) ||
          FEE_WORDS.test(label) ||
          /\b(?:cost|fee|price)/i.test(lead) ||
          examIsPriced(ctx, sentence, at) ||
          SPEC_AFTER.test(text.slice(money.end, money.end + 40)) ||
          SPEC_BEFORE.test(text.slice(Math.max(0, money.start - 40), money.start));
        // Exclusions look at the comma-delimited piece around the amount: "costs 150 USD, and a discount voucher…"
        // is still the fee, "a retake voucher saves $75" is not.
        const pieceStart = text.lastIndexOf(',', money.start) + 1;
        const pieceEnd = text.indexOf(',', money.end);
        const piece = text.slice(pieceStart, pieceEnd === -1 ? text.length : pieceEnd);
        if (!hasFeeWord || NOT_EXAM_FEE.test(piece) || NOT_EXAM_FEE.test(label)) continue;
        if (money.amount < 10 || money.amount > maxAmount) continue;
        // "~160 yen/USD", "150 rupees per dollar": an exchange rate.
        if (/^\s*(?:\/|per\s+)(?:USD|US\$|\$|dollars?|EUR|euros?)\b/i.test(text.slice(money.end, money.end + 12)))
          continue;
        // "(varies by country; India ~$55, UK £113)": regional prices beside the list price.
        if (/\bvar(?:y|ies)\s+by\s+(?:country|region|location|market)\b[^)]*$/i.test(text.slice(0, money.start)))
          continue;
        const after = text.slice(money.end, money.end + 60);
        const before = text.slice(Math.max(0, money.start - 30), money.start);
        // A range of fees ("$150–$300") is about several exams or options, not one fee.
        if (/^\s*(?:-|–|—|to|and)\s*(?:US\$|\$|€|£|USD\s?)?\d/.test(after) || /\b(?:between|from)\s*$/i.test(before))
          continue;
        const exam = examAt(ctx, sentence, at, { acrossExams: true });
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
        if (PLUS_TAX.test(after)) value.plusTax = true;
        emitFact(file, { exam, attribute: 'fee', value, quote: quoteFor(sentence), at });
      }
    }
  };
}

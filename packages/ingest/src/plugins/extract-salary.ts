/**
 * Salaries: "Machine Learning Engineers typically earn between $110,000 and $150,000 per year",
 * "an average annual salary of approximately $145,725", "$110k–$150k", "rising to $150,000 or more" (open-ended:
 * no ceiling, `openEnded: true`). The role is the job title the
 * sentence names, when it names one.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { findMoney, type Money } from '../lib/quantities.ts';
import { examAt } from '../lib/subjectAt.ts';

export type ExtractSalaryOptions = Record<string, never>;

const SALARY_WORDS =
  /\b(?:salar\w*|earn\w*|compensation|income|pay(?:s|ing)?|remuneration|wages?|command\w*|per\s+year|annual\w*|yearly|a\s+year|make|makes|making)\b/i;
// Words before the role noun: capitalised words (ML, AI, MLOps are capitalised too) and the lower-case joiners
// "of"/"and". Each word is followed by whitespace it cannot itself contain, so a word list is read one way only:
// no alternatives that overlap (overlapping ones made a 130-character sentence take 16 s).
const TITLE =
  /^(?:(?:[A-Z][\w/&-]*|of|and)\s+)*(?:Engineer|Scientist|Specialist|Developer|Architect|Analyst|Manager|Consultant|Lead|Researcher|Administrator|Practitioner)s?$/;

/** The job title a clause's subject names ("ML Ops Engineers, who …, tend to receive" → "ML Ops Engineer"). */
export function roleOf(clauseBeforeMoney: string): string | null {
  let s = clauseBeforeMoney.replace(
    /^[\s,;:]*(?:while|whereas|and|but|moreover|however|meanwhile|additionally|also|in\s+addition|in\s+terms\s+of\s+[^,]*)\s*,?\s*/i,
    '',
  );
  s =
    s.split(
      /,|\s(?:typically|usually|generally|often|can|could|may|might|will|would|tend|earn\w*|command\w*|receive\w*|make|makes|expect\w*|are|is|with|in|at|who|on|across|get|take|holding|having|working|that)\b/,
    )[0] ?? '';
  s = s.replace(/^(?:the|a|an|most|many|some|senior|junior|certified)\s+/i, '').trim();
  if (/certified|professionals?$/i.test(s) || !TITLE.test(s)) return null;
  return s.replace(/s$/, '');
}

function rangeAfter(text: string, a: Money, b: Money | undefined): boolean {
  if (!b) return false;
  return /^(?:[-–—]|to|and|(?:,\s*)?(?:and\s+)?(?:rising|going|climbing|growing|reaching|up)\s+to)$/i.test(
    text.slice(a.end, b.start).trim(),
  );
}

/** "$150,000 or more", "$150k+", "$120k and up", "$150,000 and above": the source gives no ceiling. */
function openEndedAfter(text: string, money: Money): boolean {
  return /^(?:\s*\+|\s+(?:or|and)\s+(?:more|up|upwards|above|beyond|higher)\b|\s+plus\b(?!\s+(?:bonus|equity|benefits|stock)))/i.test(
    text.slice(money.end, money.end + 24),
  );
}

export function extractSalary(_options?: Readonly<ExtractSalaryOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      if (!SALARY_WORDS.test(text)) continue;
      const moneys = findMoney(text).filter((m) => m.amount >= 10000 || /k\b/i.test(text.slice(m.start, m.end)));
      for (let i = 0; i < moneys.length; i++) {
        const a = moneys[i] as Money;
        const b = moneys[i + 1];
        const at = sentence.start + a.start;
        const clause = sentence.clauses.find((c) => at >= c.start && at <= c.end) ?? sentence;
        const clauseStart = clause.start - sentence.start;
        let value: {
          min: number;
          max: number;
          average?: number;
          currency: string;
          role: string | null;
          openEnded?: true;
        };
        if (rangeAfter(text, a, b) && b) {
          if (b.amount < a.amount) continue;
          value = {
            min: a.amount,
            max: b.amount,
            currency: a.currency,
            role: roleOf(text.slice(clauseStart, a.start)),
          };
          if (openEndedAfter(text, b)) value.openEnded = true;
          i++;
        } else if (openEndedAfter(text, a)) {
          value = {
            min: a.amount,
            max: a.amount,
            currency: a.currency,
            role: roleOf(text.slice(clauseStart, a.start)),
            openEnded: true,
          };
        } else if (
          /\b(?:average|median|mean)\b[^$€£.]{0,40}$/i.test(text.slice(Math.max(clauseStart, a.start - 60), a.start)) ||
          /^\s*(?:(?:a|per)\s+year\s+)?on\s+average\b/i.test(text.slice(a.end, a.end + 30))
        ) {
          value = {
            min: a.amount,
            max: a.amount,
            average: a.amount,
            currency: a.currency,
            role: roleOf(text.slice(clauseStart, a.start)),
          };
        } else continue;
        const exam = examAt(ctx, sentence, at);
        if (!exam) continue;
        emitFact(file, { exam, attribute: 'salary', value, quote: quoteFor(sentence), at });
      }
    }
  };
}

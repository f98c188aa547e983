/**
 * Recommended preparation time in hours (`studyHours {min, max}`), only where the page states it in hours or
 * gives a rate and a period to multiply: "six to eight weeks at 6–8 hours per week" (36–64), "3 full days of
 * 8-10 hours a day" (24–30), "a 4-week plan at 1–2 hours per day" (28–56). A plan given in weeks or days
 * alone, a course's length, or a person's own time spent is not a recommendation in hours.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { NUM, parseNumber } from '../lib/quantities.ts';
import { examAt } from '../lib/subjectAt.ts';

export type ExtractStudyHoursOptions = Record<string, never>;

const RANGE = `(?<a>${NUM})(?:\\s*(?:-|–|—|to)\\s*(?<b>${NUM}))?`;
/** "6–8 hours per week", "1-2 hrs a day", "8 -10 hours a day", "10 hours/week". */
const RATE = new RegExp(
  `${RANGE}\\s*(?:-\\s*)?(?:hours?|hrs?)\\s*(?:(?:per|a|each|every)\\s+|\\/\\s*)(?<per>day|week)\\b`,
  'gi',
);
/** "six to eight weeks", "3 full days", "a 4-week plan". */
const PERIOD = new RegExp(`${RANGE}\\s*(?:-\\s*)?(?:full\\s+)?(?<unit>days?|weeks?)\\b`, 'gi');
const PREPARATION = /\b(?:stud\w*|prep\w*|plan\w*|revis\w*|learn\w*|practi[cs]\w*|ready)\b/i;
/** A period right before the rate: "… weeks at", "… days of", "… weeks," (checked on the 40 characters before it). */
const PLAN_SHAPE = /\b(?:weeks?|days?)\s*(?:at|of|,|x|×|with)\s*$/i;
const NOT_RECOMMENDATION = /\b(?:course|video|lecture|lab|bootcamp|class)\w*\b/i;

const rangeOf = (g: Record<string, string | undefined>): [number, number] | null => {
  const a = g.a !== undefined ? parseNumber(g.a) : null;
  const b = g.b !== undefined ? parseNumber(g.b) : a;
  return a === null || b === null || b < a ? null : [a, b];
};

export function extractStudyHours(_options?: Readonly<ExtractStudyHoursOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    let previous = '';
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const before = previous;
      previous = text;
      const heading = sentence.block.section[sentence.block.section.length - 1] ?? '';
      if (NOT_RECOMMENDATION.test(text)) continue;
      RATE.lastIndex = 0;
      const rate = RATE.exec(text);
      if (!rate) continue;
      // "six to eight weeks at 6–8 hours per week": a period and a rate side by side are a plan in themselves;
      // a rate alone needs preparation named nearby.
      if (
        !PLAN_SHAPE.test(text.slice(Math.max(0, rate.index - 40), rate.index)) &&
        !PREPARATION.test(text) &&
        !PREPARATION.test(before) &&
        !PREPARATION.test(heading)
      )
        continue;
      const perHour = rangeOf(rate.groups ?? {});
      if (!perHour) continue;
      const rateEnd = rate.index + rate[0].length;
      // The period is another span than the rate's own "per day"/"per week".
      let period: [number, number] | null = null;
      let unit = '';
      PERIOD.lastIndex = 0;
      for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
        if (m.index < rateEnd && m.index + m[0].length > rate.index) continue;
        period = rangeOf(m.groups ?? {});
        unit = (m.groups?.unit ?? '').toLowerCase();
        if (period) break;
      }
      if (!period) continue;
      const per = (rate.groups?.per ?? '').toLowerCase();
      const factor = unit.startsWith('week') ? (per === 'week' ? 1 : 7) : per === 'day' ? 1 : 0;
      if (factor === 0) continue;
      const min = period[0] * perHour[0] * factor;
      const max = period[1] * perHour[1] * factor;
      if (min <= 0 || max > 2000) continue;
      const at = sentence.start + rate.index;
      const exam = examAt(ctx, sentence, at);
      if (!exam) continue;
      emitFact(file, { exam, attribute: 'studyHours', value: { min, max }, quote: quoteFor(sentence), at });
    }
  };
}

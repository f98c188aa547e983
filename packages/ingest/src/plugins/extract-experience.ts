/**
 * Recommended experience: "at least two years of hands-on experience…", "1-2 years of ML experience",
 * "3+ years of industry experience, including 1 or more years designing … using Google Cloud", "3+ yrs in the
 * industry, incl. at least twelve months hands-on with GCP" (months become years). The kind
 * (industry, ML, platform) is read from what the years are of.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, emitFact, examAt, quoteFor } from '../lib/context.ts';
import { boundsOf, QUANTITY } from '../lib/quantities.ts';
import { labelOf } from './shared.ts';

export type ExtractExperienceOptions = Record<string, never>;

const YEARS = new RegExp(
  `(?:${QUANTITY}|(?:(?<q1>at\\s+least|over|more\\s+than|a\\s+minimum\\s+of)\\s+)?\\b(?<one>a|an)(?:\\s+full)?)\\s*(?:-\\s*)?(?:full\\s+)?(?<unit>years?|yrs?|months?|mths?)(?:['’]s?)?\\b`,
  'gi',
);
const INDUSTRY =
  /\bindustry\b|\bprofessional\s+experience|\bwork(?:ing)?\s+experience|\brelated\s+role|\bin\s+the\s+field|\bIT\b/i;
const ML = /\bML\b|\bmachine\s+learning\b|\bdata\s+scien\w*|\bdeep\s+learning\b|\bAI\b/i;
const PLATFORM = /\bAWS\b|\bAmazon\b|\bGoogle\s+Cloud\b|\bGCP\b|\bAzure\b|\bSageMaker\b|\bVertex\b|\bcloud\b/i;

const EXPERIENCE_CUE = /\bexperience[ds]?\b|\bworked\b|\bworking\s+(?:with|in|on)\b/i;
/** Time spent somewhere is experience: "3+ yrs in the industry", "twelve months hands-on with GCP". */
const SPENT_IN =
  /^\s*(?:of\s+)?(?:hands[- ]on\b|(?:in|within)\s+(?:the\s+)?(?:industry|field|IT|tech|a\s+(?:related|similar)\s+role|(?:ML|machine\s+learning|data\s+science)\s+roles?)\b|on\s+the\s+job\b|(?:of\s+)?professional\s+work\b)/i;

const inYears = (n: number, perYear: number): number => Math.round((n / perYear) * 100) / 100;

export function classifyExperience(tail: string): 'industry' | 'ml' | 'platform' {
  const scoped = tail.split(/\bincluding\b|\bincl\.?(?=\s)|;/i)[0] ?? tail;
  const hits = (
    [
      ['industry', INDUSTRY],
      ['ml', ML],
      ['platform', PLATFORM],
    ] as const
  )
    .map(([kind, re]) => ({ kind, index: scoped.search(re) }))
    .filter((h) => h.index >= 0)
    .sort((a, b) => a.index - b.index);
  return hits[0]?.kind ?? 'industry';
}

export function extractExperience(_options?: Readonly<ExtractExperienceOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    for (const sentence of ctx.sentences) {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      const matches = [...text.matchAll(YEARS)];
      matches.forEach((m, i) => {
        const at = sentence.start + (m.index ?? 0);
        const clause = clauseText(ctx, sentence, at);
        const end = (m.index ?? 0) + m[0].length;
        const after = text.slice(end, end + 40);
        if (!EXPERIENCE_CUE.test(clause) && !SPENT_IN.test(after) && !/experience/i.test(labelOf(sentence))) return;
        if (/\bvalid\w*|\brenew\w*|\brecertif\w*|\bexpir\w*|\bsalar\w*|\bago\b/i.test(clause)) return;
        if (/^\s*(?:ago|old|later|from|after|before|to\s+come|of\s+validity)\b/i.test(after)) return;
        const groups = m.groups ?? {};
        const counted = groups.one ? { min: 1, max: 1, approximate: false } : boundsOf(groups);
        // Months are stated in years, as every other source does: 12 months = 1 year, 18 months = 1.5.
        const perYear = /^m/i.test(groups.unit ?? '') ? 12 : 1;
        // "a month of hands-on practice" is preparation, not a recommended background.
        if (perYear === 12 && (groups.one || /\b(?:stud\w*|prep\w*|practi[cs]\w*|course|bootcamp|lab)\b/i.test(clause)))
          return;
        const bounds = counted && {
          min: inYears(counted.min, perYear),
          max: counted.max === null ? null : inYears(counted.max, perYear),
        };
        if (!bounds || bounds.min > 30) return;
        const next = matches[i + 1];
        const clauseEnd =
          (sentence.clauses.find((c) => at >= c.start && at <= c.end)?.end ?? sentence.end) - sentence.start;
        const tail = text.slice(end, Math.min(next?.index ?? text.length, clauseEnd));
        const exam = examAt(ctx, sentence, at);
        if (!exam) return;
        // A recommendation of "two years" is a floor, like "at least two years"; only a range has a ceiling.
        const maxYears = m.groups?.b !== undefined || /up\s+to|maximum/i.test(m.groups?.q ?? '') ? bounds.max : null;
        emitFact(file, {
          exam,
          attribute: 'experience',
          value: { minYears: bounds.min, maxYears, kind: classifyExperience(tail) },
          quote: quoteFor(sentence),
          at,
        });
      });
    }
  };
}

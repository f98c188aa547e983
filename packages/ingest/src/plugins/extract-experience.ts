/**
 * Recommended experience: "at least two years of hands-on experience…", "1-2 years of ML experience",
 * "3+ years of industry experience, including 1 or more years designing … using Google Cloud", "3+ yrs in the
 * industry, incl. at least twelve months hands-on with GCP" (months become years). The kind
 * (industry, ML, platform) is read from what the years are of.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, type ExtractionContext, mentionsWithin, type Sentence } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { boundsOf, QUANTITY } from '../lib/quantities.ts';
import { FIELD_LABELS } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';
import { labelOf } from './shared.ts';

export type ExtractExperienceOptions = Record<string, never>;

const YEARS = new RegExp(
  `(?:${QUANTITY}|(?:(?<q1>at\\s+least|over|more\\s+than|a\\s+minimum\\s+of)\\s+)?\\b(?<one>a|an)(?:\\s+full)?)\\s*(?:-\\s*)?(?:full\\s+)?(?<unit>years?|yrs?|months?|mths?)(?:['’]s?)?\\b`,
  'gi',
);
/** General, role or programming experience. */
const INDUSTRY =
  /\bindustry\b|\bprofessional\s+experience|\bwork(?:ing)?\s+experience|\brelated\s+role|\bin\s+the\s+field|\bIT\b|\bprogramming\b|\bcoding\b|\bsoftware\b|\bdevelop(?:ment|ers?)\b|\bas\s+an?\s+\w+|\bPython\b|\bJava(?:Script)?\b|\bC#|\bSQL\b/i;
const ML = /\bML\b|\bmachine\s+learning\b|\bdata\s+scien\w*|\bdeep\s+learning\b|\bAI\b/i;
/** A platform in general words; named platforms (vendors and their products) come from the catalog's mentions. */
const PLATFORM = /\bcloud\b/i;

const EXPERIENCE_CUE = /\bexperience[ds]?\b|\bworked\b|\bworking\s+(?:with|in|on)\b/i;
/** Time spent somewhere is experience: "3+ yrs in the industry", "twelve months hands-on with GCP". */
const SPENT_IN =
  /^\s*(?:of\s+)?(?:hands[- ]on\b|(?:in|within)\s+(?:the\s+)?(?:industry|field|IT|tech|a\s+(?:related|similar)\s+role|(?:ML|machine\s+learning|data\s+science)\s+roles?)\b|on\s+the\s+job\b|(?:of\s+)?professional\s+work\b)/i;

const inYears = (n: number, perYear: number): number => Math.round((n / perYear) * 100) / 100;

/**
 * The kind of experience from what the years are of (`tail`, the words after the number): the first cue wins.
 * `platformAt` is where a vendor or product name (from the catalog) first appears in `tail`, or -1. With no cue
 * at all the years are of the field itself (these are AI/ML certifications): `ml`.
 */
export function classifyExperience(tail: string, platformAt = -1): 'industry' | 'ml' | 'platform' {
  const scoped = tail.split(/\bincluding\b|\bincl\.?(?=\s)|;/i)[0] ?? tail;
  const hits = (
    [
      ['industry', INDUSTRY],
      ['ml', ML],
      ['platform', PLATFORM],
    ] as const
  )
    .map(([kind, re]) => ({ kind, index: scoped.search(re) }))
    .concat(platformAt >= 0 && platformAt < scoped.length ? [{ kind: 'platform', index: platformAt }] : [])
    .filter((h) => h.index >= 0)
    .sort((a, b) => a.index - b.index);
  return hits[0]?.kind ?? 'ml';
}

/** Words that make the exam named right after them a prerequisite: "recommends AI-900 plus 2 years". */
const PREREQUISITE_BEFORE =
  /\b(?:recommends?|recommended|requires?|required|hold(?:ing)?|earn(?:ing)?|pass(?:ing)?|complet(?:e|ed|ing)|after|plus|with)\s+(?:the\s+|an?\s+)?$/i;

/**
 * The exam a recommended experience is for. An exam named as a prerequisite ("AI-102 has no prerequisites but
 * Microsoft recommends AI-900 plus 1-2 years of Python") is not the one the years are for: the exam named before
 * it in the sentence is, else the one the text was about; with neither, the statement is skipped.
 */
function subjectOfRequirement(ctx: ExtractionContext, sentence: Sentence, at: number): string | null {
  const exam = examAt(ctx, sentence, at);
  const named = mentionsWithin(ctx.mentions, sentence.start, at).filter((m) => m.kind === 'exam');
  const last = named[named.length - 1];
  if (last?.kind !== 'exam' || last.exam !== exam) return exam;
  const lead = ctx.doc.text.slice(Math.max(sentence.start, last.start - 40), last.start);
  if (!PREREQUISITE_BEFORE.test(lead)) return exam;
  const earlier = [...named].reverse().find((m) => m.kind === 'exam' && m.exam !== last.exam);
  if (earlier && earlier.kind === 'exam') return earlier.exam;
  const before = sentence.contextBefore;
  return before !== null && before !== 'other' && before !== last.exam ? before : null;
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
        // "two-plus years of AWS": years of a named platform are experience.
        const of = /^\s*of\s+/.exec(after);
        const ofPlatform =
          of !== null &&
          mentionsWithin(ctx.mentions, sentence.start + end, sentence.start + end + 40).some(
            (x) => x.kind === 'vendor' && x.start === sentence.start + end + of[0].length,
          );
        const label = labelOf(sentence);
        if (
          !EXPERIENCE_CUE.test(clause) &&
          !SPENT_IN.test(after) &&
          !ofPlatform &&
          !/experience/i.test(label) &&
          !FIELD_LABELS.experience.test(label.replace(/[*_`]/g, '').trim())
        )
          return;
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
        const tailEnd = Math.min(next?.index ?? text.length, clauseEnd);
        const tail = text.slice(end, tailEnd);
        const platform = mentionsWithin(ctx.mentions, sentence.start + end, sentence.start + tailEnd).find(
          (x) => x.kind === 'vendor',
        );
        const exam = subjectOfRequirement(ctx, sentence, at);
        if (!exam) return;
        // A recommendation of "two years" is a floor, like "at least two years"; only a range has a ceiling.
        const maxYears = m.groups?.b !== undefined || /up\s+to|maximum/i.test(m.groups?.q ?? '') ? bounds.max : null;
        emitFact(file, {
          exam,
          attribute: 'experience',
          value: {
            minYears: bounds.min,
            maxYears,
            kind: classifyExperience(tail, platform ? platform.start - (sentence.start + end) : -1),
          },
          quote: quoteFor(sentence),
          at,
        });
      });
    }
  };
}

/** Exam length: "180 minutes", "Length: Two hours", "2 hours 50 minutes", "two and a half hours". */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { clauseText, context, eachMatch, mentionsWithin } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { NUM, parseNumber } from '../lib/quantities.ts';
import { inSittingReport, labelledAs } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';
import { isPersonalAt, labelOf } from './shared.ts';

export type ExtractDurationOptions = Record<string, never>;

const H = `(?<h>${NUM}|an|a)(?<half>\\s+and\\s+a\\s+half)?\\s*(?:-\\s*)?(?:hours?|hrs?)\\b(?:\\s*(?:and\\s+)?(?<hm>${NUM})\\s*(?:minutes?|mins?)\\b)?(?<half2>\\s+and\\s+a\\s+half)?`;
const M = `(?<m>${NUM})\\s*(?:-\\s*)?(?:minutes?|mins?)\\b`;
const DURATION = new RegExp(`\\b(?:${H}|${M})`, 'gi');
const EXAM_CONTEXT =
  /\b(?:exams?|tests?|questions?|pass|format|sit|complete|long|last(?:s|ed|ing)?|length|duration|time\s+limit|allotted|allowed|takes?|took|taking|runs?|ran|running)\b/i;
const NOT_EXAM_LENGTH =
  /\b(?:seat|scheduled\s+time|stud(?:y|ying)|prepar\w*|weeks?|per\s+day|a\s+day|daily|training|courses?|coursework|curricul\w*|learning\s+(?:plans?|paths?)|tutorials?|bootcamps?|workshops?|playlists?|e-?learning|self-paced|on-demand|videos?|labs?|practice|renew\w*|quiz\w*|assessments?|breaks?|webinars?|modules?|lessons?|reading|commute|per\s+question|recertif\w*)\b/i;

/** The text between the nearest delimiters (comma, semicolon, bracket, cell bar) around [from, to). */
function pieceAround(text: string, from: number, to: number): string {
  let start = from;
  while (start > 0 && !',;(|'.includes(text[start - 1] as string)) start--;
  // "210 minutes (3 hours 30 minutes)": a bracket restating the figure before it belongs to that figure's piece.
  if (
    text[start - 1] === '(' &&
    /(?:minutes?|mins?|hours?|hrs?)\s*$/i.test(text.slice(Math.max(0, start - 12), start - 1))
  ) {
    start--;
    while (start > 0 && !',;(|'.includes(text[start - 1] as string)) start--;
  }
  let end = to;
  while (end < text.length && !',;()|'.includes(text[end] as string)) end++;
  return text.slice(start, end);
}

/**
 * Whether `text` (what precedes a bracketed length on its line) is a title and nothing else: at least two words,
 * every word of four letters or more capitalised, no sentence punctuation ("Exam Readiness Digital Course -").
 */
function isResourceTitle(text: string): boolean {
  // Trailing separators trimmed by a scan from the end (an anchored regex would backtrack on long runs).
  let end = text.length;
  while (end > 0 && /[\s\-–—:|]/.test(text[end - 1] as string)) end--;
  const title = text.slice(0, end);
  if (/[.!?,;]/.test(title)) return false;
  const words = title.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  return words.length >= 2 && words.every((w) => w.length < 4 || /^[^a-z]*[A-Z0-9]/.test(w));
}

function namesAnExam(ctx: ReturnType<typeof context>, start: number, end: number): boolean {
  return mentionsWithin(ctx.mentions, start, end).some((m) => m.kind === 'exam' || m.kind === 'other');
}

export function extractDuration(_options?: Readonly<ExtractDurationOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    eachMatch(ctx, DURATION, (m, sentence, at, text) => {
      const g = m.groups ?? {};
      let minutes: number | null;
      if (g.h !== undefined) {
        const hours = /^an?$/i.test(g.h) ? 1 : parseNumber(g.h);
        if (hours === null) return;
        const extra = g.hm !== undefined ? parseNumber(g.hm) : 0;
        minutes = hours * 60 + (extra ?? 0) + (g.half || g.half2 ? 30 : 0);
      } else {
        minutes = parseNumber(g.m ?? '');
      }
      if (minutes === null || minutes < 15 || minutes > 600) return;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      // Ranges ("2-3 hours") and amounts of something else ("40 hours of study") are not an exam's length.
      if (
        /\d\s*(?:-|–|to|or)\s*$/.test(before) ||
        /^\s*(?:-|–|to)\s*\d/.test(after) ||
        (/^\s*of\b/i.test(after) && !/^\s*of\s+(?:exam|test)\s+time\b/i.test(text.slice(m.index + m[0].length)))
      )
        return;
      const clause = clauseText(ctx, sentence, at);
      if (isPersonalAt(text, m.index) || inSittingReport(ctx, sentence.block)) return;
      const label = labelOf(sentence);
      const labelled =
        labelledAs(ctx, sentence, at, 'duration') || /\b(?:length|duration|time|exam\s+time)\b/.test(label);
      if (!labelled && !EXAM_CONTEXT.test(clause)) return;
      // Exclusions read the comma-delimited piece around the figure: "in 90 minutes, and … if you prepare" is
      // still the exam's length.
      const local = m.index;
      const piece = pieceAround(text, local, local + m[0].length);
      if (NOT_EXAM_LENGTH.test(piece) || NOT_EXAM_LENGTH.test(label)) return;
      // "Data Science Basics - (8 hours)": a bracketed length after a title is a resource's, unless the text before
      // it speaks of the exam in prose. A title is a name, not prose, even when a word of it is "Exam" ("Exam
      // Readiness Course - (4.5 hours)"): its words are capitalised and it names no exam the reader knows.
      const end = m.index + m[0].length;
      if (!labelled && text[m.index - 1] === '(' && text[end] === ')') {
        const before = text.slice(0, m.index - 1);
        if (!/\b(?:exams?|tests?)\b/i.test(before)) return;
        if (isResourceTitle(before) && !namesAnExam(ctx, sentence.start, sentence.start + before.length)) return;
      }
      const exam = examAt(ctx, sentence, at);
      if (!exam) return;
      emitFact(file, { exam, attribute: 'duration', value: { minutes }, quote: quoteFor(sentence), at });
    });
  };
}

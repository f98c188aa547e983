/**
 * Segmentation: a block's text into sentences (bounded in length) and a sentence into the clauses writers use to
 * contrast two subjects. Pure string work on one block, apart from who the pieces are about.
 */
import type { Span } from './context.ts';

const MONTH_ABBREVIATION = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/;
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|incl|excl|esp|U\.S|Dr|Mr|Ms|No|Inc|Ltd|St)\.$/i;

export function splitSentences(text: string): Span[] {
  // A line break inside a block (`<br>`, a Markdown hard break; document.ts writes it as \n) ends a sentence.
  if (text.includes('\n')) {
    const spans: Span[] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      for (const s of splitSentences(line)) spans.push({ start: at + s.start, end: at + s.end });
      at += line.length + 1;
    }
    return spans;
  }
  return boundSpans(splitProse(text), text);
}

/**
 * Longest sentence (characters) extractors and quotes see. Real sentences are far shorter; a longer "sentence"
 * is a page without punctuation (one very long line) and is cut at whitespace, so per-match work on a sentence
 * stays bounded (linear in the text overall) and no quote copies half an article into every citation.
 */
export const MAX_SENTENCE_LENGTH = 2000;

function boundSpans(spans: Span[], text: string): Span[] {
  if (spans.every((s) => s.end - s.start <= MAX_SENTENCE_LENGTH)) return spans;
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    while (span.end - start > MAX_SENTENCE_LENGTH) {
      const space = text.lastIndexOf(' ', start + MAX_SENTENCE_LENGTH);
      const end = space > start ? space : start + MAX_SENTENCE_LENGTH;
      out.push({ start, end });
      start = space > start ? space + 1 : end;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

function splitProse(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re = /[.!?]["”’)]*\s+(?=["“(]?[\p{Lu}\d$*])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const endOfSentence = m.index + m[0].trimEnd().length;
    if (ABBREVIATIONS.test(text.slice(Math.max(start, m.index - 6), m.index + 1))) continue;
    // "Mar. 2026": an abbreviated month before its year or day.
    if (
      MONTH_ABBREVIATION.test(text.slice(Math.max(start, m.index - 5), m.index + 1)) &&
      /\d/.test(text[m.index + m[0].length] ?? '')
    )
      continue;
    spans.push({ start, end: endOfSentence });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Clause breaks where writers contrast two subjects: "…, whereas Google…", "…; AWS…", "…, while …". */
export function splitClauses(text: string, offset: number): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re =
    /;\s+|,\s+(?=(?:whereas|while|but|whilst)\b)|(?<!\s)\s+(?=whereas\b)|(?<!\s)\s+vs\.?\s+|(?<!\s)\s+versus\s+/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push({ start: offset + start, end: offset + m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start: offset + start, end: offset + text.length });
  return spans;
}

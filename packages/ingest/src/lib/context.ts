/**
 * What extractor plugins share: the shape of one source's extraction context (the linear document, its
 * sentences and clauses, the mentions of exams and who each block is about), the accessor that fetches it from a
 * file, and the binary-search lookups every extractor does on it. Building it is certplanDocument's job, deciding
 * who a statement is about subjectAt's, and recording a fact emitFact's.
 */
import type { Attribute, AttributeValue } from '@certplan/core';
import type { VFile } from 'vfile';
import type { Block, DocumentModel } from './document.ts';
import type { Mention } from './examMatcher.ts';
import type { ExamGroups } from './series.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  block: Block;
  clauses: Span[];
  /** Who the statements before this sentence (in this section) were about: an exam id, 'other' or null. */
  contextBefore: Subject;
}

export type Subject = string | 'other' | null;

export interface DraftFact<A extends Attribute = Attribute> {
  exam: string;
  attribute: A;
  value: AttributeValue<A>;
  start: number;
  end: number;
  section: string[];
  line: number;
}

export interface ExtractionContext {
  doc: DocumentModel;
  sentences: Sentence[];
  /** Mentions in document-text offsets, ordered. */
  mentions: Array<Mention & { resolved: Subject }>;
  headingSubject: Map<number, Subject>;
  leadSubject: Map<number, { end: number; subject: Subject }>;
  /** Table rows: each cell's span; header rows give each column's exam ("| | AWS MLS | PMLE |"). */
  cellSpans: Map<number, Span[]>;
  columnSubjects: Map<number, Subject[]>;
  singleExam: string | null;
  /** Exams named together in an order (enumerations, per-exam table headers), by group size: see series.ts. */
  examGroups: ExamGroups;
  /** The catalog vendor of an exam id (lowercase), for reading a bare vendor name. */
  vendorOfExam: (exam: string) => string | undefined;
  facts: DraftFact[];
  /** Keys of emitted facts, so two extractor passes over one statement give one fact. */
  factKeys: Set<string>;
  /**
   * Facts whose figure the page dates to a past or beta version ("the beta was 170 minutes"): settled by
   * `settlePastFigures` once every extractor has run.
   */
  pastFigures: Set<DraftFact>;
  rawPointOf: (rawOffset: number) => { line: number; column: number };
}

declare module 'vfile' {
  interface DataMap {
    certplan: ExtractionContext;
  }
}

export function context(file: VFile): ExtractionContext {
  const ctx = file.data.certplan;
  if (!ctx) throw new Error('certplanDocument must run before the extractors');
  return ctx;
}

/** Runs `fn` for each regex match in each sentence, with the match's document offset. */
export function eachMatch(
  ctx: ExtractionContext,
  re: RegExp,
  fn: (match: RegExpExecArray, sentence: Sentence, offset: number, text: string) => void,
): void {
  for (const sentence of ctx.sentences) {
    const text = ctx.doc.text.slice(sentence.start, sentence.end);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      fn(m, sentence, sentence.start + m.index, text);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
}

export function clauseText(ctx: ExtractionContext, sentence: Sentence, offset: number): string {
  const clause = sentence.clauses.find((c) => offset >= c.start && offset <= c.end) ?? sentence;
  return ctx.doc.text.slice(clause.start, clause.end);
}

/** The raw-file line and column of a document-text offset (for facts and for messages' `place`). */
export function pointAt(ctx: ExtractionContext, offset: number): { line: number; column: number } {
  const block = blockAt(ctx, offset);
  if (!block || block.rawOffsets.length === 0) return { line: 1, column: 1 };
  const local = Math.min(Math.max(0, offset - block.start), block.rawOffsets.length - 1);
  return ctx.rawPointOf(block.rawOffsets[local] ?? 0);
}

/** First index whose key is >= `key` in an array sorted by key (binary search: sources can be long). */
export function lowerBound<T>(items: readonly T[], key: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(items[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions inside [start, end), found by binary search (sources can be long). */
export function mentionsWithin<M extends { start: number; end: number }>(
  mentions: readonly M[],
  start: number,
  end: number,
): M[] {
  const out: M[] = [];
  for (let i = lowerBound(mentions, start, (m) => m.start); i < mentions.length; i++) {
    const m = mentions[i] as M;
    if (m.start >= end) break;
    if (m.end <= end) out.push(m);
  }
  return out;
}

/** The block containing a document-text offset. */
export function blockAt(ctx: ExtractionContext, offset: number): Block | undefined {
  const i = lowerBound(ctx.doc.blocks, offset + 1, (b) => b.start) - 1;
  const block = ctx.doc.blocks[i];
  return block && offset <= block.start + block.text.length ? block : undefined;
}

/** The sentence containing a document-text offset. */
export function sentenceAt(ctx: ExtractionContext, offset: number): Sentence | undefined {
  const i = lowerBound(ctx.sentences, offset + 1, (s) => s.start) - 1;
  const sentence = ctx.sentences[i];
  return sentence && offset <= sentence.end ? sentence : undefined;
}

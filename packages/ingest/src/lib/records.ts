/**
 * Key–value records: which field label governs a value. Pages name a fact's field in many layouts: a table row
 * ("| Fee | $150 |"), a table whose rows are exams and whose header names the columns ("| Exam | Fee | … |"), a
 * compound header ("Duration / Questions" over "130 min / 65"), "Label: value" lines and bold labels
 * ("**Fee:** $300" reads "Fee: $300"), cells glued by text extraction ("Passing score700 / 1000",
 * "RetirementJune 30, 2026"), and a label on its own line with the value on the next. Each extractor then
 * checks the label against its own lexicon (`FIELD_LABELS`) before reading the value with its grammar.
 */
import { type ExtractionContext, mentionsWithin, type Sentence, type Span } from './context.ts';
import { type Block, type DocumentModel, runSums } from './document.ts';

/** The labels pages give each field, as whole labels (lowercase, trimmed of markup and a trailing colon). */
export const FIELD_LABELS = {
  fee: /^(?:(?:exam|registration|certification|test|list)\s+)?(?:fees?|costs?|prices?|pricing)(?:\s+\(?usd\)?)?$/,
  duration: /^(?:(?:exam|test)\s+)?(?:duration|length|time(?:\s+limit)?|time\s+allowed|time\s+allotted|minutes)$/,
  questions: /^(?:(?:number\s+of|no\.?\s+of|total)\s+)?(?:questions|items|qs)$|^question\s+count$|^format$/,
  passingScore:
    /^(?:passing|pass|minimum|required)\s+(?:score|mark|grade)s?$|^passing$|^score\s+to\s+pass$|^cut\s+score$/,
  validity:
    /^(?:certification\s+)?(?:validity|valid\s+for|expir\w+|recertification|renewal(?:\s+cycle)?)(?:\s+period)?$/,
  retirement: /^(?:retirement(?:\s+date)?|retires|last\s+day\b.{0,40}|end\s+date|sunset(?:\s+date)?)$/,
  release:
    /^(?:(?:exam\s+|official\s+)?(?:release(?:d|\s+date)?|released\s+on|launch(?:ed|\s+date)?)|ga(?:\s+date)?|general(?:ly)?\s+availab\w+(?:\s+\(ga\))?(?:\s+date)?|(?:available|live)\s+since)$/,
  testVendor:
    /^(?:(?:exam|test)\s+)?(?:delivery(?:\s+(?:partner|provider|platform|vendor)s?)?|delivered\s+(?:by|via|through)|proctor(?:ing|ed\s+by)?(?:\s+(?:partner|provider|platform)s?)?|(?:test(?:ing)?|exam)\s+(?:vendor|provider|partner|platform|cent(?:er|re))s?|providers?|vendors?|registration(?:\s+\(.{0,40}\))?|register\s+(?:at|via|through|with)|scheduling|where\s+to\s+(?:take|sit|book)(?:\s+it)?)$/,
  experience: /^(?:(?:recommended\s+)?experience|prerequisites?|prereqs?|audience)$/,
} as const;
export type LabelledField = keyof typeof FIELD_LABELS;

export interface FieldRecord {
  /** The label as written, lowercased and trimmed of markup ('' when none governs the value). */
  label: string;
  /** Where the value sits in the document text (the cell, or the text after the label). */
  value: Span;
}

/** Trims markup, bullets and a trailing colon by scanning from both ends (no backtracking on long runs). */
const normalizeLabel = (raw: string) => {
  const s = raw.replace(/[*_`]+/g, '');
  let start = 0;
  let end = s.length;
  while (start < end && /[\s\-–—•]/.test(s[start] as string)) start++;
  while (end > start && /[\s:：]/.test(s[end - 1] as string)) end--;
  return s.slice(start, end).replace(/\s+/g, ' ').toLowerCase();
};

const isFieldLabel = (label: string) => Object.values(FIELD_LABELS).some((re) => re.test(label));

/** The header row of a table group, or undefined. */
function headerOf(ctx: ExtractionContext, block: Block): Block | undefined {
  for (let i = block.index; i >= 0; i--) {
    const b = ctx.doc.blocks[i];
    if (!b || b.group !== block.group) return undefined;
    if (b.header) return b;
  }
  return undefined;
}

/** Whether a span names an exam (catalogued or not): then it is a row's subject, not a label. */
function namesExam(ctx: ExtractionContext, span: Span): boolean {
  return mentionsWithin(ctx.mentions, span.start, span.end).some((m) => m.kind !== 'vendor');
}

/**
 * Splits a compound label and its value on " / " when both have the same number of parts ("Duration /
 * Questions" over "130 min / 65"), and returns the part around `offset`.
 */
function compoundPart(label: string, text: string, value: Span, offset: number): FieldRecord {
  const labels = label.split(' / ');
  if (labels.length < 2) return { label, value };
  const parts: Span[] = [];
  let start = value.start;
  const raw = text.slice(value.start, value.end);
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || (raw[i] === '/' && raw[i - 1] === ' ' && raw[i + 1] === ' ')) {
      parts.push({ start, end: value.start + i });
      start = value.start + i + 1;
    }
  }
  if (parts.length !== labels.length) return { label, value };
  const k = parts.findIndex((p) => offset >= p.start && offset <= p.end);
  return k < 0 ? { label, value } : { label: labels[k] as string, value: parts[k] as Span };
}

/** Where a glued label ends: the first change from a letter to a digit, "~", a currency sign or a capital. */
function gluedLabelEnd(text: string): number {
  for (let i = 1; i < Math.min(text.length, 40); i++) {
    const prev = text[i - 1] as string;
    const c = text[i] as string;
    if (!/\p{Ll}/u.test(prev)) continue;
    if (/[\d~$€£¥₹]/.test(c) || /\p{Lu}/u.test(c)) return i;
    if (!/[\p{L} ]/u.test(c)) return -1;
  }
  return -1;
}

/** The field record the value at `offset` belongs to. */
export function fieldAt(ctx: ExtractionContext, sentence: Sentence, offset: number): FieldRecord {
  const block = sentence.block;
  const text = ctx.doc.text;
  const none: FieldRecord = { label: '', value: { start: sentence.start, end: sentence.end } };
  const cells = ctx.cellSpans.get(block.index);
  if (cells && cells.length >= 2) {
    const k = cells.findIndex((c) => offset >= c.start && offset <= c.end);
    if (k <= 0) return none;
    const first = cells[0] as Span;
    const value = cells[k] as Span;
    // Rows that are exams take their labels from the header; rows that are fields carry the label in cell one.
    if (namesExam(ctx, first) || block.header) {
      const header = headerOf(ctx, block);
      const headerCells = header && header !== block ? ctx.cellSpans.get(header.index) : undefined;
      const h = headerCells?.[k];
      if (!h) return none;
      return compoundPart(normalizeLabel(text.slice(h.start, h.end)), text, value, offset);
    }
    return compoundPart(normalizeLabel(text.slice(first.start, first.end)), text, value, offset);
  }
  const own = text.slice(block.start, block.start + block.text.length);
  // A table row the source kept as plain text: "| Validity | 3 years |".
  if (own.startsWith('|')) {
    const second = own.indexOf('|', 1);
    if (second > 1 && offset > block.start + second) {
      let end = own.indexOf('|', second + 1);
      if (end < 0) end = own.length;
      return {
        label: normalizeLabel(own.slice(1, second)),
        value: { start: block.start + second + 1, end: block.start + end },
      };
    }
  }
  const colon = /^([^:]{2,60}):\s/.exec(own);
  if (colon && offset >= block.start + colon[0].length) {
    return {
      label: normalizeLabel(colon[1] as string),
      value: { start: block.start + colon[0].length, end: block.start + own.length },
    };
  }
  // "**Duration** – the exam lasts…": a dash after a field label.
  const dash = /^([^:–—]{2,40}?)\s[–—-]\s/.exec(own);
  if (dash && offset >= block.start + dash[0].length) {
    const label = normalizeLabel(dash[1] as string);
    if (isFieldLabel(label))
      return { label, value: { start: block.start + dash[0].length, end: block.start + own.length } };
  }
  const glued = gluedLabelEnd(own);
  if (glued > 0 && offset >= block.start + glued) {
    const label = normalizeLabel(own.slice(0, glued));
    if (isFieldLabel(label)) return { label, value: { start: block.start + glued, end: block.start + own.length } };
  }
  // A label alone on the line before ("Duration" then "180 minutes").
  const prev = ctx.doc.blocks[block.index - 1];
  if (prev && prev.kind !== 'heading' && prev.text.length <= 40 && own.length <= 80) {
    const label = normalizeLabel(prev.text);
    if (isFieldLabel(label)) return { label, value: { start: block.start, end: block.start + own.length } };
  }
  return none;
}

/** Labels of a person's own sitting: "Score: 805", "Status: Passed", "Questions marked for review: 4". */
const SITTING_LABEL =
  /^(?:(?:my|your|final|overall)\s+)?(?:score|result|status|outcome)$|marked\s+for\s+review|^date\s+taken$/;

/**
 * Whether the block belongs to a report of one sitting (a list or run of "Label: value" lines that includes the
 * candidate's own score or result): its durations and counts are how that sitting went, not the exam's.
 */
export function inSittingReport(ctx: ExtractionContext, block: Block): boolean {
  let runs = sittingRuns.get(ctx.doc);
  if (!runs) {
    runs = sittingRunsOf(ctx.doc.blocks);
    sittingRuns.set(ctx.doc, runs);
  }
  return runs[block.index] === 1;
}

const labelLine = (b: Block) => /^([^:]{2,40}):\s/.exec(b.text);
// The candidate's own figure or outcome ("Score: 805", "Status: Passed"), not a description ("Result: Pass/Fail").
const sitting = (b: Block) => {
  const colon = labelLine(b);
  if (!colon || !SITTING_LABEL.test(normalizeLabel(colon[1] as string))) return false;
  return /^\W{0,3}(?:\d|passed\b|failed\b)/i.test(b.text.slice(colon[0].length));
};
const sittingRuns = new WeakMap<DocumentModel, Uint8Array>();

/**
 * For every block, whether its run holds a sitting's own figure, in linear time: a list's or table's blocks
 * share a run (the same group), and so do consecutive ungrouped "Label: value" paragraphs. An ungrouped block
 * outside such a stretch looks at the stretch that starts right after it (a report under its lead-in line).
 */
function sittingRunsOf(blocks: readonly Block[]): Uint8Array {
  const grouped = runSums(
    blocks,
    (a, b) => a.group !== null && a.group === b.group,
    (b) => (sitting(b) ? 1 : 0),
  );
  const isLabelLine = blocks.map((b) => b.kind === 'paragraph' && b.group === null && !!labelLine(b));
  const lines = runSums(
    blocks,
    (a, b) => !!isLabelLine[a.index] && !!isLabelLine[b.index],
    (b) => (isLabelLine[b.index] && sitting(b) ? 1 : 0),
  );
  const out = new Uint8Array(blocks.length);
  for (const b of blocks) {
    const i = b.index;
    const next = blocks[i + 1];
    const total =
      b.group !== null
        ? (grouped.through[i] as number) + (next && next.group === b.group ? (grouped.from[i + 1] as number) : 0)
        : (lines.through[i] as number) + (lines.from[i + 1] as number);
    out[i] = total > 0 ? 1 : 0;
  }
  return out;
}

/** Whether the value at `offset` sits under a label of `field`. */
export function labelledAs(ctx: ExtractionContext, sentence: Sentence, offset: number, field: LabelledField): boolean {
  return FIELD_LABELS[field].test(fieldAt(ctx, sentence, offset).label);
}

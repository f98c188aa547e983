/**
 * The first plugin of every pipeline: builds the linear document and the statement index the extractors read,
 * in one pass over the blocks: mentions resolved (a bare vendor to its exam), each heading's, list lead's and
 * table column's subject, each sentence with its clauses and who the statements before it were about.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import {
  type ExtractionContext,
  lowerBound,
  mentionsWithin,
  type Sentence,
  type Span,
  type Subject,
} from './context.ts';
import { buildDocument, type DocumentModel } from './document.ts';
import type { ExamMatcher, Mention } from './examMatcher.ts';
import { addGroup, type ExamGroup, type ExamGroups, enumerations } from './series.ts';
import { splitClauses, splitSentences } from './splitSentences.ts';
import { MULTI_SUBJECT } from './subjectAt.ts';

export interface DocumentOptions {
  matcher: ExamMatcher;
  toRawOffset: (inputOffset: number) => number;
  rawPointOf: (rawOffset: number) => { line: number; column: number };
}

/** A heading that is a certification level and little else: "Professional Topics", "Associate level". */
const LEVEL_HEADING =
  /^(?:the\s+)?(associate|professional|specialty|foundational|fundamentals|expert|practitioner)(?:[\s-]+(?:level|exam|topics|track|tier|certification|version|outline|domains|sections?|guide|notes))?\s*:?$/i;

/** The first plugin of every pipeline: builds the document and the statement index the extractors read. */
export const certplanDocument: Plugin<[DocumentOptions], Root> = (options) => (tree, file) => {
  const doc = buildDocument(tree, options.toRawOffset, file);
  file.data.certplan = analyse(doc, options.matcher, options.rawPointOf);
};

export function analyse(
  doc: DocumentModel,
  matcher: ExamMatcher,
  rawPointOf: (o: number) => { line: number; column: number },
): ExtractionContext {
  const raw: Mention[] = [];
  for (const block of doc.blocks) {
    for (const m of matcher.find(block.text))
      raw.push({ ...m, start: m.start + block.start, end: m.end + block.start });
  }
  const explicit = raw.filter((m): m is Extract<Mention, { kind: 'exam' }> => m.kind === 'exam');
  const byVendor = new Map<string, Array<{ start: number; exam: string }>>();
  // A vendor's exams as the text names them, ours and (from the catalog's otherExams) not ours, in order.
  for (const m of raw) {
    const vendor = m.kind === 'exam' ? (matcher.vendorOfExam(m.exam) ?? '') : m.kind === 'other' ? m.vendor : undefined;
    if (vendor === undefined) continue;
    const list = byVendor.get(vendor) ?? [];
    list.push({ start: m.start, exam: m.kind === 'exam' ? m.exam : 'other' });
    byVendor.set(vendor, list);
  }
  const resolve = (m: Mention): Subject => {
    if (m.kind === 'exam') return m.exam;
    if (m.kind === 'other') return 'other';
    // A bare vendor stands for that vendor's exam the text was last about (or, failing that, next names).
    const list = byVendor.get(m.vendor);
    if (!list || list.length === 0) return null;
    const after = lowerBound(list, m.start + 1, (e) => e.start);
    return (list[after - 1] ?? list[after])?.exam ?? null;
  };
  const mentions = raw.map((m) => ({ ...m, resolved: resolve(m) }));
  const distinct = new Set(explicit.map((m) => m.exam));
  const singleExam = distinct.size === 1 ? ([...distinct][0] as string) : null;

  const mentionsIn = (start: number, end: number) => mentionsWithin(mentions, start, end);
  const subjectsOf = (start: number, end: number): Set<Subject> =>
    new Set(
      mentionsIn(start, end)
        .map((m) => m.resolved)
        .filter((s) => s !== null),
    );

  const groups: ExamGroup[] = enumerations(doc.text, mentions);
  const headingSubject = new Map<number, Subject>();
  const leadSubject = new Map<number, { end: number; subject: Subject }>();
  const cellSpans = new Map<number, Span[]>();
  const columnSubjects = new Map<number, Subject[]>();
  const sentences: Sentence[] = [];
  const fieldTableSubject = new Map<string, Subject>();
  let pipeRun = 0;
  // Heading subjects per depth: a heading naming no exam keeps its parent's subject when deeper, and a run of
  // weighted domain headings at one level (all headings at one level, as some articles write them) keeps it too.
  let headings: Array<{ depth: number; subject: Subject }> = [];
  let context: Subject = null;
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const subjects = subjectsOf(block.start, block.start + block.text.length);
      let subject: Subject;
      if (subjects.size === 1) subject = [...subjects][0] as Subject;
      else if (subjects.size > 1) subject = null;
      else {
        const sameLevel = headings.find((h) => h.depth === block.depth);
        const parent = [...headings].reverse().find((h) => h.depth < block.depth);
        // Weighted domain headings, and headings that refer back ("How much does it cost?"), continue the
        // subject of the heading before them at the same level.
        subject =
          /\(\s*\d+(?:\.\d+)?\s*%\s*\)|\b\d+(?:\.\d+)?\s*%\s*$/.test(block.text) ||
          /\b(?:it|its|this\s+(?:exam|certification|test)|the\s+(?:exam|test))\b/i.test(block.text)
            ? (sameLevel?.subject ?? parent?.subject ?? null)
            : (parent?.subject ?? null);
      }
      // "Professional Topics" under a page about an Associate exam: a level word alone names the vendor's exam
      // of that level, which may be one we do not plan for.
      const level = LEVEL_HEADING.exec(block.text.trim());
      if (level && subjects.size === 0 && subject !== null && subject !== 'other')
        subject = matcher.examAtLevel(subject, (level[1] as string).toLowerCase());
      headings = headings.filter((h) => h.depth < block.depth);
      headings.push({ depth: block.depth, subject });
      headingSubject.set(block.index, subject);
      context = subject;
    } else {
      headingSubject.set(block.index, [...headings].reverse().find((h) => h.subject !== null)?.subject ?? null);
    }
    const lead = /^([^:]{2,60}):\s/.exec(block.text);
    if (lead && block.kind !== 'heading') {
      const subjects = subjectsOf(block.start, block.start + (lead[1] as string).length);
      if (subjects.size === 1)
        leadSubject.set(block.index, { end: block.start + lead[0].length, subject: [...subjects][0] as Subject });
    }
    let cells: Span[] | null = null;
    if (block.kind === 'tableRow') {
      cells = [];
      let cellStart = block.start;
      for (const cell of block.cells ?? [block.text]) {
        cells.push({ start: cellStart, end: cellStart + cell.length });
        cellStart += cell.length + 3;
      }
      cellSpans.set(block.index, cells);
      if (block.header && block.group !== null) {
        const columns = cells.map((c) => {
          const subjects = subjectsOf(c.start, c.end);
          return subjects.size === 1 ? ([...subjects][0] as Subject) : null;
        });
        columnSubjects.set(block.group, columns);
        // "| | AIF-C01 | MLA-C01 | AIP-C01 |": every column after the label column names an exam, in order.
        const named = columns.slice(1);
        if (named.length >= 2 && named.every((c) => c !== null))
          groups.push({ end: block.start + block.text.length, members: named });
      }
    }
    // The run of field rows this block belongs to ("t<group>" for a table, "p<n>" for "| Label | value |" lines
    // kept as text), or null when the block is not a field row (its first cell names an exam, or it is a header).
    let fieldRow: string | null = null;
    const pipe = !cells && block.text.startsWith('|') ? block.text.indexOf('|', 1) : -1;
    if (pipe < 0) pipeRun++;
    const labelCell =
      cells && cells.length >= 2 && !block.header && block.group !== null
        ? (cells[0] as Span)
        : pipe > 1
          ? { start: block.start + 1, end: block.start + pipe }
          : null;
    if (
      labelCell &&
      subjectsOf(labelCell.start, labelCell.end).size === 0 &&
      (block.group === null || (columnSubjects.get(block.group) ?? []).every((c) => c === null))
    )
      fieldRow = block.group !== null ? `t${block.group}` : `p${pipeRun}`;
    for (const span of cells ? [{ start: 0, end: block.text.length }] : splitSentences(block.text)) {
      const start = block.start + span.start;
      const end = block.start + span.end;
      sentences.push({
        start,
        end,
        block,
        // A table row reads cell by cell: each cell is a clause with its column's subject.
        clauses: cells ?? splitClauses(block.text.slice(span.start, span.end), start),
        contextBefore: context,
      });
      const subjects = subjectsOf(start, end);
      const lead = leadSubject.get(block.index);
      // A field table ("| Prerequisites | AI-900 recommended |" among "| Fee | … |" rows) is about one exam: once
      // the table has a subject, an exam named inside a row's value does not become the subject of the rows after.
      if (fieldRow && context !== null && context !== 'other') {
        if (!fieldTableSubject.has(fieldRow)) fieldTableSubject.set(fieldRow, context);
        context = fieldTableSubject.get(fieldRow) as Subject;
        continue;
      }
      if (subjects.size === 1) context = [...subjects][0] as Subject;
      else if (subjects.size > 1) context = null;
      else if (lead) context = lead.subject;
      else if (MULTI_SUBJECT.test(doc.text.slice(start, end))) context = null;
    }
  }
  const examGroups: ExamGroups = new Map();
  for (const group of groups.sort((a, b) => a.end - b.end)) addGroup(examGroups, group);
  return {
    doc,
    sentences,
    mentions,
    examGroups,
    headingSubject,
    leadSubject,
    cellSpans,
    columnSubjects,
    singleExam,
    vendorOfExam: (exam) => matcher.vendorOfExam(exam),
    facts: [],
    factKeys: new Set(),
    pastFigures: new Set(),
    rawPointOf,
  };
}

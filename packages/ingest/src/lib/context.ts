/**
 * What extractor plugins share: the linear document, its sentences and clauses, and who each statement is
 * about. Subject attribution follows the order a reader uses: the clause itself, a list item's lead
 * ("AWS MLS: …"), the sentence, the statements before it in the section, the heading above, and finally the
 * document when it is about one exam only.
 */
import type { Attribute, AttributeValue } from '@certplan/core';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { type Block, buildDocument, type DocumentModel } from './document.ts';
import type { ExamMatcher, Mention } from './examMatcher.ts';
import { datedToPast } from './figureScope.ts';
import { addGroup, type ExamGroup, type ExamGroups, enumerations, groupBefore, seriesAt } from './series.ts';

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

export interface DocumentOptions {
  matcher: ExamMatcher;
  toRawOffset: (inputOffset: number) => number;
  rawPointOf: (rawOffset: number) => { line: number; column: number };
}

declare module 'vfile' {
  interface DataMap {
    certplan: ExtractionContext;
  }
}

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

/** A heading that is a certification level and little else: "Professional Topics", "Associate level". */
const LEVEL_HEADING =
  /^(?:the\s+)?(associate|professional|specialty|foundational|fundamentals|expert|practitioner)(?:[\s-]+(?:level|exam|topics|track|tier|certification|version|outline|domains|sections?|guide|notes))?\s*:?$/i;

const MULTI_SUBJECT =
  /\b(?:both|these|either|each|all)\s+(?:of\s+(?:the(?:se)?\s+)?)?(?:\w+\s+)?(?:certifications|certificates|exams|credentials)\b/i;

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

/** Who the statement at `offset` (inside `sentence`) is about, or null / 'other' when it is not a catalog exam. */
export function subjectAt(ctx: ExtractionContext, sentence: Sentence, offset: number): Subject {
  const clause = sentence.clauses.find((c) => offset >= c.start && offset <= c.end) ?? sentence;
  // A bare vendor name ("renew via Microsoft Learn") in a statement about one of that vendor's exams stays about
  // that exam; elsewhere it stands for the vendor's exam the text last named.
  // In a per-exam table column ("| Experience | … | 1 year with SageMaker | … |") that is the column's exam.
  const row = sentence.block;
  const column =
    row.kind === 'tableRow' && row.group !== null && !row.header
      ? (ctx.columnSubjects.get(row.group)?.[
          (ctx.cellSpans.get(row.index) ?? []).findIndex((c) => offset >= c.start && offset <= c.end)
        ] ?? null)
      : null;
  const context = column ?? sentence.contextBefore;
  const resolved = (m: (typeof ctx.mentions)[number]): Subject => {
    if (m.kind !== 'vendor' || context === null || context === 'other' || ctx.vendorOfExam(context) !== m.vendor)
      return m.resolved;
    // The statement itself named an exam of that vendor before: the vendor stands for that one.
    const named = mentionsWithin(ctx.mentions, column !== null ? clause.start : sentence.start, m.start).some(
      (x) => x.kind === 'exam' && ctx.vendorOfExam(x.exam) === m.vendor,
    );
    return named ? m.resolved : context;
  };
  const inClause = outsideRelativeClauses(
    ctx,
    mentionsWithin(ctx.mentions, clause.start, clause.end).filter((m) => m.resolved !== null),
    clause,
  );
  const before = inClause.filter((m) => m.end <= offset);
  const nearest = before.length > 0 ? before[before.length - 1] : inClause[0];
  if (nearest) return resolved(nearest);
  const block = sentence.block;
  if (block.kind === 'tableRow' && block.group !== null && !block.header) {
    const column = (ctx.cellSpans.get(block.index) ?? []).findIndex((c) => offset >= c.start && offset <= c.end);
    const subject = ctx.columnSubjects.get(block.group)?.[column] ?? null;
    if (subject !== null) return subject;
  }
  const lead = ctx.leadSubject.get(sentence.block.index);
  if (lead && offset >= lead.end) return lead.subject;
  const inSentence = outsideRelativeClauses(
    ctx,
    mentionsWithin(ctx.mentions, sentence.start, sentence.end).filter((m) => m.resolved !== null),
    sentence,
  );
  const sBefore = inSentence.filter((m) => m.end <= offset);
  const sNearest = sBefore.length > 0 ? sBefore[sBefore.length - 1] : inSentence[0];
  if (sNearest) return resolved(sNearest);
  if (MULTI_SUBJECT.test(ctx.doc.text.slice(clause.start, clause.end))) return null;
  if (sentence.contextBefore !== null) return sentence.contextBefore;
  const heading = ctx.headingSubject.get(sentence.block.index) ?? null;
  if (heading !== null) return heading;
  return ctx.singleExam;
}

/**
 * A non-restrictive relative clause (", which sits under the Acme family", ", who runs it"): it describes the
 * noun before it, so a name inside it is not what the sentence's figures are about. Runs to the next comma,
 * colon, semicolon, dash or bracket. The character class cannot overlap the comma that starts a match, so the
 * scan stays linear.
 */
const RELATIVE_CLAUSE = /,\s+(?:which|who|whose)\b[^,;:()[\]\u2013\u2014]*/giu;

/**
 * `mentions` without those inside a relative clause whose antecedent is named: "the Contoso badge (CW-300),
 * which sits under the Acme family: 90 minutes" is about CW-300, not about Acme's exam the text was last on.
 * With no named antecedent before the clause ("The exam, which Acme runs, …") the mentions are all there is,
 * and they stay.
 */
function outsideRelativeClauses(
  ctx: ExtractionContext,
  mentions: ExtractionContext['mentions'],
  span: Span,
): ExtractionContext['mentions'] {
  if (mentions.length < 2) return mentions;
  const text = ctx.doc.text.slice(span.start, span.end);
  if (!/,\s+(?:which|who|whose)\b/i.test(text)) return mentions;
  let kept = mentions;
  RELATIVE_CLAUSE.lastIndex = 0;
  for (let m = RELATIVE_CLAUSE.exec(text); m; m = RELATIVE_CLAUSE.exec(text)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    if (!kept.some((x) => x.end <= start && x.kind !== 'vendor')) continue;
    kept = kept.filter((x) => x.end <= start || x.start >= end);
  }
  return kept;
}

/**
 * Who a figure in a slash series is about ("Passing scores climb 700 / 720 / 750" after a header naming three
 * exams): the exam at the same position in the latest group of as many exams named before it, or undefined when
 * the figure is not in such a series. The clause must name no exam outside that group (a clause about one exam
 * keeps it), and a per-exam table column keeps its own exam.
 */
export function seriesSubjectAt(ctx: ExtractionContext, sentence: Sentence, offset: number): Subject | undefined {
  const block = sentence.block;
  if (block.kind === 'tableRow' && block.group !== null && !block.header) {
    const column = (ctx.cellSpans.get(block.index) ?? []).findIndex((c) => offset >= c.start && offset <= c.end);
    if ((ctx.columnSubjects.get(block.group)?.[column] ?? null) !== null) return undefined;
  }
  const clause = sentence.clauses.find((c) => offset >= c.start && offset <= c.end) ?? sentence;
  const series = seriesAt(ctx.doc, clause, offset);
  if (!series) return undefined;
  const group = groupBefore(ctx.examGroups, series.size, series.series);
  if (!group) return undefined;
  const own = mentionsWithin(ctx.mentions, clause.start, clause.end).filter(
    (m) => m.kind !== 'vendor' && m.resolved !== null,
  );
  // The clause names no exam, or names the whole group ("WF-100 / WA-101 / WP-300 cost $90 / $140 / $280").
  const named = new Set(own.map((m) => m.resolved));
  if (named.size > 0 && (named.size !== new Set(group.members).size || group.members.some((e) => !named.has(e))))
    return undefined;
  return group.members[series.index] ?? undefined;
}

/**
 * Catalog exam or nothing: numbers about other exams, or about no exam, are not facts. With `acrossExams`, a
 * figure in a slash series takes its exam from the series (see `seriesSubjectAt`).
 */
export function examAt(
  ctx: ExtractionContext,
  sentence: Sentence,
  offset: number,
  options: { acrossExams?: boolean } = {},
): string | null {
  const across = options.acrossExams ? seriesSubjectAt(ctx, sentence, offset) : undefined;
  const subject = across !== undefined ? across : subjectAt(ctx, sentence, offset);
  return subject === 'other' ? null : subject;
}

/** The quote for a statement: the sentence, extended back to the start of a list item or table row. */
export function quoteFor(sentence: Sentence): Span {
  const block = sentence.block;
  if (
    (block.kind === 'listItem' || block.kind === 'tableRow' || block.kind === 'heading') &&
    sentence.end - block.start <= MAX_SENTENCE_LENGTH
  ) {
    return { start: block.start, end: sentence.end };
  }
  return { start: sentence.start, end: sentence.end };
}

export function context(file: VFile): ExtractionContext {
  const ctx = file.data.certplan;
  if (!ctx) throw new Error('certplanDocument must run before the extractors');
  return ctx;
}

/**
 * Facts one source may give (issue 12, case 5: bounded output). Real articles give at most a few dozen (50 is the
 * most in content/ today); a source past this is a dump or an attack, and without a bound 5 MB of repeated
 * prose gave 190,000 facts and a dataset of tens of megabytes. Extraction stops at the limit (FactLimitReached).
 */
export const MAX_FACTS_PER_SOURCE = 2_000;

/** Thrown by emitFact when a source would give more than MAX_FACTS_PER_SOURCE facts; `offset` is the next fact's. */
export class FactLimitReached extends Error {
  constructor(readonly offset: number) {
    super(`more than ${MAX_FACTS_PER_SOURCE} facts`);
  }
}

export function emitFact<A extends Attribute>(
  file: VFile,
  fact: { exam: string; attribute: A; value: AttributeValue<A>; quote: Span; at?: number },
): void {
  const ctx = context(file);
  const block = blockAt(ctx, fact.quote.start);
  const at = fact.at ?? fact.quote.start;
  const key = `${fact.exam}|${fact.attribute}|${JSON.stringify(fact.value)}|${fact.quote.start}`;
  if (ctx.factKeys.has(key)) return;
  if (ctx.facts.length >= MAX_FACTS_PER_SOURCE) throw new FactLimitReached(at);
  ctx.factKeys.add(key);
  const draft: DraftFact = {
    exam: fact.exam,
    attribute: fact.attribute,
    value: fact.value,
    start: fact.quote.start,
    end: fact.quote.end,
    section: block ? (block.kind === 'heading' ? [...block.section, block.text] : block.section) : [],
    line: pointAt(ctx, at).line,
  };
  ctx.facts.push(draft);
  if (DATED_ATTRIBUTES.has(fact.attribute)) {
    const sentence = sentenceAt(ctx, at);
    if (sentence && datedToPast(ctx.doc.text.slice(sentence.start, sentence.end), at - sentence.start))
      ctx.pastFigures.add(draft);
  }
}

/** The attributes whose figures change between an exam's versions (a beta's length, an old price). */
const DATED_ATTRIBUTES = new Set<Attribute>(['fee', 'duration', 'questions', 'passingScore', 'validity']);

/**
 * The last plugin: a figure the page dates to a past or beta version is not a current fact when the same page
 * gives a current figure for the same exam and attribute ("The beta was 170 minutes; the exam is 130 minutes"
 * keeps 130 only). With no current figure beside it the dated one stays: a page about an exam still in beta
 * states its beta figures as the current ones.
 */
export const settlePastFigures: Plugin<[], Root> = () => (_tree, file) => {
  const ctx = context(file);
  if (ctx.pastFigures.size === 0) return;
  const current = new Set<string>();
  for (const f of ctx.facts) if (!ctx.pastFigures.has(f)) current.add(`${f.exam}|${f.attribute}`);
  ctx.facts = ctx.facts.filter((f) => !ctx.pastFigures.has(f) || !current.has(`${f.exam}|${f.attribute}`));
};

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

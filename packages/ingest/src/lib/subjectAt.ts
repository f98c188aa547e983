/**
 * Subject attribution: who a statement is about. It follows the order a reader uses: the clause itself, a list
 * item's lead ("AWS MLS: …"), the sentence, the statements before it in the section, the heading above, and
 * finally the document when it is about one exam only; a figure in a slash series takes the exam at its position.
 */
import { type ExtractionContext, mentionsWithin, type Sentence, type Span, type Subject } from './context.ts';
import { groupBefore, seriesAt } from './series.ts';

/** "both exams", "each of these certifications": a statement about several exams names none of them alone. */
export const MULTI_SUBJECT =
  /\b(?:both|these|either|each|all)\s+(?:of\s+(?:the(?:se)?\s+)?)?(?:\w+\s+)?(?:certifications|certificates|exams|credentials)\b/i;

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
  const nearest = nearestMention(ctx, clause, offset);
  if (nearest) return resolved(nearest);
  const subject = fallbackSubject(ctx, sentence, clause, offset, resolved);
  // "AWS exams cost $150" on a page about a Google exam: the clause is about another vendor's exams in general.
  if (subject !== null && subject !== 'other' && namesVendorsExams(ctx, clause, ctx.vendorOfExam(subject)))
    return 'other';
  return subject;
}

/** A vendor's exams in general, after the vendor's name: "AWS exams", "Microsoft's certifications". */
const VENDORS_EXAMS = /^(?:['’]s)?\s+(?:\w+\s+)?(?:exams|certifications|certificates|credentials|certs)\b/i;

/**
 * Whether `clause` speaks of the exams of a vendor other than `vendor` in general ("For comparison, AWS exams
 * cost $150"), naming no exam itself.
 */
function namesVendorsExams(ctx: ExtractionContext, clause: Span, vendor: string | undefined): boolean {
  const mentions = mentionsWithin(ctx.mentions, clause.start, clause.end);
  if (mentions.some((m) => m.kind !== 'vendor')) return false;
  return mentions.some(
    (m) =>
      m.kind === 'vendor' &&
      m.vendor !== vendor &&
      VENDORS_EXAMS.test(ctx.doc.text.slice(m.end, Math.min(clause.end, m.end + 40))),
  );
}

/** Who a statement is about when its clause names no subject: the list lead, the sentence, the context, the heading. */
function fallbackSubject(
  ctx: ExtractionContext,
  sentence: Sentence,
  clause: Span,
  offset: number,
  resolved: (m: ExtractionContext['mentions'][number]) => Subject,
): Subject {
  const block = sentence.block;
  if (block.kind === 'tableRow' && block.group !== null && !block.header) {
    const column = (ctx.cellSpans.get(block.index) ?? []).findIndex((c) => offset >= c.start && offset <= c.end);
    const subject = ctx.columnSubjects.get(block.group)?.[column] ?? null;
    if (subject !== null) return subject;
  }
  const lead = ctx.leadSubject.get(sentence.block.index);
  if (lead && offset >= lead.end) return lead.subject;
  const sNearest = nearestMention(ctx, sentence, offset);
  if (sNearest) return resolved(sNearest);
  if (MULTI_SUBJECT.test(ctx.doc.text.slice(clause.start, clause.end))) return null;
  if (sentence.contextBefore !== null) return sentence.contextBefore;
  const heading = ctx.headingSubject.get(sentence.block.index) ?? null;
  if (heading !== null) return heading;
  return ctx.singleExam;
}

/**
 * The mention in `span` that names a subject nearest before `offset` (else the first after it), leaving out those
 * inside a relative clause; undefined when the span names none.
 */
function nearestMention(
  ctx: ExtractionContext,
  span: Span,
  offset: number,
): ExtractionContext['mentions'][number] | undefined {
  const inSpan = outsideRelativeClauses(
    ctx,
    mentionsWithin(ctx.mentions, span.start, span.end).filter((m) => m.resolved !== null),
    span,
  );
  const before = inSpan.filter((m) => m.end <= offset);
  return before.length > 0 ? before[before.length - 1] : inSpan[0];
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

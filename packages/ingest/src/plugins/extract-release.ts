/**
 * When an exam was released, i.e. first generally available after any beta: "the exam was released on October 8,
 * 2025, after its beta", "became generally available (GA) on …", "launched in March 2026" (a month: `2026-03`), a
 * labelled value ("Release date: …", "| GA | … |", a front-matter or component field).
 *
 * Not a release: a beta opening ("the beta release in November"), a new version or guide going live ("the new
 * version goes live June 1"), a plan ("GA is expected in June 2026"), the article's own date, a product, course
 * or practice test released, and a date the clause ties to another event ("released in 2019 and retires on …").
 * Between the release word and its date only a closed list of words may stand (GAP_WORDS), so "launched this
 * blog in", "released WA-101 scores on" or "the launch webinar is on" name something else; an opening participle
 * ("Released in March 2024, this course…") describes the subject after its comma, and "it" the subject of the
 * sentence before.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, type ExtractionContext, mentionsWithin, type Sentence } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { type FoundDate, findDates } from '../lib/quantities.ts';
import { fieldAt, labelledAs } from '../lib/records.ts';
import { examAt } from '../lib/subjectAt.ts';
import { namesSomethingElse } from './shared.ts';

export type ExtractReleaseOptions = Record<string, never>;

/** The words of an exam's release; "GA" is general availability. */
const RELEASE =
  /\b(?:released|releases?|release\s+date|generally\s+available|general\s+availability|GA|launch(?:ed|es)?|launch\s+date|debut(?:ed|s)?|went\s+live|goes\s+live|go[\s-]live|(?:available|live)\s+since|became\s+available|made\s+available)\b/i;

/** A release that has not happened: a plan, a target, an expectation ("GA is expected in June 2026"). */
const PLANNED =
  /\b(?:expect(?:ed|s)?|target(?:ed|s|ing)?|plan(?:ned|s|ning)?|scheduled|slated|anticipated|tentative(?:ly)?|will|would|could|should|upcoming|estimated|rumou?red|likely|hopes?|not\s+yet|yet\s+to|no\s+(?:\w+\s+)?date|tba|tbd|to\s+be\s+(?:announced|confirmed))\b/i;
/** "may" and "might" as verbs: lowercase, so the month May stays a month. */
const MODAL = /\b(?:may|might)\b/;

/** A beta is left behind in "after its beta", "following the beta period", "(post-beta)", "out of beta". */
const PAST_BETA =
  /\b(?:post|after|following|out\s+of|end\s+of|exit(?:ed|ing|s)?|leaving|left|past)[\s-]+(?:(?:the|its|a|their)\s+)?(?:(?:short|public|open|initial)\s+)?beta\b/gi;
const BETA = /\bbeta\b/i;

/**
 * What else gets released, launched or goes live: courses and practice tests, guides and new versions of an
 * exam, products and features. Read in the clause's subject and between the release word and its date.
 */
const SOMETHING_ELSE =
  /\b(?:courses?|class(?:es)?|practice|mock|sample|books?|videos?|tutorials?|guides?|cheat\s*sheets?|notes|updates?|features?|services?|models?|products?|versions?|editions?|revisions?|v\d+(?:\.\d+)*|outlines?|syllab(?:us|i)|blueprints?|objectives|podcasts?|articles?|posts?|apps?|tools?|sdks?|apis?|labs?|vouchers?|badges?|programs?|programmes?|tracks?|paths?|previews?|results?|scores?|reports?|transcripts?|press|blogs?|newsletters?|webinars?|bootcamps?|events?|(?:web)?sites?|pages?|channels?)\b/i;

/**
 * The words that may stand between a release word and its date, exam names aside: "released on", "became
 * generally available (GA) on", "was officially released to all candidates worldwide in", "went live in". Any
 * other word says the date belongs to something else ("launched this blog in", "released WA-101 scores on",
 * "the launch webinar is on", "released in 2019 and retires on", "available since at least"): a closed list, so
 * a thing or an event nobody listed cannot slip through as the exam's release.
 */
const GAP_WORDS = new Set([
  ...['on', 'in', 'at', 'as', 'of', 'for', 'to', 'from', 'the', 'a', 'an', 'its', 'their', 'this', 's'],
  ...['is', 'was', 'were', 'are', 'has', 'have', 'had', 'been', 'be', 'became', 'it', 'and'],
  ...['exam', 'exams', 'certification', 'certifications', 'test', 'credential', 'ga', 'generally', 'general'],
  ...['available', 'availability', 'officially', 'official', 'formally', 'publicly', 'public', 'worldwide'],
  ...['globally', 'everyone', 'all', 'candidates', 'first', 'initially', 'originally', 'finally', 'live', 'date'],
]);
const onlyGapWords = (gap: string) => (gap.match(/\p{L}+/gu) ?? []).every((w) => GAP_WORDS.has(w.toLowerCase()));

/** The words that make a clause about an exam when it names none. */
const EXAM_WORD = /\b(?:exams?|certifications?|tests?|credentials?|it)\b/i;
const EXAM_NOUN = /\b(?:exams?|certifications?|tests?|credentials?)\b/i;

/** A date this close after a publication word is the article's own date. */
const ARTICLE_DATE = /\b(?:published|updated|posted|written|modified|reviewed|revised)\s*(?:on\s*|:\s*)?$/i;

/** Longest stretch between the release word and its date ("became generally available (GA) on"). */
const MAX_GAP = 60;

/** The clause around `offset`, as a span. */
const clauseAt = (sentence: Sentence, offset: number) =>
  sentence.clauses.find((c) => offset >= c.start && offset <= c.end) ?? sentence;

/**
 * The text from `start` to `end` with exam names and the vendor's own name blanked (so "AIF-C01" is not read as
 * another named thing), or, with `examWord`, each exam name read as the word "exam" (so "the WA-101 covers"
 * still refers to an exam).
 */
function withoutExamNames(ctx: ExtractionContext, start: number, end: number, examWord = false): string {
  let text = ctx.doc.text.slice(start, end);
  for (const m of mentionsWithin(ctx.mentions, start, end).reverse()) {
    const vendorItself = m.kind === 'vendor' && ctx.doc.text.slice(m.start, m.end).toLowerCase() === m.vendor;
    if (m.kind === 'vendor' && !vendorItself) continue;
    const blank = examWord && m.kind === 'exam' ? ' exam ' : ' '.repeat(m.end - m.start);
    text = text.slice(0, m.start - start) + blank + text.slice(m.end - start);
  }
  return text;
}

/** Words that refer to an exam (its name read as "exam" by withoutExamNames). */
const EXAM_REFERENCE = /^(?:exams?|certifications?|tests?|credentials?)$/i;
/**
 * Whether the noun phrase opening `text` (exam names read as "exam") is an exam: an exam word within its first
 * four words ("the exam", "Acme's new WA-101 certification"), none of them a thing of SOMETHING_ELSE. "this
 * course covers the exam" and "this blog follows the WA-101 exam" open with something else.
 */
function opensWithExam(text: string): boolean {
  const words = (text.match(/[\p{L}\d-]+/gu) ?? []).slice(0, 4);
  const k = words.findIndex((w) => EXAM_REFERENCE.test(w));
  return k >= 0 && !SOMETHING_ELSE.test(words.slice(0, k).join(' '));
}

/**
 * The date a release word governs in its clause: the first after it with nothing but a short stretch of
 * GAP_WORDS between ("released on …", "GA: …"), else the last before it in the same way ("On March 3, 2026,
 * Acme released the exam"); null when none. Offsets are the sentence's, which starts at `base` in the document.
 */
function governedDate(
  ctx: ExtractionContext,
  base: number,
  cue: { start: number; end: number },
  dates: FoundDate[],
): FoundDate | null {
  const clean = (from: number, to: number) =>
    to - from <= MAX_GAP && onlyGapWords(withoutExamNames(ctx, base + from, base + to));
  const after = dates.find((d) => d.start >= cue.end);
  if (after && clean(cue.end, after.start)) return after;
  const before = dates.filter((d) => d.end <= cue.start).at(-1);
  if (before && clean(before.end, cue.start)) return before;
  return null;
}

export function extractRelease(_options?: Readonly<ExtractReleaseOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    ctx.sentences.forEach((sentence, i) => {
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      // A value glued to its label ("ReleasedMarch 2026") is read from where the label ends.
      const digit = text.search(/\d/);
      if (digit < 0) return;
      const field = fieldAt(ctx, sentence, sentence.start + digit);
      const from = field.value.start > sentence.start ? field.value.start - sentence.start : 0;
      const dates = findDates(text.slice(from), { months: true })
        .map((d) => ({ ...d, start: d.start + from, end: d.end + from }))
        .filter((d) => !ARTICLE_DATE.test(text.slice(Math.max(0, d.start - 20), d.start)));
      if (dates.length === 0) return;
      const labelled = dates.find((d) => labelledAs(ctx, sentence, sentence.start + d.start, 'release'));
      let date: FoundDate | null = null;
      if (labelled) {
        const value = ctx.doc.text.slice(field.value.start, field.value.end);
        if (!isPlanned(value) && !BETA.test(value.replace(PAST_BETA, ''))) date = labelled;
      } else {
        const previous = ctx.sentences[i - 1];
        date = releaseDateIn(ctx, sentence, text, dates, previous?.block === sentence.block ? previous : undefined);
      }
      if (!date) return;
      const at = sentence.start + date.start;
      const exam = examAt(ctx, sentence, at);
      if (!exam) return;
      emitFact(file, { exam, attribute: 'release', value: { date: date.iso }, quote: quoteFor(sentence), at });
    });
  };
}

const isPlanned = (text: string) => PLANNED.test(text) || MODAL.test(text);

/**
 * Where the thing released is named: the clause before the release word, from its last break (a comma, a
 * bracket, a dash, or a word that starts another statement: "whose", "which", "than", "from", "and", "but").
 * "…the beta exam (from November 2025), whose price differed from the standard exam released in April 2026"
 * names "the standard exam". Right after a bracket or a comma ("WA-101 version 2 (released March 2026)", "The
 * exam, released in April 2026, …") it is the stretch before that break, which the aside describes.
 */
const SUBJECT_BREAK = /[,;:()[\]\u2013\u2014]|\b(?:whose|which|than|from|and|but|while|whereas)\b/gi;
function nearSubject(text: string): { start: number; text: string } {
  let start = 0;
  let previous = 0;
  let previousEnd = 0;
  SUBJECT_BREAK.lastIndex = 0;
  for (let m = SUBJECT_BREAK.exec(text); m; m = SUBJECT_BREAK.exec(text)) {
    previous = start;
    previousEnd = m.index;
    start = m.index + m[0].length;
  }
  if (start > 0 && !/\p{L}/u.test(text.slice(start)))
    return { start: previous, text: text.slice(previous, previousEnd) };
  return { start, text: text.slice(start) };
}

/** "release" and "launch" as nouns: what they are of can follow ("the March 2026 release of the exam guide"). */
const RELEASE_NOUN = /^(?:release|launch)(?:\s+date)?$/i;
/** A newer release of something already out ("the latest WA-101 release", "the second release"): a version. */
const NEWER =
  /\b(?:latest|newest|new|current|next|updated|revised|second|third|\d+(?:st|nd|rd|th)|v?\d+(?:\.\d+)+)\s*$/i;
/** The thing a release noun is of: "release of the WA-101 exam guide" → "the exam exam guide". */
const RELEASE_OF = /^\s*of\s+((?:\S+\s+){0,4}\S+)/i;
/** A release date moved or put off ("Acme moved the release date to June"): a plan, not a release. */
const RESCHEDULED =
  /\b(?:mov(?:e|ed|es|ing)|postpon\w*|delay\w*|push(?:ed|es|ing)|reschedul\w*|defer\w*|slip(?:s|ped|ping)?)\b/i;

/** A verb that ends the subject of a statement ("WidgetStudio Canvas is new"). */
const SUBJECT_VERB =
  /\b(?:is|was|are|were|has|have|had|became|becomes|went|goes|launched|released|covers|offers|provides|lets|will|can)\b/i;

/**
 * Whether "it" in the sentence after `previous` (same paragraph) stands for an exam: the subject of `previous`
 * is one ("The WA-101 exam is new. It was released in April 2026."), not a product ("WidgetStudio Canvas is new.
 * It was released in April 2024.").
 */
function itIsAnExam(ctx: ExtractionContext, previous: Sentence): boolean {
  const clause = previous.clauses[0] ?? previous;
  const text = withoutExamNames(ctx, clause.start, clause.end, true);
  const verb = text.search(SUBJECT_VERB);
  return opensWithExam(verb < 0 ? text : text.slice(0, verb));
}

/**
 * The release date prose states in `sentence` (`text`, with its `dates`), or null. `previous` is the sentence
 * before it in the same paragraph, which "it" may stand for.
 */
function releaseDateIn(
  ctx: ExtractionContext,
  sentence: Sentence,
  text: string,
  dates: FoundDate[],
  previous: Sentence | undefined,
): FoundDate | null {
  for (const cueMatch of text.matchAll(new RegExp(RELEASE.source, 'gi'))) {
    const cue = { start: cueMatch.index, end: cueMatch.index + cueMatch[0].length };
    const clause = clauseAt(sentence, sentence.start + cue.start);
    const clauseStart = clause.start - sentence.start;
    const clauseEnd = clause.end - sentence.start;
    const own = dates.filter((d) => d.start >= clauseStart && d.end <= clauseEnd);
    const date = governedDate(ctx, sentence.start, cue, own);
    if (!date) continue;
    // What the clause says was released: the words before the release word, or before the date when it leads
    // ("On March 3, 2026, Acme released the exam"), with exam names blanked.
    const head = Math.min(cue.start, date.start);
    const before = withoutExamNames(ctx, clause.start, sentence.start + head);
    const subject = nearSubject(before).text;
    // A plan or a beta shows in the subject or anywhere from the release word on ("launched on … as a beta").
    const scope = `${subject} ${text.slice(cue.start, clauseEnd).replace(PAST_BETA, '')}`;
    if (isPlanned(scope) || BETA.test(scope.replace(PAST_BETA, ''))) continue;
    if (SOMETHING_ELSE.test(subject) || namesSomethingElse(subject, /$/) || RESCHEDULED.test(subject)) continue;
    if (RELEASE_NOUN.test(cueMatch[0])) {
      if (NEWER.test(withoutExamNames(ctx, clause.start, sentence.start + cue.start))) continue;
      const of = RELEASE_OF.exec(withoutExamNames(ctx, sentence.start + cue.end, clause.end, true));
      if (of && SOMETHING_ELSE.test(of[1] as string)) continue;
    }
    // An opening participle describes the subject after its comma: "Released in March 2024, this course covers
    // the exam" is about the course; "Released on April 14, 2026, after its beta, the exam covers…" the exam.
    if (cue.start < date.start && !/\p{L}/u.test(before)) {
      const rest = withoutExamNames(ctx, sentence.start + date.end, clause.end, true).replace(PAST_BETA, '');
      const lead = /^\s*[,\u2013\u2014]/.exec(rest);
      if (lead && /\p{L}/u.test(rest) && !opensWithExam(rest.replace(/^[\s,\u2013\u2014]+/, ''))) continue;
    }
    const named = mentionsWithin(ctx.mentions, clause.start, clause.end).some((m) => m.kind === 'exam');
    const clauseText = ctx.doc.text.slice(clause.start, clause.end);
    if (!named && !EXAM_WORD.test(clauseText)) continue;
    // "It" alone refers to the subject of the sentence before, which must be an exam.
    if (!named && !EXAM_NOUN.test(clauseText) && previous && !itIsAnExam(ctx, previous)) continue;
    return date;
  }
  return null;
}

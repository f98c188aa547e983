/**
 * Passing scores: a pass cue (a "Passing score" label, "pass", "passing", "minimum score") and a score next to
 * it, read by one value grammar: "700", "700/1000", "700 out of 1000", "70%". The scale comes from the score
 * itself or from the sentence before ("scale of 100-1000", "between 100 and 1,000"); a score the page only
 * estimates ("estimated ~70%", "not published; about 70%") carries `approximate`. A person's own result ("I
 * scored 805") is not the exam's passing score.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { context, type Sentence } from '../lib/context.ts';
import { emitFact, quoteFor } from '../lib/emitFact.ts';
import { fieldAt, labelledAs } from '../lib/records.ts';
import { seriesAt } from '../lib/series.ts';
import { examAt, seriesSubjectAt } from '../lib/subjectAt.ts';
import { isPersonalAccount } from './shared.ts';

const clauseOf = (sentence: Sentence, offset: number) =>
  sentence.clauses.find((c) => offset >= c.start && offset <= c.end) ?? sentence;

export type ExtractPassingScoreOptions = Record<string, never>;

const CUE = /\b(?:pass(?:ing|es)?|minimum\s+score|cut\s*score)\b/gi;
/** A score: "700", "700/1000", "700 / 1000", "700 out of 1000", "70%", "~70%". */
const SCORE =
  /(?<approx>~\s?)?(?<![\d.,])(?<score>\d{2,4})(?:\s?\/\s?(?<of>1000|100)\b|\s+out\s+of\s+(?<of2>1,?000|100)\b|\s?(?<pct>%))?/g;
const SCALE =
  /\bscale(?:d\s+score)?\s+(?:of|from|between)\s+\d{1,3}\s*(?:-|–|to|,|and)\s*(?<hi>1,?000|100)\b|\bbetween\s+\d{1,3}\s+and\s+(?<hi2>1,?000)\b/i;
const ESTIMATE =
  /\b(?:estimat\w*|approx\w*|about|around|roughly|unofficial\w*|not\s+(?:publicly\s+)?(?:disclosed|published)|reportedly|believed)\b/i;

const DISCOUNT =
  /^\s*(?:(?:renewal|exam|retake|re-?certification)\s+)?(?:off|discount\w*|vouchers?|coupons?|rebates?|reductions?|savings?|cheaper)\b/i;

const UNDISCLOSED = /\bnot\s+(?:publicly\s+|officially\s+)?(?:disclosed|published|released)\b|\bunofficial\w*/i;

interface Candidate {
  score: number;
  scale: number | null;
  at: number;
  end: number;
  approximate: boolean;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  SCORE.lastIndex = 0;
  for (let m = SCORE.exec(text); m; m = SCORE.exec(text)) {
    const g = m.groups ?? {};
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    // Part of a scale ("100-1000", "100 and 1,000"), money, a year, a duration or a count: not a score.
    if (/(?:scale\s+(?:of|from)|between|\$|[-–]|\d\s*(?:-|–|to|and|,))\s*$/i.test(before)) continue;
    if (
      /^\s*(?:-|–|to|and)\s*\d|^,\d{3}|^\s*(?:minutes?|mins?|hours?|questions?|items?|days?|years?|USD)\b/i.test(after)
    )
      continue;
    // A percentage off a price ("a 50% voucher", "50% off", "a 50% renewal discount") is not a score.
    if (g.pct && DISCOUNT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    const score = Number(g.score);
    if (g.score && g.score.length === 4 && score > 1000) continue;
    const scale = (g.of ?? g.of2) ? Number((g.of ?? g.of2 ?? '').replace(',', '')) : g.pct ? 100 : null;
    if (scale === null && (g.score ?? '').length < 3) continue;
    if (scale !== null && score > scale) continue;
    out.push({ score, scale, at: m.index, end: m.index + m[0].length, approximate: !!g.approx });
  }
  return out;
}

export function extractPassingScore(_options?: Readonly<ExtractPassingScoreOptions> | null) {
  return (_tree: Root, file: VFile) => {
    const ctx = context(file);
    let previous: Sentence | null = null;
    for (const sentence of ctx.sentences) {
      const prev = previous;
      previous = sentence;
      const text = ctx.doc.text.slice(sentence.start, sentence.end);
      if (isPersonalAccount(text)) continue;
      const found = candidates(text);
      if (found.length === 0) continue;
      const cues: number[] = [];
      CUE.lastIndex = 0;
      for (let m = CUE.exec(text); m; m = CUE.exec(text)) cues.push(m.index);
      const picked: Candidate[] = [];
      if (ctx.cellSpans.has(sentence.block.index)) {
        // A table row labelled as the passing score holds one score per exam column.
        for (const c of found) if (labelledAs(ctx, sentence, sentence.start + c.at, 'passingScore')) picked.push(c);
      } else if (labelledAs(ctx, sentence, sentence.start + (found[0] as Candidate).at, 'passingScore')) {
        picked.push(found[0] as Candidate);
      } else if (cues.length > 0) {
        // The score the cue introduces ("passing score: 700", "pass at 700/1000"), else the one it closes
        // ("700/1000 to pass", "with 750 the minimum passing score").
        const cue = cues[0] as number;
        const after = found.find((c) => c.at > cue && c.at - cue <= 60);
        const before = [...found].reverse().find((c) => c.end <= cue && cue - c.end <= 40);
        const pick = after ?? before;
        if (pick) picked.push(pick);
        // "Passing scores climb 700 / 720 / 750": the cue introduces the whole series, one score per exam.
        const series = pick
          ? seriesAt(ctx.doc, clauseOf(sentence, sentence.start + pick.at), sentence.start + pick.at)
          : null;
        if (series && pick && seriesSubjectAt(ctx, sentence, sentence.start + pick.at) !== undefined)
          for (const c of found) {
            const other = seriesAt(ctx.doc, clauseOf(sentence, sentence.start + c.at), sentence.start + c.at);
            if (c !== pick && other?.series === series.series) picked.push(c);
          }
      }
      for (const c of picked) {
        let scale = c.scale;
        if (scale === null) {
          const m = SCALE.exec(text) ?? (prev ? SCALE.exec(ctx.doc.text.slice(prev.start, prev.end)) : null);
          const hi = m?.groups?.hi ?? m?.groups?.hi2;
          if (hi) scale = Number(hi.replace(',', ''));
        }
        const at = sentence.start + c.at;
        const field = fieldAt(ctx, sentence, at);
        const around = ctx.doc.text.slice(field.value.start, field.value.end);
        const hedge = field.label ? around : text;
        // A page that says the score is not published and guesses one gives no passing score.
        if (UNDISCLOSED.test(hedge)) continue;
        const approximate = c.approximate || ESTIMATE.test(hedge);
        const exam = examAt(ctx, sentence, at, { acrossExams: true });
        if (!exam) continue;
        const value: { score: number; scale: number | null; approximate?: true } = { score: c.score, scale };
        if (approximate) value.approximate = true;
        emitFact(file, { exam, attribute: 'passingScore', value, quote: quoteFor(sentence), at });
      }
    }
  };
}

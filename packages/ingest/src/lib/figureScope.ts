/**
 * The part of a sentence a figure belongs to, and what that part says about the figure's time and speaker.
 * Writers coordinate statements about different things in one sentence ("The exam lasts 140 minutes, and I
 * used nearly all of it"; "The beta was 170 minutes, but the exam is now 130 minutes"): a cue in one
 * coordinated part says nothing about a figure in the other.
 */
import type { Span } from './context.ts';

/**
 * Where one coordinated statement ends and the next begins: a semicolon or colon, ", and" / ", so" / ", yet",
 * or "but" / "while" / "whereas" / "although" (with or without a comma). A plain comma does not end a statement ("I sat the
 * exam, in 120 minutes"), and neither does a bare "and" ("65 questions and 130 minutes").
 */
const BOUNDARY = /[;:|]|,\s+(?:and|so|yet)\s|,?\s(?:but|while|whilst|whereas|although|though)\s/gi;

/**
 * The coordinated statement around `at` in `text` (offsets into `text`): from the boundary before `at` to the
 * one after. One pass over `text`, so the work per figure is linear in the sentence (sentences are bounded).
 */
export function figureScope(text: string, at: number): Span {
  let start = 0;
  let end = text.length;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/**
 * Words that date a figure to a version no longer current: a beta, an old/previous/original version, "used to",
 * "formerly", "no longer", "until March 2025". Their opposites (`current`) date it to today: "now", "the
 * current exam", "since the update", "out of beta". The cue nearest the figure wins.
 */
const TIME_CUE = new RegExp(
  [
    // Current first, so "out of beta" / "after the beta" / "post-beta" read as current, not as "beta".
    String.raw`(?<current>\b(?:now|today|currently|current|new|newer|latest|updated|revised|as\s+of|since)\b|\b(?:out\s+of|after(?:\s+the)?|post-?|since(?:\s+the)?)\s*beta\b)`,
    String.raw`(?<past>\bbeta\b|\b(?:old|older|previous|prior|former|original|earlier|legacy|outgoing|retired)\s+(?:\w+\s+)?(?:version|exam|format|edition|release|iteration|blueprint|one|guide)s?\b|\bused\s+to\b|\bformerly\b|\boriginally\b|\bpreviously\b|\bno\s+longer\b|\b(?:until|before|prior\s+to)\s+(?:(?:early|mid|late)\s+)?(?:[a-z]+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b)`,
  ].join('|'),
  'gi',
);

/**
 * Whether the page dates the figure at `at` (an offset into `text`, a sentence) to a past or beta version: the
 * time cue nearest the figure inside its coordinated statement says past. A figure with no cue is current.
 *
 * "The beta version was 170 minutes" → true; "until March 2025 it cost $300" → true; "the exam is now 130
 * minutes, down from the beta" → false (nearest cue before the figure is "now").
 */
export function datedToPast(text: string, at: number): boolean {
  const scope = figureScope(text, at);
  const piece = text.slice(scope.start, scope.end);
  const local = at - scope.start;
  let before: 'past' | 'current' | null = null;
  let after: 'past' | 'current' | null = null;
  TIME_CUE.lastIndex = 0;
  for (let m = TIME_CUE.exec(piece); m; m = TIME_CUE.exec(piece)) {
    const kind = m.groups?.past !== undefined ? 'past' : 'current';
    if (m.index < local) before = kind;
    else if (after === null) after = kind;
  }
  return (before ?? after) === 'past';
}

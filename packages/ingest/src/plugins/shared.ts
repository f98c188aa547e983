/** Small helpers the extractor plugins share. */
import type { Sentence } from '../lib/context.ts';
import { figureScope } from '../lib/figureScope.ts';

/** The "Label" of a "Label: value" block (list item, table row or paragraph), lowercased, or ''. */
export function labelOf(sentence: Sentence): string {
  const cells = sentence.block.cells;
  if (cells && cells.length >= 2) return (cells[0] ?? '').toLowerCase();
  const match = /^([^:]{2,60}):\s/.exec(sentence.block.text);
  return match ? (match[1] as string).toLowerCase() : '';
}

const groupStarts = new WeakMap<object, Map<number, number>>();
/**
 * A person's own sitting or result, not the exam's facts: "I finished in about 120 minutes", "I got 43
 * questions", "my score was 805".
 */
const PERSONAL =
  /\b(?:I|we)\s+(?:(?:only|just|actually|finally|then|had|have)\s+)?(?:had|got|scored|finished|passed|sat|spent|completed|received|answered|saw|used|ended\s+up)\b|\b(?:took|gave)\s+me\b|\bmy\s+(?:score|result|exam|attempt|sitting|session)\b/;
export function isPersonalAccount(text: string): boolean {
  return PERSONAL.test(text);
}

/**
 * Whether the figure at `at` (an offset into the sentence `text`) is told as a person's own sitting: the
 * coordinated statement around it reads as one ("I finished in about 120 minutes"). Another statement in the
 * same sentence does not make it one: "The exam lasts 140 minutes, and I used nearly all of it" states the
 * exam's length.
 */
export function isPersonalAt(text: string, at: number): boolean {
  const scope = figureScope(text, at);
  return PERSONAL.test(text.slice(scope.start, scope.end));
}

/** The blocks just before a list or table (its lead-in), e.g. "How much do these certifications cost?". */
export function leadInText(
  sentence: Sentence,
  blocks: readonly { index: number; text: string; group: number | null; kind: string }[],
): string {
  const block = sentence.block;
  // The group's first block, found once per group: walking back from every item made a long list quadratic.
  let starts = groupStarts.get(blocks);
  if (!starts) {
    starts = new Map();
    groupStarts.set(blocks, starts);
  }
  let i = block.index - 1;
  if (block.group !== null) {
    const known = starts.get(block.group);
    if (known !== undefined && known <= block.index) i = known - 1;
    else {
      while (i >= 0 && blocks[i]?.group === block.group) i--;
      starts.set(block.group, i + 1);
    }
  }
  const parts: string[] = [];
  for (let k = i; k >= 0 && k >= i - 1; k--) {
    const b = blocks[k];
    if (!b || b.kind === 'heading') break;
    parts.push(b.text);
  }
  return parts.join(' ');
}

/** Capitalised words that do not name a thing: months and weekdays (by their first three letters), openers. */
const NOT_A_NAME = new Set([
  'the',
  'a',
  'an',
  'so',
  'and',
  'but',
  'i',
  'we',
  'you',
  'it',
  'on',
  'by',
  'in',
  'as',
  'from',
  'after',
  'until',
  'this',
  'that',
]);
const CALENDAR = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
]);
const isName = (word: string) => !NOT_A_NAME.has(word.toLowerCase()) && !CALENDAR.has(word.slice(0, 3).toLowerCase());

/**
 * Whether the clause's subject is a named thing other than an exam ("LUIS retired on …", "The Gizmo API ends …",
 * "Gemini was released in …"): a capitalised word before the event's `verb` (the whole clause when there is none)
 * that is not a month, a weekday or a sentence opener. Callers blank out exam names first when they count.
 */
export function namesSomethingElse(clause: string, verb: RegExp): boolean {
  const at = clause.search(verb);
  const before = at < 0 ? clause : clause.slice(0, at);
  for (const m of before.matchAll(/\b[A-Z][A-Za-z]+/g)) if (isName(m[0])) return true;
  return false;
}

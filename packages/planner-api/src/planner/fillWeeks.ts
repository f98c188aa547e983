/**
 * The order of study within the weeks: domains learned in blocks (heaviest first), each reviewed a week
 * after its block ends (reviews come due first), then mixed review, the practice exam and the light last
 * week. Work is counted in half-hour units and each kind of work is a stream (`learn.<domain>`,
 * `review.<domain>`, `mixed`, `practice`, `buffer`, `general`) with an offset, so a piece of work has the
 * same place in its stream however the weeks are cut; session ids are built from it.
 */
import type { PreparedFocus, SessionKind } from './schema.ts';

export const NO_DOMAIN = -1;

/** A run of work inside one week, in order. */
export interface Piece {
  kind: SessionKind;
  /** Index into the exam's domains, or NO_DOMAIN. */
  domain: number;
  stream: string;
  /** Where the piece starts in its stream, in half-hour units. */
  offset: number;
  units: number;
  focus: PreparedFocus;
}

/** What is left to plan, with each stream's next offset; `fillWeeks` consumes it. */
export interface FillState {
  learnLeft: number[];
  learnAt: number[];
  reviewLeft: number[];
  reviewAt: number[];
  /** Week index from which a domain's review may be taken (Infinity: its block is not finished yet). */
  reviewDue: number[];
  reviewQueue: number[];
  blockOrder: readonly number[];
  block: number;
  generalLeft: number;
  generalAt: number;
  mixedLeft: number;
  mixedAt: number;
  practiceLeft: number;
  practiceAt: number;
  bufferLeft: number;
  bufferAt: number;
}

export interface FillFocus {
  learn: readonly PreparedFocus[];
  review: readonly PreparedFocus[];
  general: PreparedFocus;
  mixed: PreparedFocus;
  practice: PreparedFocus;
  buffer: PreparedFocus;
  /** Stream names per domain (a slug of its name). */
  slugs: readonly string[];
}

export function skipFinishedBlocks(state: FillState): void {
  const { blockOrder, learnLeft } = state;
  while (state.block < blockOrder.length && (learnLeft[blockOrder[state.block] as number] as number) === 0) {
    state.block++;
  }
}

/**
 * Fills weeks `from`..caps.length-1 (each up to `caps[w]` units) from `state`, which it updates; returns
 * the pieces per week (empty arrays before `from`). What does not fit stays in `state`.
 */
export function fillWeeks(caps: readonly number[], from: number, state: FillState, focus: FillFocus): Piece[][] {
  const weeks: Piece[][] = new Array(caps.length);
  for (let w = 0; w < caps.length; w++) weeks[w] = [];
  skipFinishedBlocks(state);
  for (let w = from; w < caps.length; w++) {
    let room = caps[w] as number;
    const pieces = weeks[w] as Piece[];
    const put = (
      kind: SessionKind,
      domain: number,
      stream: string,
      offset: number,
      units: number,
      f: PreparedFocus,
    ) => {
      const last = pieces[pieces.length - 1];
      if (last && last.stream === stream && last.offset + last.units === offset) last.units += units;
      else pieces.push({ kind, domain, stream, offset, units, focus: f });
      room -= units;
    };
    while (room > 0) {
      const due = state.reviewQueue.find(
        (j) => (state.reviewDue[j] as number) <= w && (state.reviewLeft[j] as number) > 0,
      );
      if (due !== undefined) {
        takeReview(state, due, room, put, focus);
      } else if (state.block < state.blockOrder.length) {
        const j = state.blockOrder[state.block] as number;
        const take = Math.min(room, state.learnLeft[j] as number);
        put('learn', j, `learn.${focus.slugs[j]}`, state.learnAt[j] as number, take, focus.learn[j] as PreparedFocus);
        state.learnLeft[j] = (state.learnLeft[j] as number) - take;
        state.learnAt[j] = (state.learnAt[j] as number) + take;
        if (state.learnLeft[j] === 0) {
          if ((state.reviewLeft[j] as number) > 0 && !state.reviewQueue.includes(j)) {
            state.reviewDue[j] = w + 1;
            state.reviewQueue.push(j);
          }
          state.block++;
          skipFinishedBlocks(state);
        }
      } else if (state.generalLeft > 0) {
        takeStretch(state, 'general', 'learn', room, put, focus);
      } else if (state.mixedLeft > 0) {
        // Final stretch: mixed review first, so the last block's own review can come due a week later.
        takeStretch(state, 'mixed', 'review', room, put, focus);
      } else {
        // A review still pending when the mixed review runs out is taken early rather than dropped.
        const early = state.reviewQueue.find((j) => (state.reviewLeft[j] as number) > 0);
        if (early !== undefined) {
          takeReview(state, early, room, put, focus);
        } else if (state.practiceLeft > 0) {
          takeStretch(state, 'practice', 'practice', room, put, focus);
        } else if (state.bufferLeft > 0) {
          takeStretch(state, 'buffer', 'buffer', room, put, focus);
        } else {
          break;
        }
      }
    }
  }
  return weeks;
}

/** The plan-wide stretches without a domain: each has units left and an offset into its stream. */
type Stretch = 'general' | 'mixed' | 'practice' | 'buffer';

/** Takes up to `room` units of a stretch into the week (its stream is the stretch's name). */
function takeStretch(
  state: FillState,
  stretch: Stretch,
  kind: SessionKind,
  room: number,
  put: (kind: SessionKind, domain: number, stream: string, offset: number, units: number, f: PreparedFocus) => void,
  focus: FillFocus,
): void {
  const take = Math.min(room, state[`${stretch}Left`]);
  put(kind, NO_DOMAIN, stretch, state[`${stretch}At`], take, focus[stretch]);
  state[`${stretch}Left`] -= take;
  state[`${stretch}At`] += take;
}

function takeReview(
  state: FillState,
  j: number,
  room: number,
  put: (kind: SessionKind, domain: number, stream: string, offset: number, units: number, f: PreparedFocus) => void,
  focus: FillFocus,
): void {
  const take = Math.min(room, state.reviewLeft[j] as number);
  put('review', j, `review.${focus.slugs[j]}`, state.reviewAt[j] as number, take, focus.review[j] as PreparedFocus);
  state.reviewLeft[j] = (state.reviewLeft[j] as number) - take;
  state.reviewAt[j] = (state.reviewAt[j] as number) + take;
}

/** Units still unplanned in `state`, per domain (learn + review) and in total. */
export function leftOver(state: FillState): { byDomain: number[]; total: number } {
  const byDomain = state.learnLeft.map((units, j) => units + (state.reviewLeft[j] as number));
  let total = state.generalLeft + state.mixedLeft + state.practiceLeft + state.bufferLeft;
  for (const units of byDomain) total += units;
  return { byDomain, total };
}

/** A stream name for a domain: lowercase words joined by '-', bounded, so ids stay readable and short. */
export function domainSlug(name: string): string {
  let slug = '';
  let dash = false;
  for (const ch of name.toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      if (dash && slug.length > 0) slug += '-';
      slug += ch;
      dash = false;
    } else {
      dash = true;
    }
    if (slug.length >= 48) break;
  }
  return slug || 'domain';
}

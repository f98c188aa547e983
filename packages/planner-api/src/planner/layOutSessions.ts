/**
 * Puts each week's work on its study days: the week's half-hours are split evenly over its study days
 * (largest remainder, earlier days first), and the week's pieces fill the days in order. A piece that
 * crosses a day boundary becomes two sessions; each session starts when the one before it that day ends.
 */
import type { Piece } from './fillWeeks.ts';
import { apportion } from './lib/apportion.ts';
import { fromEpochDay } from './lib/dates.ts';
import { timeOfDay } from './lib/studyDays.ts';
import type { PreparedFocus, SessionKind, SessionStatus } from './schema.ts';

/** A session while the plan is assembled: its focus still holds the citations themselves. */
export interface PreparedSession {
  id: string;
  date: string;
  start: string;
  status: SessionStatus;
  domain: number;
  hours: number;
  kind: SessionKind;
  focus: PreparedFocus;
  /** Epoch day and stream position, for re-planning (not sent). */
  day: number;
  stream: string;
  offset: number;
  units: number;
  week: number;
}

export function sessionId(stream: string, offset: number): string {
  return `${stream}.${offset}`;
}

/** Each day's share of a week's units: even, earlier days take the remainder. */
export function dayCaps(weekUnits: number, days: readonly number[], weights?: readonly number[]): number[] {
  return apportion(weekUnits, weights ?? new Array(days.length).fill(1));
}

/**
 * Lays `pieces` (one week's, in order) onto `days` with capacities `caps`, starting each day at
 * `startMinutes` local time. Returns the sessions in order; units beyond the days' capacity are a
 * programming error (the fill never gives a week more than its cap).
 */
export function layOutWeek(
  week: number,
  pieces: readonly Piece[],
  days: readonly number[],
  caps: readonly number[],
  startMinutes: number,
  out: PreparedSession[],
): void {
  let d = 0;
  let room = caps[0] ?? 0;
  let minutes = startMinutes;
  for (const piece of pieces) {
    let offset = piece.offset;
    let left = piece.units;
    while (left > 0) {
      while (room === 0 && d < days.length - 1) {
        d++;
        room = caps[d] as number;
        minutes = startMinutes;
      }
      if (room === 0) throw new Error(`layOutWeek: week ${week} holds less than its pieces`);
      const take = Math.min(room, left);
      const day = days[d] as number;
      out.push({
        id: sessionId(piece.stream, offset),
        date: fromEpochDay(day),
        start: timeOfDay(minutes),
        status: 'planned',
        domain: piece.domain,
        hours: take / 2,
        kind: piece.kind,
        focus: piece.focus,
        day,
        stream: piece.stream,
        offset,
        units: take,
        week,
      });
      minutes += take * 30;
      room -= take;
      left -= take;
      offset += take;
    }
  }
}

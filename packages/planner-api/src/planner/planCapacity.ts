/**
 * How many half-hours each study week can hold. Weeks are 7-day blocks from the start date, so every block
 * but the last holds each weekday once; the last block before the exam may be cut short (the day before the
 * exam is a rest day) and then holds its share of study days. The last of several weeks is kept light.
 */
import { apportion } from './lib/apportion.ts';
import { countStudyDays } from './lib/studyDays.ts';
import { MAX_HOURS_PER_WEEK, MAX_PLAN_WEEKS } from './schema.ts';

export function lightUnits(capUnits: number): number {
  return Math.max(1, Math.floor(capUnits / 2));
}

function perWeek(mask: readonly boolean[]): number {
  let n = 0;
  for (const on of mask) if (on) n++;
  return n;
}

/** A block's capacity: full when it holds every study day of a week, else its share, rounded down. */
export function blockCap(blockStart: number, blockEnd: number, capUnits: number, mask: readonly boolean[]): number {
  const present = countStudyDays(blockStart, blockEnd, mask);
  const total = perWeek(mask);
  return present >= total ? capUnits : Math.floor((capUnits * present) / total);
}

/**
 * Half-hour capacity of each week of `days` study-eligible days from `startDay` (the rest day excluded),
 * the last of two or more kept light.
 */
export function capsUntilExam(startDay: number, days: number, capUnits: number, mask: readonly boolean[]): number[] {
  const count = Math.ceil(days / 7);
  const caps = new Array<number>(count);
  for (let w = 0; w < count; w++) {
    const from = startDay + w * 7;
    caps[w] = blockCap(from, Math.min(from + 6, startDay + days - 1), capUnits, mask);
  }
  if (count >= 2) caps[count - 1] = Math.min(caps[count - 1] as number, lightUnits(capUnits));
  return caps;
}

/** `sum(capsUntilExam(…))` without building the weeks: the warnings search over many of these. */
export function capacityUntilExam(startDay: number, days: number, capUnits: number, mask: readonly boolean[]): number {
  if (days <= 0) return 0;
  const count = Math.ceil(days / 7);
  const lastFrom = startDay + (count - 1) * 7;
  const last = blockCap(lastFrom, startDay + days - 1, capUnits, mask);
  if (count === 1) return last;
  return (count - 1) * capUnits + Math.min(last, lightUnits(capUnits));
}

/** As many full weeks as `units` need, then a light last week. */
export function capsForTarget(units: number, capUnits: number): number[] {
  if (units <= capUnits) return [units];
  const light = lightUnits(capUnits);
  const fullWeeks = Math.ceil((units - light) / capUnits);
  if (fullWeeks + 1 > MAX_PLAN_WEEKS) return new Array(fullWeeks + 1).fill(0);
  const caps = apportion(units - light, new Array(fullWeeks).fill(1));
  caps.push(light);
  return caps;
}

/** Fewer hours than the weeks hold: spread them in proportion, never over a week's capacity. */
export function scaleCaps(caps: readonly number[], units: number): number[] {
  const scaled = apportion(units, caps);
  let excess = 0;
  for (let w = 0; w < scaled.length; w++) {
    const over = (scaled[w] as number) - (caps[w] as number);
    if (over > 0) {
      scaled[w] = caps[w] as number;
      excess += over;
    }
  }
  for (let w = 0; excess > 0 && w < scaled.length; w++) {
    const room = (caps[w] as number) - (scaled[w] as number);
    const add = Math.min(room, excess);
    scaled[w] = (scaled[w] as number) + add;
    excess -= add;
  }
  return scaled;
}

/** The fewest hours a week that fit `units` in `weeks` weeks (target mode), in hours. */
export function hoursPerWeekForWeeks(units: number, weeks: number): number {
  for (let cap = 1; cap <= MAX_HOURS_PER_WEEK * 2; cap++) {
    if (capsForTarget(units, cap).length <= weeks) return cap / 2;
  }
  return MAX_HOURS_PER_WEEK;
}

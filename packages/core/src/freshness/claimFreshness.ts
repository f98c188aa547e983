/**
 * How current a claim is: the newest date among the sources that back it (published or modified), and whether
 * that is too old to trust without a fresh look. Computed at serve time with the date passed in (core has no
 * clock), never stored in dataset.json.
 *
 * A claim is stale when, in this order:
 * 1. `undated`: no source backing it gives a date (its age is unknown, so it is not presented as current);
 * 2. `retirement`: the exam retired on or before `asOf` and the newest source predates the retirement (what it
 *    says describes an exam that no longer runs; the retirement and release claims are exempt);
 * 3. `guide`: the newest exam-guide version in force on `asOf` took effect after the newest source (a figure
 *    from before the current guide may be history; the retirement and release claims are exempt);
 * 4. `threshold`: the newest source is older than `thresholdMonths` calendar months before `asOf`.
 * Otherwise it is `fresh`.
 */
import { z } from 'zod';
import { CertplanError } from '../errors.ts';
import { IsoDateSchema } from '../schema/dataset.ts';

/** An exam-guide version from the catalog (`exams[].guides`): the version label and the day it took effect. */
export interface GuideVersion {
  version: string;
  /** YYYY-MM-DD; null for an oldest version whose start is not known (it never makes a claim stale). */
  effective: string | null;
}

/** Known changes of the exam that can make an older statement history. */
export interface ExamChanges {
  /** Exam-guide versions, in any order; only those in effect on `asOf` count. */
  guides?: readonly GuideVersion[] | undefined;
  /** The exam's retirement date (YYYY-MM-DD), where known; counts only once it is on or before `asOf`. */
  retired?: string | null | undefined;
}

export interface FreshnessOptions {
  /** The day to judge from (YYYY-MM-DD): the caller's clock, passed in. */
  asOf: string;
  /** Whole calendar months a newest source may be old and still count as current (content/freshness.yaml). */
  thresholdMonths: number;
  changes?: ExamChanges | undefined;
}

/** The dates of a source that backs a claim (core's `Source` fits). */
export interface DatedSource {
  published: string | null;
  modified: string | null;
}

export const FreshnessCauseSchema = z.enum(['fresh', 'undated', 'retirement', 'guide', 'threshold']);
export type FreshnessCause = z.infer<typeof FreshnessCauseSchema>;

export const FreshnessSchema = z.object({
  /** The newest date (YYYY-MM-DD) among the backing sources' published and modified dates; null when none. */
  newest: IsoDateSchema.nullable(),
  stale: z.boolean(),
  /** Which rule decided (see claimFreshness). */
  cause: FreshnessCauseSchema,
  /** The decision in words, with the dates it compared. */
  reason: z.string(),
});
export type Freshness = z.infer<typeof FreshnessSchema>;

/** Default for `thresholdMonths` when content/freshness.yaml does not set it. */
export const DEFAULT_FRESHNESS_MONTHS = 18;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(date: string, what: string): void {
  if (!ISO_DATE.test(date))
    throw new CertplanError('bad_request', `${what} must be a date as YYYY-MM-DD, got "${date}"`);
}

/** The newest of the sources' published and modified dates; null when none is dated. */
export function newestSourceDate(sources: readonly DatedSource[]): string | null {
  let newest: string | null = null;
  for (const source of sources) {
    for (const date of [source.published, source.modified]) {
      if (date !== null && ISO_DATE.test(date) && (newest === null || date > newest)) newest = date;
    }
  }
  return newest;
}

/**
 * `date` moved back by whole calendar months; a day the target month lacks is clamped to its last day
 * (2026-08-31 minus 18 months is 2025-02-28).
 */
export function subtractMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new CertplanError('bad_request', `expected a date as YYYY-MM-DD, got "${date}"`);
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Freshness of one claim. `sources` are the sources of the facts that back it (not its dissent).
 * Throws CertplanError('bad_request') for a malformed `asOf` or a threshold that is not a whole number ≥ 0.
 */
export function claimFreshness(
  claim: { attribute: string },
  sources: readonly DatedSource[],
  options: FreshnessOptions,
): Freshness {
  const { asOf, thresholdMonths } = options;
  checkDate(asOf, 'asOf');
  if (!Number.isInteger(thresholdMonths) || thresholdMonths < 0) {
    throw new CertplanError('bad_request', `thresholdMonths must be a whole number ≥ 0, got ${thresholdMonths}`);
  }
  const newest = newestSourceDate(sources);
  if (newest === null) {
    return { newest, stale: true, cause: 'undated', reason: 'no source backing it gives a date' };
  }
  // When an exam retires or was released does not go stale with a newer guide or a later retirement.
  const exempt = claim.attribute === 'retirement' || claim.attribute === 'release';
  const retired = options.changes?.retired ?? null;
  if (!exempt && retired !== null && ISO_DATE.test(retired) && retired <= asOf && newest < retired) {
    return {
      newest,
      stale: true,
      cause: 'retirement',
      reason: `newest source ${newest} predates the exam's retirement on ${retired}`,
    };
  }
  const guide = exempt ? undefined : currentGuide(options.changes?.guides ?? [], asOf);
  if (guide?.effective && newest < guide.effective) {
    return {
      newest,
      stale: true,
      cause: 'guide',
      reason: `newest source ${newest} predates exam guide version ${guide.version} (in effect from ${guide.effective})`,
    };
  }
  const cutoff = subtractMonths(asOf, thresholdMonths);
  if (newest < cutoff) {
    return {
      newest,
      stale: true,
      cause: 'threshold',
      reason: `newest source ${newest} is more than ${months(thresholdMonths)} older than ${asOf}`,
    };
  }
  return {
    newest,
    stale: false,
    cause: 'fresh',
    reason: `newest source ${newest} is within ${months(thresholdMonths)} of ${asOf}`,
  };
}

/** Whole calendar months from `from` to `to` (0 when `to` is not later); both YYYY-MM-DD. */
export function wholeMonthsBetween(from: string, to: string): number {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (!a || !b) throw new CertplanError('bad_request', `expected dates as YYYY-MM-DD, got "${from}" and "${to}"`);
  const months =
    (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2])) - (Number(b[3]) < Number(a[3]) ? 1 : 0);
  return Math.max(0, months);
}

/** The guide version in force on `asOf`: the latest effective date not after it. */
function currentGuide(guides: readonly GuideVersion[], asOf: string): GuideVersion | undefined {
  let current: GuideVersion | undefined;
  let currentSince = '';
  for (const guide of guides) {
    const effective = guide.effective;
    if (effective === null || !ISO_DATE.test(effective) || effective > asOf) continue;
    if (!current || effective > currentSince) {
      current = guide;
      currentSince = effective;
    }
  }
  return current;
}

const months = (n: number) => (n === 1 ? '1 month' : `${n} months`);

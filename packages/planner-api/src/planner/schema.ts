/**
 * The plan request and the plan, as zod schemas: the HTTP layer validates bodies and generates OpenAPI from
 * these, and `createPlan` validates with them too. No transforms, so the same schema describes the JSON.
 */
import { ExamIdSchema, IsoDateSchema } from '@certplan/core';
import { z } from 'zod';
import { daysBetween, isValidIsoDate } from './lib/dates.ts';
import { WEEKDAYS } from './lib/studyDays.ts';

/** Two years: long enough for any certification, short enough that a plan stays a plan. */
export const MAX_PLAN_WEEKS = 104;
export const MAX_HOURS_PER_WEEK = 80;
export const MAX_TARGET_HOURS = MAX_HOURS_PER_WEEK * MAX_PLAN_WEEKS;

const CalendarDateSchema = IsoDateSchema.refine(isValidIsoDate, 'not a calendar date');

export const ProficiencySchema = z.record(z.string().min(1).max(200), z.number().int().min(1).max(5)).meta({
  description: 'Self-rated proficiency per domain name: 1 (new to it) .. 5 (expert). Weaker gets more hours.',
});

/** An IANA time zone the runtime knows ("Europe/Berlin"); remembered, as plans ask for the same few. */
const knownTimeZones = new Map<string, boolean>();
export function isTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1024) knownTimeZones.set(name, known);
  }
  return known;
}

export const WeekdaySchema = z.enum(WEEKDAYS);

export const PlanRequestSchema = z
  .object({
    exam: ExamIdSchema.meta({ description: 'Exam id from GET /api/exams', example: 'gcp-pmle' }),
    hoursPerWeek: z
      .number()
      .min(0.5)
      .max(MAX_HOURS_PER_WEEK)
      .multipleOf(0.5)
      .meta({ description: 'Hours available per week, 0.5 to 80 in half-hour steps', example: 8 }),
    startDate: CalendarDateSchema.meta({ description: 'First study day, YYYY-MM-DD', example: '2026-12-01' }),
    examDate: CalendarDateSchema.optional().meta({
      description:
        'Exam day, YYYY-MM-DD, at least 2 days after startDate; the day before it is kept free for rest, so study ends two days before',
    }),
    targetHours: z
      .number()
      .min(0.5)
      .max(MAX_TARGET_HOURS)
      .multipleOf(0.5)
      .optional()
      .meta({ description: 'Total study hours wanted' }),
    experienceYears: z.number().min(0).max(60).optional().meta({ description: 'Years of relevant experience' }),
    proficiency: ProficiencySchema.optional(),
    studyDays: z
      .array(WeekdaySchema)
      .min(1)
      .max(7)
      .optional()
      .meta({
        description: 'Weekdays to study on (default: every day); sessions land only on these days',
        example: ['mon', 'wed', 'sat'],
      }),
    sessionStart: z
      .string()
      .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, 24-hour clock')
      .optional()
      .meta({ description: 'Local time study sessions start, HH:MM (default 19:00)', example: '19:00' }),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, 'not an IANA time zone (such as Europe/Berlin)')
      .optional()
      .meta({
        description: 'IANA time zone of sessionStart; without it the calendar uses floating local times',
        example: 'Europe/Berlin',
      }),
    done: z
      .record(z.string().min(1).max(200), z.number().min(0).max(MAX_TARGET_HOURS).multipleOf(0.5))
      .optional()
      .meta({
        description:
          'Re-plan: hours already studied per domain name (from ticked sessions or entered by hand); needs replanFrom',
      }),
    replanFrom: CalendarDateSchema.optional().meta({
      description:
        'Re-plan: the day to plan the rest from (usually today); work before it that is not in `done` rolls forward',
    }),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.studyDays && new Set(request.studyDays).size !== request.studyDays.length) {
      ctx.addIssue({ code: 'custom', path: ['studyDays'], message: 'names a day twice' });
    }
    if (request.done !== undefined && request.replanFrom === undefined) {
      ctx.addIssue({ code: 'custom', path: ['replanFrom'], message: 'required with done (the day to re-plan from)' });
    }
    if (request.replanFrom !== undefined && isValidIsoDate(request.replanFrom) && isValidIsoDate(request.startDate)) {
      if (daysBetween(request.startDate, request.replanFrom) < 0) {
        ctx.addIssue({ code: 'custom', path: ['replanFrom'], message: 'must not be before startDate' });
      }
    }
    if (request.examDate === undefined) return;
    if (!isValidIsoDate(request.startDate) || !isValidIsoDate(request.examDate)) return;
    const days = daysBetween(request.startDate, request.examDate);
    if (days < 2) {
      // The plan keeps the day before the exam free for rest, so an exam the next day leaves no day to study.
      ctx.addIssue({
        code: 'custom',
        path: ['examDate'],
        message: 'must be at least 2 days after startDate (the day before the exam is kept free for rest)',
      });
    } else if (days > MAX_PLAN_WEEKS * 7) {
      ctx.addIssue({
        code: 'custom',
        path: ['examDate'],
        message: `must be at most ${MAX_PLAN_WEEKS} weeks after startDate`,
      });
    }
  });
export type PlanRequest = z.infer<typeof PlanRequestSchema>;

export const CitationSchema = z.object({
  /** Source id in the dataset. */
  source: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  /** The source's last-modified date, present only when it differs from `published` (core dates claims by it). */
  modified: z.string().optional(),
  /** Verbatim from the source. */
  quote: z.string(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const SessionKindSchema = z.enum(['learn', 'review', 'practice', 'buffer']);
export type SessionKind = z.infer<typeof SessionKindSchema>;

/**
 * A reference to one of `plan.citations` by its index (0-based). Sessions and domains cite by index: a plan
 * repeats the same few passages in every session of a domain, and writing each in full made citations two
 * thirds of the response.
 */
const CitationRefsSchema = z.array(z.number().int().nonnegative()).meta({
  description: 'Indexes (0-based) into plan.citations',
});

export const ObjectiveSchema = z.object({
  /** The exam guide's number for it ("1.1"), or null when the guide does not number it. */
  ref: z.string().nullable(),
  label: z.string(),
  citationRefs: CitationRefsSchema,
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const FocusSchema = z.object({
  /** What to study, in words; says so plainly when no source names anything for the domain. */
  text: z.string(),
  /** The exam guide's objectives (task statements) for the session's domain, in the guide's order. */
  objectives: z.array(ObjectiveSchema),
  /** The services, tools and topics the sources name (empty when none). */
  topics: z.array(z.string()),
  /** The passages behind `text` and `topics`, as indexes into `plan.citations`. */
  citationRefs: CitationRefsSchema,
});
export type Focus = z.infer<typeof FocusSchema>;

/** An objective as the planner prepares it: the citations themselves. */
export interface PreparedObjective {
  ref: string | null;
  label: string;
  citations: readonly Citation[];
}

/** A focus as the planner prepares it, per exam and domain, with the citations themselves (see createPlan). */
export interface PreparedFocus {
  text: string;
  objectives: readonly PreparedObjective[];
  topics: string[];
  citations: readonly Citation[];
}

export const SessionStatusSchema = z.enum(['planned', 'done', 'missed']);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const PlanSessionSchema = z.object({
  /**
   * Stable within the plan's identity: the session's kind, domain and where its work starts in that
   * domain's hours (half-hour units), so a re-plan keeps the ids of sessions it does not change.
   */
  id: z.string(),
  /** The study day, YYYY-MM-DD, and the local start time HH:MM (in the plan's timeZone). */
  date: IsoDateSchema,
  start: z.string(),
  /** 'planned'; in a re-plan, 'done' (counted in `done`) or 'missed' (before replanFrom, rolled forward, not counted). */
  status: SessionStatusSchema,
  /** Null for sessions that span domains: mixed review, practice exam, the light last week. */
  domain: z.string().nullable(),
  hours: z.number(),
  kind: SessionKindSchema,
  focus: FocusSchema,
});
export type PlanSession = z.infer<typeof PlanSessionSchema>;

export const PlanWeekSchema = z.object({
  /** From 0. */
  index: z.number().int().nonnegative(),
  /** First and last day of the week, inclusive. */
  start: IsoDateSchema,
  end: IsoDateSchema,
  hours: z.number(),
  sessions: z.array(PlanSessionSchema),
});
export type PlanWeek = z.infer<typeof PlanWeekSchema>;

export const PlanDomainSchema = z.object({
  name: z.string(),
  /** The reconciled weight; null when the sources give none (the plan then splits evenly). */
  weightPercent: z.number().nullable(),
  /** The weight as the guide gives it when only as a range [low, high] percent (hours then use its middle). */
  weightRange: z.tuple([z.number(), z.number()]).nullable(),
  /** Learn and review hours for this domain over the whole plan (done ones included). */
  hours: z.number(),
  /** Of `hours`, those already done (a re-plan's `done`); 0 otherwise. */
  doneHours: z.number(),
  proficiency: z.number().int().min(1).max(5).nullable(),
  /** The passages that name the domain and its weight, as indexes into `plan.citations`. */
  citationRefs: CitationRefsSchema,
});
export type PlanDomain = z.infer<typeof PlanDomainSchema>;

export const WarningCodeSchema = z.enum([
  'short_on_time',
  'experience_below_recommended',
  'weights_unknown',
  'domains_unknown',
  'sources_disagree',
  'exam_retiring',
  'weights_from_ranges',
  'exam_date_passed',
]);
export type WarningCode = z.infer<typeof WarningCodeSchema>;

export const PlanWarningSchema = z.object({
  code: WarningCodeSchema,
  message: z.string(),
  citations: z.array(CitationSchema),
});
export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export const PlanTargetSchema = z.object({
  hours: z.number(),
  /**
   * Where the total comes from: 'requested' (targetHours), 'exam_date' (the hours the weeks before the exam
   * hold), 'sources' (the preparation time sources state, `range` with citations) or 'assumption' (the
   * planner's default, not a sourced figure).
   */
  basis: z.enum(['requested', 'exam_date', 'sources', 'assumption']),
  /** The range sources state, in hours, when any do. */
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  citationRefs: CitationRefsSchema,
});
export type PlanTarget = z.infer<typeof PlanTargetSchema>;

/**
 * The plan's hours (planned or done, as `totalHours`) by kind of work; they add up to `totalHours`. `domains`:
 * learning and reviewing the exam's domains; `general`: study sessions of an exam whose domains no source
 * states; `mixedReview`: review across all domains in the final stretch; `practiceExam`: the timed practice
 * exam; `lightWeek`: the light last week before the exam.
 */
export const PlanHoursSplitSchema = z.object({
  domains: z.number(),
  general: z.number(),
  mixedReview: z.number(),
  practiceExam: z.number(),
  lightWeek: z.number(),
});
export type PlanHoursSplit = z.infer<typeof PlanHoursSplitSchema>;

export const PlanReplanSchema = z.object({
  /** The day the rest is planned from. */
  from: IsoDateSchema,
  doneHours: z.number(),
  /** Planned before `from`, not done: rolled forward into the weeks from `from` (or into unscheduledHours). */
  missedHours: z.number(),
  /** What no longer fits before the exam date (see the short_on_time warning). */
  unscheduledHours: z.number(),
  /** The same by domain (null: mixed review, practice exam, light week). */
  unscheduled: z.array(z.object({ domain: z.string().nullable(), hours: z.number() })),
});
export type PlanReplan = z.infer<typeof PlanReplanSchema>;

export const PlanSchema = z.object({
  /** The plan's identity: a hash of its inputs (exam, dates, hours, ratings, study days, time), not of `done`. */
  id: z.string(),
  /**
   * The request as its canonical query string: `GET /api/plans?<query>` gives this plan again and
   * `/api/plans/ics?<query>` is its calendar feed.
   */
  query: z.string(),
  exam: ExamIdSchema,
  examName: z.string(),
  startDate: IsoDateSchema,
  examDate: IsoDateSchema,
  /** True when the learner gave no exam date: the planner suggests this one. */
  examDateSuggested: z.boolean(),
  hoursPerWeek: z.number(),
  studyDays: z.array(WeekdaySchema),
  sessionStart: z.string(),
  timeZone: z.string().nullable(),
  /** Hours in sessions that are planned or done (missed ones excluded). */
  totalHours: z.number(),
  /** `totalHours` by kind of work (domains, mixed review, practice exam, light last week). */
  hoursSplit: PlanHoursSplitSchema,
  target: PlanTargetSchema,
  replan: PlanReplanSchema.nullable(),
  weeks: z.array(PlanWeekSchema),
  domains: z.array(PlanDomainSchema),
  warnings: z.array(PlanWarningSchema),
  /**
   * Every passage the plan relies on, once each: sessions' focus and domains refer to them by index
   * (`citationRefs`); warnings carry theirs in full (they are few) and they are in this list too.
   */
  citations: z.array(CitationSchema).meta({
    description:
      'Every passage the plan uses, once each. Sessions (focus.citationRefs) and domains (citationRefs) refer to them by 0-based index; warnings carry their citations in full, and those are listed here too.',
  }),
  /** What the planner assumed rather than took from a source (defaults, rules of thumb). */
  assumptions: z.array(z.string()),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanResponseSchema = z.object({ plan: PlanSchema });
export type PlanResponse = z.infer<typeof PlanResponseSchema>;

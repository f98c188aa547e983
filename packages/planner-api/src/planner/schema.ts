/**
 * The plan request and the plan, as zod schemas: the HTTP layer validates bodies and generates OpenAPI from
 * these, and `createPlan` validates with them too. No transforms, so the same schema describes the JSON.
 */
import { ExamIdSchema, IsoDateSchema } from '@certplan/core';
import { z } from 'zod';
import { daysBetween, isValidIsoDate } from './lib/dates.ts';

/** Two years: long enough for any certification, short enough that a plan stays a plan. */
export const MAX_PLAN_WEEKS = 104;
export const MAX_HOURS_PER_WEEK = 80;
export const MAX_TARGET_HOURS = MAX_HOURS_PER_WEEK * MAX_PLAN_WEEKS;

const CalendarDateSchema = IsoDateSchema.refine(isValidIsoDate, 'not a calendar date');

export const ProficiencySchema = z.record(z.string().min(1).max(200), z.number().int().min(1).max(5)).meta({
  description: 'Self-rated proficiency per domain name: 1 (new to it) .. 5 (expert). Weaker gets more hours.',
});

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
  })
  .strict()
  .superRefine((request, ctx) => {
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

export const FocusSchema = z.object({
  /** What to study, in words; says so plainly when no source names anything for the domain. */
  text: z.string(),
  /** The services, tools and topics the sources name (empty when none). */
  topics: z.array(z.string()),
  /** The passages behind `text` and `topics`, as indexes into `plan.citations`. */
  citationRefs: CitationRefsSchema,
});
export type Focus = z.infer<typeof FocusSchema>;

/** A focus as the planner prepares it, per exam and domain, with the citations themselves (see createPlan). */
export interface PreparedFocus {
  text: string;
  topics: string[];
  citations: readonly Citation[];
}

export const PlanSessionSchema = z.object({
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
  /** Learn and review hours for this domain over the whole plan. */
  hours: z.number(),
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
]);
export type WarningCode = z.infer<typeof WarningCodeSchema>;

export const PlanWarningSchema = z.object({
  code: WarningCodeSchema,
  message: z.string(),
  citations: z.array(CitationSchema),
});
export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export const PlanSchema = z.object({
  exam: ExamIdSchema,
  examName: z.string(),
  startDate: IsoDateSchema,
  examDate: IsoDateSchema,
  hoursPerWeek: z.number(),
  totalHours: z.number(),
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

/**
 * Request and response shapes of the HTTP API, as zod schemas: they validate requests, generate the OpenAPI
 * document and give the TypeScript types the web client imports (see index.ts). Data shapes come from
 * @certplan/core; this file only adds the views the API composes from them.
 */
import {
  type Attribute,
  attributeValueSchemas,
  type Claim,
  type ClaimAttribute,
  ClaimStatusSchema,
  type ClaimValue,
  ConflictSeveritySchema,
  claimAttributes,
  claimValueSchemas,
  ExamIdSchema,
  IsoDateSchema,
  RationaleEntrySchema,
  ReviewDecisionSchema,
  ReviewSchema,
} from '@certplan/core';
import { z } from '@hono/zod-openapi';
import { ClaimFreshnessSchema, ExamFreshnessSchema } from './freshnessSchemas.ts';
import { CitationSchema as PlannerCitationSchema } from './planner/index.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

/** The planner's citation `{source, title, url, published, quote}` plus where the quote sits. */
export const CitationSchema = z
  .object({
    ...PlannerCitationSchema.shape,
    factId: z.string(),
    /** 1-based line in the raw file. */
    line: z.number().int(),
    authority: z.string(),
  })
  .openapi('Citation');

/**
 * Core's value schema of each claim attribute, named in the OpenAPI document (`FeeValue`, `DomainsValue`, …) so
 * every claim, side, suggestion and fact shows the real shape of its value.
 */
const valueSchemaOf = Object.fromEntries(
  claimAttributes.map((attribute) => [
    attribute,
    // Rebuilt from core's shape by this package's `z`, which carries `.openapi()`; the fields are core's own.
    z
      .object(claimValueSchemas[attribute].shape)
      .openapi(`${attribute.charAt(0).toUpperCase()}${attribute.slice(1)}Value`),
  ]),
) as unknown as typeof claimValueSchemas;
const valueRefs = (attributes: readonly ClaimAttribute[]) =>
  attributes.map((attribute) => ({
    $ref: `#/components/schemas/${attribute.charAt(0).toUpperCase()}${attribute.slice(1)}Value`,
  }));
const factAttributes = Object.keys(attributeValueSchemas) as Attribute[];

/** One object schema per claim attribute, joined into a union discriminated by `attribute` (as core's are). */
function byAttribute<T>(variant: (attribute: ClaimAttribute) => z.ZodObject): z.ZodType<T> {
  return z.discriminatedUnion(
    'attribute',
    claimAttributes.map(variant) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ) as unknown as z.ZodType<T>;
}

type Citation = z.infer<typeof CitationSchema>;
/** A claim as the API shows it: core's claim (same value type per attribute) with its facts as citations. */
export type ClaimView<A extends ClaimAttribute = ClaimAttribute> = {
  [K in A]: Pick<Claim<K>, 'id' | 'exam' | 'attribute' | 'key' | 'value' | 'status' | 'rationale'> & {
    conflictId: string | null;
    citations: Citation[];
    /** How many facts support the value in all (`citations` shows at most MAX_QUOTES_PER_LIST of them). */
    citationCount: number;
    dissent: Citation[];
    dissentCount: number;
    /** Facts of a superseded guide version, kept as history (never weighed); bounded as `citations` are. */
    history: Citation[];
    historyCount: number;
    /** How current the value is, as of the server's date (GET /api/exams and /api/exams/{id}). */
    freshness?: z.infer<typeof ClaimFreshnessSchema>;
  };
}[A];

export const ClaimViewSchema = byAttribute<ClaimView>((attribute) =>
  z.object({
    id: z.string(),
    exam: z.string(),
    attribute: z.literal(attribute),
    key: z.string().nullable(),
    value: valueSchemaOf[attribute],
    status: ClaimStatusSchema,
    rationale: z.array(RationaleEntrySchema),
    conflictId: z.string().nullable(),
    /** The facts that support the value: each source's first quote, then others, at most MAX_QUOTES_PER_LIST. */
    citations: z.array(CitationSchema),
    /** How many facts support the value in all. */
    citationCount: z.number().int().nonnegative(),
    /** Facts that said something else: kept visible, never deleted (bounded as `citations` are). */
    dissent: z.array(CitationSchema),
    /** How many facts said something else in all. */
    dissentCount: z.number().int().nonnegative(),
    /**
     * Facts of a superseded exam-guide version that the current value replaced: shown as history, never weighed
     * and never a conflict (the rationale names the version and since when). Bounded as `citations` are.
     */
    history: z.array(CitationSchema),
    /** How many history facts in all; 0 where no older guide version said otherwise. */
    historyCount: z.number().int().nonnegative(),
    /** How current the value is, as of the server's date (GET /api/exams and /api/exams/{id}). */
    freshness: ClaimFreshnessSchema.optional(),
  }),
).openapi('Claim');

export const RetiredSchema = z
  .object({
    date: z.string(),
    /** The successor exam where the sources name one. */
    successor: z.object({ id: z.string(), name: z.string() }).nullable(),
    citations: z.array(PlannerCitationSchema),
  })
  .openapi('Retired');

export const KEY_FACTS = ['fee', 'duration', 'questions', 'experience', 'validity', 'weights'] as const;

export const KeyFactsSchema = z
  .object({
    fee: z.array(ClaimViewSchema),
    duration: z.array(ClaimViewSchema),
    questions: z.array(ClaimViewSchema),
    experience: z.array(ClaimViewSchema),
    validity: z.array(ClaimViewSchema),
    /** The exam's domain list with weights (the `domains` claim), else the per-domain `domain` claims. */
    weights: z.array(ClaimViewSchema),
    /**
     * Figures the vendor does not publish, each a `notPublished` claim whose value names the attribute
     * (`{attribute: 'fee'}`) with the citation that says so: shown as "not published" where the figure would be.
     */
    notPublished: z.array(ClaimViewSchema),
  })
  .openapi('KeyFacts');

export const ExamSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    vendor: z.string(),
    code: z.string().nullable(),
    retired: RetiredSchema.nullable(),
    facts: KeyFactsSchema,
    /** The newest source behind any of the exam's claims and how many are stale, as of the server's date. */
    freshness: ExamFreshnessSchema.optional(),
  })
  .openapi('ExamSummary');

export const ExamListSchema = z.object({ exams: z.array(ExamSummarySchema) }).openapi('ExamList');

/** Any claim's value, in its attribute's shape (where the attribute sits beside it, as in a comparison cell). */
export const AnyClaimValueSchema = z.union(claimAttributes.map((attribute) => valueSchemaOf[attribute]));

export const ConflictFactSchema = z
  .object({
    id: z.string(),
    /** The fact's value, in its attribute's shape (a `domains` conflict's facts are `domain` facts). */
    value: z.union(factAttributes.map((attribute) => valueSchemaOf[attribute])),
    quote: z.string(),
    section: z.array(z.string()),
    line: z.number().int(),
    source: z.object({
      id: z.string(),
      title: z.string().nullable(),
      url: z.string().nullable(),
      published: z.string().nullable(),
      /** Present only when the source was modified after `published`. */
      modified: z.string().optional(),
      authority: z.string(),
    }),
  })
  .openapi('ConflictFact');

/** A reviewer's decision; `value` (an accepted or custom value) is in the conflict attribute's shape. */
const ReviewViewSchema = ReviewSchema.extend({
  value: z
    .unknown()
    .optional()
    .openapi({ anyOf: valueRefs(claimAttributes) }),
});

export type ConflictView<A extends ClaimAttribute = ClaimAttribute> = {
  [K in A]: {
    id: string;
    exam: string;
    attribute: K;
    key: string | null;
    severity: z.infer<typeof ConflictSeveritySchema>;
    status: 'open' | 'reviewed';
    facts: z.infer<typeof ConflictFactSchema>[];
    factCount: number;
    suggestion: { value: ClaimValue<K>; rationale: z.infer<typeof RationaleEntrySchema>[] };
    review: z.infer<typeof ReviewSchema> | null;
    factsDigest: string;
    sides: { value: ClaimValue<K>; factIds: string[]; factCount: number }[];
    notPublished?: { factIds: string[]; factCount: number; suggested: boolean };
    etag: string;
  };
}[A];

export const ConflictViewSchema = byAttribute<ConflictView>((attribute) =>
  z.object({
    id: z.string(),
    exam: z.string(),
    attribute: z.literal(attribute),
    key: z.string().nullable(),
    severity: ConflictSeveritySchema,
    status: z.enum(['open', 'reviewed']),
    /** The facts shown for each side (each source's first, at most MAX_QUOTES_PER_LIST per side). */
    facts: z.array(ConflictFactSchema),
    /** How many facts the conflict holds in all. */
    factCount: z.number().int().nonnegative(),
    suggestion: z.object({ value: valueSchemaOf[attribute], rationale: z.array(RationaleEntrySchema) }),
    review: ReviewViewSchema.nullable(),
    factsDigest: z.string(),
    /** The positions in the disagreement, best-ranked first: each distinct value with the facts stating it. */
    sides: z.array(
      z.object({
        value: valueSchemaOf[attribute],
        /** The ids of the facts shown for this side (bounded); `factCount` is how many state it in all. */
        factIds: z.array(z.string()),
        factCount: z.number().int().nonnegative(),
      }),
    ),
    /**
     * Where sources say the vendor does not publish this figure while others state one: that position, its facts
     * (bounded as a side's), and whether it is the suggestion (then the suggestion is "not published" and
     * `suggestion.value` is the best stated figure). Absent on other conflicts.
     */
    notPublished: z
      .object({
        factIds: z.array(z.string()),
        factCount: z.number().int().nonnegative(),
        suggested: z.boolean(),
      })
      .optional(),
    /** The same value as the ETag header; send it back in If-Match to review. */
    etag: z.string(),
  }),
).openapi('Conflict');

export const ExamDetailSchema = z
  .object({
    exam: ExamSummarySchema.extend({ aliases: z.array(z.string()) }),
    claims: z.array(ClaimViewSchema),
    conflicts: z.array(ConflictViewSchema),
  })
  .openapi('ExamDetail');

/**
 * A decision in reviews.yaml that no longer applies (core's staleReviews): the quotes it was about changed, so
 * the conflict it decided is gone or different. Shown so a reviewer sees it without running `pnpm ingest`.
 */
export const StaleReviewViewSchema = z
  .object({
    review: ReviewViewSchema,
    /** Why it no longer applies, in core's words (what changed and what to do). */
    reason: z.string(),
    /** The claim the decision was about (`exam.attribute[.key]`, its conflict id without the digest). */
    claimId: z.string(),
    exam: z.string().nullable(),
    attribute: z.string().nullable(),
    /** The conflict about the same claim now (review it again), or null when the sources now agree or are gone. */
    successorConflictId: z.string().nullable(),
    /**
     * With a `choose` decision: the quote it chose, if a source still says it word for word; `choseFactGone` is
     * true when no source does any more (the cited sentence changed or its article was removed).
     */
    chosenFact: ConflictFactSchema.nullable(),
    chosenFactGone: z.boolean(),
  })
  .openapi('StaleReview');

export const ConflictListSchema = z
  .object({
    conflicts: z.array(ConflictViewSchema),
    /** Decisions that stopped applying (sorted by conflict id); empty when every decision applies. */
    staleReviews: z.array(StaleReviewViewSchema),
  })
  .openapi('ConflictList');
export const ConflictResponseSchema = z.object({ conflict: ConflictViewSchema }).openapi('ConflictResponse');

/**
 * Conflict ids are `exam.attribute[.key].digest` (core's conflictIdOf): letters, digits, `.`, `-`, `_`, `:`,
 * bounded length, and never an empty or dot-dot segment, so an id can never name a path.
 */
export const ConflictIdSchema = z
  .string()
  .max(300)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'expected a conflict id (letters, digits, ., -, _, :)')
  .refine((id) => !id.includes('..'), 'a conflict id has no ".." in it');

// Path and query parameter names come from the object keys; core's schemas carry no OpenAPI metadata.
export const ExamIdParamSchema = z.object({ id: ExamIdSchema });
export const ConflictIdParamSchema = z.object({ id: ConflictIdSchema });

export const ConflictQuerySchema = z.object({
  exam: ExamIdSchema.optional(),
  status: z.enum(['open', 'reviewed']).optional(),
  severity: z.enum(['high', 'low']).optional(),
});

export const ReviewRequestSchema = z
  .strictObject({
    decision: ReviewDecisionSchema,
    /** With `choose`: the fact whose value wins (one of the conflict's facts). */
    factId: z.string().min(1).max(200).optional(),
    /**
     * With `custom`: the value, in the conflict attribute's value shape (checked against it once the conflict
     * is known; the document lists every shape).
     */
    value: z
      .unknown()
      .optional()
      .openapi({ anyOf: valueRefs(claimAttributes) }),
    note: z.string().trim().min(1, 'a note saying why is required').max(2000),
    // No `by`: who decided comes from the bearer token (content/reviewers.yaml), never from the body.
  })
  .openapi('ReviewRequest');

export const ReviewResponseSchema = z
  .object({ claim: ClaimViewSchema.nullable(), conflict: ConflictViewSchema })
  .openapi('ReviewResponse');

export const HealthSchema = z.object({ ok: z.literal(true) }).openapi('Health');

export { IsoDateSchema };

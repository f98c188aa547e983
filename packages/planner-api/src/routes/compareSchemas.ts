/**
 * Shapes of `GET /api/compare` (and the freshness the exam answers carry), as zod schemas: request validation,
 * the OpenAPI document and the web client's types come from here. Freshness shapes are in freshnessSchemas.ts.
 */
import { ClaimAttributeSchema, ExamIdSchema, IsoDateSchema } from '@certplan/core';
import { z } from '@hono/zod-openapi';
import { ClaimFreshnessSchema, ExamFreshnessSchema } from '../freshnessSchemas.ts';
import { AnyClaimValueSchema, CitationSchema, RetiredSchema } from '../schemas.ts';

/** At most this many exams side by side: four columns fit a desktop screen, a phone stacks them. */
export const MAX_COMPARED_EXAMS = 4;

export const CompareRowIdSchema = z.enum([
  'status',
  'fee',
  'duration',
  'questions',
  'passingScore',
  'experience',
  'validity',
  'delivery',
  'languages',
  'domains',
  'studyTime',
  'salary',
]);
export type CompareRowId = z.infer<typeof CompareRowIdSchema>;

export const CompareClaimSchema = z
  .object({
    id: z.string(),
    attribute: ClaimAttributeSchema,
    /** A domain's name, a salary's role, an experience kind; null where the attribute has none. */
    key: z.string().nullable(),
    /** The claim's value, in its attribute's shape. */
    value: AnyClaimValueSchema,
    /** The value in words ("USD 150", "130 minutes"). */
    text: z.string(),
    status: z.enum(['agreed', 'policy', 'reviewed', 'contested']),
    /** The conflict between sources about it, open or reviewed (GET /api/conflicts/{id}). */
    conflictId: z.string().nullable(),
    /** The quotes that back the value, with their sources and dates. */
    citations: z.array(CitationSchema),
    freshness: ClaimFreshnessSchema,
  })
  .openapi('CompareClaim');

export const CompareCellSchema = z
  .object({
    exam: ExamIdSchema,
    /** Empty when no source states it for this exam. */
    claims: z.array(CompareClaimSchema),
  })
  .openapi('CompareCell');

export const CompareRowSchema = z
  .object({
    id: CompareRowIdSchema,
    label: z.string(),
    /** One cell per compared exam, in the order of `exams`. */
    cells: z.array(CompareCellSchema),
  })
  .openapi('CompareRow');

export const CompareExamSchema = z
  .object({
    id: ExamIdSchema,
    name: z.string(),
    vendor: z.string(),
    code: z.string().nullable(),
    /** `retired`: the retirement date has passed; `retiring`: a date is announced; `current`: none in the sources. */
    status: z.enum(['current', 'retiring', 'retired']),
    retired: RetiredSchema.nullable(),
    freshness: ExamFreshnessSchema,
  })
  .openapi('CompareExam');

export const CompareResponseSchema = z
  .object({
    asOf: IsoDateSchema,
    thresholdMonths: z.number().int(),
    /** The columns, in the order asked for. */
    exams: z.array(CompareExamSchema),
    /** The rows; study time and salary only when a source gives them for one of the exams. */
    rows: z.array(CompareRowSchema),
  })
  .openapi('CompareResponse');

const EXAM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const CompareQuerySchema = z.object({
  exams: z
    .string()
    .max(MAX_COMPARED_EXAMS * 65 + 10)
    .superRefine((text, ctx) => {
      const ids = text.split(',').map((id) => id.trim());
      if (ids.length > MAX_COMPARED_EXAMS) {
        ctx.addIssue({ code: 'custom', message: `compare at most ${MAX_COMPARED_EXAMS} exams, got ${ids.length}` });
        return;
      }
      const bad = ids.find((id) => !EXAM_ID.test(id));
      if (bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: bad === '' ? 'an empty exam id (two commas, or one at an end)' : `"${bad}" is not an exam id`,
        });
        return;
      }
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `${twice} is listed twice` });
    })
    .openapi({
      param: { name: 'exams', in: 'query' },
      description: `Exam ids separated by commas, 1 to ${MAX_COMPARED_EXAMS} (GET /api/exams lists them)`,
      example: 'aws-mla-c01,gcp-pmle',
    }),
});

export type CompareResponse = z.infer<typeof CompareResponseSchema>;
export type CompareExam = z.infer<typeof CompareExamSchema>;
export type CompareRow = z.infer<typeof CompareRowSchema>;
export type CompareCell = z.infer<typeof CompareCellSchema>;
export type CompareClaim = z.infer<typeof CompareClaimSchema>;

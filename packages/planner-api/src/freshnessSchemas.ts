/**
 * Freshness as the API answers it (exam list, exam page, comparison): core's FreshnessSchema per claim, and an
 * exam's summary over its claims. Apart from schemas.ts so that file and compareSchemas.ts can both use them.
 */
import { FreshnessSchema, IsoDateSchema } from '@certplan/core';
import { z } from '@hono/zod-openapi';

export const ClaimFreshnessSchema = z.object(FreshnessSchema.shape).openapi('Freshness', {
  description:
    'How current a claim is: the newest published/modified date among the sources backing it, and whether it is stale (older than the threshold in content/freshness.yaml, or than a newer exam guide or the exam’s retirement).',
});

/** An exam's freshness at a glance: the newest source behind any of its claims, and how many are stale. */
export const ExamFreshnessSchema = z
  .object({
    /** The day it was judged from (the server's date). */
    asOf: IsoDateSchema,
    thresholdMonths: z.number().int(),
    /** The newest date among the sources of all the exam's claims; null when none is dated. */
    newest: IsoDateSchema.nullable(),
    /** True when any of the exam's claims is stale. */
    stale: z.boolean(),
    staleClaims: z.number().int().nonnegative(),
    claims: z.number().int().nonnegative(),
  })
  .openapi('ExamFreshness');

export type ExamFreshness = z.infer<typeof ExamFreshnessSchema>;

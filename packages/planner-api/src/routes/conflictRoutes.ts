/**
 * `/api/conflicts…`: conflicts between sources with their quotes and suggestion, and a reviewer's decision on
 * one (PUT records it in content/reviews.yaml, DELETE undoes it). Writes need a bearer token (route
 * middleware, so the reviewer's name is typed in the handler) and the conflict's ETag in If-Match, so a
 * decision on a conflict that changed since the reviewer read it is refused. Mounted by createApp at `/api`.
 */
import type { WriteFile } from '@certplan/atomic-write';
import { CertplanError, type Conflict } from '@certplan/core';
import { createRoute, z } from '@hono/zod-openapi';
import { createRouteGroup } from '../lib/createRouteGroup.ts';
import type { DatasetStore } from '../lib/DatasetStore.ts';
import { errorResponses, unknownExamResponse } from '../lib/errorResponses.ts';
import type { ReviewerRegistry } from '../lib/ReviewerRegistry.ts';
import { recordReview, undoReview } from '../lib/recordReview.ts';
import { staleReviewViews } from '../lib/staleReviewViews.ts';
import { unknownExamError } from '../lib/unknownExamError.ts';
import { claimForConflict, claimView, conflictEtag, conflictView } from '../lib/views.ts';
import { bearerAuth } from '../middleware/bearer-auth/index.ts';
import {
  ConflictIdParamSchema,
  ConflictListSchema,
  ConflictQuerySchema,
  ConflictResponseSchema,
  ReviewRequestSchema,
  ReviewResponseSchema,
} from '../schemas.ts';

export interface ConflictRoutesDeps {
  dataset: DatasetStore;
  /** Where reviews.yaml lives (content/). */
  contentDir: string;
  /** Atomic writer (tmp, fsync, rename). */
  writeFile: WriteFile;
  clock: () => Date;
  /** Who a bearer token belongs to. */
  reviewers: ReviewerRegistry;
}

/**
 * The If-Match header of a review write: the conflict's ETag. Optional in the schema: recordReview names a
 * missing one itself.
 */
const ifMatchHeader = (description: string) =>
  z.object({ 'if-match': z.string().max(200).optional().openapi({ description }) });

export function conflictRoutes(deps: ConflictRoutesDeps) {
  const store = deps.dataset;
  /** What recording and undoing a decision both write through. */
  const reviewFiles = { store, contentDir: deps.contentDir, writeFile: deps.writeFile, clock: deps.clock };
  /** After a decision or its undo: the claim as it now stands and the conflict (its ETag goes in a header). */
  const reviewAnswer = (updated: Conflict) => {
    const { index } = store;
    const claim = claimForConflict(index, updated);
    return { claim: claim ? claimView(index, claim) : null, conflict: conflictView(index, updated) };
  };
  /** Both review writes need a bearer token: route middleware, so the handler reads the reviewer's name. */
  const reviewAuth = bearerAuth({ realm: 'certplan reviews', verify: (token) => deps.reviewers.identify(token) });
  /** Both answer the claim as it now stands and the conflict, with its new ETag in a header. */
  const reviewAnswered = (description: string) => ({
    description,
    headers: { ETag: { schema: { type: 'string' as const } } },
    content: { 'application/json': { schema: ReviewResponseSchema } },
  });

  return createRouteGroup({ examFields: { fields: { exam: 'id' }, exams: () => store.dataset.exams } })
    .openapi(
      createRoute({
        method: 'get',
        path: '/conflicts',
        summary: 'Conflicts between sources, with quotes, the suggestion and the review',
        request: { query: ConflictQuerySchema },
        responses: {
          200: { description: 'Conflicts', content: { 'application/json': { schema: ConflictListSchema } } },
          ...errorResponses(400),
          404: unknownExamResponse,
        },
      }),
      (c) => {
        const query = c.req.valid('query');
        const { index } = store;
        // An exam filter the catalog does not know would list nothing, silently: say so instead.
        if (query.exam !== undefined && !index.examsById.has(query.exam)) {
          throw unknownExamError([query.exam], store.dataset.exams);
        }
        const conflicts = store.dataset.conflicts
          .filter((conflict) => query.exam === undefined || conflict.exam === query.exam)
          .filter((conflict) => query.severity === undefined || conflict.severity === query.severity)
          .filter((conflict) => query.status === undefined || (conflict.review ? 'reviewed' : 'open') === query.status)
          .map((conflict) => conflictView(index, conflict));
        // Decisions that stopped applying are listed whatever the severity/status filter: they belong to no conflict.
        const staleReviews = staleReviewViews(
          index,
          store.dataset,
          query.exam === undefined ? {} : { exam: query.exam },
        );
        return c.json({ conflicts, staleReviews }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/conflicts/{id}',
        summary: 'One conflict, with its ETag for a review',
        request: { params: ConflictIdParamSchema },
        responses: {
          200: {
            description: 'The conflict',
            headers: { ETag: { schema: { type: 'string' }, description: 'Send back in If-Match to review' } },
            content: { 'application/json': { schema: ConflictResponseSchema } },
          },
          ...errorResponses(400, 404),
        },
      }),
      (c) => {
        const { id } = c.req.valid('param');
        const conflict = store.index.conflictsById.get(id);
        if (!conflict) throw new CertplanError('not_found', `no conflict with id "${id}"`);
        c.header('ETag', conflictEtag(conflict));
        c.header('Cache-Control', 'no-cache');
        return c.json({ conflict: conflictView(store.index, conflict) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/conflicts/{id}/review',
        summary: "Record a reviewer's decision (writes content/reviews.yaml)",
        security: [{ bearer: [] }],
        middleware: [reviewAuth] as const,
        request: {
          params: ConflictIdParamSchema,
          headers: ifMatchHeader("The conflict's ETag from GET /api/conflicts/{id}"),
          body: { required: true, content: { 'application/json': { schema: ReviewRequestSchema } } },
        },
        responses: {
          200: reviewAnswered('Recorded; the claim as it now stands and the conflict with its new ETag'),
          ...errorResponses(400, 401, 404, 409, 413, 415, 503),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const updated = await recordReview({
          ...reviewFiles,
          conflictId: id,
          ifMatch: c.req.valid('header')['if-match'],
          request: c.req.valid('json'),
          // Set by bearerAuth: the name the token belongs to, never what the client claims.
          reviewer: c.get('reviewer'),
        });
        c.header('ETag', conflictEtag(updated));
        return c.json(reviewAnswer(updated), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/conflicts/{id}/review',
        summary: "Undo a reviewer's decision (removes it from content/reviews.yaml); the conflict is open again",
        security: [{ bearer: [] }],
        middleware: [reviewAuth] as const,
        request: {
          params: ConflictIdParamSchema,
          headers: ifMatchHeader("The conflict's current ETag (it changes with every decision)"),
        },
        responses: {
          200: reviewAnswered('Removed; the claim as it now stands and the open conflict with its new ETag'),
          ...errorResponses(400, 401, 404, 409, 503),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const updated = await undoReview({
          ...reviewFiles,
          conflictId: id,
          ifMatch: c.req.valid('header')['if-match'],
        });
        c.header('ETag', conflictEtag(updated));
        return c.json(reviewAnswer(updated), 200);
      },
    );
}

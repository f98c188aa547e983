/**
 * `GET /api/exams` and `GET /api/exams/{id}`: the exams with their key facts, and one exam's every claim and
 * conflict, each with citations and freshness as of the request's day. Mounted by createApp at `/api`.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouteGroup } from '../lib/createRouteGroup.ts';
import type { DatasetStore } from '../lib/DatasetStore.ts';
import { errorResponses, unknownExamResponse } from '../lib/errorResponses.ts';
import { freshnessOf } from '../lib/freshnessViews.ts';
import { isoDay } from '../lib/isoDay.ts';
import { unknownExamError } from '../lib/unknownExamError.ts';
import { claimView, conflictView, examSummary } from '../lib/views.ts';
import { retirementOf } from '../planner/index.ts';
import { ExamDetailSchema, ExamIdParamSchema, ExamListSchema } from '../schemas.ts';

export interface ExamRoutesDeps {
  dataset: DatasetStore;
  clock: () => Date;
  /** Months a claim's newest source may be old before it is stale (content/freshness.yaml). */
  thresholdMonths: number;
}

export function examRoutes(deps: ExamRoutesDeps) {
  const store = deps.dataset;
  /** Claims dated as of the request's day (core's claimFreshness; never stored). */
  const freshnessToday = (claims: Parameters<typeof freshnessOf>[1]) =>
    freshnessOf(store.index, claims, { asOf: isoDay(deps.clock), thresholdMonths: deps.thresholdMonths });

  return createRouteGroup({ examFields: { fields: { id: 'id' }, exams: () => store.dataset.exams } })
    .openapi(
      createRoute({
        method: 'get',
        path: '/exams',
        summary: 'Exams with their key facts, each with citations',
        responses: {
          200: { description: 'All exams', content: { 'application/json': { schema: ExamListSchema } } },
        },
      }),
      (c) => {
        const { index } = store;
        const freshness = freshnessToday(store.dataset.claims);
        const exams = store.dataset.exams.map((exam) =>
          examSummary(index, exam, retirementOf(store.plannerIndex, exam.id), freshness),
        );
        return c.json({ exams }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/exams/{id}',
        summary: 'One exam: every claim with citations, and the conflicts that touch it',
        request: { params: ExamIdParamSchema },
        responses: {
          200: { description: 'The exam', content: { 'application/json': { schema: ExamDetailSchema } } },
          ...errorResponses(400, 404),
          404: unknownExamResponse,
        },
      }),
      (c) => {
        const { id } = c.req.valid('param');
        const { index } = store;
        const exam = index.examsById.get(id);
        if (!exam) throw unknownExamError([id], store.dataset.exams);
        const claims = index.claimsByExam.get(id) ?? [];
        const freshness = freshnessToday(claims);
        const summary = examSummary(index, exam, retirementOf(store.plannerIndex, exam.id), freshness);
        return c.json(
          {
            exam: { ...summary, aliases: exam.aliases },
            claims: claims.map((claim) => claimView(index, claim, freshness)),
            conflicts: (index.conflictsByExam.get(id) ?? []).map((conflict) => conflictView(index, conflict)),
          },
          200,
        );
      },
    );
}

/**
 * `GET /api/compare?exams=a,b,c`: exams side by side (see lib/compareExams.ts). A route group of its own,
 * mounted by createApp with `app.route('/api', …)`; errors go through the app's one error handler.
 */
import { createRoute } from '@hono/zod-openapi';
import { compareExams } from '../lib/compareExams.ts';
import { createRouteGroup } from '../lib/createRouteGroup.ts';
import type { DatasetStore } from '../lib/DatasetStore.ts';
import { isoDay } from '../lib/isoDay.ts';
import { unknownExamError } from '../lib/unknownExamError.ts';
import { retirementOf } from '../planner/index.ts';
import { ErrorSchema } from '../schemas.ts';
import { CompareQuerySchema, CompareResponseSchema } from './compareSchemas.ts';

export interface CompareRouteDeps {
  dataset: DatasetStore;
  clock: () => Date;
  /** Months a claim's newest source may be old before it is stale (content/freshness.yaml). */
  thresholdMonths: number;
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

export function compareRoute(deps: CompareRouteDeps) {
  return createRouteGroup({
    examFields: { fields: { exams: 'list' }, exams: () => deps.dataset.index.examsById.values() },
  }).openapi(
    createRoute({
      method: 'get',
      path: '/compare',
      summary: 'Exams side by side: one row per attribute, each value cited, dated and marked where sources disagree',
      request: { query: CompareQuerySchema },
      responses: {
        200: { description: 'The comparison', content: { 'application/json': { schema: CompareResponseSchema } } },
        400: error('Bad request: no exams, more than four, a malformed or repeated id (see error.issues)'),
        404: error(
          'An unknown exam id: error.details.unknown lists them, error.details.known the known ids, error.details.suggestions the id meant by an exam code or alias',
        ),
      },
    }),
    (c) => {
      const ids = c.req
        .valid('query')
        .exams.split(',')
        .map((id) => id.trim());
      const { index } = deps.dataset;
      const unknown = ids.filter((id) => !index.examsById.has(id));
      if (unknown.length > 0) throw unknownExamError(unknown, index.examsById.values());
      const asOf = isoDay(deps.clock);
      const plannerIndex = deps.dataset.plannerIndex;
      return c.json(
        compareExams(index, ids, {
          asOf,
          thresholdMonths: deps.thresholdMonths,
          retirementOf: (id) => retirementOf(plannerIndex, id),
        }),
        200,
      );
    },
  );
}

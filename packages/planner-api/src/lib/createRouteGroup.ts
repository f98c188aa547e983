/**
 * A route group: an OpenAPIHono whose failed request validations (body, query, path, headers) throw the API's
 * one `bad_request` error, so every group answers a bad request alike and its errors reach the app's one
 * `onError`. Each group under `src/routes/` starts from this and chains its `.openapi(…)` calls, so the
 * group's type carries its routes (and `createApp`'s carries them all, for `hc<AppType>`).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from './errors.ts';
import { type CatalogExam, examHintFor } from './unknownExamError.ts';

export interface RouteGroupOptions {
  /**
   * Fields (body, query or path) that take an exam id, `'list'` for comma-separated ids, and the catalog: an
   * exam code or alias sent there is answered with the id to use (unknownExamError.ts), not a pattern message.
   */
  examFields?: { fields: Readonly<Record<string, 'id' | 'list'>>; exams: () => Iterable<CatalogExam> };
}

export function createRouteGroup(options: Readonly<RouteGroupOptions> | null | undefined = undefined) {
  const examFields = options?.examFields;
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (result.success) return;
      // @hono/zod-validator passes the input as sent in `data` (its Hook type has it; zod-openapi's omits it).
      const sent = (result as { data?: unknown }).data;
      const target = result.target === 'json' ? 'body' : result.target;
      const hint = examFields && examHintFor(result.error, sent, examFields.fields, examFields.exams(), target);
      if (hint) throw hint;
      throw validationError(target, result.error);
    },
  });
}

/**
 * A route group: an OpenAPIHono whose failed request validations (body, query, path, headers) throw the API's
 * one `bad_request` error, so every group answers a bad request alike and its errors reach the app's one
 * `onError`. Each group under `src/routes/` starts from this and chains its `.openapi(…)` calls, so the
 * group's type carries its routes (and `createApp`'s carries them all, for `hc<AppType>`).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from './errors.ts';

export function createRouteGroup() {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target === 'json' ? 'body' : result.target, result.error);
    },
  });
}

/**
 * The OpenAPI `responses` entries of the error statuses a route can answer, each with the one error body
 * (`ErrorSchema`) and what the status means in this API.
 */
import { ErrorSchema } from '../schemas.ts';

const DESCRIPTIONS = {
  400: 'Bad request: invalid body, query, path or header (see error.issues)',
  401: 'Missing or wrong bearer token',
  404: 'Unknown id',
  409: "If-Match does not match the conflict's current ETag (error.details.etag holds the current one)",
  413: 'Request body too large',
  415: 'Content-Type is not application/json',
  422: 'The exam is retired by the exam date (error.details names the date, successor and sources)',
  503: "The server's content (reviews.yaml) cannot be read; nothing was written",
} as const;

type ErrorStatus = keyof typeof DESCRIPTIONS;

export type ErrorResponses<S extends ErrorStatus> = {
  [K in S]: { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } };
};

/** `errorResponses(400, 404)`: typed per status, so a client sees each error answer's body. */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]): ErrorResponses<S> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status], content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as unknown as ErrorResponses<S>;
}

/**
 * 404 on a route that takes an exam id: the id is not in the catalog. An exam code or alias (`MLA-C01`) is
 * answered with the id to use (error.details.suggestions), anything else with the known ids (error.details.known).
 */
export const unknownExamResponse = {
  description:
    'Unknown exam id. For an exam code or alias the catalog knows (any case), the message names the id to use ("did you mean …?", error.details.suggestions); otherwise it lists the known ids (error.details.known)',
  content: { 'application/json': { schema: ErrorSchema } },
};

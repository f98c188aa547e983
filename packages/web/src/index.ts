/**
 * @certplan/web: the Solid app. The package's real output is the built site (dist/); this entry exposes the
 * app and its typed API client for tests and for embedding.
 */

export { App } from './App.tsx';
export { ApiProvider } from './api/ApiContext.tsx';
export type { FieldIssue } from './api/ApiError.ts';
export { ApiError } from './api/ApiError.ts';
export type { ApiClient, ApiClientOptions, Tagged } from './api/createApiClient.ts';
export { createApiClient } from './api/createApiClient.ts';

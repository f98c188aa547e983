import { expect, it } from 'vitest';

it('exposes the app, its provider and the typed API client, nothing else', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual(['ApiError', 'ApiProvider', 'App', 'createApiClient']);
});

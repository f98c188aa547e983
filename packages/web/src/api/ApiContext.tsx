/** Hands the API client to every page; tests provide a fake one. */
import { createContext, type JSX, useContext } from 'solid-js';
import { type ApiClient, createApiClient } from './createApiClient.ts';

const ApiContext = createContext<ApiClient>();

export function ApiProvider(props: { client: ApiClient; children: JSX.Element }): JSX.Element {
  return <ApiContext.Provider value={props.client}>{props.children}</ApiContext.Provider>;
}

let defaultClient: ApiClient | undefined;

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client) return client;
  defaultClient ??= createApiClient();
  return defaultClient;
}

/** Mounts the whole app on a memory history with a fake API and a pinned date, for page-level tests. */
import { createMemoryHistory, MemoryRouter } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import { AppRoutes, Layout } from '../App.tsx';
import { ApiProvider } from '../api/ApiContext.tsx';
import type { ApiClient } from '../api/createApiClient.ts';
import { TodayProvider } from '../lib/TodayContext.tsx';

export function renderApp(api: ApiClient, url: string, today = '2026-11-22') {
  const history = createMemoryHistory();
  history.set({ value: url, replace: true, scroll: false });
  const result = render(() => (
    <TodayProvider today={today}>
      <ApiProvider client={api}>
        <MemoryRouter history={history} root={Layout}>
          <AppRoutes />
        </MemoryRouter>
      </ApiProvider>
    </TodayProvider>
  ));
  return { ...result, location: () => history.get() };
}

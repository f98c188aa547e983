/**
 * The reviewer's token: asked once, kept in sessionStorage for the tab's session (never localStorage, so it
 * does not outlive the browser session), and forgotten when the server refuses it.
 */
import { createSignal } from 'solid-js';

const KEY = 'certplan:review-token';

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function createReviewToken() {
  const [token, setToken] = createSignal<string | null>(storage()?.getItem(KEY) ?? null);
  return {
    token,
    save(value: string) {
      const trimmed = value.trim();
      if (!trimmed) return;
      try {
        storage()?.setItem(KEY, trimmed);
      } catch {
        // Storage disabled: the token lives for this page view only.
      }
      setToken(trimmed);
    },
    forget() {
      storage()?.removeItem(KEY);
      setToken(null);
    },
  };
}
export type ReviewToken = ReturnType<typeof createReviewToken>;

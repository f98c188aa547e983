/**
 * The reviewer's page: open conflicts first, high severity before low, each with its decision form. The
 * token is asked once and kept for the session.
 */
import { compareStrings } from '@certplan/core';
import { useLocation } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, type JSX, Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useApi } from '../api/ApiContext.tsx';
import type { ConflictView } from '../api/types.ts';
import { ConflictCard } from '../components/ConflictCard.tsx';
import { ReviewTokenForm } from '../components/ReviewTokenForm.tsx';
import { StaleReviewCard } from '../components/StaleReviewCard.tsx';
import { createReviewToken } from '../lib/reviewToken.ts';

export function sortConflicts(conflicts: readonly ConflictView[]): ConflictView[] {
  const rank = (conflict: ConflictView) =>
    (conflict.status === 'open' ? 0 : 2) + (conflict.severity === 'high' ? 0 : 1);
  return [...conflicts].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      compareStrings(a.exam, b.exam) ||
      compareStrings(a.attribute, b.attribute) ||
      compareStrings(a.id, b.id),
  );
}

export function ConflictsPage(): JSX.Element {
  const api = useApi();
  const token = createReviewToken();
  const [conflicts] = createResource(() => api.listConflicts());
  const [exams] = createResource(() => api.listExams().catch(() => []));
  const [tokenProblem, setTokenProblem] = createSignal<string>();
  let tokenInput: HTMLInputElement | undefined;

  // Sorted once per load: a card decided now keeps its place while the reviewer is looking at it.
  const sorted = createMemo(() => (conflicts.state === 'ready' ? sortConflicts(conflicts().conflicts) : []));
  const staleReviews = () => (conflicts.state === 'ready' ? conflicts().staleReviews : []);
  const [statusById, setStatusById] = createStore<Record<string, ConflictView['status']>>({});
  const openCount = () => sorted().filter((conflict) => (statusById[conflict.id] ?? conflict.status) === 'open').length;
  const examName = (id: string) =>
    (exams.state === 'ready' ? exams().find((exam) => exam.id === id)?.name : undefined) ?? id;

  // A link to one conflict (/review#conflict-<id>, from an exam page) lands on it once the list has loaded.
  const location = useLocation();
  createEffect(() => {
    const hash = location.hash;
    if (!hash || sorted().length === 0) return;
    queueMicrotask(() => {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (!target) return;
      target.setAttribute('tabindex', '-1');
      target.scrollIntoView?.();
      target.focus({ preventScroll: true });
    });
  });

  const needToken = (problem: string | undefined) => {
    if (problem) token.forget();
    setTokenProblem(problem);
    queueMicrotask(() => tokenInput?.focus());
  };

  return (
    <>
      <h1>Review conflicts</h1>
      <Show
        when={token.token()}
        fallback={
          <ReviewTokenForm
            problem={tokenProblem()}
            ref={(input) => {
              tokenInput = input;
            }}
            onSave={(value) => {
              token.save(value);
              setTokenProblem(undefined);
            }}
          />
        }
      >
        <p class="token-status">
          Review token kept for this session.{' '}
          <button type="button" class="link-button" onClick={() => token.forget()}>
            Forget it
          </button>
        </p>
      </Show>
      <Switch>
        <Match when={conflicts.error}>
          <p role="alert" class="form-error">
            The conflicts could not be loaded: {(conflicts.error as Error)?.message ?? String(conflicts.error)}
          </p>
        </Match>
        <Match when={conflicts.state === 'ready'}>
          <Show when={staleReviews().length > 0}>
            <section class="stale-reviews" aria-labelledby="stale-reviews-title">
              <h2 id="stale-reviews-title">Decisions that no longer apply ({staleReviews().length})</h2>
              <p>
                The quotes these decisions were about changed since, so they decide nothing now. They stay in
                reviews.yaml until removed there.
              </p>
              <For each={staleReviews()}>
                {(stale) => <StaleReviewCard stale={stale} examName={examName(stale.exam ?? stale.claimId)} />}
              </For>
            </section>
          </Show>
          <p>
            {openCount()} open of {sorted().length} conflicts. Open ones come first, high severity before low.
          </p>
          <For each={sorted()}>
            {(conflict) => (
              <ConflictCard
                conflict={conflict}
                examName={examName(conflict.exam)}
                api={api}
                token={token.token}
                onNeedToken={needToken}
                onUpdate={(next) => setStatusById(next.id, next.status)}
              />
            )}
          </For>
        </Match>
        <Match when={conflicts.loading}>
          <p aria-live="polite">Loading conflicts…</p>
        </Match>
      </Switch>
    </>
  );
}

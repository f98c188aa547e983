/**
 * An exam's page: every claim certplan holds about it, with all the sources that support it and all that
 * dispute it side by side, dated, and the conflicts reviewers have (or have not yet) settled.
 */
import { compareStrings, formatClaimValue } from '@certplan/core';
import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, For, type JSX, Match, Show, Switch } from 'solid-js';
import { useApi } from '../api/ApiContext.tsx';
import type { Citation, ClaimView } from '../api/types.ts';
import { CitationList } from '../components/CitationMarker.tsx';
import { MoreQuotes } from '../components/MoreQuotes.tsx';
import { SourceQuote } from '../components/SourceQuote.tsx';
import { claimStatusLabel } from '../lib/claimStatusLabel.ts';
import { claimTitle } from '../lib/claimTitle.ts';
import { examFreshnessLabel, freshnessLabel } from '../lib/formatFreshness.ts';
import { formatDate } from '../lib/today.ts';

const attributeOrder = [
  'fee',
  'duration',
  'questions',
  'experience',
  'validity',
  'recertification',
  'domains',
  'domain',
];

function sortClaims(claims: readonly ClaimView[]): ClaimView[] {
  const rank = (attribute: string) => {
    const index = attributeOrder.indexOf(attribute);
    return index === -1 ? attributeOrder.length : index;
  };
  return [...claims].sort(
    (a, b) =>
      rank(a.attribute) - rank(b.attribute) ||
      compareStrings(a.attribute, b.attribute) ||
      compareStrings(a.key ?? '', b.key ?? ''),
  );
}

const sourceOf = (citation: Citation) => ({
  id: citation.source,
  title: citation.title,
  url: citation.url,
  published: citation.published,
  modified: citation.modified,
  authority: citation.authority,
});

export function ExamPage(): JSX.Element {
  const api = useApi();
  const params = useParams<{ id: string }>();
  const [detail] = createResource(
    () => params.id,
    (id) => api.getExam(id),
  );
  const claims = createMemo(() => (detail.state === 'ready' ? sortClaims(detail().claims) : []));

  return (
    <Switch>
      <Match when={detail.error}>
        <h1>Exam not found</h1>
        <p role="alert" class="form-error">
          {(detail.error as Error)?.message ?? String(detail.error)}
        </p>
        <p>
          <A href="/">Back to the plan builder</A>
        </p>
      </Match>
      <Match when={detail.state === 'ready' && detail()}>
        {(data) => (
          <article class="exam-page">
            <h1>{data().exam.name}</h1>
            <p class="muted">
              {data().exam.vendor}
              <Show when={data().exam.code}>{(code) => ` · ${code()}`}</Show>
              <Show when={data().exam.aliases.length > 0}>{` · also known as ${data().exam.aliases.join(', ')}`}</Show>
            </p>
            <Show when={data().exam.retired}>
              {(retired) => (
                <p class="retired-note">
                  <strong>Retired on {formatDate(retired().date)}</strong>
                  <CitationList citations={retired().citations} />
                  <Show when={retired().successor}>
                    {(successor) => (
                      <>
                        {'. Successor: '}
                        <A href={`/exams/${encodeURIComponent(successor().id)}`}>{successor().name}</A>
                      </>
                    )}
                  </Show>
                </p>
              )}
            </Show>
            <Show when={data().exam.freshness}>
              {(freshness) => (
                <p class="freshness" data-stale={freshness().stale ? 'true' : 'false'}>
                  {examFreshnessLabel(freshness())}
                </p>
              )}
            </Show>
            <p>
              <A href={`/?exam=${encodeURIComponent(data().exam.id)}`}>Plan for this exam</A>
              {' · '}
              <A href={`/compare?exams=${encodeURIComponent(data().exam.id)}`}>Compare with other exams</A>
            </p>

            <h2>What the sources say</h2>
            <Show when={claims().length > 0} fallback={<p>No claims yet.</p>}>
              <For each={claims()}>
                {(claim) => (
                  <section class="claim-block" aria-labelledby={`claim-${claim.id}`} data-status={claim.status}>
                    <h3 id={`claim-${claim.id}`}>{claimTitle(claim.attribute, claim.key)}</h3>
                    <p class="claim-value">
                      <strong>{formatClaimValue(claim.attribute, claim.value)}</strong>
                      <span class="badge" data-status={claim.status}>
                        {claimStatusLabel(claim)}
                      </span>
                      <Show when={claim.freshness}>
                        {(freshness) => (
                          <span
                            class="freshness"
                            data-stale={freshness().stale ? 'true' : 'false'}
                            title={freshness().reason}
                          >
                            {freshnessLabel(freshness())}
                          </span>
                        )}
                      </Show>
                    </p>
                    <Show when={claim.rationale.length > 0}>
                      <ul class="rationale">
                        <For each={claim.rationale}>{(entry) => <li>{entry.text}</li>}</For>
                      </ul>
                    </Show>
                    <div class="sides">
                      <div class="side">
                        <h4>Supporting ({claim.citationCount})</h4>
                        <For each={claim.citations} fallback={<p class="muted">No source.</p>}>
                          {(citation) => <SourceQuote quote={citation.quote} source={sourceOf(citation)} />}
                        </For>
                        <MoreQuotes shown={claim.citations.length} total={claim.citationCount} />
                      </div>
                      <div class="side">
                        <h4>Disputing ({claim.dissentCount})</h4>
                        <For each={claim.dissent} fallback={<p class="muted">No source disagrees.</p>}>
                          {(citation) => <SourceQuote quote={citation.quote} source={sourceOf(citation)} />}
                        </For>
                        <MoreQuotes shown={claim.dissent.length} total={claim.dissentCount} />
                      </div>
                      <Show when={claim.historyCount > 0}>
                        <div class="side" data-side="history">
                          <h4>Earlier guide versions ({claim.historyCount})</h4>
                          <For each={claim.history}>
                            {(citation) => <SourceQuote quote={citation.quote} source={sourceOf(citation)} />}
                          </For>
                          <MoreQuotes shown={claim.history.length} total={claim.historyCount} />
                        </div>
                      </Show>
                    </div>
                    <Show when={claim.conflictId}>
                      {(id) => (
                        <p>
                          <A href={`/review#conflict-${id()}`}>See the conflict and its review</A>
                        </p>
                      )}
                    </Show>
                  </section>
                )}
              </For>
            </Show>
          </article>
        )}
      </Match>
      <Match when={detail.loading}>
        <p aria-live="polite">Loading the exam…</p>
      </Match>
    </Switch>
  );
}

/**
 * One conflict for a reviewer: the disagreeing quotes side by side (grouped by the value they state), the
 * suggestion and why, the review so far, and the decision form. A 409 (someone decided first) shows the new
 * state and keeps everything typed, so the reviewer can decide again without retyping.
 */
import { type ClaimValue, formatClaimValue } from '@certplan/core';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ApiError } from '../api/ApiError.ts';
import type { ApiClient } from '../api/createApiClient.ts';
import type { ConflictFact, ConflictView, ReviewRequest } from '../api/types.ts';
import { claimTitle } from '../lib/claimTitle.ts';
import { formatSourceDate } from '../lib/today.ts';
import { DecidedBy } from './DecidedBy.tsx';
import { MoreQuotes } from './MoreQuotes.tsx';
import { SourceQuote } from './SourceQuote.tsx';

type Decision = ReviewRequest['decision'];

export interface ConflictCardProps {
  conflict: ConflictView;
  examName: string;
  api: ApiClient;
  token: () => string | null;
  /** The server refused the token, or there is none yet: ask for it (again). */
  onNeedToken: (problem: string | undefined) => void;
  /** The conflict changed (a decision recorded here, or found after a 409). */
  onUpdate?: (conflict: ConflictView) => void;
}

interface Draft {
  decision: Decision | '';
  factId: string;
  value: string;
  note: string;
}

/** One sentence stating several facts (four domains in one line) is shown once. */
function distinctQuotes(facts: readonly ConflictFact[]): ConflictFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.source.id}\u0000${fact.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function ConflictCard(props: ConflictCardProps): JSX.Element {
  // The card owns its copy: a review or a 409 replaces it without reloading the page.
  // Read once on purpose (the initial value only): later updates come from the API, not from props.
  const [conflict, setConflictSignal] = createSignal(props.conflict);
  const setConflict = (next: ConflictView) => {
    setConflictSignal(next);
    props.onUpdate?.(next);
  };
  const [draft, setDraft] = createStore<Draft>({ decision: '', factId: '', value: '', note: '' });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal<{ kind: 'ok' | 'conflict' | 'error'; text: string }>();
  const [pending, setPending] = createSignal(false);

  const id = () => conflict().id;
  const prefix = () => `c-${id()}`;
  /** A value of this conflict in core's words (a side, the suggestion, a decision). */
  const describe = (value: ClaimValue) => formatClaimValue(conflict().attribute, value);
  /** A fact's own value in core's words (a `domains` conflict's facts are `domain` facts). */
  const describeFactValue = (value: ConflictFact['value']) =>
    formatClaimValue(conflict().attribute === 'domains' ? 'domain' : conflict().attribute, value);
  // Core's positions when the API gives them (a `domains` conflict compares whole lists, stated by many
  // per-domain facts); otherwise the facts grouped by the value they state.
  // Sources saying the vendor does not publish the figure: a side of their own, first where it is the suggestion.
  const notPublishedIds = createMemo(() => new Set(conflict().notPublished?.factIds ?? []));
  const notPublishedSuggested = () => conflict().notPublished?.suggested === true;
  const sides = createMemo(() => {
    const byId = new Map(conflict().facts.map((fact) => [fact.id, fact]));
    const given = conflict().sides ?? [];
    const notPublished = conflict().notPublished;
    const npSide = notPublished
      ? [
          {
            label: 'not published',
            facts: notPublished.factIds.flatMap((factId) => byId.get(factId) ?? []),
            total: notPublished.factCount as number | null,
          },
        ]
      : [];
    if (given.length > 0) {
      const stated = given.map((side) => ({
        label: describe(side.value),
        facts: side.factIds.flatMap((factId) => byId.get(factId) ?? []),
        total: side.factCount as number | null,
      }));
      return notPublished?.suggested ? [...npSide, ...stated] : [...stated, ...npSide];
    }
    const groups = new Map<string, { label: string; facts: ConflictFact[]; total: number | null }>();
    for (const fact of conflict().facts) {
      const key = JSON.stringify(fact.value);
      const label = notPublishedIds().has(fact.id) ? 'not published' : describeFactValue(fact.value);
      const group = groups.get(key) ?? { label, facts: [], total: null };
      group.facts.push(fact);
      groups.set(key, group);
    }
    return [...groups.values()];
  });
  /** The suggestion in words: "not published" where that side ranks first. */
  const suggestionLabel = () => (notPublishedSuggested() ? 'not published' : describe(conflict().suggestion.value));
  /** What a fact's side says, for the "which source wins" choice. */
  const sideLabelOf = (factId: string) => sides().find((side) => side.facts.some((f) => f.id === factId))?.label;
  /** What a fact's side says, in words: "not published", its side's words, else its own value's. */
  const factLabel = (fact: ConflictFact) =>
    notPublishedIds().has(fact.id) ? 'not published' : (sideLabelOf(fact.id) ?? describeFactValue(fact.value));
  /** The value a decision put in force, in words: the suggestion, the chosen fact's side, or the value entered. */
  const decidedLabel = (review: NonNullable<ConflictView['review']>) => {
    if (review.decision === 'choose' && review.factId !== undefined && notPublishedIds().has(review.factId))
      return 'not published';
    if (review.decision === 'accept' && notPublishedSuggested()) return 'not published';
    // A custom value passed the server's check against the conflict attribute's shape (recordReview).
    if (review.decision === 'custom') return describe(review.value as ClaimValue);
    if (review.decision !== 'choose' || !review.factId) return describe(conflict().suggestion.value);
    const chosen = conflict().facts.find((f) => f.id === review.factId);
    return sideLabelOf(review.factId) ?? (chosen ? describeFactValue(chosen.value) : '');
  };
  const chosenSource = (review: NonNullable<ConflictView['review']>) => {
    const source = conflict().facts.find((f) => f.id === review.factId)?.source;
    return source ? (source.title ?? source.id) : undefined;
  };

  const validate = (): ReviewRequest | null => {
    const found: Record<string, string> = {};
    const note = draft.note.trim();
    if (!draft.decision) found.decision = 'Choose what to do.';
    if (!note) found.note = 'Say why, in a sentence: the next reviewer will read it.';
    let value: unknown;
    if (draft.decision === 'choose' && !draft.factId) found.factId = 'Choose the source whose value wins.';
    if (draft.decision === 'custom') {
      if (!draft.value.trim()) found.value = 'Enter the value.';
      else {
        try {
          value = JSON.parse(draft.value);
        } catch {
          found.value = 'Enter the value as JSON, in the shape shown (for example {"amount": 300, "currency": "USD"}).';
        }
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !draft.decision) return null;
    const body: ReviewRequest = { decision: draft.decision, note };
    if (draft.decision === 'choose') body.factId = draft.factId;
    if (draft.decision === 'custom') body.value = value;
    return body;
  };

  const submit = async () => {
    setMessage(undefined);
    const body = validate();
    if (!body) return;
    await send((auth) => props.api.reviewConflict(id(), body, auth), 'Decision recorded.');
  };

  /** Undo: the decision is removed (ETag-checked like a decision) and the conflict is open again. */
  const undo = () => send((auth) => props.api.undoReview(id(), auth), 'Decision undone: the conflict is open again.');

  const send = async (
    call: (auth: { token: string; etag: string }) => Promise<{ data: { conflict: ConflictView } }>,
    done: string,
  ) => {
    setMessage(undefined);
    const token = props.token();
    if (!token) {
      setMessage({ kind: 'error', text: 'Enter the review token above first; your decision is kept.' });
      props.onNeedToken(undefined);
      return;
    }
    setPending(true);
    try {
      const result = await call({ token, etag: conflict().etag });
      setConflict(result.data.conflict);
      setMessage({ kind: 'ok', text: done });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 401) {
        props.onNeedToken('The server refused the review token. Enter it again.');
        setMessage({
          kind: 'error',
          text: 'The token was refused. Enter it again above, then submit; your decision is kept.',
        });
      } else if (error.status === 409) {
        try {
          const fresh = await props.api.getConflict(id());
          setConflict(fresh.data);
        } catch {
          // Showing the new state is best effort; the message still says what happened.
        }
        setMessage({
          kind: 'conflict',
          text: 'Someone else decided first. Their decision is shown above. Your choices are kept: submit again to replace it.',
        });
      } else if (error.status === 400 && error.issues.length > 0) {
        const mapped: Record<string, string> = {};
        for (const issue of error.issues) mapped[issue.path.split('.')[0] || 'form'] ??= issue.message;
        setErrors(mapped);
        setMessage({ kind: 'error', text: error.message });
      } else {
        setMessage({ kind: 'error', text: error.message });
      }
    } finally {
      setPending(false);
    }
  };

  const fieldError = (field: string) => (
    <Show when={errors()[field]}>
      <p class="field-error" id={`${prefix()}-${field}-error`}>
        {errors()[field]}
      </p>
    </Show>
  );
  const describedBy = (field: string) => (errors()[field] ? `${prefix()}-${field}-error` : undefined);

  return (
    <article
      class="conflict-card"
      id={`conflict-${id()}`}
      aria-labelledby={`${prefix()}-title`}
      data-status={conflict().status}
      data-severity={conflict().severity}
    >
      <h2 id={`${prefix()}-title`}>
        {props.examName}
        {` · ${claimTitle(conflict().attribute, conflict().key)}`}
      </h2>
      <p class="conflict-meta">
        <span class="badge" data-severity={conflict().severity}>
          {conflict().severity === 'high' ? 'High severity' : 'Low severity'}
        </span>
        <span class="badge" data-status={conflict().status}>
          {conflict().status === 'open' ? 'Open' : 'Reviewed'}
        </span>
      </p>

      <div class="sides">
        <For each={sides()}>
          {(side) => (
            <section class="side" aria-label={`Sources saying ${side.label}`}>
              <h3>{side.label}</h3>
              <For each={distinctQuotes(side.facts)}>
                {(fact) => <SourceQuote quote={fact.quote} source={fact.source} />}
              </For>
              <MoreQuotes shown={side.facts.length} total={side.total ?? side.facts.length} />
            </section>
          )}
        </For>
      </div>

      <section class="suggestion" aria-labelledby={`${prefix()}-suggestion`}>
        <h3 id={`${prefix()}-suggestion`}>Suggestion: {suggestionLabel()}</h3>
        <ul class="rationale">
          <For each={conflict().suggestion.rationale}>{(entry) => <li>{entry.text}</li>}</For>
        </ul>
      </section>

      <Show when={conflict().review}>
        {(review) => (
          <section class="current-review" aria-labelledby={`${prefix()}-review`}>
            <h3 id={`${prefix()}-review`}>Decided</h3>
            <p>
              <strong class="review-value">{decidedLabel(review())}</strong>
              {` · ${review().decision === 'accept' ? 'accepted the suggestion' : review().decision === 'choose' ? `chose ${chosenSource(review()) ?? 'a source'}` : 'entered a value'}`}
              <DecidedBy by={review().by} at={review().at} />
            </p>
            <blockquote class="review-note">{review().note}</blockquote>
            <button type="button" class="button" disabled={pending()} onClick={() => void undo()}>
              Undo this decision
            </button>
          </section>
        )}
      </Show>

      <form
        class="review-form"
        aria-labelledby={`${prefix()}-form`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h3 id={`${prefix()}-form`}>{conflict().review ? 'Decide again' : 'Decide'}</h3>
        <fieldset aria-describedby={describedBy('decision')}>
          <legend>Decision</legend>
          <For
            each={
              [
                ['accept', `Accept the suggestion (${suggestionLabel()})`],
                ['choose', 'Choose a source'],
                ['custom', 'Enter a value'],
              ] as const
            }
          >
            {([value, label]) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`${prefix()}-decision-${value}`}
                  name={`${prefix()}-decision`}
                  value={value}
                  checked={draft.decision === value}
                  onChange={() => {
                    setDraft('decision', value);
                    if (value === 'custom' && !draft.value) {
                      setDraft('value', JSON.stringify(conflict().suggestion.value));
                    }
                  }}
                />
                <label for={`${prefix()}-decision-${value}`}>{label}</label>
              </div>
            )}
          </For>
          {fieldError('decision')}
        </fieldset>

        <Show when={draft.decision === 'choose'}>
          <fieldset aria-describedby={describedBy('factId')}>
            <legend>Which source wins</legend>
            <For each={distinctQuotes(conflict().facts)}>
              {(fact) => (
                <div class="radio choice">
                  <input
                    type="radio"
                    id={`${prefix()}-fact-${fact.id}`}
                    name={`${prefix()}-fact`}
                    value={fact.id}
                    checked={draft.factId === fact.id}
                    onChange={() => setDraft('factId', fact.id)}
                  />
                  <label for={`${prefix()}-fact-${fact.id}`}>
                    <strong>{factLabel(fact)}</strong>
                    {` (${fact.source.title ?? fact.source.id}, ${formatSourceDate(fact.source.published, fact.source.modified)})`}
                    {/* Two sources can state one value; the quote tells the choices apart. */}
                    <q class="choice-quote">{fact.quote}</q>
                  </label>
                </div>
              )}
            </For>
            {fieldError('factId')}
          </fieldset>
        </Show>

        <Show when={draft.decision === 'custom'}>
          <div class="field">
            <label for={`${prefix()}-value`}>Value (JSON, same shape as the suggestion)</label>
            <textarea
              id={`${prefix()}-value`}
              rows="2"
              value={draft.value}
              aria-invalid={errors().value ? 'true' : undefined}
              aria-describedby={describedBy('value')}
              onInput={(event) => setDraft('value', event.currentTarget.value)}
            />
            {fieldError('value')}
          </div>
        </Show>

        <div class="field">
          <label for={`${prefix()}-note`}>Note (why)</label>
          <textarea
            id={`${prefix()}-note`}
            rows="2"
            value={draft.note}
            aria-invalid={errors().note ? 'true' : undefined}
            aria-describedby={describedBy('note')}
            onInput={(event) => setDraft('note', event.currentTarget.value)}
          />
          {fieldError('note')}
        </div>

        <button type="submit" class="button primary" disabled={pending()}>
          {pending() ? 'Recording…' : 'Record decision'}
        </button>
        <Show when={message()}>
          {(current) => (
            <p
              class={current().kind === 'ok' ? 'form-ok' : 'form-error'}
              role={current().kind === 'ok' ? 'status' : 'alert'}
            >
              {current().text}
            </p>
          )}
        </Show>
      </form>
    </article>
  );
}

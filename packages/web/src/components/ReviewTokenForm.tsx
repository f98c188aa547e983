/** Asks for the review token once; the conflicts page keeps it for the session. */
import { createSignal, type JSX, Show } from 'solid-js';

export interface ReviewTokenFormProps {
  onSave: (token: string) => void;
  /** Why it is asked (again): "the server refused the token". */
  problem?: string | undefined;
  ref?: (input: HTMLInputElement) => void;
}

export function ReviewTokenForm(props: ReviewTokenFormProps): JSX.Element {
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<string>();
  return (
    <form
      class="token-form"
      aria-labelledby="token-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!value().trim()) {
          setError('Enter the review token.');
          return;
        }
        setError(undefined);
        props.onSave(value());
        setValue('');
      }}
    >
      <h2 id="token-heading">Review token</h2>
      <p class="muted">
        Deciding needs a review token: your own, from <code>pnpm reviewers add &lt;name&gt;</code> (decisions are
        recorded under that name), or the server's shared one (REVIEW_TOKEN, or the one it printed at start). It is kept
        in this tab until you close it.
      </p>
      <Show when={props.problem}>
        <p role="alert" class="form-error">
          {props.problem}
        </p>
      </Show>
      <div class="field">
        <label for="review-token">Token</label>
        <input
          id="review-token"
          ref={props.ref}
          type="password"
          autocomplete="off"
          value={value()}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? 'review-token-error' : undefined}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <Show when={error()}>
          <p class="field-error" id="review-token-error">
            {error()}
          </p>
        </Show>
      </div>
      <button type="submit" class="button primary">
        Use token
      </button>
    </form>
  );
}

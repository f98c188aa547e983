/**
 * The API bounds every list of quotes it sends (a claim's support, a conflict side): each source's first quote,
 * then others, up to a fixed number. When it held back some, say how many, so a count is never mistaken for
 * everything there is.
 */
import { type JSX, Show } from 'solid-js';

export function MoreQuotes(props: { shown: number; total: number }): JSX.Element {
  const more = () => props.total - props.shown;
  return (
    <Show when={more() > 0}>
      <p class="muted more-quotes">
        {more() === 1 ? '1 more quote' : `${more().toLocaleString('en')} more quotes`} not shown
      </p>
    </Show>
  );
}

/**
 * One source's statement: the verbatim quote with the source's title (linked when it is a web address), date
 * and authority. Quotes and titles are untrusted text from the web and are rendered as text only.
 */
import { type JSX, Show } from 'solid-js';
import { safeHref } from '../lib/safeHref.ts';
import { formatSourceDate } from '../lib/today.ts';

export interface SourceQuoteProps {
  quote: string;
  source: {
    id: string;
    title: string | null;
    url: string | null;
    published: string | null;
    modified?: string | undefined;
    authority?: string;
  };
  /** What the source says the value is, in words, shown above the quote. */
  value?: string | undefined;
}

export function SourceQuote(props: SourceQuoteProps): JSX.Element {
  const title = () => props.source.title ?? props.source.id;
  return (
    <figure class="source-quote" data-authority={props.source.authority}>
      <Show when={props.value}>
        <p class="quote-value">{props.value}</p>
      </Show>
      <blockquote class="quote">{props.quote}</blockquote>
      <figcaption>
        <Show when={safeHref(props.source.url)} fallback={<span class="source-title">{title()}</span>}>
          {(href) => (
            <a class="source-title" href={href()} target="_blank" rel="noopener noreferrer nofollow">
              {title()}
            </a>
          )}
        </Show>
        <span class="source-meta">
          {` · ${formatSourceDate(props.source.published, props.source.modified)}`}
          <Show when={props.source.authority}>{(authority) => ` · ${authority()}`}</Show>
        </span>
      </figcaption>
    </figure>
  );
}

/**
 * A small numbered marker after a number or warning; activating it opens the citation: the quote, the
 * source's title, date and a link. The quote is untrusted source text and is only ever rendered as text.
 */
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { Citation } from '../api/types.ts';
import { safeHref } from '../lib/safeHref.ts';
import { formatSourceDate } from '../lib/today.ts';

export interface CitationMarkerProps {
  citation: Citation;
  /** The marker's number, shown as [n]. */
  n: number;
}

export function CitationMarker(props: CitationMarkerProps): JSX.Element {
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  let dialog: HTMLDialogElement | undefined;

  const show = () => {
    setOpen(true);
    // A modal dialog traps focus and closes on Escape; jsdom lacks showModal, so fall back to `open`.
    if (dialog && typeof dialog.showModal === 'function') dialog.showModal();
    else dialog?.setAttribute('open', '');
  };
  const close = () => {
    if (dialog && typeof dialog.close === 'function') dialog.close();
    else dialog?.removeAttribute('open');
    setOpen(false);
    button?.focus();
  };
  const title = () => props.citation.title ?? props.citation.source;

  return (
    <span class="citation">
      <button
        ref={button}
        type="button"
        class="citation-marker"
        aria-haspopup="dialog"
        aria-expanded={open()}
        aria-label={`Source ${props.n}: ${title()}`}
        onClick={show}
      >
        [{props.n}]
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes a modal dialog natively; the click only adds closing on the backdrop. */}
      <dialog
        ref={dialog}
        class="citation-dialog"
        aria-label={`Source: ${title()}`}
        onClose={() => {
          setOpen(false);
          button?.focus();
        }}
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its content) closes it.
          if (event.target === dialog) close();
        }}
      >
        <Show when={open()}>
          <div class="citation-body">
            <blockquote class="quote">{props.citation.quote}</blockquote>
            <p class="citation-source">
              <Show when={safeHref(props.citation.url)} fallback={<span class="source-title">{title()}</span>}>
                {(href) => (
                  <a class="source-title" href={href()} target="_blank" rel="noopener noreferrer nofollow">
                    {title()}
                  </a>
                )}
              </Show>
              <span class="source-date">{` · ${formatSourceDate(props.citation.published, props.citation.modified)}`}</span>
            </p>
            <Show when={props.citation.url && !safeHref(props.citation.url)}>
              <p class="muted">The source's address is not a web link, so it is not linked.</p>
            </Show>
            <button type="button" class="button" onClick={close}>
              Close
            </button>
          </div>
        </Show>
      </dialog>
    </span>
  );
}

export interface CitationListProps {
  citations: readonly Citation[] | undefined;
}

/** Markers for every citation of one claim: [1][2]. */
export function CitationList(props: CitationListProps): JSX.Element {
  return (
    <span class="citation-list">
      <For each={props.citations ?? []}>
        {(citation, index) => <CitationMarker citation={citation} n={index() + 1} />}
      </For>
    </span>
  );
}

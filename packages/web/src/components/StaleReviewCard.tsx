/**
 * A decision that stopped applying (GET /api/conflicts `staleReviews`): the quotes it was about changed, so it
 * no longer decides anything. Shows what was decided, by whom and when, what changed (core's reason, and whether
 * the chosen quote is gone), and a link to the conflict to decide again. Without it a reviewer saw a conflict
 * open again, or vanish, with no word of the decision that had been lost.
 */
import { type ClaimAttribute, type ClaimValue, claimAttributeNames, formatClaimValue } from '@certplan/core';
import { type JSX, Show } from 'solid-js';
import type { StaleReview } from '../api/types.ts';
import { claimTitle } from '../lib/claimTitle.ts';
import { DecidedBy } from './DecidedBy.tsx';
import { SourceQuote } from './SourceQuote.tsx';

export interface StaleReviewCardProps {
  stale: StaleReview;
  /** The exam's name for the heading (its id when unknown). */
  examName: string;
}

export function StaleReviewCard(props: StaleReviewCardProps): JSX.Element {
  const review = () => props.stale.review;
  const titleId = () => `stale-${review().conflict.replace(/[^\w-]/g, '-')}-${review().at.replace(/\W/g, '')}`;
  /** The decision's attribute, when core still knows it (a stale claim id may name one that is gone). */
  const attribute = (): ClaimAttribute | null => {
    const named = props.stale.attribute;
    return named && Object.hasOwn(claimAttributeNames, named) ? (named as ClaimAttribute) : null;
  };
  /** The value the decision put in force, where the view still knows it. */
  const decidedValue = (): string | null => {
    const value = review().decision === 'choose' ? props.stale.chosenFact?.value : review().value;
    const attr = attribute();
    return value !== undefined && value !== null && attr ? formatClaimValue(attr, value as ClaimValue) : null;
  };
  const decisionText = () =>
    review().decision === 'accept'
      ? 'accepted the suggestion'
      : review().decision === 'choose'
        ? 'chose a source'
        : 'entered a value';
  return (
    <article class="stale-review" aria-labelledby={titleId()}>
      <h3 id={titleId()}>
        {props.examName}
        {attribute() ? ` · ${claimTitle(attribute()!, null)}` : ` · ${props.stale.claimId}`}
        {': a decision that no longer applies'}
      </h3>
      <p class="review-line">
        <Show when={decidedValue()}>{(value) => <strong class="review-value">{value()} · </strong>}</Show>
        {decisionText()}
        <DecidedBy by={review().by} at={review().at} />
      </p>
      <blockquote class="review-note">{review().note}</blockquote>
      <p class="what-changed">
        <strong>What changed: </strong>
        {props.stale.reason}
      </p>
      <Show when={props.stale.chosenFactGone}>
        <p class="what-changed">The quote it chose is no longer in any source (reworded or removed).</p>
      </Show>
      <Show when={props.stale.chosenFact}>
        {(fact) => (
          <>
            <p>The quote it chose still reads:</p>
            <SourceQuote quote={fact().quote} source={fact().source} />
          </>
        )}
      </Show>
      <Show
        when={props.stale.successorConflictId}
        fallback={<p>There is no conflict on this value now: nothing to decide again.</p>}
      >
        {(id) => <a href={`#conflict-${id()}`}>Decide the conflict again</a>}
      </Show>
    </article>
  );
}

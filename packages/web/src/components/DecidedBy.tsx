import { formatMomentUtc } from '../lib/today.ts';

/**
 * Who decided and when, as it follows a decision's line on a review card (" · by ana · 30 Nov 2026, 09:12 UTC").
 * `at` is an ISO 8601 moment; it is shown in UTC, as reviews.yaml records it.
 */
export function DecidedBy(props: { by: string; at: string }) {
  return (
    <>
      {' · by '}
      <span class="review-by">{props.by}</span>
      {' · '}
      <time datetime={props.at}>{formatMomentUtc(props.at)}</time>
    </>
  );
}

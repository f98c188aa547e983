/**
 * content/reviews.yaml: parse (with line and column on every error) and serialise reviewers' decisions.
 * (Placeholder: the core issue fills it in.)
 */
import type { Review } from '../schema/dataset.ts';

export function parseReviews(_text: string, _file: string): Review[] {
  return [];
}

export function serializeReviews(_reviews: readonly Review[]): string {
  return 'reviews: []\n';
}

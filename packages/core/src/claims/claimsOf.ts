/**
 * Typed lookups of an exam's claims: the claim of one attribute comes back narrowed to it, so a reader gets
 * `Claim<'duration'>` with `value.minutes` and the typechecker refuses `value.hours`. No reader checks a
 * value's shape by hand: the dataset schema already did, per attribute.
 */
import type { Claim, ClaimAttribute } from '../schema/dataset.ts';

/** Every claim of `attribute`, in the order given. */
export function claimsOf<A extends ClaimAttribute>(claims: readonly Claim[], attribute: A): Claim<A>[] {
  // The schema pairs each attribute with its value type, so the attribute alone narrows the claim.
  return claims.filter((claim) => claim.attribute === attribute) as Claim<A>[];
}

/** The first claim of `attribute` (with `key`, when given), or undefined. */
export function claimOf<A extends ClaimAttribute>(
  claims: readonly Claim[],
  attribute: A,
  key?: string | null,
): Claim<A> | undefined {
  return claims.find((claim) => claim.attribute === attribute && (key === undefined || claim.key === key)) as
    | Claim<A>
    | undefined;
}

/**
 * Largest-remainder apportionment (Hamilton's method) of whole units: every unit is handed out, so totals
 * are exact, and each share is within one unit of its exact quota.
 */

/**
 * Splits `total` whole units in proportion to `weights` (non-negative). All-zero or empty weights split
 * evenly. Ties in the remainder go to the larger weight, then to the earlier index, so results are stable.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const shares = new Array<number>(n).fill(0);
  if (n === 0 || total <= 0) return shares;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  const even = !(sum > 0);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const quota = even ? total / n : (total * (weights[i] as number)) / sum;
    const floor = Math.floor(quota);
    shares[i] = floor;
    remainders[i] = quota - floor;
    given += floor;
  }
  let left = total - given;
  if (left === 0) return shares;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      (remainders[b] as number) - (remainders[a] as number) ||
      (even ? 0 : (weights[b] as number) - (weights[a] as number)) ||
      a - b,
  );
  for (let k = 0; left > 0; k = (k + 1) % n, left--) {
    const i = order[k] as number;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares;
}

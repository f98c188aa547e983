/** The sum of a list of numbers (half-hour units, mostly): a plain loop, it runs on the planner's hot path. */

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

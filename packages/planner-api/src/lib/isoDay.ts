/** The clock's day in UTC as YYYY-MM-DD: the "today" of plans, freshness and retirement. */
export function isoDay(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}

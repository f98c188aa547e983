/** Hours as the plan's sentences say them, the noun agreeing with the number. */

/** "1 hour", "1.5 hours", "8 study hours": the noun agrees with the number. */
export function hoursWord(hours: number, noun = 'hour'): string {
  return `${hours} ${noun}${hours === 1 ? '' : 's'}`;
}

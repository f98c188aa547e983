/**
 * certplan's one string order: by UTF-16 code units, the same on every machine. `localeCompare` depends on the
 * ICU data and locale of the process, so a dataset sorted with it could differ between two builds of the same
 * sources; every ordering of data (ids, attributes, keys) uses this instead.
 */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

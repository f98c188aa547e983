/**
 * A per-process mutex keyed by file path: concurrent read-modify-write cycles on one file run one after the
 * other, so two reviewers' writes can never interleave (the second sees the first's result).
 */
const tails = new Map<string, Promise<unknown>>();

export async function withFileLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  // The chain must continue whether this task fails or not.
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    // Drop the entry once nothing is queued behind us, so the map does not grow with every path ever locked.
    if (tails.get(key) === tail) tails.delete(key);
  }
}

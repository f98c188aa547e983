/**
 * Piscina worker entry for extraction. Plain JS on purpose: a worker thread does not inherit the TypeScript
 * loader of whatever started the parent (vitest transforms in process, `tsx` registers a loader hook), so this
 * file registers tsx itself and loads the TS task module through it. Works under `pnpm ingest`, `node --import
 * tsx` and vitest alike.
 */
import { tsImport } from 'tsx/esm/api';

const { runWorkerTask } = await tsImport('./extractTask.ts', import.meta.url);

/** `{ warmUp: true }` only waits for this module to load (a budgeted build starts its clocks after that). */
export default (task) => (task.warmUp ? null : runWorkerTask(task));

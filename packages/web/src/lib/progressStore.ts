/**
 * Sessions ticked done, kept in localStorage per plan identity (`plan.id`, a hash of the plan's inputs) by
 * session id (stable across re-plans), so the same plan shows the same ticks on this browser whatever its
 * link's progress part says, and a re-plan keeps them.
 *
 * A re-plan marks the work it was told was done as sessions with status 'done'. The first time a browser
 * opens that re-plan, the ticks become exactly those sessions: a tick on a session the re-plan moved or
 * re-cut would otherwise count the same hours twice at the next re-plan.
 */
import { createSignal } from 'solid-js';
import type { Plan } from '../api/types.ts';

const PREFIX = 'certplan:progress:';

export interface ProgressStore {
  done: () => ReadonlySet<string>;
  isDone: (id: string) => boolean;
  toggle: (id: string, done: boolean) => void;
}

interface Stored {
  ticks: string[];
  /** The query of the last re-plan these ticks were aligned to, or null. */
  replan: string | null;
}

type PlanProgressKey = Pick<Plan, 'id' | 'query' | 'replan' | 'weeks'>;

export function createProgressStore(
  plan: PlanProgressKey | string,
  storage: Storage | null = safeLocalStorage(),
): ProgressStore {
  const id = typeof plan === 'string' ? plan : plan.id;
  const storageKey = PREFIX + id;
  const stored = read(storage, storageKey);
  if (typeof plan !== 'string' && plan.replan !== null && stored.replan !== plan.query) {
    stored.ticks = plan.weeks.flatMap((week) => week.sessions.filter((s) => s.status === 'done').map((s) => s.id));
    stored.replan = plan.query;
    write(storage, storageKey, stored);
  }
  const [done, setDone] = createSignal<ReadonlySet<string>>(new Set(stored.ticks));
  return {
    done,
    isDone: (key) => done().has(key),
    toggle: (key, isDone) => {
      const next = new Set(done());
      if (isDone) next.add(key);
      else next.delete(key);
      setDone(next);
      stored.ticks = [...next].sort();
      write(storage, storageKey, stored);
    },
  };
}

function write(storage: Storage | null, key: string, value: Stored): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): ticks still work for this page view.
  }
}

function read(storage: Storage | null, key: string): Stored {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    const strings = (value: unknown) =>
      Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
    if (Array.isArray(parsed)) return { ticks: strings(parsed), replan: null };
    if (parsed && typeof parsed === 'object') {
      const { ticks, replan } = parsed as { ticks?: unknown; replan?: unknown };
      return { ticks: strings(ticks), replan: typeof replan === 'string' ? replan : null };
    }
  } catch {
    // A value written by someone else: start clean.
  }
  return { ticks: [], replan: null };
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

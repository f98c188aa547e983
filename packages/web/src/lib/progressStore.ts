/**
 * Sessions ticked done, kept in localStorage per plan link (the plan's canonical query string), so the same
 * link on the same browser shows the same ticks and a different plan starts clean.
 */
import { createSignal } from 'solid-js';

const PREFIX = 'certplan:progress:';

export function sessionKey(weekIndex: number, sessionIndex: number): string {
  return `${weekIndex}.${sessionIndex}`;
}

export interface ProgressStore {
  done: () => ReadonlySet<string>;
  isDone: (key: string) => boolean;
  toggle: (key: string, done: boolean) => void;
}

export function createProgressStore(planKey: string, storage: Storage | null = safeLocalStorage()): ProgressStore {
  const storageKey = PREFIX + planKey;
  const [done, setDone] = createSignal<ReadonlySet<string>>(read(storage, storageKey));
  return {
    done,
    isDone: (key) => done().has(key),
    toggle: (key, isDone) => {
      const next = new Set(done());
      if (isDone) next.add(key);
      else next.delete(key);
      setDone(next);
      try {
        storage?.setItem(storageKey, JSON.stringify([...next].sort()));
      } catch {
        // Storage full or disabled (private mode): ticks still work for this page view.
      }
    },
  };
}

function read(storage: Storage | null, key: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

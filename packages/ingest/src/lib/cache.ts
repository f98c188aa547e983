/**
 * Content-hash cache for incremental rebuilds: one entry per source, keyed by a hash of its bytes, its path,
 * the extractor version and the catalog, so re-ingesting after one file changes redoes only that file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '@certplan/atomic-write';
import type { Problem } from '@certplan/core';
import type { PendingDomainList } from '../plugins/extract-domain.ts';
import type { DraftFact } from './context.ts';
import type { DetectedFormat, FileMetadata } from './parseSource.ts';

export interface CachedExtraction {
  format: DetectedFormat;
  metadata: FileMetadata;
  text: string;
  facts: DraftFact[];
  pendingDomainLists: PendingDomainList[];
  messages: Problem[];
}

export interface CacheStore {
  get(key: string): CachedExtraction | null;
  set(key: string, value: CachedExtraction): void;
  flush(): void;
}

export function openCache(dir: string): CacheStore {
  const file = join(dir, 'extractions.json');
  let entries: Record<string, CachedExtraction> = {};
  try {
    if (existsSync(file)) entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CachedExtraction>;
  } catch {
    // A damaged cache is only a slower build.
    entries = {};
  }
  const used: Record<string, CachedExtraction> = {};
  return {
    get(key) {
      const hit = entries[key];
      if (!hit) return null;
      used[key] = hit;
      return structuredClone(hit);
    },
    set(key, value) {
      used[key] = structuredClone(value);
    },
    flush() {
      // Only entries of this build are kept, so the cache never grows past the corpus.
      mkdirSync(dir, { recursive: true });
      writeFileAtomicSync(file, JSON.stringify(used));
    },
  };
}

/**
 * A fingerprint of the extraction code itself (every non-test module under src/lib and src/plugins), so an
 * edited extractor never reuses results cached by its previous version, even if nobody bumps a version.
 */
export function extractorFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of ['.', '../plugins']) {
    const full = join(import.meta.dirname, dir);
    for (const name of readdirSync(full).sort()) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      hash.update(name).update(readFileSync(join(full, name)));
    }
  }
  return hash.digest('hex');
}

/**
 * The test corpus: the five seed articles of content/raw/ (000_…–004_…, byte-identical copies that are never
 * edited, so their bytes are pinned here) plus this directory's own catalog, registry, reviews and editorial
 * notes (test/fixtures/corpus/). Tests that assert what ingest reads from real pages build from a copy of this,
 * so adding, changing or removing an article or exam in content/ never changes what they expect.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Directory of the fixture's own files (exams.yaml, sources.yaml, reviews.yaml, raw/editorial/). */
export const corpusFixtureDir = join(import.meta.dirname, 'fixtures', 'corpus');
/** The fixture's exam catalog, for tests that only need a matcher. */
export const corpusCatalogPath = join(corpusFixtureDir, 'exams.yaml');

const seedDir = join(import.meta.dirname, '../../../content/raw');
/** sha-256 of each seed: the repository's rule is that they stay byte-identical. */
const seeds: Record<string, string> = {
  '000_9ae910784e4038bc.txt': '5afc6154a1ec4472f39db5cec4777965f73cc3c1a9a364b99385089ef6eecfd2',
  '001_fa04a29c04aaddeb.txt': '139128e13bcaa41a69f58a51b110a6abf88b671304046701951fa870647918e0',
  '002_a829bb204fe462d9.txt': '5bef7fe4133ec507617fddf3e47f8882a23873938987c76c2585004f3043a16d',
  '003_1502cd0b2fbc39c9.txt': '98ba271ed6fd1e269bf91167fa859c092a0b6080babdb07a0ca2fd4245a18d8b',
  '004_661ba98c523fd809.txt': '5bfcca7627e533526b8794ac8ce766fa77955c38db7da369e767fcc5bf160b9e',
};

/**
 * Writes the test corpus into `dest` (created if missing; a fresh temporary directory when omitted) and returns
 * the content directory's path. Throws when a seed is missing or its bytes changed (a seed must never be edited).
 */
export function copyCorpusFixture(dest?: string): string {
  const dir = dest ?? mkdtempSync(join(tmpdir(), 'certplan-corpus-'));
  mkdirSync(dir, { recursive: true });
  cpSync(corpusFixtureDir, dir, { recursive: true });
  for (const [name, sha256] of Object.entries(seeds)) {
    const bytes = readFileSync(join(seedDir, name));
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new Error(`content/raw/${name} changed (sha-256 ${actual}); seeds are never edited`);
    writeFileSync(join(dir, 'raw', name), bytes);
  }
  return dir;
}

/**
 * The watcher swaps the dataset in, and says "dataset reloaded", once per change of dataset.json's bytes: not
 * for a rewrite of the same bytes (a new inode and time, as `pnpm ingest` with nothing new, or a restore from
 * a build cache, does), not for a touch, and not twice for one ingest. It also catches an ingest that finished
 * between the server's start-up read and the watcher's first look.
 */
import { readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '@certplan/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDataset, tempContentDir } from '../test/fixtureDataset.ts';
import { DatasetStore } from './DatasetStore.ts';
import { type ContentWatcher, textDigest, watchContent } from './watchContent.ts';

let dir: string;
let datasetPath: string;
let watcher: ContentWatcher | undefined;
const logged: string[] = [];
const log = { log: (line: string) => logged.push(line), warn: (line: string) => logged.push(`warn: ${line}`) };

beforeEach(async () => {
  dir = await tempContentDir();
  datasetPath = join(dir, 'dataset', 'dataset.json');
  logged.length = 0;
});
afterEach(async () => {
  watcher?.close();
  await rm(dir, { recursive: true, force: true });
});

/** As ingest writes it: a temporary file renamed over the old one (a new inode). */
async function replaceFile(text: string): Promise<void> {
  const tmp = `${datasetPath}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, datasetPath);
}

/** The fixture dataset without its last fact: a different dataset, as after an article was edited. */
function smallerDataset(): Dataset {
  const dataset = fixtureDataset();
  return { ...dataset, facts: dataset.facts.slice(0, -1) };
}

async function start(datasetDigest?: string): Promise<DatasetStore> {
  const store = new DatasetStore(fixtureDataset(), { reviews: [] });
  // A timer that never fires during the test: polls happen only through check().
  watcher = watchContent({
    contentDir: dir,
    store,
    log,
    intervalMs: 3_600_000,
    ...(datasetDigest !== undefined ? { datasetDigest } : {}),
  });
  await watcher.check();
  return store;
}

const reloads = () => logged.filter((line) => line.includes('dataset reloaded'));

describe('watchContent', () => {
  it('reloads once per change of the bytes, and not for the same bytes rewritten or touched', async () => {
    const original = await readFile(datasetPath, 'utf8');
    const store = await start(textDigest(original));
    const first = store.dataset;
    expect(logged).toEqual([]);

    await replaceFile(original);
    await watcher!.check();
    const later = new Date(Date.now() + 5_000);
    await utimes(datasetPath, later, later);
    await watcher!.check();
    expect(logged).toEqual([]);
    expect(store.dataset).toBe(first);

    const changed = JSON.stringify(smallerDataset());
    await replaceFile(changed);
    await watcher!.check();
    await watcher!.check();
    expect(reloads()).toEqual([
      `certplan: dataset reloaded (${smallerDataset().facts.length} facts, ${store.dataset.conflicts.length} conflicts)`,
    ]);
    expect(store.dataset.facts).toHaveLength(fixtureDataset().facts.length - 1);

    // The same new bytes again (a second ingest with nothing new): nothing more.
    await replaceFile(changed);
    await watcher!.check();
    expect(reloads()).toHaveLength(1);
  });

  it('catches a dataset rewritten between the start-up read and the watcher, once', async () => {
    const loadedAtStart = textDigest(await readFile(datasetPath, 'utf8'));
    await replaceFile(JSON.stringify(smallerDataset()));
    const store = await start(loadedAtStart);
    await watcher!.check();
    expect(reloads()).toHaveLength(1);
    expect(store.dataset.facts).toHaveLength(fixtureDataset().facts.length - 1);
  });

  it('keeps the last good dataset when the new file is not one, and reloads once it is', async () => {
    const original = await readFile(datasetPath, 'utf8');
    const store = await start(textDigest(original));
    await replaceFile('{"exams": [');
    await watcher!.check();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^warn: certplan: kept the dataset in memory: dataset\/dataset\.json: /);
    expect(store.dataset.facts).toHaveLength(fixtureDataset().facts.length);

    await replaceFile(JSON.stringify(smallerDataset()));
    await watcher!.check();
    expect(reloads()).toHaveLength(1);
  });
});

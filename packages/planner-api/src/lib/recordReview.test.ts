import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReviews } from '@certplan/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictListResponse } from '../index.ts';
import { fixtureApp, fixtureConflictId, TEST_TOKEN, tempContentDir } from '../test/fixtureDataset.ts';

let contentDir: string;
beforeEach(async () => {
  contentDir = await tempContentDir();
});
afterEach(async () => {
  await rm(contentDir, { recursive: true, force: true });
});

function put(app: ReturnType<typeof fixtureApp>['app'], id: string, etag: string, note: string) {
  return app.request(`/api/conflicts/${id}/review`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}`, 'If-Match': etag },
    body: JSON.stringify({ decision: 'accept', note }),
  });
}

describe('concurrent reviewers', () => {
  it('50 writes with the same ETag: exactly one succeeds, 49 get 409, the file holds exactly the winner', async () => {
    const { app } = fixtureApp(contentDir);
    const id = fixtureConflictId('aws-mla-c01', 'fee');
    const etag = (await app.request(`/api/conflicts/${id}`)).headers.get('ETag')!;
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => put(app, id, etag, `writer ${i}`)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = (await responses[statuses.indexOf(200)]!.json()) as { conflict: { review: { note: string } } };
    const file = join(contentDir, 'reviews.yaml');
    const saved = parseReviews(await readFile(file, 'utf8'), file);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.note).toBe(winner.conflict.review.note);
    // Two app instances in one process over the same file serialise too (the lock is per file, not per app).
  });

  it('writes to different conflicts, from two app instances at once, all land', async () => {
    const first = fixtureApp(contentDir).app;
    const second = fixtureApp(contentDir).app;
    const list = (await (await first.request('/api/conflicts')).json()) as ConflictListResponse;
    expect(list.conflicts.length).toBeGreaterThanOrEqual(4);
    const responses = await Promise.all(
      list.conflicts.map((c, i) => put(i % 2 ? first : second, c.id, c.etag, `decision on ${c.id}`)),
    );
    expect(responses.map((r) => r.status)).toEqual(list.conflicts.map(() => 200));
    const file = join(contentDir, 'reviews.yaml');
    const saved = parseReviews(await readFile(file, 'utf8'), file);
    expect(saved.map((r) => r.note).sort()).toEqual(list.conflicts.map((c) => `decision on ${c.id}`).sort());
  });
});

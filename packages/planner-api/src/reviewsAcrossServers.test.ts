/**
 * Several real server processes on one content directory (replicas behind a load balancer): review writes hold
 * the cross-process lock and re-check the ETag inside it, so of 50 concurrent writers with one ETag exactly one
 * wins and nothing is lost; a SIGKILL mid-burst leaves a valid reviews.yaml (and the next start sweeps the
 * temporary file); every server sees what the others wrote and what `pnpm ingest` rebuilt, without a restart;
 * a generated token survives a restart.
 */
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReviews } from '@certplan/core';
import { buildDataset } from '@certplan/ingest';
import { afterEach, describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../../ingest/test/copyCorpusFixture.ts';
import type { ConflictListResponse } from './index.ts';
import { tempContentDir } from './test/fixtureDataset.ts';
import { killServer, listening, type RunningServer, startServer } from './test/serverProcess.ts';

const TOKEN = 'replica-token-0123456789';
const started: RunningServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const running of started.splice(0)) await killServer(running);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function serve(dir: string, env: Record<string, string> = { REVIEW_TOKEN: TOKEN }) {
  const running = startServer({ CONTENT_DIR: dir, ...env });
  started.push(running);
  return { running, base: await listening(running) };
}

async function openConflicts(base: string) {
  const res = await fetch(`${base}/api/conflicts?status=open`);
  return ((await res.json()) as ConflictListResponse).conflicts;
}

const put = (base: string, id: string, etag: string, note: string) =>
  fetch(`${base}/api/conflicts/${id}/review`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, 'If-Match': etag },
    body: JSON.stringify({ decision: 'accept', note }),
  });

async function reviewsOnDisk(dir: string) {
  const file = join(dir, 'reviews.yaml');
  return parseReviews(await readFile(file, 'utf8'), file);
}

/** Polls `probe` every 50 ms until it returns true; resolves with the milliseconds it took. */
async function within(limitMs: number, probe: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - start;
    if (Date.now() - start > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two servers on one content directory', () => {
  it('50 concurrent PUTs with one ETag split across them: exactly one 200, reviews.yaml holds it, both serve it', async () => {
    const dir = await tempContentDir();
    dirs.push(dir);
    const [a, b] = await Promise.all([serve(dir), serve(dir)]);
    const [target] = await openConflicts(a.base);
    expect(target).toBeDefined();

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => put(i % 2 ? b.base : a.base, target!.id, target!.etag, `writer ${i}`)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = (await responses[statuses.indexOf(200)]!.json()) as { conflict: { review: { note: string } } };

    const saved = await reviewsOnDisk(dir);
    expect(saved.map((r) => [r.conflict, r.note])).toEqual([[target!.id, winner.conflict.review.note]]);
    // The replica that lost everything still serves the decision: it reloads reviews.yaml when it changes.
    for (const { base } of [a, b]) {
      await within(5000, async () => !(await openConflicts(base)).some((c) => c.id === target!.id));
    }
  }, 120_000);

  it('decisions on different conflicts, alternating servers, each with its fresh ETag: none is lost', async () => {
    const dir = await tempContentDir();
    dirs.push(dir);
    const [a, b] = await Promise.all([serve(dir), serve(dir)]);
    const conflicts = await openConflicts(a.base);
    expect(conflicts.length).toBeGreaterThanOrEqual(2);
    const results = await Promise.all(
      conflicts.map((c, i) => put(i % 2 ? b.base : a.base, c.id, c.etag, `decision ${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual(conflicts.map(() => 200));
    expect((await reviewsOnDisk(dir)).map((r) => r.conflict).sort()).toEqual(conflicts.map((c) => c.id).sort());
  }, 120_000);

  it('SIGKILL of a server during a burst leaves reviews.yaml valid; the other keeps writing; a restart sweeps the temp file', async () => {
    const dir = await tempContentDir();
    dirs.push(dir);
    const [a, b] = await Promise.all([serve(dir), serve(dir)]);
    const conflicts = await openConflicts(a.base);
    // Keep both servers writing (decide, undo, decide …) and kill one in the middle of it.
    const hammer = async (base: string, index: number, rounds: number) => {
      const id = conflicts[index % conflicts.length]!.id;
      for (let round = 0; round < rounds; round++) {
        const current = await fetch(`${base}/api/conflicts/${id}`).catch(() => null);
        if (!current) return;
        const etag = current.headers.get('ETag')!;
        const decided = ((await current.json()) as { conflict: { review: unknown } }).conflict.review !== null;
        await fetch(`${base}/api/conflicts/${id}/review`, {
          method: decided ? 'DELETE' : 'PUT',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, 'If-Match': etag },
          ...(decided ? {} : { body: JSON.stringify({ decision: 'accept', note: `round ${round}` }) }),
        }).catch(() => null);
      }
    };
    const burst = Promise.all([hammer(a.base, 0, 40), hammer(b.base, 1, 40), hammer(a.base, 1, 40)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    a.running.proc.kill('SIGKILL');
    await burst;
    await a.running.exited;

    // Valid and parseable, whatever moment the kill hit.
    await reviewsOnDisk(dir);
    // A leftover temp file of the killed writer (if the kill hit between create and rename) is swept at start.
    await writeFile(join(dir, `.reviews.yaml.${a.running.proc.pid}.0123456789ab.tmp`), 'partial');
    const restarted = await serve(dir);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(restarted.running.stdout()).toContain('left by an interrupted write');

    // The survivor can still write: a lock the killed server held goes stale and is taken over.
    const [open] = await openConflicts(b.base);
    if (open) expect((await put(b.base, open.id, open.etag, 'after the kill')).status).toBe(200);
  }, 180_000);
});

describe('live data without a restart', () => {
  it('pnpm ingest after adding an article: the new conflict is served without a restart', async () => {
    const dir = copyCorpusFixture(join(await tempContentDir(), 'content'));
    dirs.push(join(dir, '..'));
    buildDataset({ contentDir: dir, outDir: join(dir, 'dataset'), cache: false });
    const { base, running } = await serve(dir);
    const before = await openConflicts(base);
    expect(before.some((c) => c.exam === 'aws-mla-c01' && c.attribute === 'duration')).toBe(false);

    await mkdir(join(dir, 'raw', 'notes'), { recursive: true });
    await writeFile(
      join(dir, 'raw', 'notes', 'mla-length.md'),
      '# MLA-C01 in brief\n\nThe AWS Certified Machine Learning Engineer – Associate (MLA-C01) exam lasts 170 minutes.\n',
    );
    await appendFile(join(dir, 'sources.yaml'), '- file: notes/mla-length.md\n  authority: secondary\n');
    buildDataset({ contentDir: dir, outDir: join(dir, 'dataset'), cache: false });
    // A liveness bound, not a speed one (that is pnpm bench): on a starved machine a keep-alive socket can be
    // closed under a request ("other side closed"), which is a retry unless the server itself has gone.
    const took = await within(60_000, async () => {
      try {
        return (await openConflicts(base)).some((c) => c.exam === 'aws-mla-c01' && c.attribute === 'duration');
      } catch (error) {
        if (running.proc.exitCode !== null || running.proc.signalCode !== null)
          throw new Error(`the server exited during the reload: ${running.stderr()}`, { cause: error });
        return false;
      }
    });
    // Reported, not asserted tightly: a timing bound belongs in pnpm bench, and this machine is shared.
    console.log(`new conflict served ${took} ms after the dataset was rewritten`);
  }, 180_000);

  it('a restart keeps the generated review token (content/.cache/review-token, mode 0600)', async () => {
    const dir = await tempContentDir();
    dirs.push(dir);
    const tokenOf = (running: RunningServer) =>
      /review token \(saved in [^)]*\)[^:]*: (\S+)/.exec(running.stdout())?.[1];
    const first = await serve(dir, {});
    const token = tokenOf(first.running);
    expect(token).toMatch(/^[\w-]{43}$/);
    first.running.proc.kill('SIGTERM');
    await first.running.exited;
    const second = await serve(dir, {});
    expect(tokenOf(second.running)).toBe(token);
    expect((await stat(join(dir, '.cache', 'review-token'))).mode & 0o777).toBe(0o600);
    const [open] = await openConflicts(second.base);
    const res = await fetch(`${second.base}/api/conflicts/${open!.id}/review`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': open!.etag },
      body: JSON.stringify({ decision: 'accept', note: 'with the saved token' }),
    });
    expect(res.status).toBe(200);
  }, 120_000);
});

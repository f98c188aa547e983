/**
 * The real server process: start-up checks (corrupt reviews.yaml, a generated token on a public address),
 * serving, the generated token printed once and working, and a clean shutdown on SIGTERM.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyCorpusFixture } from '../../ingest/test/copyCorpusFixture.ts';
import { tempContentDir } from './test/fixtureDataset.ts';
import { killServer, listening, type RunningServer, startServer } from './test/serverProcess.ts';

type Running = RunningServer;

const started: Running[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const running of started.splice(0)) await killServer(running);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): Running {
  const running = startServer(env);
  started.push(running);
  return running;
}

async function contentDir(): Promise<string> {
  const dir = await tempContentDir();
  dirs.push(dir);
  return dir;
}

describe('server process', () => {
  it('stops at start on a corrupt reviews.yaml, saying file:line:column, and leaves the file alone', async () => {
    const dir = await contentDir();
    const corrupt = 'reviews:\n  - conflict: c-1\n    decision: maybe\n';
    await writeFile(join(dir, 'reviews.yaml'), corrupt);
    const running = start({ CONTENT_DIR: dir, REVIEW_TOKEN: 'x' });
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toMatch(/certplan: cannot start: \S*reviews\.yaml:\d+:\d+: /);
    expect(running.stdout()).not.toContain('listening');
    expect(await readFile(join(dir, 'reviews.yaml'), 'utf8')).toBe(corrupt);
  }, 30_000);

  it('stops at start on a truncated dataset.json, saying which file, and does not rewrite it', async () => {
    const dir = await contentDir();
    const file = join(dir, 'dataset', 'dataset.json');
    const truncated = (await readFile(file, 'utf8')).slice(0, 500);
    await writeFile(file, truncated);
    const running = start({ CONTENT_DIR: dir, REVIEW_TOKEN: 'x' });
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toMatch(/certplan: cannot start: \S*dataset\.json: cannot read the dataset: .*JSON/);
    expect(await readFile(file, 'utf8')).toBe(truncated);
  }, 30_000);

  it('refuses a non-loopback HOST when it would have to generate the review token', async () => {
    const running = start({ CONTENT_DIR: await contentDir(), HOST: '0.0.0.0' });
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain('HOST=0.0.0.0 is not a loopback address and REVIEW_TOKEN is unset');
  }, 30_000);

  it('says how to choose another port when the port is taken, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      const running = start({ CONTENT_DIR: await contentDir(), REVIEW_TOKEN: 'x', PORT: String(port) });
      expect(await running.exited).toBe(1);
      expect(
        running
          .stderr()
          .replaceAll(String(port + 1), '<next>')
          .replaceAll(String(port), '<port>')
          .trim(),
      ).toMatchInlineSnapshot(
        `"certplan: cannot listen on 127.0.0.1:<port>: listen EADDRINUSE: address already in use 127.0.0.1:<port> (another process is listening there; stop it, or choose another port with PORT=<next>)"`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 30_000);

  it('serves, prints a generated token once that allows a review, and stops cleanly on SIGTERM', async () => {
    const dir = await contentDir();
    const running = start({ CONTENT_DIR: dir });
    const base = await listening(running);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = /review token \(saved in [^)]*\)[^:]*: (\S+)/.exec(running.stdout())?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(running.stdout().split(token!).length - 1).toBe(1);

    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ ok: true });
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('web app is not built');
    const conflict = await fetch(`${base}/api/conflicts`).then(
      (r) => r.json() as Promise<{ conflicts: { id: string; etag: string }[] }>,
    );
    const target = conflict.conflicts[0]!;
    const put = (authorization: string) =>
      fetch(`${base}/api/conflicts/${target.id}/review`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: authorization, 'If-Match': target.etag },
        body: JSON.stringify({ decision: 'accept', note: 'checked against the exam guide' }),
      });
    expect((await put('Bearer wrong')).status).toBe(401);
    expect((await put(`Bearer ${token}`)).status).toBe(200);
    expect(await readFile(join(dir, 'reviews.yaml'), 'utf8')).toContain('checked against the exam guide');

    running.proc.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.stdout()).toContain('SIGTERM, shutting down');
  }, 30_000);

  it('refuses to start without a built dataset, saying to run pnpm ingest, and builds nothing', async () => {
    // The API does not carry the ingest pipeline: a content directory with sources but no dataset is an
    // operator's step left out, named with the command that does it.
    const dir = await mkdtemp(join(tmpdir(), 'certplan-content-'));
    dirs.push(dir);
    copyCorpusFixture(dir);
    const running = start({ CONTENT_DIR: dir, REVIEW_TOKEN: 'a-chosen-token' });
    expect(await running.exited).toBe(1);
    expect(running.stdout()).not.toContain('listening');
    expect(running.stderr().split(dir).join('<content>').trim()).toMatchInlineSnapshot(
      `"certplan: cannot start: <content>/dataset/dataset.json is missing: run \`pnpm ingest --content <content>\` to build it from the sources, then start again."`,
    );
    expect(existsSync(join(dir, 'dataset'))).toBe(false);
  }, 30_000);

  it('refuses a mistyped CONTENT_DIR, naming it, before creating anything there (no .cache/review-token)', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'certplan-typo-'));
    dirs.push(parent);
    const typo = join(parent, 'contnet');
    const running = start({ CONTENT_DIR: typo });
    expect(await running.exited).toBe(1);
    expect(running.stdout()).toBe('');
    expect(running.stderr().split(parent).join('<parent>').trim()).toMatchInlineSnapshot(
      `"certplan: cannot start: CONTENT_DIR=<parent>/contnet does not exist: set CONTENT_DIR to the directory holding exams.yaml, sources.yaml and raw/."`,
    );
    expect(existsSync(typo)).toBe(false);

    // A file where the directory should be: the same, and the file is left as it was.
    const file = join(parent, 'content.txt');
    await writeFile(file, 'not a directory\n');
    const onFile = start({ CONTENT_DIR: file });
    expect(await onFile.exited).toBe(1);
    expect(onFile.stderr().split(parent).join('<parent>').trim()).toMatchInlineSnapshot(
      `"certplan: cannot start: CONTENT_DIR=<parent>/content.txt is not a directory: set CONTENT_DIR to the directory holding exams.yaml, sources.yaml and raw/."`,
    );
    expect(await readFile(file, 'utf8')).toBe('not a directory\n');
  }, 30_000);

  it('creates no review token in a directory that holds no dataset', async () => {
    // An existing directory that is not the content directory (CONTENT_DIR=. by mistake): nothing is written.
    const dir = await mkdtemp(join(tmpdir(), 'certplan-not-content-'));
    dirs.push(dir);
    const running = start({ CONTENT_DIR: dir });
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain('dataset.json is missing');
    expect(existsSync(join(dir, '.cache'))).toBe(false);
  }, 30_000);
});

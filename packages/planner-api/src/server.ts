/**
 * The listening entry (`pnpm start`): loads the built dataset (it never builds one: that is `pnpm ingest`), the
 * reviews and reviewers from CONTENT_DIR, serves the API and the built web app on HOST:PORT, reloads any of them
 * when they change on disk (watchContent), and shuts down cleanly on SIGINT/SIGTERM. Anything wrong with the
 * content stops it before it binds, with the file and position, and nothing is written. Without REVIEW_TOKEN it uses the token saved in content/.cache/review-token
 * (created on first start, mode 0600), so a reviewer's token survives restarts.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeStaleTemporaries } from '@certplan/atomic-write';
import {
  CertplanError,
  type Dataset,
  DatasetSchema,
  FRESHNESS_FILE,
  type FreshnessSettings,
  parseFreshnessSettings,
} from '@certplan/core';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { DatasetStore } from './lib/DatasetStore.ts';
import { zodIssues } from './lib/errors.ts';
import { REVIEWERS_FILE, ReviewerRegistry, readReviewersFile } from './lib/ReviewerRegistry.ts';
import { REVIEWS_FILE, readReviewsFile } from './lib/recordReview.ts';
import { loadOrCreateReviewToken, reviewTokenPath } from './lib/reviewToken.ts';
import { textDigest, watchContent } from './lib/watchContent.ts';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return 3000;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CertplanError('invalid_config', `PORT must be an integer 0..65535, got "${text}"`);
  }
  return port;
}

/** The built dataset and the sha-256 of its bytes (so the watcher reloads only when they change). */
async function loadDataset(contentDir: string): Promise<{ dataset: Dataset; digest: string }> {
  const outDir = join(contentDir, 'dataset');
  const file = join(outDir, 'dataset.json');
  if (!existsSync(file)) {
    // The server only reads a built dataset: building one is ingest's job (the ingest pipeline is not a
    // run-time dependency of the API). `pnpm start` builds content/'s through turbo before starting.
    const ingest = contentDir === resolve('content') ? 'pnpm ingest' : `pnpm ingest --content ${contentDir}`;
    throw new CertplanError(
      'invalid_content',
      `${file} is missing: run \`${ingest}\` to build it from the sources, then start again.`,
    );
  }
  let json: unknown;
  let text = '';
  try {
    text = await readFile(file, 'utf8');
    json = JSON.parse(text);
  } catch (error) {
    throw new CertplanError(
      'invalid_content',
      `${file}: cannot read the dataset: ${(error as Error).message}. Rebuild it with pnpm ingest.`,
    );
  }
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = zodIssues(parsed.error)[0];
    throw new CertplanError(
      'invalid_content',
      `${file}: not a certplan dataset at ${issue?.path}: ${issue?.message}. Rebuild it with pnpm ingest.`,
    );
  }
  return { dataset: parsed.data, digest: textDigest(text) };
}

/** content/freshness.yaml: missing means the defaults; a broken one stops the start with file:line:column. */
async function loadFreshnessSettings(contentDir: string): Promise<FreshnessSettings> {
  const file = join(contentDir, FRESHNESS_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new CertplanError('invalid_content', `${file}: cannot read it: ${error.message}`);
  });
  return parseFreshnessSettings(text, file);
}

/**
 * The content directory must exist and be one before anything is read or written there: a mistyped CONTENT_DIR
 * gave a bare ENOENT after the review token had been saved under it (found by a new user's tryout).
 */
async function checkContentDir(contentDir: string, fromEnv: boolean): Promise<void> {
  const named = fromEnv ? `CONTENT_DIR=${contentDir}` : `the content directory ${contentDir}`;
  const info = await stat(contentDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw new CertplanError('invalid_config', `${named}: cannot read it: ${error.message}`);
  });
  const hint = fromEnv
    ? 'set CONTENT_DIR to the directory holding exams.yaml, sources.yaml and raw/'
    : 'run from the repository root or set CONTENT_DIR';
  if (info === null) throw new CertplanError('invalid_config', `${named} does not exist: ${hint}.`);
  if (!info.isDirectory()) throw new CertplanError('invalid_config', `${named} is not a directory: ${hint}.`);
}

async function main(): Promise<void> {
  const env = process.env;
  const contentDir = resolve(env.CONTENT_DIR || 'content');
  const host = env.HOST || '127.0.0.1';
  const port = parsePort(env.PORT);
  let reviewToken = env.REVIEW_TOKEN ?? '';
  const generatedToken = reviewToken === '';
  // A token nobody chose is printed to this console only: it must not open writes to the network.
  if (generatedToken && !isLoopback(host)) {
    throw new CertplanError(
      'invalid_config',
      `HOST=${host} is not a loopback address and REVIEW_TOKEN is unset. Set REVIEW_TOKEN to serve on the network.`,
    );
  }

  // Everything is read and checked before anything is written (the generated token, the temp-file sweep).
  await checkContentDir(contentDir, Boolean(env.CONTENT_DIR));
  const freshness = await loadFreshnessSettings(contentDir);
  const { dataset, digest: datasetDigest } = await loadDataset(contentDir);
  // A reviews.yaml that does not parse stops the start: serving would hide the decisions and a later review
  // would overwrite them.
  const reviews = await readReviewsFile(join(contentDir, REVIEWS_FILE));
  const reviewersPath = join(contentDir, REVIEWERS_FILE);
  const reviewerEntries = await readReviewersFile(reviewersPath);
  if (generatedToken) reviewToken = (await loadOrCreateReviewToken(contentDir)).token;
  const store = new DatasetStore(dataset, { reviews, asOf: () => new Date().toISOString().slice(0, 10) });
  store.applyReviews(reviews);
  const reviewers = new ReviewerRegistry(reviewToken, reviewerEntries);
  // A write cut off by SIGKILL leaves its temporary file beside reviews.yaml: remove those of dead writers.
  for (const name of removeStaleTemporaries(join(contentDir, REVIEWS_FILE)))
    console.log(`certplan: removed ${name}, left by an interrupted write`);
  const watcher = watchContent({
    contentDir,
    store,
    datasetDigest,
    extra: [{ path: reviewersPath, load: async () => reviewers.replace(await readReviewersFile(reviewersPath)) }],
  });

  const webRoot = env.WEB_ROOT ? resolve(env.WEB_ROOT) : fileURLToPath(new URL('../../web/dist', import.meta.url));
  const app = createApp({
    dataset: store,
    contentDir,
    reviewToken,
    reviewers,
    clock: () => new Date(),
    freshness,
    webRoot: existsSync(join(webRoot, 'index.html')) ? webRoot : null,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  });

  const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
    const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    // The token first: whoever waits for "listening" has seen it by then.
    if (generatedToken) {
      console.log(
        `certplan: review token (saved in ${reviewTokenPath(contentDir)}, kept across restarts; set REVIEW_TOKEN to choose one): ${reviewToken}`,
      );
    }
    console.log(`certplan: listening on http://${shownHost}:${info.port} (content: ${contentDir})`);
  });
  server.on('error', (error) => {
    // Most often another certplan (or anything else) already has the port: say how to pick another one.
    const hint =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? ` (another process is listening there; stop it, or choose another port with PORT=${port + 1})`
        : '';
    console.error(`certplan: cannot listen on ${host}:${port}: ${error.message}${hint}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    watcher.close();
    console.log(`certplan: ${signal}, shutting down`);
    // In-flight requests (a review being written) finish; idle keep-alive sockets would hold close() open.
    server.close(() => process.exit(0));
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Content problems (a missing file, bad YAML) are the operator's to fix: say what, not where in our code.
  const message =
    error instanceof Error ? (process.env.DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
  console.error(`certplan: cannot start: ${message}`);
  process.exit(1);
});

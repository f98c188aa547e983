/**
 * Starts the real certplan server (packages/planner-api/src/server.ts, the `pnpm start` entry) on
 * 127.0.0.1 and an ephemeral port over a temporary copy of the seed corpus (ingest's test fixture plus the five
 * seed articles; never the live content/, so new articles never change what the tests see), whose dataset it
 * first builds with the ingest CLI, serving a given build of the web app. `stop()` ends it and removes the copy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyCorpusFixture } from '../../ingest/test/copyCorpusFixture.ts';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface CertplanServer {
  url: string;
  token: string;
  contentDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  webRoot: string;
  /** A content directory to copy instead of the seed corpus (a test's own fixture catalog and sources). */
  contentFrom?: string;
  /** Extra raw sources: file name under content/raw/ → path of the file to copy there, registered in sources.yaml. */
  extraSources?: Record<string, string>;
  /** Reviewers with their own tokens (name → token): written to content/reviewers.yaml as SHA-256 hashes. */
  reviewers?: Record<string, string>;
  startTimeoutMs?: number;
}

export async function startCertplanServer(options: ServerOptions): Promise<CertplanServer> {
  const contentDir = await mkdtemp(join(tmpdir(), 'certplan-e2e-content-'));
  // A fresh copy without a built dataset: built below from the sources, extra ones included.
  const { contentFrom } = options;
  if (contentFrom) {
    await cp(contentFrom, contentDir, {
      recursive: true,
      filter: (source) => !/^[\\/](dataset|\.cache)([\\/]|$)/.test(source.slice(contentFrom.length)),
    });
  } else {
    copyCorpusFixture(contentDir);
  }
  for (const [name, from] of Object.entries(options.extraSources ?? {})) {
    await copyFile(from, join(contentDir, 'raw', name));
    await appendFile(join(contentDir, 'sources.yaml'), `- file: ${name}\n  authority: secondary\n`);
  }

  const reviewers = Object.entries(options.reviewers ?? {});
  if (reviewers.length > 0) {
    const entries = reviewers.map(
      ([name, token]) => `  - name: ${name}\n    tokenSha256: ${createHash('sha256').update(token).digest('hex')}\n`,
    );
    await writeFile(join(contentDir, 'reviewers.yaml'), `reviewers:\n${entries.join('')}`);
  }

  // `pnpm ingest` as a maintainer runs it: the server only reads a built dataset.
  await buildDataset(contentDir);

  const token = `e2e-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'packages/planner-api/src/server.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        CONTENT_DIR: contentDir,
        WEB_ROOT: options.webRoot,
        REVIEW_TOKEN: token,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(contentDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`certplan server did not start in time. Output:\n${output}`)),
      options.startTimeoutMs ?? 90_000,
    );
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`certplan server exited with ${code} before listening. Output:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { url, token, contentDir, output: () => output, stop };
}

/** Runs the ingest CLI (`pnpm ingest --content DIR`) on `contentDir`; rejects with its output if it fails. */
function buildDataset(contentDir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'packages/ingest/src/cli.ts'), '--content', contentDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((done, fail) => {
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`pnpm ingest exited with ${code} on ${contentDir}. Output:\n${output}`)),
    );
  });
}

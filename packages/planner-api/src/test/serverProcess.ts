/**
 * The real server (server.ts, the `pnpm start` entry) as a child process, for tests: started on an ephemeral
 * port with the caller's environment minus REVIEW_TOKEN/HOST/PORT/CONTENT_DIR, output captured.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverPath = fileURLToPath(new URL('../server.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

export function startServer(env: Record<string, string>): RunningServer {
  const { REVIEW_TOKEN: _token, HOST: _host, PORT: _port, CONTENT_DIR: _content, ...inherited } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', serverPath], {
    cwd: packageDir,
    env: { ...inherited, PORT: '0', WEB_ROOT: join(tmpdir(), 'certplan-no-web-root'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (chunk) => {
    stdout += chunk;
  });
  proc.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves with the base URL once the server says it listens; rejects if it exits first. */
export function listening(running: RunningServer): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+?) /.exec(running.stdout());
      if (match) {
        running.proc.stdout!.off('data', check);
        resolve(match[1]!);
      }
    };
    running.proc.stdout!.on('data', check);
    check();
    running.exited.then((code) => reject(new Error(`server exited with ${code}: ${running.stderr()}`)));
  });
}

/** Stops a server that may still run (SIGKILL) and waits for it to exit. */
export async function killServer(running: RunningServer): Promise<void> {
  if (running.proc.exitCode === null && running.proc.signalCode === null) running.proc.kill('SIGKILL');
  await running.exited;
}

/**
 * Starts the real API server (packages/planner-api/src/server.ts) as its own process on 127.0.0.1 and a free
 * port, waits until it answers, and stops it. Its pid is the server's (tsx runs in-process via --import), so
 * its resident memory can be read from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './childJob.ts';

export const serverEntry = join(repoRoot, 'packages/planner-api/src/server.ts');

export interface RunningServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** The server's output so far (for error messages). */
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function startServer(options: { env?: NodeJS.ProcessEnv; execArgv?: string[]; timeoutMs?: number } = {}) {
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} does not exist yet`);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.execArgv ?? []), serverEntry], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
  };
  // The server may announce another address (e.g. when it ignores PORT); prefer what it says.
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let url = `http://127.0.0.1:${port}`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output.trim()}`);
    const announced = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(output);
    if (announced) url = `http://127.0.0.1:${announced[1]}`;
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return { url, pid: child.pid!, child, output: () => output, stop } satisfies RunningServer;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`server did not answer GET /api/health within ${options.timeoutMs ?? 60_000} ms:\n${output.trim()}`);
}

/** A typical plan request: the exam most sources cover, 8 hours a week, twelve weeks from today. */
export function typicalPlanRequest(today = new Date()): Record<string, unknown> {
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return { exam: 'gcp-pmle', hoursPerWeek: 8, startDate: day(1), examDate: day(1 + 12 * 7), experienceYears: 2 };
}

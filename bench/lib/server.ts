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

/**
 * A realistic mix of plan requests, deterministic from `seed`: every exam the server can plan today (a retired
 * one is refused and left out), 4 to 20 hours a week, start today to a month out, and either an exam date
 * 6 to 26 weeks on, a target of 40 to 200 hours, or neither (the planner's default); sometimes years of
 * experience, sometimes self-rated proficiency on some of the exam's domains (names from a probe plan). Each
 * body is checked to answer 200, so a load run measures plans, not refusals.
 */
export async function variedPlanRequests(
  url: string,
  options: { count?: number; seed?: number; today?: Date } = {},
): Promise<Record<string, unknown>[]> {
  const count = options.count ?? 64;
  const today = options.today ?? new Date();
  let state = options.seed ?? 20261122;
  // mulberry32: small, seeded, good enough to vary inputs.
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const post = (body: unknown) =>
    fetch(`${url}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const listed = (await (await fetch(`${url}/api/exams`)).json()) as { exams: { id: string }[] };
  const exams: { id: string; domains: string[] }[] = [];
  for (const { id } of listed.exams) {
    const probe = await post({ exam: id, hoursPerWeek: 8, startDate: day(1), targetHours: 40 });
    if (!probe.ok) continue; // retired: refused with 422
    const { plan } = (await probe.json()) as { plan: { domains: { name: string }[] } };
    exams.push({ id, domains: plan.domains.map((d) => d.name) });
  }
  if (exams.length === 0) throw new Error('variedPlanRequests: no exam can be planned');

  const bodies: Record<string, unknown>[] = [];
  for (let attempt = 0; bodies.length < count && attempt < count * 4; attempt++) {
    const exam = exams[bodies.length % exams.length] as (typeof exams)[number];
    const start = Math.floor(random() * 31);
    const body: Record<string, unknown> = {
      exam: exam.id,
      hoursPerWeek: pick([4, 5, 6, 7.5, 8, 10, 12, 15, 20]),
      startDate: day(start),
    };
    const horizon = random();
    if (horizon < 0.5) body.examDate = day(start + 7 * (6 + Math.floor(random() * 21)));
    else if (horizon < 0.85) body.targetHours = 40 + 5 * Math.floor(random() * 33);
    if (random() < 0.5) body.experienceYears = Math.floor(random() * 6);
    if (random() < 0.4 && exam.domains.length > 0) {
      const proficiency: Record<string, number> = {};
      for (const name of exam.domains) if (random() < 0.6) proficiency[name] = 1 + Math.floor(random() * 5);
      body.proficiency = proficiency;
    }
    const answer = await post(body);
    await answer.arrayBuffer();
    if (answer.ok) bodies.push(body);
  }
  return bodies;
}

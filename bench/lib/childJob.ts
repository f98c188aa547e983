/**
 * Runs one measurement in a fresh Node process (TypeScript through tsx), so each gets its own heap and its peak
 * resident memory (`process.resourceUsage().maxRSS`) belongs to that measurement alone. The child sends one
 * message with its result; a timeout bounds every job.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface JobUsage {
  /** Peak resident set size of the child, in MB. */
  maxRssMB: number;
  /** User + system CPU time of the child, in ms (over wall time: how many cores it kept busy). */
  cpuMs: number;
}

export async function runJob<T>(
  script: string,
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; execArgv?: string[] },
): Promise<T & { usage: JobUsage }> {
  const child = fork(fileURLToPath(new URL(`../jobs/${script}`, import.meta.url)), args, {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  return await new Promise((resolve, reject) => {
    let result: (T & { usage: JobUsage }) | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')}: timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on('message', (message) => {
      result = message as T & { usage: JobUsage };
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result && code === 0) resolve(result);
      else {
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        reject(new Error(`${script} ${args.join(' ')}: ${why}\n${stderr.trim()}`));
      }
    });
  });
}

/** Call at the end of a job: sends the result with this process's peak memory and CPU time, then exits. */
export function finishJob(result: object): void {
  const usage = process.resourceUsage();
  const message = {
    ...result,
    usage: { maxRssMB: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 },
  };
  process.send!(message, () => process.exit(0));
}

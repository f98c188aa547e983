/**
 * `pnpm soak`: 60 s at 50 connections on POST /api/plans against the real server on loopback. Passes when no
 * request failed (socket error, timeout or non-2xx) and the server's resident memory at the end is within 20 %
 * of its resident memory after a warm-up: a leak per request shows up as steady growth over 60 s.
 *
 * Options: --seconds 60 --connections 50 --warmup 15. Exits 1 on failure, 2 when the server cannot start.
 */
import { load } from './lib/load.ts';
import { type RunningServer, rssOf, startServer, variedPlanRequests } from './lib/server.ts';

/** Asks the server's memory probe for a full GC and its heap figures (see lib/memoryProbe.ts). */
async function probeMemory(server: RunningServer): Promise<Record<string, number> | null> {
  const seen = server.output().length;
  server.child.kill('SIGUSR2');
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const line = /memory-probe (.*)/.exec(server.output().slice(seen))?.[1];
    if (line) return Object.fromEntries(line.split(' ').map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])]));
  }
  return null;
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
  return value;
};
const seconds = arg('seconds', 60);
const connections = arg('connections', 50);
const warmup = arg('warmup', 15);
const RSS_TOLERANCE = 0.2;

// Hard bound on the whole run, whatever happens to the server.
const guard = setTimeout(
  () => {
    console.error(`soak: gave up after ${seconds + warmup + 90} s`);
    process.exit(1);
  },
  (seconds + warmup + 90) * 1000,
);
guard.unref();

let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer({
    execArgv: ['--expose-gc', '--import', new URL('./lib/memoryProbe.ts', import.meta.url).href],
  });
} catch (error) {
  console.error(`soak: cannot start the server: ${(error as Error).message}`);
  process.exit(2);
}

let failed = false;
try {
  // Varied bodies (every plannable exam, hours, dates, proficiency), each connection cycling through them.
  const bodies = await variedPlanRequests(server.url);
  const url = `${server.url}/api/plans`;
  const startRss = rssOf(server.pid);
  console.log(`soak: server pid ${server.pid} at ${server.url}, RSS at start ${startRss?.toFixed(1)} MB`);
  const warm = await load({ url, method: 'POST', bodies, connections, seconds: warmup });
  await new Promise((r) => setTimeout(r, 1000));
  const warmRss = rssOf(server.pid);
  const warmHeap = await probeMemory(server);
  console.log(`soak: warm-up ${warmup} s: ${warm.rps.toFixed(0)} req/s; RSS after warm-up ${warmRss?.toFixed(1)} MB`);

  const samples: number[] = [];
  const sampler = setInterval(() => {
    const rss = rssOf(server.pid);
    if (rss !== null) samples.push(rss);
  }, 1000);
  const run = await load({ url, method: 'POST', bodies, connections, seconds });
  clearInterval(sampler);
  const endRss = rssOf(server.pid);
  const alive = server.child.exitCode === null;
  // Probed after the keep-alive timeout (5 s) so idle sockets and their buffers are gone: what is left is held.
  await new Promise((r) => setTimeout(r, 6000));
  const endHeap = alive ? await probeMemory(server) : null;

  // The trajectory tells a leak (steady climb) from a heap settling to its working size (climb, then flat).
  const every = Math.max(1, Math.round(samples.length / 12));
  const trajectory = samples.filter((_, i) => i % every === 0 || i === samples.length - 1).map((r) => r.toFixed(0));
  console.log(`soak: RSS every ${every} s during the run (MB): ${trajectory.join(' ')}`);

  const growth = warmRss && endRss ? endRss / warmRss - 1 : Number.NaN;
  const peak = samples.length ? Math.max(...samples) : Number.NaN;
  const rows: [string, string, string, boolean][] = [
    [`POST /api/plans, ${connections} connections`, `${run.requests} requests in ${seconds} s`, '', true],
    ['throughput', `${run.rps.toFixed(0)} req/s`, '', true],
    ['latency p50 / p99 / max', `${run.p50} / ${run.p99} / ${run.max} ms`, '', true],
    ['errors + timeouts', String(run.errors), '0', run.errors === 0],
    ['non-2xx responses', String(run.non2xx), '0', run.non2xx === 0],
    ['server still running', String(alive), 'true', alive],
    ['RSS after warm-up', `${warmRss?.toFixed(1)} MB`, '', true],
    ['RSS peak during run', `${peak.toFixed(1)} MB`, '', true],
    [
      'RSS at end vs after warm-up',
      `${endRss?.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
      `within ±${RSS_TOLERANCE * 100} %`,
      Number.isFinite(growth) && Math.abs(growth) <= RSS_TOLERANCE,
    ],
  ];
  if (warmHeap && endHeap) {
    const line = (h: Record<string, number>) =>
      `heap used after full GC ${h.heapUsedAfterGc} MB, heap total ${h.heapTotal} MB, external ${h.external} MB`;
    console.log(`soak: after warm-up: ${line(warmHeap)}\nsoak: 6 s after end: ${line(endHeap)}`);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target, ok] of rows) {
    console.log(
      `${name.padEnd(width)}  ${value.padEnd(34)} ${target.padEnd(16)} ${target ? (ok ? 'pass' : 'FAIL') : ''}`,
    );
    if (!ok) failed = true;
  }
  if (failed) console.log(`soak: FAILED. Server output tail:\n${server.output().slice(-1500)}`);
  else console.log('soak: passed');
} catch (error) {
  failed = true;
  console.error(`soak: ${(error as Error).stack}`);
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);

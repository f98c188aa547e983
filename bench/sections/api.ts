/**
 * API throughput: autocannon against POST /api/plans and against GET /api/health of the same server process
 * (the floor: same app, middleware and socket, no planning), 50 connections, same duration, alternating so
 * background noise hits both alike. The load generator shares the machine's two cores with the server.
 * Plan bodies vary (64 realistic requests over every plannable exam, hours, dates, experience, proficiency,
 * each connection cycling through them), so nothing the server could cache for one body flatters the figure.
 */
import { atLeast, atMost, figure, type SectionResult } from '../lib/figures.ts';
import { type LoadResult, load } from '../lib/load.ts';
import { startServer, variedPlanRequests } from '../lib/server.ts';

const SECTION = 'api';

export async function benchApi(options: {
  seconds: number;
  rounds: number;
  connections: number;
}): Promise<SectionResult> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer();
  } catch (error) {
    return {
      section: SECTION,
      skipped: `server not available: ${(error as Error).message.split('\n')[0]}`,
      figures: [],
    };
  }
  try {
    let bodies: Record<string, unknown>[];
    try {
      bodies = await variedPlanRequests(server.url);
    } catch (error) {
      return { section: SECTION, skipped: `POST /api/plans: ${(error as Error).message}`, figures: [] };
    }
    // Response sizes over the mix, to report the payload next to the throughput.
    const sizes: number[] = [];
    for (const body of bodies) {
      const answer = await fetch(`${server.url}/api/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      sizes.push((await answer.arrayBuffer()).byteLength);
    }
    sizes.sort((a, b) => a - b);
    const medianBytes = sizes[Math.floor(sizes.length / 2)] as number;
    const plans = {
      url: `${server.url}/api/plans`,
      method: 'POST' as const,
      bodies,
      connections: options.connections,
    };
    const health = { url: `${server.url}/api/health`, connections: options.connections };
    // Warm-up: JIT, caches and connection pools, not measured.
    await load({ ...plans, seconds: 2 });
    await load({ ...health, seconds: 1 });
    const runs: { health: LoadResult[]; plans: LoadResult[] } = { health: [], plans: [] };
    for (let round = 0; round < options.rounds; round++) {
      runs.health.push(await load({ ...health, seconds: options.seconds }));
      runs.plans.push(await load({ ...plans, seconds: options.seconds }));
    }
    const rps = (rs: LoadResult[]) => rs.reduce((s, r) => s + r.requests, 0) / rs.reduce((s, r) => s + r.seconds, 0);
    const healthRps = rps(runs.health);
    const plansRps = rps(runs.plans);
    const p50 = runs.plans.reduce((s, r) => s + r.p50, 0) / runs.plans.length;
    const p99 = Math.max(...runs.plans.map((r) => r.p99));
    const failures = [...runs.health, ...runs.plans].reduce((s, r) => s + r.errors + r.non2xx, 0);
    const each = `${options.connections} conn, ${options.rounds}×${options.seconds} s each`;
    return {
      section: SECTION,
      figures: [
        figure(SECTION, 'GET /api/health (floor)', healthRps, 'req/s', undefined, each),
        figure(SECTION, 'POST /api/plans', plansRps, 'req/s', undefined, each),
        figure(SECTION, 'plans / health req/s', plansRps / healthRps, '×', atLeast(0.7)),
        figure(SECTION, 'plans p50 latency', p50, 'ms'),
        figure(SECTION, 'plans p99 latency', p99, 'ms', atMost(25, ' ms'), 'worst round'),
        figure(
          SECTION,
          'plan response size (median)',
          medianBytes / 1024,
          'KB',
          undefined,
          `${bodies.length} bodies, ${(sizes[0]! / 1024).toFixed(1)}–${(sizes[sizes.length - 1]! / 1024).toFixed(1)} KB`,
        ),
        figure(SECTION, 'errors + non-2xx', failures, '', atMost(0)),
      ],
      details: runs,
    };
  } finally {
    await server.stop();
  }
}

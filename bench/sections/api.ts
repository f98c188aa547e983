/**
 * API throughput: autocannon against POST /api/plans and against GET /api/health of the same server process
 * (the floor: same app, middleware and socket, no planning), 50 connections, same duration, alternating so
 * background noise hits both alike. The load generator shares the machine's two cores with the server.
 * Plan bodies vary (64 realistic requests over every plannable exam, hours, dates, experience, proficiency,
 * each connection cycling through them), so nothing the server could cache for one body flatters the figure.
 * The same plans are also fetched as GET /api/plans?<canonical query> (the cacheable form: ETag, no body to
 * parse), and both with Accept-Encoding: br, gzip (brotli on the wire, as a browser asks).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../lib/childJob.ts';
import { atLeast, atMost, figure, type SectionResult } from '../lib/figures.ts';
import { type LoadResult, load } from '../lib/load.ts';
import { freePort, startServer, variedPlanRequests } from '../lib/server.ts';

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
    const answers: string[] = [];
    for (const body of bodies) {
      const answer = await fetch(`${server.url}/api/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      answers.push(await answer.text());
    }
    answers.sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b));
    const sizes = answers.map((a) => Buffer.byteLength(a));
    const medianBytes = sizes[Math.floor(sizes.length / 2)] as number;
    const plans = {
      url: `${server.url}/api/plans`,
      method: 'POST' as const,
      bodies,
      connections: options.connections,
    };
    const health = { url: `${server.url}/api/health`, connections: options.connections };
    // The same plans by GET, each at its canonical query (the plan says it), and both kinds compressed.
    const paths = answers.map(
      (answer) => `/api/plans?${(JSON.parse(answer) as { plan: { query: string } }).plan.query}`,
    );
    const gets = { url: `${server.url}/api/plans`, paths, connections: options.connections };
    const compressed = { 'accept-encoding': 'br, gzip' };
    // Warm-up: JIT, caches and connection pools, not measured.
    await load({ ...plans, seconds: 2 });
    await load({ ...health, seconds: 1 });
    await load({ ...gets, seconds: 1 });
    const runs: {
      health: LoadResult[];
      plans: LoadResult[];
      gets: LoadResult[];
      postsBrotli: LoadResult[];
      getsBrotli: LoadResult[];
    } = { health: [], plans: [], gets: [], postsBrotli: [], getsBrotli: [] };
    for (let round = 0; round < options.rounds; round++) {
      runs.health.push(await load({ ...health, seconds: options.seconds }));
      runs.plans.push(await load({ ...plans, seconds: options.seconds }));
      runs.gets.push(await load({ ...gets, seconds: options.seconds }));
      runs.postsBrotli.push(await load({ ...plans, headers: compressed, seconds: options.seconds }));
      runs.getsBrotli.push(await load({ ...gets, headers: compressed, seconds: options.seconds }));
    }
    const compressedSizes = await Promise.all(
      paths.slice(0, 8).map(async (path) => {
        const res = await fetch(server.url + path, { headers: { 'accept-encoding': 'br' } });
        // fetch decodes the body; the wire size is what the server sent.
        return Number(res.headers.get('content-length') ?? (await res.arrayBuffer()).byteLength);
      }),
    );
    const rps = (rs: LoadResult[]) => rs.reduce((s, r) => s + r.requests, 0) / rs.reduce((s, r) => s + r.seconds, 0);
    const healthRps = rps(runs.health);
    const plansRps = rps(runs.plans);
    const p50 = runs.plans.reduce((s, r) => s + r.p50, 0) / runs.plans.length;
    const p99 = Math.max(...runs.plans.map((r) => r.p99));
    const floor = await measureFloor(answers[Math.floor(answers.length / 2)] as string, bodies, options);
    const failures = [...runs.health, ...runs.plans, ...runs.gets, ...runs.postsBrotli, ...runs.getsBrotli].reduce(
      (s, r) => s + r.errors + r.non2xx,
      0,
    );
    const each = `${options.connections} conn, ${options.rounds}×${options.seconds} s each`;
    return {
      section: SECTION,
      figures: [
        figure(SECTION, 'GET /api/health (floor)', healthRps, 'req/s', undefined, each),
        figure(SECTION, 'POST /api/plans', plansRps, 'req/s', undefined, each),
        figure(SECTION, 'plans / health req/s', plansRps / healthRps, '×', atLeast(0.7)),
        figure(SECTION, 'GET /api/plans (canonical query)', rps(runs.gets), 'req/s', undefined, each),
        figure(
          SECTION,
          'POST /api/plans, brotli',
          rps(runs.postsBrotli),
          'req/s',
          undefined,
          'Accept-Encoding: br, gzip',
        ),
        figure(
          SECTION,
          'GET /api/plans, brotli',
          rps(runs.getsBrotli),
          'req/s',
          undefined,
          'Accept-Encoding: br, gzip',
        ),
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
        figure(
          SECTION,
          'plan response size, brotli (median of 8)',
          ([...compressedSizes].sort((a, b) => a - b)[4] as number) / 1024,
          'KB',
        ),
        ...(floor
          ? [
              figure(
                SECTION,
                'stack floor: same bytes, no planning',
                floor.fixedRps,
                'req/s',
                undefined,
                `plan body in, pre-serialised ${(medianBytes / 1024).toFixed(1)} KB plan out; ${(floor.fixedRps / floor.healthRps).toFixed(3)} × that process's health (${Math.round(floor.healthRps)} req/s)`,
              ),
              figure(SECTION, 'plans / stack floor req/s', plansRps / floor.fixedRps, '×', undefined, 'our code'),
            ]
          : []),
        figure(SECTION, 'errors + non-2xx', failures, '', atMost(0)),
      ],
      details: { ...runs, floor },
    };
  } finally {
    await server.stop();
  }
}

/**
 * What the HTTP stack alone allows for a response this size: the same app (createApp with the same middleware,
 * @hono/node-server) in its own process, plus one route that reads the plan request as JSON and answers a
 * plan of median size serialised in advance: no validation, no planning, no serialisation. Alternates with that
 * process's GET /api/health like the main runs. Null when the floor server cannot start (the figure is context).
 */
async function measureFloor(
  plan: string,
  bodies: Record<string, unknown>[],
  options: { seconds: number; rounds: number; connections: number },
): Promise<{ healthRps: number; fixedRps: number; fixed: LoadResult[]; health: LoadResult[] } | null> {
  const dir = mkdtempSync(join(tmpdir(), 'certplan-floor-'));
  const api = createRequire(join(repoRoot, 'packages/planner-api/package.json'));
  const url = (path: string) => JSON.stringify(pathToFileURL(path).href);
  writeFileSync(join(dir, 'plan.json'), plan);
  writeFileSync(
    join(dir, 'floor.mts'),
    `import { readFileSync } from 'node:fs';
import { serve } from ${url(api.resolve('@hono/node-server'))};
import { createApp, DatasetStore } from ${url(join(repoRoot, 'packages/planner-api/src/index.ts'))};
const dataset = JSON.parse(readFileSync(${JSON.stringify(join(repoRoot, 'content/dataset/dataset.json'))}, 'utf8'));
const app = createApp({ dataset: new DatasetStore(dataset), contentDir: ${JSON.stringify(join(repoRoot, 'content'))}, reviewToken: 'floor', clock: () => new Date(), webRoot: null });
const plan = readFileSync(${JSON.stringify(join(dir, 'plan.json'))}, 'utf8');
app.post('/api/floor', async (c) => { await c.req.json(); return c.body(plan, 200, { 'Content-Type': 'application/json' }); });
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) }, (info) => console.log('floor listening on ' + info.port));
`,
  );
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'floor.mts')], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const up = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 30_000);
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('floor listening')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.once('exit', () => resolve(false));
    });
    if (!up) return null;
    const base = `http://127.0.0.1:${port}`;
    const fixedRun = { url: `${base}/api/floor`, method: 'POST' as const, bodies, connections: options.connections };
    const healthRun = { url: `${base}/api/health`, connections: options.connections };
    await load({ ...fixedRun, seconds: 1 });
    const fixed: LoadResult[] = [];
    const health: LoadResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      health.push(await load({ ...healthRun, seconds: options.seconds }));
      fixed.push(await load({ ...fixedRun, seconds: options.seconds }));
    }
    const rps = (rs: LoadResult[]) => rs.reduce((s, r) => s + r.requests, 0) / rs.reduce((s, r) => s + r.seconds, 0);
    return { healthRps: rps(health), fixedRps: rps(fixed), fixed, health };
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
